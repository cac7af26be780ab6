import * as migration_20261125_085221_initial from './20261125_085221_initial';
import * as migration_20261125_090000_users_case_insensitive from './20261125_090000_users_case_insensitive';
import * as migration_20261125_094232_content_domains from './20261125_094232_content_domains';
import * as migration_20261125_235900_downloads_constraints from './20261125_235900_downloads_constraints';
import * as migration_20261125_235901_pages_legacy_id from './20261125_235901_pages_legacy_id';
import * as migration_20261125_235902_jobs_search from './20261125_235902_jobs_search';
import * as migration_20261129_191843_pages_tree_seo_defaults_release_derivation from './20261129_191843_pages_tree_seo_defaults_release_derivation';
import * as migration_20261129_191900_pages_tree_release_backstops from './20261129_191900_pages_tree_release_backstops';

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
    up: migration_20261129_191843_pages_tree_seo_defaults_release_derivation.up,
    down: migration_20261129_191843_pages_tree_seo_defaults_release_derivation.down,
    name: '20261129_191843_pages_tree_seo_defaults_release_derivation',
  },
  {
    up: migration_20261129_191900_pages_tree_release_backstops.up,
    down: migration_20261129_191900_pages_tree_release_backstops.down,
    name: '20261129_191900_pages_tree_release_backstops',
  },
];
