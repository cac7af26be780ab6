/**
 * The rich text migration leaves existing documents as they were written:
 * rows of models that had a content type keep theirs, and the models that
 * had none (jobs, elections, nominations: Markdown on python.org) get
 * MARKDOWN. Only rows created afterwards start as rich text.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { projectRoot } from '../../src/platform/paths'
import { createTestDatabase } from '../helpers/harness'

it('existing rows keep their content type; new rows default to rich text', async () => {
  const database = await createTestDatabase({ empty: true })
  try {
    const result = spawnSync(path.join(projectRoot, 'node_modules/.bin/tsx'), ['tests/helpers/migrateAcross.ts'], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: {
        ...process.env,
        DATABASE_URL: database.databaseUrl,
        MIGRATE_BEFORE: '20261130_000005_richtext_content_types',
        PAYLOAD_SECRET: 'test-secret',
        // a row the database gets after the migration, its content type left to the default
        SQL_AFTER: `
          WITH fresh AS (INSERT INTO pages (title, path) VALUES ('new', 'new') RETURNING title, content_type)
          SELECT 'page ' || title AS row, content_type::text AS type FROM pages WHERE title <> 'new'
          UNION ALL SELECT 'page ' || title, content_type::text FROM fresh
          UNION ALL SELECT 'job ' || job_title, content_type::text FROM jobs
          UNION ALL SELECT 'election ' || name, content_type::text FROM elections
          ORDER BY row`,
        SQL_BETWEEN: `
          INSERT INTO pages (title, path, content, content_type) VALUES ('rst', 'rst', 'Title', 'RESTRUCTUREDTEXT');
          INSERT INTO pages (title, path, content, content_type) VALUES ('md', 'md', '*x*', 'MARKDOWN');
          INSERT INTO pages (title, path, content) VALUES ('default', 'default', 'x');
          INSERT INTO jobs (job_title, company_name, slug, country, description, email)
            VALUES ('old', 'Acme', 'old-job', 'NL', '**x**', 'a@example.org');
          INSERT INTO elections (name, slug, nominations_open, nominations_close, voting_open, voting_close)
            VALUES ('old', 'old-election', now(), now(), now(), now());
        `,
      },
      maxBuffer: 16 * 1024 * 1024,
      timeout: 300_000,
    })
    if (result.status !== 0) throw new Error(`${result.stdout}\n${result.stderr}`)
    const line = result.stdout.split('\n').find((candidate) => candidate.startsWith('ROWS '))!
    expect(JSON.parse(line.slice('ROWS '.length))).toEqual([
      { row: 'election old', type: 'MARKDOWN' },
      { row: 'job old', type: 'MARKDOWN' },
      { row: 'page default', type: 'RESTRUCTUREDTEXT' },
      { row: 'page md', type: 'MARKDOWN' },
      { row: 'page new', type: 'RICHTEXT' },
      { row: 'page rst', type: 'RESTRUCTUREDTEXT' },
    ])
  } finally {
    await database.drop()
  }
}, 600_000)
