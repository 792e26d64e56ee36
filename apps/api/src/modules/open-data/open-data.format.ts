import {
  CASE_TARGET_LABELS,
  CASE_THEME_LABELS,
  formatIsoJst,
  MUNICIPALITY_KIND_LABELS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  prefectureByCode,
} from '@yokoten/case-studies';
import { toCsv } from '../exchange-session/csv';
import type { OpenCaseRow } from './open-data.repository';

/** One case as published in the open data (JSON); the CSV has the same columns, lists joined by 「;」. */
export interface OpenCaseRecord {
  id: string;
  url: string;
  title: string;
  summary: string;
  municipalityCode: string;
  municipalityName: string;
  municipalityKind: string;
  prefectureCode: string;
  prefectureName: string;
  themes: string[];
  themeLabels: string[];
  targets: string[];
  targetLabels: string[];
  tags: string[];
  fiscalYears: number[];
  budgetYen: number | null;
  outcomes: Array<{ label: string; before: number | null; after: number; unit: string; asOf: string | null }>;
  lessonsLearned: string;
  contactDepartment: string;
  adoptionCount: number;
  publishedAt: string;
  updatedAt: string;
  licence: string;
  licenceUrl: string;
}

export function toRecord(row: OpenCaseRow, baseUrl: string): OpenCaseRecord {
  return {
    id: row.id,
    url: `${baseUrl}/cases/${row.id}`,
    title: row.title,
    summary: row.summary,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    municipalityKind: MUNICIPALITY_KIND_LABELS[row.municipalityKind]?.ja ?? row.municipalityKind,
    prefectureCode: row.prefectureCode,
    prefectureName: prefectureByCode(row.prefectureCode)?.name ?? '',
    themes: row.themes,
    themeLabels: row.themes.map((t) => CASE_THEME_LABELS[t]?.ja ?? t),
    targets: row.targets,
    targetLabels: row.targets.map((t) => CASE_TARGET_LABELS[t]?.ja ?? t),
    tags: row.tags,
    fiscalYears: row.fiscalYears,
    budgetYen: row.budgetYen === null ? null : Number(row.budgetYen),
    outcomes: row.outcomes.map((o) => ({
      label: o.label,
      before: o.before ?? null,
      after: o.after,
      unit: o.unit,
      asOf: o.asOf ?? null,
    })),
    lessonsLearned: row.lessonsLearned,
    contactDepartment: row.contactDepartment,
    adoptionCount: row.adoptionCount,
    publishedAt: formatIsoJst(new Date(row.publishedAt)),
    updatedAt: formatIsoJst(new Date(row.updatedAt)),
    licence: OPEN_DATA_LICENCE,
    licenceUrl: OPEN_DATA_LICENCE_URL,
  };
}

const CSV_COLUMNS: Array<[string, (r: OpenCaseRecord) => string | number]> = [
  ['id', (r) => r.id],
  ['url', (r) => r.url],
  ['タイトル', (r) => r.title],
  ['概要', (r) => r.summary],
  ['団体コード', (r) => r.municipalityCode],
  ['団体名', (r) => r.municipalityName],
  ['区分', (r) => r.municipalityKind],
  ['都道府県コード', (r) => r.prefectureCode],
  ['都道府県', (r) => r.prefectureName],
  ['テーマ', (r) => r.themeLabels.join(';')],
  ['対象', (r) => r.targetLabels.join(';')],
  ['タグ', (r) => r.tags.join(';')],
  ['年度', (r) => r.fiscalYears.join(';')],
  ['予算（円）', (r) => r.budgetYen ?? ''],
  ['成果', (r) => r.outcomes.map((o) => `${o.label}:${o.before ?? ''}→${o.after}${o.unit}`).join(';')],
  ['教訓', (r) => r.lessonsLearned],
  ['担当部署', (r) => r.contactDepartment],
  ['横展開数', (r) => r.adoptionCount],
  ['公開日時', (r) => r.publishedAt],
  ['更新日時', (r) => r.updatedAt],
  ['ライセンス', (r) => r.licence],
  ['ライセンスURL', (r) => r.licenceUrl],
];

/** UTF-8 with BOM, CRLF, RFC 4180 quoting, formula injection guarded (exchange-session/csv.ts). */
export function casesCsv(records: OpenCaseRecord[]): string {
  return toCsv(
    CSV_COLUMNS.map(([h]) => h),
    records.map((r) => CSV_COLUMNS.map(([, get]) => get(r))),
  );
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
// Characters XML 1.0 does not allow, even escaped.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export function xml(s: string): string {
  return s.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Atom 1.0 feed of the newest public cases. */
export function casesAtom(records: OpenCaseRecord[], baseUrl: string, generatedAt: Date): string {
  const updated = records.reduce(
    (max, r) => (r.updatedAt > max ? r.updatedAt : max),
    records.length ? records[0].updatedAt : formatIsoJst(generatedAt),
  );
  const entries = records.map((r) =>
    [
      '  <entry>',
      `    <id>urn:uuid:${r.id}</id>`,
      `    <title>${xml(r.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(r.url)}"/>`,
      `    <published>${r.publishedAt}</published>`,
      `    <updated>${r.updatedAt}</updated>`,
      `    <author><name>${xml(r.municipalityName)}</name></author>`,
      ...r.themeLabels.map((t) => `    <category term="${xml(t)}"/>`),
      `    <summary type="text">${xml(r.summary)}</summary>`,
      `    <rights>${xml(`${r.licence} (${r.licenceUrl})`)}</rights>`,
      '  </entry>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${xml(`${baseUrl}/open-data/cases.atom`)}</id>`,
    '  <title>横展 新着の公開事例</title>',
    `  <link rel="self" type="application/atom+xml" href="${xml(`${baseUrl}/open-data/cases.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${baseUrl}/cases`)}"/>`,
    `  <updated>${updated}</updated>`,
    `  <rights>${xml(`${OPEN_DATA_LICENCE} (${OPEN_DATA_LICENCE_URL})`)}</rights>`,
    '  <generator>Yokoten</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
