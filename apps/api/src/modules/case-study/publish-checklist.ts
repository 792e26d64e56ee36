import { CASE_STUDY_LIMITS } from '@yokoten/case-studies';
import type { CaseStudyEntity } from './case-study.entity';

/** What a case needs before it is published: enough for another municipality to judge and follow it. */
export const SUMMARY_MIN_LENGTH = CASE_STUDY_LIMITS.summaryMin;
export const BODY_MIN_LENGTH = CASE_STUDY_LIMITS.bodyMin;

export type PublishableCase = Pick<
  CaseStudyEntity,
  'title' | 'summary' | 'body' | 'themes' | 'targets' | 'fiscalYears' | 'outcomes' | 'contactDepartment'
>;

export interface PublishChecklistItem {
  /** Name of the input field to fill, as in CreateCaseStudyInput. */
  field: keyof PublishableCase;
  ok: boolean;
  /** What is required, Japanese first, then English. */
  message: string;
}

/** Characters as a reader counts them (code points, so 𠮷 is one), ignoring surrounding blanks. */
const length = (s: string | null | undefined): number => [...(s ?? '').trim()].length;

interface Requirement {
  field: keyof PublishableCase;
  /** Short Japanese name used when listing what is missing. */
  label: string;
  message: string;
  ok: (c: PublishableCase) => boolean;
}

const REQUIREMENTS: Requirement[] = [
  {
    field: 'title',
    label: 'タイトル',
    message: 'タイトルを入力してください (Enter a title)',
    ok: (c) => length(c.title) > 0,
  },
  {
    field: 'summary',
    label: `概要（${SUMMARY_MIN_LENGTH}文字以上）`,
    message: `概要を${SUMMARY_MIN_LENGTH}文字以上で入力してください (Summary: at least ${SUMMARY_MIN_LENGTH} characters)`,
    ok: (c) => length(c.summary) >= SUMMARY_MIN_LENGTH,
  },
  {
    field: 'body',
    label: `本文（${BODY_MIN_LENGTH}文字以上）`,
    message: `本文を${BODY_MIN_LENGTH}文字以上で入力してください (Body: at least ${BODY_MIN_LENGTH} characters)`,
    ok: (c) => length(c.body) >= BODY_MIN_LENGTH,
  },
  {
    field: 'themes',
    label: 'テーマ',
    message: 'テーマを1つ以上選んでください (Choose at least one theme)',
    ok: (c) => c.themes.length > 0,
  },
  {
    field: 'targets',
    label: '対象',
    message: '対象を1つ以上選んでください (Choose at least one target)',
    ok: (c) => c.targets.length > 0,
  },
  {
    field: 'fiscalYears',
    label: '実施年度',
    message: '実施年度を1つ以上入力してください (Add at least one fiscal year)',
    ok: (c) => c.fiscalYears.length > 0,
  },
  {
    field: 'outcomes',
    label: '成果指標',
    message: '成果指標を1つ以上入力してください (Add at least one outcome)',
    ok: (c) => c.outcomes.length > 0,
  },
  {
    field: 'contactDepartment',
    label: '問い合わせ先の担当部署',
    message: '問い合わせ先の担当部署を入力してください (Enter the contact department)',
    ok: (c) => length(c.contactDepartment) > 0,
  },
];

/** Every requirement with whether the case meets it, in the order of the edit form. */
export function publishChecklist(c: PublishableCase): PublishChecklistItem[] {
  return REQUIREMENTS.map((r) => ({ field: r.field, ok: r.ok(c), message: r.message }));
}

/**
 * The fields still missing (of those `considered`, default all), their Japanese labels, and a message naming
 * them in Japanese (with the field names in English).
 */
export function missingForPublish(
  c: PublishableCase,
  considered: (field: keyof PublishableCase) => boolean = () => true,
): { missing: Array<keyof PublishableCase>; labels: string[]; message: string } | null {
  const missing = REQUIREMENTS.filter((r) => considered(r.field) && !r.ok(c));
  if (missing.length === 0) return null;
  return {
    missing: missing.map((r) => r.field),
    labels: missing.map((r) => r.label),
    message:
      `公開に必要な項目が不足しています: ${missing.map((r) => r.label).join('、')}` +
      ` (Missing before publishing: ${missing.map((r) => r.field).join(', ')})`,
  };
}
