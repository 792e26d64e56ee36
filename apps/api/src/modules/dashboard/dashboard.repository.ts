import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTED_ADOPTION_STATUSES } from '@yokoten/case-studies';

/** The half-year term (2025H1 = April–September 2025) of a date column, in SQL. */
const termOfDate = (col: string) => `CASE
  WHEN extract(month FROM ${col}) BETWEEN 4 AND 9 THEN extract(year FROM ${col})::int || 'H1'
  WHEN extract(month FROM ${col}) >= 10 THEN extract(year FROM ${col})::int || 'H2'
  ELSE (extract(year FROM ${col})::int - 1) || 'H2' END`;

export interface DashboardRows {
  byTheme: Array<{ key: string; count: number }>;
  byFiscalYear: Array<{ fiscalYear: number; count: number }>;
  byPrefecture: Array<{
    prefectureCode: string;
    caseCount: number;
    memberCount: number;
    adoptionCount: number;
  }>;
  adoptionsByStatus: Array<{ key: string; count: number }>;
  topFollowed: Array<{ caseStudyId: string; adoptionCount: number; followerCount: number }>;
  membership: Array<{ term: string; joined: number }>;
  participation: Array<{
    term: string;
    municipalityId: string;
    sessions: number;
    registered: number;
    attended: number;
  }>;
  totals: { publishedCases: number; members: number; adoptions: number; countedAdoptions: number };
}

/**
 * The network dashboard's figures: one GROUP BY per figure, all in one read-only transaction so that the
 * numbers agree with each other. Published cases only (of both visibilities: the dashboard is for members).
 */
@Injectable()
export class DashboardRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(topN: number): Promise<DashboardRows> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const q = <T>(sql: string, params: unknown[] = []) => m.query(sql, params) as Promise<T>;
      const counted = [...COUNTED_ADOPTION_STATUSES];
      const [
        byTheme,
        byFiscalYear,
        byPrefecture,
        adoptionsByStatus,
        topFollowed,
        membership,
        participation,
        totals,
      ] = [
        await q<DashboardRows['byTheme']>(
          `SELECT t AS key, count(*)::int AS count FROM case_studies c, unnest(c.themes) t
              WHERE c.status = 'PUBLISHED' GROUP BY t ORDER BY count DESC, t`,
        ),
        await q<DashboardRows['byFiscalYear']>(
          `SELECT fy AS "fiscalYear", count(*)::int AS count FROM case_studies c, unnest(c.fiscal_years) fy
              WHERE c.status = 'PUBLISHED' GROUP BY fy ORDER BY fy`,
        ),
        await q<DashboardRows['byPrefecture']>(
          `SELECT p.code AS "prefectureCode",
                    coalesce(cs.n, 0)::int AS "caseCount",
                    coalesce(mb.n, 0)::int AS "memberCount",
                    coalesce(ad.n, 0)::int AS "adoptionCount"
               FROM (SELECT DISTINCT prefecture_code AS code FROM municipalities) p
               LEFT JOIN (SELECT m.prefecture_code, count(*) n FROM case_studies c
                            JOIN municipalities m ON m.id = c.municipality_id
                           WHERE c.status = 'PUBLISHED' GROUP BY m.prefecture_code) cs ON cs.prefecture_code = p.code
               LEFT JOIN (SELECT prefecture_code, count(*) n FROM municipalities
                           WHERE membership_status = 'MEMBER' GROUP BY prefecture_code) mb ON mb.prefecture_code = p.code
               LEFT JOIN (SELECT m.prefecture_code, count(*) n FROM adoptions a
                            JOIN municipalities m ON m.id = a.municipality_id
                           WHERE a.status = ANY($1::text[]) GROUP BY m.prefecture_code) ad ON ad.prefecture_code = p.code
              ORDER BY p.code`,
          [counted],
        ),
        await q<DashboardRows['adoptionsByStatus']>(
          `SELECT status AS key, count(*)::int AS count FROM adoptions GROUP BY status ORDER BY status`,
        ),
        await q<DashboardRows['topFollowed']>(
          `SELECT a.case_study_id AS "caseStudyId",
                    count(*) FILTER (WHERE a.status = ANY($1::text[]))::int AS "adoptionCount",
                    count(*)::int AS "followerCount"
               FROM adoptions a JOIN case_studies c ON c.id = a.case_study_id
              WHERE c.status = 'PUBLISHED'
              GROUP BY a.case_study_id
              ORDER BY "adoptionCount" DESC, "followerCount" DESC, max(a.updated_at) DESC, a.case_study_id
              LIMIT $2`,
          [counted, topN],
        ),
        await q<DashboardRows['membership']>(
          `SELECT ${termOfDate('joined_on')} AS term, count(*)::int AS joined FROM municipalities
              WHERE joined_on IS NOT NULL AND membership_status = 'MEMBER'
              GROUP BY 1 ORDER BY 1`,
        ),
        await q<DashboardRows['participation']>(
          `SELECT s.term, r.municipality_id AS "municipalityId",
                    count(DISTINCT s.id)::int AS sessions,
                    count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS registered,
                    count(*) FILTER (WHERE r.checked_in_at IS NOT NULL)::int AS attended
               FROM session_registrations r JOIN exchange_sessions s ON s.id = r.session_id
              WHERE r.status <> 'CANCELLED' AND s.status <> 'CANCELLED'
              GROUP BY s.term, r.municipality_id
              ORDER BY s.term, attended DESC, registered DESC, r.municipality_id`,
        ),
        await q<Array<DashboardRows['totals']>>(
          `SELECT (SELECT count(*) FROM case_studies WHERE status = 'PUBLISHED')::int AS "publishedCases",
                    (SELECT count(*) FROM municipalities WHERE membership_status = 'MEMBER')::int AS members,
                    (SELECT count(*) FROM adoptions)::int AS adoptions,
                    (SELECT count(*) FROM adoptions WHERE status = ANY($1::text[]))::int AS "countedAdoptions"`,
          [counted],
        ),
      ];
      return {
        byTheme,
        byFiscalYear,
        byPrefecture,
        adoptionsByStatus,
        topFollowed,
        membership,
        participation,
        totals: totals[0],
      };
    });
  }
}
