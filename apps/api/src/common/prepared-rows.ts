import type { PoolClient, QueryConfig, QueryResult, QueryResultRow } from 'pg';
import type { DataSource, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Reads on the hot paths (the session of every signed-in request, a registration's session and officer, the
 * cases behind search hits and finder results) without a query builder and entity hydration per call: the
 * column list and a row → entity mapping are made once from the entity's TypeORM metadata (so they follow the
 * entity), and the SQL runs as a named (prepared) statement, parsed and planned once per connection. The
 * profile of docs/benchmarks.md showed TypeORM's query building and hydration as a third of a registration's
 * CPU.
 */

/** Column types pg already returns as the entity holds them; every other type goes through TypeORM's conversion. */
const AS_RETURNED = new Set([
  'uuid',
  'varchar',
  'character varying',
  'char',
  'character',
  'text',
  'integer',
  'int',
  'int4',
  'smallint',
  'boolean',
  'bool',
  'timestamptz',
  'timestamp with time zone',
  'jsonb',
  'json',
]);

export interface EntityColumns<T> {
  /** `alias."column" AS "prefixcolumn", …` for every column read. */
  select: string;
  /** The row (as selected above) as an entity; relations and columns not read are left unset. */
  toEntity(row: Record<string, unknown>): T;
}

/** Entity properties that are columns TypeORM selects by default (password hashes and the like left out). */
export function selectedColumns(dataSource: DataSource, entity: EntityTarget<unknown>): ColumnMetadata[] {
  const metadata = dataSource.getMetadata(entity);
  // Embedded columns have no flat property to set, so they are not expected here.
  if (metadata.columns.some((c) => c.embeddedMetadata))
    throw new Error(`${metadata.name}: embedded columns are not supported by entityColumns`);
  return metadata.columns.filter((c) => c.isSelect);
}

/**
 * The select list and row mapping of `entity` under `tableAlias`, its columns aliased `prefix` + column name.
 * `properties`: only these columns (by entity property; null: every column TypeORM selects by default).
 */
export function entityColumns<T extends object>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  tableAlias: string,
  prefix: string,
  properties: readonly string[] | null = null,
): EntityColumns<T> {
  const all = selectedColumns(dataSource, entity);
  const columns = properties ? all.filter((c) => properties.includes(c.propertyName)) : all;
  const select = columns
    .map((c) => `${tableAlias}."${c.databaseName}" AS "${prefix}${c.databaseName}"`)
    .join(', ');
  const driver = dataSource.driver;
  // Only columns that need it go through TypeORM's conversion (dates as strings, transformers such as
  // bigint → number, enums); pg already returns arrays of the types above as arrays of those values.
  const needsConversion = (c: ColumnMetadata) => Boolean(c.transformer) || !AS_RETURNED.has(String(c.type));
  const propertyNames = columns.map((c) => c.propertyName);
  const aliases = columns.map((c) => `${prefix}${c.databaseName}`);
  const conversions = columns.map((c) => (needsConversion(c) ? c : null));
  const proto = (dataSource.getMetadata(entity).target as { prototype: object }).prototype;
  return {
    select,
    toEntity(row) {
      const o = Object.create(proto) as Record<string, unknown>;
      for (let i = 0; i < aliases.length; i += 1) {
        const conversion = conversions[i];
        const value = row[aliases[i]];
        o[propertyNames[i]] = conversion ? driver.prepareHydratedValue(value, conversion) : value;
      }
      return o as T;
    },
  };
}

/**
 * Runs one query on a connection of TypeORM's pool, borrowed through its public QueryRunner API and given
 * back when done. With a `name`, pg prepares the statement once per connection (one name for one text,
 * always).
 */
export async function pooledQuery<R extends QueryResultRow = Record<string, unknown>>(
  dataSource: DataSource,
  query: QueryConfig,
): Promise<QueryResult<R>> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    return await client.query<R>(query);
  } finally {
    await runner.release();
  }
}

/** Runs `text` as the named prepared statement `name` (one name for one text, always); its rows. */
export async function preparedRows<R extends QueryResultRow = Record<string, unknown>>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  return (await pooledQuery<R>(dataSource, { name, text, values })).rows;
}
