import { Injectable } from '@nestjs/common';
import {
  ADOPTION_STATUS_LABELS,
  ADOPTION_STATUSES,
  CASE_THEME_LABELS,
  formatFiscalYear,
  formatTerm,
  isCaseTheme,
  PREFECTURES,
} from '@yokoten/case-studies';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import { DashboardRepository } from './dashboard.repository';

export const TOP_FOLLOWED = 10;

export interface DashboardView {
  generatedAt: Date;
  totals: { publishedCases: number; members: number; adoptions: number; countedAdoptions: number };
  casesByTheme: Array<{ key: string; label: string; count: number }>;
  casesByPrefecture: Array<{
    prefectureCode: string;
    name: string;
    caseCount: number;
    memberCount: number;
    adoptionCount: number;
  }>;
  casesByFiscalYear: Array<{ fiscalYear: number; label: string; count: number }>;
  adoptionsByStatus: Array<{ key: string; label: string; count: number }>;
  topFollowed: Array<{ caseStudyId: string; adoptionCount: number; followerCount: number }>;
  membershipOverTime: Array<{ term: string; label: string; joined: number; cumulative: number }>;
  sessionParticipation: Array<{
    term: string;
    termLabel: string;
    municipalityId: string;
    sessions: number;
    registered: number;
    attended: number;
  }>;
}

/** The network dashboard: figures for signed-in members and organisers, labelled in Japanese. */
@Injectable()
export class DashboardService {
  constructor(private readonly repository: DashboardRepository) {}

  async networkDashboard(actor: Actor | null): Promise<DashboardView> {
    authorize(actor, 'dashboard.read');
    const rows = await this.repository.load(TOP_FOLLOWED);
    const perPrefecture = new Map(rows.byPrefecture.map((r) => [r.prefectureCode, r]));
    let cumulative = 0;
    return {
      generatedAt: new Date(),
      totals: rows.totals,
      casesByTheme: rows.byTheme.map((r) => ({
        ...r,
        label: isCaseTheme(r.key) ? CASE_THEME_LABELS[r.key].ja : r.key,
      })),
      // All 47, zeros included: the map colours every prefecture.
      casesByPrefecture: PREFECTURES.map((p) => ({
        prefectureCode: p.code,
        name: p.name,
        caseCount: perPrefecture.get(p.code)?.caseCount ?? 0,
        memberCount: perPrefecture.get(p.code)?.memberCount ?? 0,
        adoptionCount: perPrefecture.get(p.code)?.adoptionCount ?? 0,
      })),
      casesByFiscalYear: rows.byFiscalYear.map((r) => ({
        ...r,
        label: formatFiscalYear(r.fiscalYear, 'ja'),
      })),
      // In the order of progress (検討中 → 試行中 → 導入済み), zeros included, not in the order of the keys.
      adoptionsByStatus: ADOPTION_STATUSES.map((key) => ({
        key,
        label: ADOPTION_STATUS_LABELS[key].ja,
        count: rows.adoptionsByStatus.find((r) => r.key === key)?.count ?? 0,
      })),
      topFollowed: rows.topFollowed,
      membershipOverTime: rows.membership.map((r) => {
        cumulative += r.joined;
        return { term: r.term, label: formatTerm(r.term, 'ja'), joined: r.joined, cumulative };
      }),
      sessionParticipation: rows.participation.map((r) => ({ ...r, termLabel: formatTerm(r.term, 'ja') })),
    };
  }
}
