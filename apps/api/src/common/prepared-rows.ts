import type { Pool, QueryResultRow } from 'pg';
import type { DataSource, EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Reads on the hot paths (the session of every signed-in request, a registration's session and officer, the
 * cases behind search hits and finder results) without a query builder and entity hydration per call: the
 * column list and a row → entity function are made once from the entity's TypeORM metadata (so they follow the
 * entity), and the SQL runs as a named (prepared) statement on the driver's pool, parsed and planned once per
 * connection. The profile of docs/benchmarks.md showed TypeORM's query building and hydration as a third of a
 * registration's CPU.
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
  /** `alias."column" AS "prefixcolumn", …` for every column TypeORM selects by default. */
  select: string;
  /** The row (as selected above) as an entity; relations are left unset. */
  toEntity(row: Record<string, unknown>): T;
}

export function entityColumns<T extends object>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  tableAlias: string,
  prefix: string,
): EntityColumns<T> {
  const metadata = dataSource.getMetadata(entity);
  // select: false columns (password hashes) are left out, as TypeORM's find leaves them out; embedded columns
  // have no flat property to set, so they are not expected here.
  const columns = metadata.columns.filter((c) => c.isSelect && !c.embeddedMetadata);
  if (metadata.columns.some((c) => c.embeddedMetadata))
    throw new Error(`${metadata.name}: embedded columns are not supported by entityColumns`);
  const aliasOf = (c: ColumnMetadata) => `${prefix}${c.databaseName}`;
  const select = columns.map((c) => `${tableAlias}."${c.databaseName}" AS "${aliasOf(c)}"`).join(', ');
  const converted = columns.map(
    (c) => Boolean(c.transformer) || c.isArray || !AS_RETURNED.has(String(c.type)),
  );
  // Property and column names come from the entity metadata, never from input.
  const body = [
    'const o = Object.create(proto);',
    ...columns.map((c, i) =>
      converted[i]
        ? `o[${JSON.stringify(c.propertyName)}] = convert(row[${JSON.stringify(aliasOf(c))}], columns[${i}]);`
        : `o[${JSON.stringify(c.propertyName)}] = row[${JSON.stringify(aliasOf(c))}];`,
    ),
    'return o;',
  ].join('\n');
  const fn = new Function('proto', 'columns', 'convert', 'row', body) as (
    proto: object,
    columns: ColumnMetadata[],
    convert: (value: unknown, column: ColumnMetadata) => unknown,
    row: Record<string, unknown>,
  ) => T;
  const proto = (metadata.target as { prototype: object }).prototype;
  const driver = dataSource.driver;
  const convert = (value: unknown, column: ColumnMetadata) => driver.prepareHydratedValue(value, column);
  return { select, toEntity: (row) => fn(proto, columns, convert, row) };
}

/** The driver's pg pool (TypeORM's own connections). */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** Runs `text` as the named prepared statement `name` (one name for one text, always) on the driver's pool. */
export async function preparedRows<R extends QueryResultRow = Record<string, unknown>>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const { rows } = await poolOf(dataSource).query<R>({ name, text, values });
  return rows;
}
