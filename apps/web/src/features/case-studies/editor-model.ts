import type { TFunction } from 'i18next';
import type {
  CaseStage,
  CaseStudyEditableFragment,
  CaseTarget,
  CaseTheme,
  OutcomeInput,
  UpdateCaseStudyInput,
  Visibility,
} from '../../graphql/generated/graphql';
import { CASE_STUDY_LIMITS as LIMITS, parseYenAmount } from '@yokoten/case-studies';
import { formatNumber } from '../../shared/format';

// The editor's form, and its translation to the API's input with the API's limits checked first, so that
// a busy officer reads 「タイトルは200文字以内で…」 next to the field instead of a round-trip error. The limits
// are the library's CASE_STUDY_LIMITS, the same numbers the API's validators use.

export interface OutcomeRow {
  /** Stable React key for a row that has no id of its own. */
  key: string;
  label: string;
  before: string;
  after: string;
  unit: string;
  asOf: string;
}

export interface FormValues {
  title: string;
  summary: string;
  body: string;
  themes: CaseTheme[];
  targets: CaseTarget[];
  /** As typed: separated by 、 or commas. */
  tags: string;
  fiscalYears: number[];
  /** As typed: 1,500,000 or １５０００００. */
  budgetYen: string;
  /** As typed: one per line. */
  fundingSources: string;
  partners: string;
  outcomes: OutcomeRow[];
  lessonsLearned: string;
  challenges: string;
  successConditions: string;
  stage: CaseStage;
  visibility: Visibility;
  contactDepartment: string;
  contactEmail: string;
  contactPhone: string;
}

/** The fields of the input this form sends (the API's names). */
export type InputField = keyof Omit<UpdateCaseStudyInput, 'expectedVersion'>;
export type CaseInput = Omit<UpdateCaseStudyInput, 'expectedVersion'>;

let rowCounter = 0;
export function newOutcomeRow(partial: Partial<OutcomeRow> = {}): OutcomeRow {
  rowCounter += 1;
  return { key: `row-${rowCounter}`, label: '', before: '', after: '', unit: '', asOf: '', ...partial };
}

export function emptyValues(): FormValues {
  return {
    title: '',
    summary: '',
    body: '',
    themes: [],
    targets: [],
    tags: '',
    fiscalYears: [],
    budgetYen: '',
    fundingSources: '',
    partners: '',
    outcomes: [],
    lessonsLearned: '',
    challenges: '',
    successConditions: '',
    stage: 'IN_PROGRESS',
    visibility: 'PUBLIC',
    contactDepartment: '',
    contactEmail: '',
    contactPhone: '',
  };
}

const plain = (value: number) => String(value);

export function valuesFromCase(c: CaseStudyEditableFragment): FormValues {
  return {
    title: c.title,
    summary: c.summary,
    body: c.body,
    themes: [...c.themes],
    targets: [...c.targets],
    tags: c.tags.join('、'),
    fiscalYears: [...c.fiscalYears].sort((a, b) => a - b),
    budgetYen: c.budgetYen === null ? '' : formatNumber(c.budgetYen, 'ja'),
    fundingSources: c.fundingSources.join('\n'),
    partners: c.partners.join('\n'),
    outcomes: c.outcomes.map((o) =>
      newOutcomeRow({
        label: o.label,
        before: o.before === null ? '' : plain(o.before),
        after: plain(o.after),
        unit: o.unit,
        asOf: o.asOf ?? '',
      }),
    ),
    lessonsLearned: c.lessonsLearned,
    challenges: c.challenges,
    successConditions: c.successConditions,
    stage: c.stage,
    visibility: c.visibility,
    contactDepartment: c.contact.department,
    contactEmail: c.contact.email ?? '',
    contactPhone: c.contact.phone ?? '',
  };
}

/** Full-width digits and signs, as a Japanese IME often types them, to ASCII. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[，、]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[－ー−‐―]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\u3000/g, ' ');
}

export function parseMeasure(text: string): number | null {
  const compact = toHalfWidth(text).replace(/[,\s]/g, '');
  if (!compact) return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : NaN;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

export const splitTags = (text: string) =>
  unique(
    text
      .split(/[、,，\n]/)
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const splitLines = (text: string) =>
  unique(
    text
      .split('\n')
      .map((item) => item.trim())
      .filter(Boolean),
  );

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9\- ()]{5,38}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isBlankRow = (row: OutcomeRow) =>
  !row.label.trim() && !row.before.trim() && !row.after.trim() && !row.unit.trim() && !row.asOf.trim();

/** Error messages keyed by field path: `title`, `outcomes.2.after`, … */
export type FieldErrors = Record<string, string>;

/**
 * The API input for everything in the form that is valid, and a message for everything that is not.
 * Invalid fields are left out of the input, so that an autosave still keeps the rest.
 */
