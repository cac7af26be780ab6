import * as migration_20261125_085221_initial from './20261125_085221_initial';
import * as migration_20261125_090000_users_case_insensitive from './20261125_090000_users_case_insensitive';
import * as migration_20261125_094232_content_domains from './20261125_094232_content_domains';
import * as migration_20261125_235900_downloads_constraints from './20261125_235900_downloads_constraints';
import * as migration_20261125_235901_pages_legacy_id from './20261125_235901_pages_legacy_id';
import * as migration_20261125_235902_jobs_search from './20261125_235902_jobs_search';
import * as migration_20261129_183006_sponsors from './20261129_183006_sponsors';
import * as migration_20261129_183032_elections from './20261129_183032_elections';
import * as migration_20261129_183033_elections_constraints from './20261129_183033_elections_constraints';
import * as migration_20261129_183100_sponsors_constraints from './20261129_183100_sponsors_constraints';
import * as migration_20261129_183823_events from './20261129_183823_events';
import * as migration_20261129_183944_email_logs_file_and_resend from './20261129_183944_email_logs_file_and_resend';
import * as migration_20261129_191843_pages_tree_seo_defaults_release_derivation from './20261129_191843_pages_tree_seo_defaults_release_derivation';
import * as migration_20261129_191900_pages_tree_release_backstops from './20261129_191900_pages_tree_release_backstops';
import * as migration_20261129_235900_events_constraints from './20261129_235900_events_constraints';
import * as migration_20261129_235950_seed_records from './20261129_235950_seed_records';
import * as migration_20261130_000000_import from './20261130_000000_import';
import * as migration_20261130_000001_import_constraints from './20261130_000001_import_constraints';
import * as migration_20261130_000002_history from './20261130_000002_history';
import * as migration_20261130_000003_history_cascade from './20261130_000003_history_cascade';
import * as migration_20261130_000004_delete_rules from './20261130_000004_delete_rules';
import * as migration_20261130_000005_richtext_content_types from './20261130_000005_richtext_content_types';
import * as migration_20261130_000006_richtext from './20261130_000006_richtext';

export const migrations = [
  {
    up: migration_20261125_085221_initial.up,
    down: migration_20261125_085221_initial.down,
    name: '20261125_085221_initial',
  },
  {
    up: migration_20261125_090000_users_case_insensitive.up,
    down: migration_20261125_090000_users_case_insensitive.down,
    name: '20261125_090000_users_case_insensitive',
  },
  {
    up: migration_20261125_094232_content_domains.up,
    down: migration_20261125_094232_content_domains.down,
    name: '20261125_094232_content_domains',
  },
  {
    up: migration_20261125_235900_downloads_constraints.up,
    down: migration_20261125_235900_downloads_constraints.down,
    name: '20261125_235900_downloads_constraints',
  },
  {
    up: migration_20261125_235901_pages_legacy_id.up,
    down: migration_20261125_235901_pages_legacy_id.down,
    name: '20261125_235901_pages_legacy_id',
  },
  {
    up: migration_20261125_235902_jobs_search.up,
    down: migration_20261125_235902_jobs_search.down,
    name: '20261125_235902_jobs_search',
  },
  {
    up: migration_20261129_183006_sponsors.up,
    down: migration_20261129_183006_sponsors.down,
    name: '20261129_183006_sponsors',
  },
  {
    up: migration_20261129_183032_elections.up,
    down: migration_20261129_183032_elections.down,
    name: '20261129_183032_elections',
  },
  {
    up: migration_20261129_183033_elections_constraints.up,
    down: migration_20261129_183033_elections_constraints.down,
    name: '20261129_183033_elections_constraints',
  },
  {
    up: migration_20261129_183100_sponsors_constraints.up,
    down: migration_20261129_183100_sponsors_constraints.down,
    name: '20261129_183100_sponsors_constraints',
  },
  {
    up: migration_20261129_183823_events.up,
    down: migration_20261129_183823_events.down,
    name: '20261129_183823_events',
  },
  {
    up: migration_20261129_183944_email_logs_file_and_resend.up,
    down: migration_20261129_183944_email_logs_file_and_resend.down,
    name: '20261129_183944_email_logs_file_and_resend',
  },
  {
    up: migration_20261129_191843_pages_tree_seo_defaults_release_derivation.up,
    down: migration_20261129_191843_pages_tree_seo_defaults_release_derivation.down,
    name: '20261129_191843_pages_tree_seo_defaults_release_derivation',
  },
  {
    up: migration_20261129_191900_pages_tree_release_backstops.up,
    down: migration_20261129_191900_pages_tree_release_backstops.down,
    name: '20261129_191900_pages_tree_release_backstops',
  },
  {
    up: migration_20261129_235900_events_constraints.up,
    down: migration_20261129_235900_events_constraints.down,
    name: '20261129_235900_events_constraints',
  },
  {
    up: migration_20261129_235950_seed_records.up,
    down: migration_20261129_235950_seed_records.down,
    name: '20261129_235950_seed_records',
  },
  {
    up: migration_20261130_000000_import.up,
    down: migration_20261130_000000_import.down,
    name: '20261130_000000_import',
  },
  {
    up: migration_20261130_000001_import_constraints.up,
    down: migration_20261130_000001_import_constraints.down,
    name: '20261130_000001_import_constraints',
  },
  {
    up: migration_20261130_000002_history.up,
    down: migration_20261130_000002_history.down,
    name: '20261130_000002_history',
  },
  {
    up: migration_20261130_000003_history_cascade.up,
    down: migration_20261130_000003_history_cascade.down,
    name: '20261130_000003_history_cascade',
  },
  {
    up: migration_20261130_000004_delete_rules.up,
    down: migration_20261130_000004_delete_rules.down,
    name: '20261130_000004_delete_rules',
  },
  {
    up: migration_20261130_000005_richtext_content_types.up,
    down: migration_20261130_000005_richtext_content_types.down,
    name: '20261130_000005_richtext_content_types',
  },
  {
    up: migration_20261130_000006_richtext.up,
    down: migration_20261130_000006_richtext.down,
    name: '20261130_000006_richtext',
  },
];
