import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { CaseTheme } from '@yokoten/case-studies';
import { preparedRows } from '../../common/prepared-rows';
import type { MunicipalityEntity } from '../municipality/municipality.entity';

/**
 * The municipality looking, as the finder uses it: who it is (its own cases are left out), what closeness is
 * measured from (prefecture, kind, population) and the focus themes of its public profile ([] without one).
 */
export interface SeekerMunicipality extends Pick<
  MunicipalityEntity,
  'id' | 'code' | 'prefectureCode' | 'kind' | 'population'
> {
  focusThemes: CaseTheme[];
}

/** The seeker's row and its profile's focus themes in one statement; `$1` is matched against `column`. */
const seekerSql = (column: 'code' | 'id') =>
  `SELECT m.id, m.code, m.prefecture_code AS "prefectureCode", m.kind, m.population,
          coalesce(p.focus_themes, '[]'::jsonb) AS "focusThemes"
     FROM municipalities m
     LEFT JOIN municipality_profiles p ON p.municipality_id = m.id
    WHERE m.${column} = $1`;

/**
 * What findPrecedents reads of the register before asking the engine: the seeker, on every request, so a
 * named (prepared) statement (parsed and planned once per connection, no query builder or entity hydration),
 * with the profile's focus themes joined instead of a second round trip. Read-only; the municipality module
 * owns these tables' writes. Nothing is cached: a municipality's population or profile may change at any time.
 */
@Injectable()
export class PrecedentFinderRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  seekerByCode(code: string): Promise<SeekerMunicipality | null> {
    return this.seeker('code', code);
  }

  seekerById(id: string): Promise<SeekerMunicipality | null> {
    return this.seeker('id', id);
  }

  /** One named statement per column (by code, by id). */
  private async seeker(column: 'code' | 'id', value: string): Promise<SeekerMunicipality | null> {
    const [row] = await preparedRows<SeekerMunicipality>(
      this.dataSource,
      `precedent_finder_seeker_by_${column}`,
      seekerSql(column),
      [value],
    );
    return row ?? null;
  }
}
