import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseStudyEntity } from '../case-study/case-study.entity';

/**
 * Reads the cases behind search hits from PostgreSQL, the truth: what a hit shows comes from the row, not
 * from the index (which may lag by a moment). One query per search, by primary key, with the
 * municipality joined so the municipality DataLoader can be primed instead of queried again.
 */
@Injectable()
export class CaseSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The cases with these ids, in the order of `ids`; ids without a row are left out. */
  async findByIdsInOrder(ids: readonly string[]): Promise<CaseStudyEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource
      .getRepository(CaseStudyEntity)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.municipality', 'm')
      .where('c.id = ANY(:ids)', { ids })
      .getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((c): c is CaseStudyEntity => c !== undefined);
  }

  findById(id: string): Promise<CaseStudyEntity | null> {
    return this.dataSource.getRepository(CaseStudyEntity).findOne({ where: { id } });
  }
}
