import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseTarget, CaseTheme, MunicipalityKind } from '@yokoten/case-studies';
import type { OutcomeValue } from '../case-study/case-study.entity';

export interface OpenCaseRow {
  id: string;
  title: string;
  summary: string;
  themes: CaseTheme[];
  targets: CaseTarget[];
  tags: string[];
  fiscalYears: number[];
  budgetYen: string | null;
  outcomes: OutcomeValue[];
  lessonsLearned: string;
  publishedAt: Date;
  updatedAt: Date;
  municipalityCode: string;
  municipalityName: string;
  municipalityKind: MunicipalityKind;
  prefectureCode: string;
  contactDepartment: string;
  adoptionCount: number;
}

/**
 * What the open data may contain: PUBLISHED and PUBLIC cases only. The WHERE clause is here and nowhere
 * else, so that no export can ever carry a draft or a members-only case.
 */
@Injectable()
export class OpenDataRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publicCases(limit?: number): Promise<OpenCaseRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT c.id, c.title, c.summary, c.themes, c.targets, c.tags, c.fiscal_years AS "fiscalYears",
              c.budget_yen AS "budgetYen", c.outcomes, c.lessons_learned AS "lessonsLearned",
              c.published_at AS "publishedAt", c.updated_at AS "updatedAt",
              m.code AS "municipalityCode", m.name AS "municipalityName", m.kind AS "municipalityKind",
              m.prefecture_code AS "prefectureCode", c.contact_department AS "contactDepartment",
              (SELECT count(*) FROM adoptions a WHERE a.case_study_id = c.id
                 AND a.status IN ('PILOTING', 'ADOPTED'))::int AS "adoptionCount"
         FROM case_studies c JOIN municipalities m ON m.id = c.municipality_id
        WHERE c.status = 'PUBLISHED' AND c.visibility = 'PUBLIC'
        ORDER BY c.published_at DESC, c.id
        ${limit ? 'LIMIT $1' : ''}`,
      limit ? [limit] : [],
    )) as OpenCaseRow[];
    return rows;
  }
}
