import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  toCaseSearchDocument,
  type CaseForIndex,
  type CaseSearchDocument,
  type MunicipalityForIndex,
} from '@yokoten/case-studies';

/** Characters of attachment text a case's document carries at most. */
export const ATTACHMENT_TEXT_MAX_CHARS = 200_000;

interface CaseIndexRow {
  id: string;
  title: string;
  summary: string;
  body: string;
  themes: CaseForIndex['themes'];
  targets: CaseForIndex['targets'];
  tags: string[];
  fiscal_years: number[];
  budget_yen: string | null;
  funding_sources: string[];
  partners: string[];
  outcomes: Array<{ label: string }>;
  lessons_learned: string;
  challenges: string;
  stage: CaseForIndex['stage'];
  status: CaseForIndex['status'];
  visibility: CaseForIndex['visibility'];
  published_at: Date | null;
  m_code: string;
  m_name: string;
  m_kana: string;
  m_prefecture_code: string;
  m_kind: MunicipalityForIndex['kind'];
  m_population: number | null;
  adoption_count: number;
  helpful_count: number;
  attachment_text: string;
}

const SELECT = `
  SELECT c.id, c.title, c.summary, c.body, c.themes, c.targets, c.tags, c.fiscal_years, c.budget_yen,
         c.funding_sources, c.partners, c.outcomes, c.lessons_learned, c.challenges, c.stage, c.status,
         c.visibility, c.published_at,
         m.code AS m_code, m.name AS m_name, m.kana AS m_kana, m.prefecture_code AS m_prefecture_code,
         m.kind AS m_kind, m.population AS m_population,
         (SELECT count(*) FROM adoptions a
           WHERE a.case_study_id = c.id AND a.status IN ('PILOTING', 'ADOPTED'))::int AS adoption_count,
         (SELECT count(*) FROM case_helpful_votes h WHERE h.case_study_id = c.id)::int AS helpful_count,
         -- Text of the case's files (modules/attachment), members-only ones left out: the index is read by
         -- anonymous searches too. Bounded: the engine indexes the first 65,535 words of an attribute anyway.
         (SELECT left(coalesce(string_agg(f.text_content, E'\n' ORDER BY f.created_at, f.id), ''), ${ATTACHMENT_TEXT_MAX_CHARS})
            FROM attachments f
           WHERE f.case_study_id = c.id AND NOT f.members_only AND f.text_status = 'DONE') AS attachment_text
    FROM case_studies c
    JOIN municipalities m ON m.id = c.municipality_id`;

export interface IndexableCase {
  id: string;
  status: CaseForIndex['status'];
  /** attachmentText: the text of the case's files that are not members-only (last searchable attribute). */
  document: CaseSearchDocument & { attachmentText: string };
}

function toIndexable(r: CaseIndexRow): IndexableCase {
  const c: CaseForIndex = {
    id: r.id,
    title: r.title,
    summary: r.summary,
    body: r.body,
    themes: r.themes,
    targets: r.targets,
    tags: r.tags,
    fiscalYears: r.fiscal_years,
    budgetYen: r.budget_yen === null ? null : Number(r.budget_yen),
    fundingSources: r.funding_sources,
    partners: r.partners,
    outcomes: r.outcomes ?? [],
    lessonsLearned: r.lessons_learned,
    challenges: r.challenges,
    stage: r.stage,
    status: r.status,
    visibility: r.visibility,
    publishedAt: r.published_at,
    adoptionCount: r.adoption_count,
    helpfulCount: r.helpful_count,
  };
  const m: MunicipalityForIndex = {
    code: r.m_code,
    name: r.m_name,
    kana: r.m_kana,
    prefectureCode: r.m_prefecture_code,
    kind: r.m_kind,
    population: r.m_population,
  };
  return {
    id: r.id,
    status: r.status,
    document: { ...toCaseSearchDocument(c, m), attachmentText: r.attachment_text ?? '' },
  };
}

type Queryable = Pick<EntityManager | QueryRunner | DataSource, 'query'>;

/** Reads cases as search documents from PostgreSQL (the truth): by ids for the sync, in pages for rebuilds. */
@Injectable()
export class CaseIndexSource {
  /** One query for all ids; ids without a row (deleted cases) are simply absent. */
  async findByIds(db: Queryable, ids: readonly string[]): Promise<IndexableCase[]> {
    if (ids.length === 0) return [];
    const rows = (await db.query(`${SELECT} WHERE c.id = ANY($1::uuid[])`, [ids])) as CaseIndexRow[];
    return rows.map(toIndexable);
  }

  /** Published cases after `afterId` in id order (keyset pagination: stable while rows change). */
  async publishedPage(db: Queryable, afterId: string | null, limit: number): Promise<IndexableCase[]> {
    const rows = (await db.query(
      `${SELECT} WHERE c.status = 'PUBLISHED' AND ($1::uuid IS NULL OR c.id > $1::uuid) ORDER BY c.id LIMIT $2`,
      [afterId, limit],
    )) as CaseIndexRow[];
    return rows.map(toIndexable);
  }

  async countPublished(db: Queryable): Promise<number> {
    const [row] = (await db.query(
      `SELECT count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED'`,
    )) as [{ n: number }];
    return row.n;
  }
}
