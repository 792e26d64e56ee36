import type { ClientBase } from 'pg';

/**
 * What a backup holds, read from the database itself at run time (never a hand-kept list), so a table
 * another migration adds is in the next backup without anyone touching this folder.
 */

/** Tables of the `public` schema left out of a backup, and why (docs/operations.md repeats this). */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  migrations: 'the schema version: kept in the header and re-created by running the migrations on restore',
  search_outbox: 'pending search-index updates: derived state, the restore rebuilds the whole index',
  search_index_settings:
    'the settings version of the Meilisearch index, which is not in a backup: the restore rebuilds the index and records it',
  login_sessions:
    'sign-ins: everyone signs in again after a restore, so a session ended or revoked after the backup cannot come back',
  // The same table before migration LoginSessions1795281310000 renamed it: a backup of a database not yet
  // migrated by this build still leaves the sign-ins out.
  sessions: 'sign-ins (login_sessions under its name before LoginSessions1795281310000)',
  password_resets:
    'one-hour reset links: a link used or revoked after the backup must not work again after a restore',
  password_reset_limits: 'rate-limit counters (rate-limiter-flexible): transient, they expire within hours',
  join_application_limits: 'rate-limit counters (rate-limiter-flexible): transient, they expire within hours',
};

export const UNLOGGED_REASON =
  'UNLOGGED table: PostgreSQL itself empties it after a crash, so by design it holds nothing worth keeping';

/**
 * Listed by name (or UNLOGGED, which says the same in the schema), never guessed from a name pattern: a
 * table nobody listed is backed up, which at worst keeps some transient rows, whereas a wrong guess
 * would silently lose data.
 */
export function exclusionReason(table: { name: string; unlogged: boolean }): string | undefined {
  if (Object.prototype.hasOwnProperty.call(EXCLUDED_TABLES, table.name)) return EXCLUDED_TABLES[table.name];
  return table.unlogged ? UNLOGGED_REASON : undefined;
}

export interface CatalogTable {
  name: string;
  /** Copied columns, in table order; generated columns are left out (PostgreSQL computes them). */
  columns: string[];
  /** Empty when the table has none. */
  primaryKey: string[];
  partitioned: boolean;
  unlogged: boolean;
}

export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  /** `pg_get_constraintdef`, for dropping and adding it back. */
  definition: string;
}

export interface CatalogSequence {
  name: string;
  /** The table owning it (serial / identity column), if any. */
  table: string | null;
}

export interface Catalog {
  tables: CatalogTable[];
  foreignKeys: ForeignKey[];
  sequences: CatalogSequence[];
}

/** Every ordinary or partitioned table of `public` (partitions are reached through their parent). */
export async function readCatalog(client: ClientBase): Promise<Catalog> {
  const tables = await client.query<{
    name: string;
    kind: string;
    persistence: string;
    columns: string[];
    pk: string[] | null;
  }>(`
    SELECT c.relname AS name, c.relkind AS kind, c.relpersistence AS persistence,
           array(SELECT a.attname::text FROM pg_attribute a
                  WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                  ORDER BY a.attnum) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.ord)
              FROM pg_constraint p
              CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
             WHERE p.conrelid = c.oid AND p.contype = 'p') AS pk
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
     ORDER BY c.relname`);
  const foreignKeys = await client.query<ForeignKey>(`
    SELECT con.conname AS name, c.relname AS table, r.relname AS references,
           pg_get_constraintdef(con.oid) AS definition
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_class r ON r.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE con.contype = 'f' AND n.nspname = 'public' AND con.conparentid = 0
     ORDER BY c.relname, con.conname`);
  const sequences = await client.query<CatalogSequence>(`
    SELECT s.relname AS name, t.relname AS table
      FROM pg_class s
      JOIN pg_namespace n ON n.oid = s.relnamespace
      LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
                            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      LEFT JOIN pg_class t ON t.oid = d.refobjid
     WHERE s.relkind = 'S' AND n.nspname = 'public'
     ORDER BY s.relname`);
  return {
    tables: tables.rows.map((t) => ({
      name: t.name,
      columns: t.columns,
      primaryKey: t.pk ?? [],
      partitioned: t.kind === 'p',
      unlogged: t.persistence === 'u',
    })),
    foreignKeys: foreignKeys.rows,
    sequences: sequences.rows,
  };
}

/**
 * Parents before children (Kahn's algorithm, ties by name so the order is stable). Tables left in a
 * cycle come last by name: the restore drops and re-adds the foreign keys that point forward.
 */
export function dependencyOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const set = new Set(tables);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const fk of foreignKeys)
    if (set.has(fk.table) && set.has(fk.references) && fk.table !== fk.references)
      parents.get(fk.table)?.add(fk.references);
  const order: string[] = [];
  const done = new Set<string>();
  for (;;) {
    const ready = tables
      .filter((t) => !done.has(t) && [...(parents.get(t) ?? [])].every((p) => done.has(p)))
      .sort();
    if (ready.length === 0) break;
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return [...order, ...tables.filter((t) => !done.has(t)).sort()];
}

/** Tables of other schemas (not backed up): reported so an operator knows they are not in the file. */
export async function tablesOutsidePublic(client: ClientBase): Promise<string[]> {
  const r = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('public', 'pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
     ORDER BY 1`);
  return r.rows.map((row) => row.name);
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
export const columnList = (columns: string[]): string => columns.map(quoteIdent).join(', ');
