import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, type EntityTarget } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';

interface ColumnMap {
  property: string;
  alias: string;
  metadata: ColumnMetadata;
}

/**
 * Reads the cases behind search hits from PostgreSQL, the truth: what a hit shows comes from the row, not
 * from the index (which may lag by a moment). One prepared statement per search, by primary key, with the
 * municipality joined so the municipality DataLoader is primed instead of queried again. The column list
 * and the row mapping come from the entities' TypeORM metadata once, so this stays in step with the
 * entities without paying for a query builder and entity hydration on every search.
 */
@Injectable()
export class CaseSearchRepository {
  private cases?: ColumnMap[];
  private municipalities?: ColumnMap[];
  private toMunicipality?: (row: Record<string, unknown>) => MunicipalityEntity;
  /** Statement and row mapping per column set (a handful: one per distinct results-page query). */
  private readonly statements = new Map<
    string,
    { name: string; sql: string; toCase: (row: Record<string, unknown>) => CaseStudyEntity }
  >();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private columnSet?: ReadonlySet<string>;

  /** Entity properties of case_studies that are columns. */
  get caseColumns(): ReadonlySet<string> {
    this.columnSet ??= new Set(this.caseMaps().map((c) => c.property));
    return this.columnSet;
  }

  private caseMaps(): ColumnMap[] {
    this.cases ??= this.columns(CaseStudyEntity, 'c_');
    return this.cases;
  }

  private columns(entity: EntityTarget<unknown>, prefix: string): ColumnMap[] {
    return this.dataSource.getMetadata(entity).columns.map((c) => ({
      property: c.propertyName,
      alias: `${prefix}${c.databaseName}`,
      metadata: c,
    }));
  }

  private statement(properties: readonly string[] | null) {
    const key = properties ? properties.join(',') : '*';
    let statement = this.statements.get(key);
    if (!statement) {
      const all = this.caseMaps();
      const cases = properties ? all.filter((c) => properties.includes(c.property)) : all;
      this.municipalities ??= this.columns(MunicipalityEntity, 'm_');
      this.toMunicipality ??= this.compile(MunicipalityEntity.prototype, this.municipalities);
      const select = [
        ...cases.map((c) => `c."${c.alias.slice(2)}" AS "${c.alias}"`),
        ...this.municipalities.map((m) => `m."${m.alias.slice(2)}" AS "${m.alias}"`),
      ].join(', ');
      const sql = `SELECT ${select} FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id WHERE c.id = ANY($1::uuid[])`;
      statement = {
        name: `case_search_hydrate_${this.statements.size}`,
        sql,
        toCase: this.compile(CaseStudyEntity.prototype, cases),
      };
      this.statements.set(key, statement);
    }
    return statement;
  }

  /**
   * A row → entity function compiled once from the metadata (monomorphic property stores); only columns
   * that need it go through TypeORM's conversion (dates as strings, transformers such as bigint → number).
   */
  private compile<T extends object>(proto: T, columns: ColumnMap[]): (row: Record<string, unknown>) => T {
    const driver = this.dataSource.driver;
    const converted = columns.map((c) => Boolean(c.metadata.transformer) || c.metadata.type === 'date');
    const body = [
      'const o = Object.create(proto);',
      ...columns.map((c, i) =>
        converted[i]
          ? `o[${JSON.stringify(c.property)}] = convert(row[${JSON.stringify(c.alias)}], columns[${i}].metadata);`
          : `o[${JSON.stringify(c.property)}] = row[${JSON.stringify(c.alias)}];`,
      ),
      'return o;',
    ].join('\n');
    // Property and column names come from the entity metadata, never from input.
    const fn = new Function('proto', 'columns', 'convert', 'row', body) as (
      proto: T,
      columns: ColumnMap[],
      convert: (value: unknown, metadata: ColumnMetadata) => unknown,
      row: Record<string, unknown>,
    ) => T;
    const convert = (value: unknown, metadata: ColumnMetadata) =>
      driver.prepareHydratedValue(value, metadata);
    return (row) => fn(proto, columns, convert, row);
  }

  /**
   * The cases with these ids, in the order of `ids`, municipality attached; ids without a row are left
   * out. `properties`: the case columns to read (null: all; see caseColumnsFor).
   */
  async findByIdsInOrder(
    ids: readonly string[],
    properties: readonly string[] | null = null,
  ): Promise<CaseStudyEntity[]> {
    if (ids.length === 0) return [];
    const { name, sql, toCase } = this.statement(properties);
    const toMunicipality = this.toMunicipality as (row: Record<string, unknown>) => MunicipalityEntity;
    // The driver's pool, with a named (prepared) statement: parsed and planned once per connection.
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const { rows } = await pool.query<Record<string, unknown>>({ name, text: sql, values: [ids] });
    const byId = new Map<string, CaseStudyEntity>();
    for (const row of rows) {
      const c = toCase(row);
      c.municipality = toMunicipality(row);
      byId.set(c.id, c);
    }
    const out: CaseStudyEntity[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (c) out.push(c);
    }
    return out;
  }

  findById(id: string): Promise<CaseStudyEntity | null> {
    return this.dataSource.getRepository(CaseStudyEntity).findOne({ where: { id } });
  }
}
