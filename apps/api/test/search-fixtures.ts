import { DataSource } from 'typeorm';
import type { CaseStage, CaseStatus, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { hashPassword } from '../src/modules/auth/password';
import { UserEntity } from '../src/modules/auth/user.entity';
import { CaseStudyEntity } from '../src/modules/case-study/case-study.entity';
import { MunicipalityEntity } from '../src/modules/municipality/municipality.entity';
import { searchTextOf } from '../src/modules/municipality/municipality.repository';
import { enqueueIndexUpdate } from '../src/search/search-outbox';
import type { GqlResponse, TestApp } from './test-app';

export const SEARCH_TEST_PASSWORD = 'search-spec-password';

/**
 * The demo municipalities (members) and one officer account per given code, without the demo cases: the
 * search specs bring their own cases so that every assertion is about a known set.
 */
export async function seedMunicipalities(t: TestApp, officerCodes: readonly string[] = []): Promise<void> {
  const dataSource = t.app.get(DataSource);
  const municipalities = dataSource.getRepository(MunicipalityEntity);
  const saved = await municipalities.save(
    DEMO_MUNICIPALITIES.map((m) =>
      municipalities.create({
        code: m.code,
        name: m.name,
        kana: m.kana,
        nameEn: m.nameEn,
        prefectureCode: m.prefectureCode,
        kind: m.kind,
        population: m.population,
        membershipStatus: 'MEMBER',
        joinedOn: '2023-05-10',
        searchText: searchTextOf(m),
      }),
    ),
  );
  const passwordHash = await hashPassword(SEARCH_TEST_PASSWORD);
  const users = dataSource.getRepository(UserEntity);
  await users.save(
    officerCodes.map((code) =>
      users.create({
        email: `officer.${code}@search.example`,
        name: `検索 ${code}`,
        role: 'OFFICER',
        municipalityId: saved.find((m) => m.code === code)?.id ?? null,
        passwordHash,
      }),
    ),
  );
}

export const officerLogin = (t: TestApp, code: string) =>
  t.login(`officer.${code}@search.example`, SEARCH_TEST_PASSWORD);

/** A case for search specs: only what the spec cares about; the rest gets plausible defaults. */
export interface FixtureCase {
  key: string;
  municipalityCode: string;
  title: string;
  summary?: string;
  body?: string;
  themes?: CaseTheme[];
  targets?: CaseTarget[];
  tags?: string[];
  fiscalYears?: number[];
  budgetYen?: number | null;
  visibility?: Visibility;
  status?: CaseStatus;
  stage?: CaseStage;
  /** ISO date-time; default: now minus the fixture's position in minutes. */
  publishedAt?: string;
}

/**
 * Inserts cases the way every writer does: the rows and their search-outbox jobs in one transaction.
 * Returns the new ids by fixture key.
 */
export async function insertCases(
  t: TestApp,
  cases: readonly FixtureCase[],
): Promise<Record<string, string>> {
  const dataSource = t.app.get(DataSource);
  const codes = [...new Set(cases.map((c) => c.municipalityCode))];
  const rows = (await dataSource.query('SELECT id, code FROM municipalities WHERE code = ANY($1)', [
    codes,
  ])) as Array<{
    id: string;
    code: string;
  }>;
  const municipalityId = new Map(rows.map((r) => [r.code, r.id]));
  const ids: Record<string, string> = {};
  await dataSource.transaction(async (manager) => {
    const repo = manager.getRepository(CaseStudyEntity);
    for (const [i, c] of cases.entries()) {
      const mid = municipalityId.get(c.municipalityCode);
      if (!mid) throw new Error(`fixture ${c.key}: no municipality ${c.municipalityCode}`);
      const status = c.status ?? 'PUBLISHED';
      const saved = await repo.save(
        repo.create({
          municipalityId: mid,
          title: c.title,
          summary: c.summary ?? `${c.title}の概要。`,
          body: c.body ?? `## 背景\n\n${c.title}について市の事業として実施した。`,
          themes: c.themes ?? ['DX_TALENT'],
          targets: c.targets ?? ['CITIZENS'],
          tags: c.tags ?? [],
          fiscalYears: c.fiscalYears ?? [2024],
          budgetYen: c.budgetYen === undefined ? 1_000_000 : c.budgetYen,
          visibility: c.visibility ?? 'PUBLIC',
          ...(c.stage ? { stage: c.stage } : {}),
          status,
          publishedAt:
            status === 'PUBLISHED' ? new Date(c.publishedAt ?? Date.now() - (i + 1) * 60_000) : null,
        }),
      );
      ids[c.key] = saved.id;
      await enqueueIndexUpdate(manager, 'case_study', saved.id);
    }
  });
  return ids;
}

export async function pendingIndexUpdates(t: TestApp): Promise<number> {
  const res = await fetch(`${t.url}/health`);
  const body = (await res.json()) as { pendingIndexUpdates: number };
  return body.pendingIndexUpdates;
}

/** Polls until `check` passes or `timeoutMs` passes (then fails with the last value): never a fixed sleep. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await probe();
    if (check(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Waits until the search sync has applied every queued update (the outbox is empty) and search answers:
 * on a fresh app the healer may still be building the index the first updates found missing
 * (SEARCH_UNAVAILABLE meanwhile, by design), which an empty outbox alone does not show.
 */
export async function indexSynced(t: TestApp, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const pending = await eventually(
    () => pendingIndexUpdates(t),
    (n) => n === 0,
    timeoutMs,
  );
  await eventually(
    () => t.gql<unknown>('{ searchCaseStudies(pageSize: 1) { totalHits } }'),
    (r) => !r.errors?.length,
    Math.max(1_000, deadline - Date.now()),
  );
  return pending;
}

export const HIT_FIELDS = `
  totalHits page pageSize totalPages processingTimeMs relaxed query
  facets { field values { value count } }
  hits {
    highlights { title summary body }
    caseStudy { id title visibility status publishedAt budgetYen themes targets fiscalYears
      municipality { code name population prefecture { code } } }
  }`;

export const SEARCH = `query($query: String, $filter: CaseStudyFilter, $sort: CaseStudySort, $page: Int, $pageSize: Int) {
  searchCaseStudies(query: $query, filter: $filter, sort: $sort, page: $page, pageSize: $pageSize) { ${HIT_FIELDS} }
}`;

export interface SearchHit {
  highlights: { title: string; summary: string; body: string } | null;
  caseStudy: {
    id: string;
    title: string;
    visibility: string;
    status: string;
    publishedAt: string;
    budgetYen: number | null;
    themes: string[];
    targets: string[];
    fiscalYears: number[];
    municipality: { code: string; name: string; population: number | null; prefecture: { code: string } };
  };
}

export interface SearchResult {
  totalHits: number;
  page: number;
  pageSize: number;
  totalPages: number;
  processingTimeMs: number;
  relaxed: boolean;
  query: string;
  facets: Array<{ field: string; values: Array<{ value: string; count: number }> }>;
  hits: SearchHit[];
}

export function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export async function search(
  t: TestApp,
  variables: Record<string, unknown>,
  token?: string,
): Promise<SearchResult> {
  return dataOf(await t.gql<{ searchCaseStudies: SearchResult }>(SEARCH, variables, token)).searchCaseStudies;
}
