import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { MunicipalityProfileEntity } from './municipality-profile.entity';

/** The only code that touches the municipality_profiles table. */
@Injectable()
export class MunicipalityProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByMunicipalityIds(ids: readonly string[]): Promise<MunicipalityProfileEntity[]> {
    return ids.length
      ? this.dataSource
          .getRepository(MunicipalityProfileEntity)
          .find({ where: { municipalityId: In([...ids]) } })
      : Promise.resolve([]);
  }

  /** The profile, locked for an update (FOR UPDATE), or null when none was written yet. */
  lock(manager: EntityManager, municipalityId: string): Promise<MunicipalityProfileEntity | null> {
    return manager
      .getRepository(MunicipalityProfileEntity)
      .createQueryBuilder('p')
      .where('p.municipality_id = :municipalityId', { municipalityId })
      .setLock('pessimistic_write')
      .getOne();
  }

  async save(
    manager: EntityManager,
    values: Omit<MunicipalityProfileEntity, 'updatedAt' | 'municipality'>,
  ): Promise<MunicipalityProfileEntity> {
    const repo = manager.getRepository(MunicipalityProfileEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .values(values as never)
      .orUpdate(
        [
          'dx_department',
          'contact_email',
          'contact_phone',
          'introduction',
          'plan_links',
          'focus_themes',
          'updated_at',
        ],
        ['municipality_id'],
      )
      .execute();
    return repo.findOneByOrFail({ municipalityId: values.municipalityId });
  }
}
