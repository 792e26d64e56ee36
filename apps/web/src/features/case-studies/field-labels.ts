import type { TFunction } from 'i18next';

/** The fields an author edits, in the order of the editor's form (its error summary reads top to bottom like the page). */
export const CASE_FORM_FIELDS = [
  'title',
  'summary',
  'stage',
  'visibility',
  'body',
  'themes',
  'targets',
  'tags',
  'fiscalYears',
  'budgetYen',
  'fundingSources',
  'partners',
  'outcomes',
  'lessonsLearned',
  'challenges',
  'successConditions',
  'contactDepartment',
  'contactEmail',
  'contactPhone',
] as const;

/**
 * Names of a case's fields as people call them, keyed by the API's input field names (revisions list
 * changed fields by these names, the publish checklist and validation errors name fields by them too).
 */
export const CASE_FIELDS = [...CASE_FORM_FIELDS, 'status', 'publishedAt', 'unpublishedReason'] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

export function isCaseField(value: string): value is CaseField {
  return (CASE_FIELDS as readonly string[]).includes(value);
}

export function caseFieldLabel(field: string, t: TFunction): string {
  return isCaseField(field) ? t(`caseFields.${field}`) : field;
}
