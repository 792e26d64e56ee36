/**
 * The field limits of a case study, one contract for both sides: the API's validators
 * (CreateCaseStudyInput / UpdateCaseStudyInput) enforce them, and the web's editor checks them first so
 * that an officer reads 「タイトルは200文字以内で…」 next to the field instead of after a round trip.
 * Changing a number here changes the API's validation (the GraphQL schema's descriptions name some).
 */
export const CASE_STUDY_LIMITS = {
  title: 200,
  summary: 1000,
  body: 50_000,
  longText: 5000,
  department: 200,
  tags: 20,
  tag: 40,
  listItems: 20,
  listItem: 100,
  outcomes: 10,
  outcomeLabel: 100,
  outcomeUnit: 20,
  fiscalYearMin: 2000,
  fiscalYearMax: 2100,
  budgetMax: 1e12,
  outcomeAbsMax: 1e15,
  email: 254,
  phone: 40,
  /** Required before publishing (the publish checklist). */
  summaryMin: 20,
  bodyMin: 100,
} as const;
