import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { entityColumns, preparedRows, selectedColumns, type EntityColumns } from '../../common/prepared-rows';
import { CaseStudyEntity } from '../case-study/case-study.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';

/**
 * Reads the cases behind search hits from PostgreSQL, the truth: what a hit shows comes from the row, not
 * from the index (which may lag by a moment). One prepared statement per search, by primary key, with the
 * municipality joined so the municipality DataLoader is primed instead of queried again. The column list
 * and the row mapping come from the entities' TypeORM metadata once (common/prepared-rows.ts), so this stays
 * in step with the entities without paying for a query builder and entity hydration on every search.
 */
@Injectable()
export class CaseSearchRepository {
  private municipality?: EntityColumns<MunicipalityEntity>;
  /** Statement and row mapping per column set (a handful: one per distinct results-page query). */
  private readonly statements = new Map<
    string,
    { name: string; sql: string; cases: EntityColumns<CaseStudyEntity> }
  >();
  private columnSet?: ReadonlySet<string>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Entity properties of case_studies that are columns. */
  get caseColumns(): ReadonlySet<string> {
    this.columnSet ??= new Set(selectedColumns(this.dataSource, CaseStudyEntity).map((c) => c.propertyName));
    return this.columnSet;
  }

  private statement(properties: readonly string[] | null) {
    const key = properties ? properties.join(',') : '*';
    let statement = this.statements.get(key);
    if (!statement) {
      const cases = entityColumns(this.dataSource, CaseStudyEntity, 'c', 'c_', properties);
      this.municipality ??= entityColumns(this.dataSource, MunicipalityEntity, 'm', 'm_');
      statement = {
        name: `case_search_hydrate_${this.statements.size}`,
        sql: `SELECT ${cases.select}, ${this.municipality.select} FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id WHERE c.id = ANY($1::uuid[])`,
        cases,
      };
      this.statements.set(key, statement);
    }
    return statement;
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
    const { name, sql, cases } = this.statement(properties);
    const municipality = this.municipality as EntityColumns<MunicipalityEntity>;
    // A named (prepared) statement: parsed and planned once per connection.
    const rows = await preparedRows(this.dataSource, name, sql, [ids]);
    const byId = new Map<string, CaseStudyEntity>();
    for (const row of rows) {
      const c = cases.toEntity(row);
      c.municipality = municipality.toEntity(row);
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
