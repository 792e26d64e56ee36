/**
 * Realistic-ish generated case studies for load tests and benchmarks: every sentence, list item, tag and
 * outcome comes from the hand-written demo cases, recombined, so the index sees real Japanese text with
 * its real vocabulary (and the synonyms and kana forms it triggers) at any volume.
 */
import type { EnqueuedTaskPromise } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { CASE_STAGES, type CaseTheme } from '@yokoten/case-studies';
import {
  DEMO_CASE_STUDIES,
  DEMO_MUNICIPALITIES,
  type DemoCaseStudy,
  type DemoMunicipality,
} from '@yokoten/demo-data';
import { CaseStudyEntity } from '@yokoten/api/modules/case-study/case-study.entity';
import { MunicipalityEntity } from '@yokoten/api/modules/municipality/municipality.entity';
import { searchTextOf } from '@yokoten/api/modules/municipality/municipality.repository';
import type { SearchStack } from '@yokoten/api/search/search-stack';

/** Small, fast, seedable PRNG (mulberry32), so a run can be repeated exactly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Pools {
  cases: readonly DemoCaseStudy[];
  sentences: string[];
  actions: string[];
}

function pools(): Pools {
  const sentences = new Set<string>();
  const actions = new Set<string>();
  for (const c of DEMO_CASE_STUDIES) {
    for (const line of c.body.split('\n')) {
      const text = line.trim();
      if (!text || text.startsWith('#') || text.startsWith('|')) continue;
      if (text.startsWith('- ')) actions.add(text.slice(2));
      else for (const s of text.split('。')) if (s.trim().length > 8) sentences.add(`${s.trim()}。`);
    }
  }
  return { cases: DEMO_CASE_STUDIES, sentences: [...sentences], actions: [...actions] };
}

const VARIANTS = [
  '第2期',
  '第3期',
  '拡充版',
  '試行',
  '全庁展開',
  '地域版',
  '広域連携',
  'オンライン版',
  '改訂版',
  '実証',
];

export type SyntheticCase = Omit<
  CaseStudyEntity,
  'id' | 'municipality' | 'author' | 'createdAt' | 'updatedAt' | 'version'
>;

/** `count` generated cases for the given municipality ids, all PUBLISHED, most of them PUBLIC. */
export function generateCases(
  count: number,
  municipalityIds: readonly string[],
  seed = 20_251_121,
): SyntheticCase[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const some = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(xs));
  const { cases, sentences, actions } = pools();
  const now = Date.now();
  const fourYears = 4 * 365 * 24 * 3600 * 1000;
  return Array.from({ length: count }, (_, i) => {
    const a = pick(cases);
    const b = pick(cases);
    const c = pick(cases);
    const themes = [...new Set<CaseTheme>([...a.themes, ...(rand() < 0.3 ? [pick(b.themes)] : [])])];
    const start = 2019 + Math.floor(rand() * 7);
    const years = Array.from({ length: 1 + Math.floor(rand() * 3) }, (_, k) => start + k);
    const body = [
      '## 背景',
      some(sentences, 2 + Math.floor(rand() * 3)).join(''),
      '## 取り組み',
      [...new Set(some(actions, 3 + Math.floor(rand() * 4)))].map((x) => `- ${x}`).join('\n'),
      '## 成果',
      some(sentences, 2).join(''),
      '## 今後',
      pick(sentences),
    ].join('\n\n');
    return {
      municipalityId: municipalityIds[Math.floor(rand() * municipalityIds.length)],
      title: rand() < 0.5 ? a.title : `${a.title}（${pick(VARIANTS)}）`,
      summary: `${a.summary}${b.summary.split('。')[0]}。`,
      body,
      themes,
      targets: [...a.targets],
      tags: [...new Set([...a.tags, ...(rand() < 0.5 ? [pick(b.tags)] : [])])],
      fiscalYears: years,
      budgetYen: rand() < 0.1 ? null : Math.round(10 ** (5.7 + rand() * 2.6) / 1000) * 1000,
      fundingSources: [...a.fundingSources],
      partners: [...new Set([...a.partners, ...b.partners.slice(0, 1)])],
      outcomes: a.outcomes.map((o) => ({ ...o, after: Math.round(o.after * (0.5 + rand())) })),
      lessonsLearned: b.lessonsLearned,
      challenges: c.challenges,
      successConditions: a.successConditions,
      stage: pick(CASE_STAGES),
      contactDepartment: a.contactDepartment,
      contactEmail: null,
      contactPhone: null,
      status: 'PUBLISHED',
      visibility: rand() < 0.85 ? 'PUBLIC' : 'MEMBERS',
      unpublishedReason: null,
      authorId: null,
      publishedAt: new Date(now - Math.floor(rand() * fourYears) - i * 1000),
    };
  });
}