export function buildInput(values: FormValues, t: TFunction): { input: CaseInput; errors: FieldErrors } {
  const input: CaseInput = {};
  const errors: FieldErrors = {};
  const label = (field: string) => t(`caseFields.${field}` as 'caseFields.title');
  const tooLong = (field: string, max: number, count: number) =>
    t('caseEditor.errors.tooLong', {
      field: label(field),
      max: formatNumber(max, 'ja'),
      count: formatNumber(count, 'ja'),
    });

  const text = (
    field:
      | 'title'
      | 'summary'
      | 'body'
      | 'lessonsLearned'
      | 'challenges'
      | 'successConditions'
      | 'contactDepartment',
    max: number,
  ) => {
    const value = values[field].trim();
    if (value.length > max) errors[field] = tooLong(field, max, value.length);
    else input[field] = value;
  };

  if (!values.title.trim()) errors.title = t('caseEditor.errors.titleRequired');
  else text('title', LIMITS.title);
  text('summary', LIMITS.summary);
  text('body', LIMITS.body);
  text('lessonsLearned', LIMITS.longText);
  text('challenges', LIMITS.longText);
  text('successConditions', LIMITS.longText);
  text('contactDepartment', LIMITS.department);

  input.themes = [...values.themes];
  input.targets = [...values.targets];
  input.fiscalYears = [...values.fiscalYears].sort((a, b) => a - b);
  input.stage = values.stage;
  input.visibility = values.visibility;

  const tags = splitTags(values.tags);
  const longTag = tags.find((tag) => tag.length > LIMITS.tag);
  if (tags.length > LIMITS.tags)
    errors.tags = t('caseEditor.errors.tooManyTags', { max: LIMITS.tags, count: tags.length });
  else if (longTag) errors.tags = t('caseEditor.errors.tagTooLong', { tag: longTag, max: LIMITS.tag });
  else input.tags = tags;

  for (const field of ['fundingSources', 'partners'] as const) {
    const items = splitLines(values[field]);
    if (items.length > LIMITS.listItems)
      errors[field] = t('caseEditor.errors.tooManyItems', { field: label(field), max: LIMITS.listItems });
    else if (items.some((item) => item.length > LIMITS.listItem))
      errors[field] = t('caseEditor.errors.itemTooLong', { field: label(field), max: LIMITS.listItem });
    else input[field] = items;
  }

  const budget = parseYenAmount(values.budgetYen);
  if (budget !== null && (!Number.isSafeInteger(budget) || budget < 0))
    errors.budgetYen = t('caseEditor.errors.budgetInvalid');
  else if (budget !== null && budget > LIMITS.budgetMax)
    errors.budgetYen = t('caseEditor.errors.budgetTooLarge');
  else input.budgetYen = budget;

  const outcomes: OutcomeInput[] = [];
  let outcomesValid = true;
  values.outcomes.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const n = index + 1;
    const path = (cell: string) => `outcomes.${index}.${cell}`;
    const labelText = row.label.trim();
    const before = parseMeasure(row.before);
    const after = parseMeasure(row.after);
    const unit = row.unit.trim();
    const asOf = toHalfWidth(row.asOf).trim();
    let ok = true;
    const fail = (cell: string, message: string) => {
      errors[path(cell)] = message;
      ok = false;
    };
    if (!labelText) fail('label', t('caseEditor.errors.outcomeLabelRequired', { row: n }));
    else if (labelText.length > LIMITS.outcomeLabel)
      fail('label', t('caseEditor.errors.outcomeLabelTooLong', { row: n, max: LIMITS.outcomeLabel }));
    if (before !== null && (Number.isNaN(before) || Math.abs(before) > LIMITS.outcomeAbsMax))
      fail('before', t('caseEditor.errors.outcomeBeforeInvalid', { row: n }));
    if (after === null || Number.isNaN(after) || Math.abs(after) > LIMITS.outcomeAbsMax)
      fail('after', t('caseEditor.errors.outcomeAfterInvalid', { row: n }));
    if (unit.length > LIMITS.outcomeUnit)
      fail('unit', t('caseEditor.errors.outcomeUnitTooLong', { row: n, max: LIMITS.outcomeUnit }));
    if (asOf && (!DATE.test(asOf) || Number.isNaN(Date.parse(asOf))))
      fail('asOf', t('caseEditor.errors.outcomeDateInvalid', { row: n }));
    if (!ok) {
      outcomesValid = false;
      return;
    }
    outcomes.push({ label: labelText, before, after: after as number, unit, asOf: asOf || null });
  });
  const filledRows = values.outcomes.filter((row) => !isBlankRow(row)).length;
  if (filledRows > LIMITS.outcomes) {
    errors.outcomes = t('caseEditor.errors.tooManyOutcomes', { max: LIMITS.outcomes });
    outcomesValid = false;
  }
  if (outcomesValid) input.outcomes = outcomes;

  // An IME in full-width mode types ｄｘ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｊｐ: read it as the address it is.
  const email = toHalfWidth(values.contactEmail.normalize('NFKC')).trim();
  if (email && (!EMAIL.test(email) || email.length > LIMITS.email))
    errors.contactEmail = t('caseEditor.errors.emailInvalid');
  else input.contactEmail = email || null;

  const phone = toHalfWidth(values.contactPhone).trim();
  if (phone && !PHONE.test(phone)) errors.contactPhone = t('caseEditor.errors.phoneInvalid');
  else input.contactPhone = phone || null;

  return { input, errors };
}

/** The part of `next` that differs from `saved` (what an update has to send). */
export function changedInput(next: CaseInput, saved: CaseInput): CaseInput {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    if (JSON.stringify(value) !== JSON.stringify((saved as Record<string, unknown>)[field]))
      changes[field] = value;
  }
  return changes as CaseInput;
}

export const isEmptyInput = (input: CaseInput) => Object.keys(input).length === 0;
