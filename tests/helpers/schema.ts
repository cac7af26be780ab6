import pg from 'pg'

/**
 * Everything a migration can change in the `public` schema, read from the
 * catalogs (the server's own pg_dump is not available here), as sorted text
 * lines: two databases have the same schema when their lines are equal.
 * Rows are not part of it, except which migrations ran.
 */
const catalogQueries: Record<string, string> = {
  columns: `
    select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
      || case when a.attnotnull then ' not null' else '' end
      || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
      || case when a.attgenerated <> '' then ' generated' else '' end
      || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and a.attnum > 0 and not a.attisdropped`,
  constraints: `
    select c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
      || case when k.condeferrable then ' deferrable' else '' end
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'`,
  indexes: `select indexdef from pg_indexes where schemaname = 'public'`,
  relations: `
    select c.relname || ' ' || c.relkind::text || case when c.relrowsecurity then ' rls' else '' end
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
  sequences: `
    select sequencename || ' ' || data_type || ' ' || start_value || ' ' || increment_by || ' ' || cycle
    from pg_sequences where schemaname = 'public'`,
  types: `
    select t.typname || ' ' || t.typtype::text || coalesce(' (' || (
      select string_agg(e.enumlabel, ', ' order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid
    ) || ')', '')
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'm')`,
  functions: `
    select pg_get_functiondef(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public'`,
  triggers: `
    select pg_get_triggerdef(t.oid) from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal`,
  views: `select viewname || ' ' || definition from pg_views where schemaname = 'public'`,
  extensions: `select extname from pg_extension where extname <> 'plpgsql'`,
}

export type SchemaSnapshot = Record<string, string[]>

export const schemaSnapshot = async (databaseUrl: string): Promise<SchemaSnapshot> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const snapshot: SchemaSnapshot = {}
    for (const [name, text] of Object.entries(catalogQueries)) {
      const { rows } = await client.query<Record<string, string>>(text)
      snapshot[name] = rows.map((row) => String(Object.values(row)[0])).sort()
    }
    return snapshot
  } finally {
    await client.end()
  }
}

/** The migrations a database records as applied, oldest first (none when the table is gone). */
export const appliedMigrations = async (databaseUrl: string): Promise<string[]> => {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ exists: boolean }>(
      `select to_regclass('public.payload_migrations') is not null as exists`,
    )
    if (!rows[0]?.exists) return []
    const applied = await client.query<{ name: string }>(`select name from payload_migrations order by name`)
    return applied.rows.map((row) => row.name)
  } finally {
    await client.end()
  }
}