/**
 * Inserts demo municipalities as members (joined 2023-05-10) in one statement, through a TypeORM DataSource or a
 * pg Client; a code already there is left as it is (bench:profile seeds the finder's and the registrations' sets).
 */
export async function insertMembers(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  members: readonly DemoMunicipality[],
): Promise<void> {
  await db.query(
    `INSERT INTO municipalities (code, name, kana, name_en, prefecture_code, kind, population, membership_status, joined_on, search_text)
     SELECT * FROM unnest($1::char(6)[], $2::text[], $3::text[], $4::text[], $5::char(2)[], $6::text[], $7::int[],
                          $8::text[], $9::date[], $10::text[])
     ON CONFLICT (code) DO NOTHING`,
    [
      members.map((m) => m.code),
      members.map((m) => m.name),
      members.map((m) => m.kana),
      members.map((m) => m.nameEn),
      members.map((m) => m.prefectureCode),
      members.map((m) => m.kind),
      members.map((m) => m.population),
      members.map(() => 'MEMBER'),
      members.map(() => '2023-05-10'),
      members.map((m) => searchTextOf(m)),
    ],
  );
}

/** The demo municipalities as members, when the register is empty (a bench's fresh database). */
export async function ensureMunicipalities(dataSource: DataSource): Promise<string[]> {
  if ((await dataSource.getRepository(MunicipalityEntity).count()) === 0)
    await insertMembers(dataSource, DEMO_MUNICIPALITIES);
  const rows = (await dataSource.query(
    `SELECT id FROM municipalities WHERE membership_status = 'MEMBER' ORDER BY code`,
  )) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}

export interface SeedReport {
  inserted: number;
  insertMs: number;
  indexMs: number;
  /** Documents per second through the bulk path (read from PostgreSQL, map, send, engine done). */
  docsPerSecond: number;
}

/**
 * Inserts `count` generated cases into PostgreSQL in batches and indexes them through the bulk path (one
 * engine task per batch, several in flight), not the outbox: this is how a large import or a rebuild loads.
 */
export async function seedSyntheticCases(
  dataSource: DataSource,
  search: SearchStack,
  count: number,
  options: {
    batchSize?: number;
    seed?: number;
    onProgress?(phase: string, done: number, total: number): void;
  } = {},
): Promise<SeedReport> {
  const batchSize = options.batchSize ?? 1000;
  const municipalityIds = await ensureMunicipalities(dataSource);
  await search.index.ensure();
  const cases = generateCases(count, municipalityIds, options.seed);
  const ids: string[] = [];
  const insertStarted = Date.now();
  for (let i = 0; i < cases.length; i += batchSize) {
    const result = await dataSource
      .createQueryBuilder()
      .insert()
      .into(CaseStudyEntity)
      .values(cases.slice(i, i + batchSize))
      .returning(['id'])
      .execute();
    ids.push(...(result.identifiers as Array<{ id: string }>).map((r) => r.id));
    options.onProgress?.('inserted', ids.length, count);
  }
  const insertMs = Date.now() - insertStarted;

  const indexStarted = Date.now();
  const inFlight: EnqueuedTaskPromise[] = [];
  let sent = 0;
  for (let i = 0; i < ids.length; i += batchSize) {
    const docs = (await search.source.findByIds(dataSource, ids.slice(i, i + batchSize))).map(
      (c) => c.document,
    );
    inFlight.push(search.index.enqueueUpsert(search.index.liveName, docs));
    sent += docs.length;
    while (inFlight.length >= 4) await search.index.wait(inFlight.shift()!, { timeoutMs: 600_000 });
    options.onProgress?.('sent to the index', sent, count);
  }
  for (const task of inFlight) await search.index.wait(task, { timeoutMs: 600_000 });
  const indexMs = Date.now() - indexStarted;
  options.onProgress?.('indexed', sent, count);
  return {
    inserted: ids.length,
    insertMs,
    indexMs,
    docsPerSecond: Math.round((sent / Math.max(1, indexMs)) * 1000),
  };
}
