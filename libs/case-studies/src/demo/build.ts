import type { CaseStage, CaseStatus, CaseTarget, CaseTheme, Visibility } from '../taxonomy';

export interface DemoOutcome {
  label: string;
  before: number | null;
  after: number;
  unit: string;
  /** YYYY-MM-DD */
  asOf: string;
}

export interface DemoCaseStudy {
  /** Stable slug, unique across the demo set. */
  key: string;
  /** One of the member municipalities of DEMO_MUNICIPALITIES. */
  municipalityCode: string;
  title: string;
  summary: string;
  /** Markdown: ## 背景 / ## 取り組み / ## 成果 / ## 今後, lists and sometimes a table; no HTML, no images. */
  body: string;
  themes: CaseTheme[];
  targets: CaseTarget[];
  tags: string[];
  /** 年度 (April to March). */
  fiscalYears: number[];
  budgetYen: number | null;
  fundingSources: string[];
  partners: string[];
  outcomes: DemoOutcome[];
  lessonsLearned: string;
  challenges: string;
  successConditions: string;
  /** 構想 / 実施中 / 効果検証 / 横展開中 (CASE_STAGES in the taxonomy). */
  stage: CaseStage;
  contactDepartment: string;
  visibility: Visibility;
  /** Demo cases are published or still drafts; none is archived. */
  status: Extract<CaseStatus, 'PUBLISHED' | 'DRAFT'>;
  /** ISO date-time in Japan time (+09:00); for drafts, when the draft was started. */
  publishedAt: string;
}

/** The body of a case is written as its four sections and rendered to Markdown here, so every case has the same outline. */
export interface BodySpec {
  background: string;
  actions: string[];
  /** A paragraph, or a list when there are several separate results. */
  results: string | string[];
  /** Adds a table of the outcomes (before / after) under the results. */
  table?: boolean;
  next: string;
}

export type CaseSpec = Omit<DemoCaseStudy, 'body'> & { body: BodySpec };

/** Positional shorthand for an outcome row: label, before, after, unit, as-of date. */
export function o(
  label: string,
  before: number | null,
  after: number,
  unit: string,
  asOf: string,
): DemoOutcome {
  return { label, before, after, unit, asOf };
}

function groupDigits(n: number): string {
  const [int, frac] = String(n).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

function outcomeTable(outcomes: readonly DemoOutcome[]): string {
  const rows = outcomes.map(
    (x) =>
      `| ${x.label}（${x.unit}） | ${x.before === null ? '—' : groupDigits(x.before)} | ${groupDigits(x.after)} | ${x.asOf.slice(0, 7).replace('-', '年')}月 |`,
  );
  return ['| 指標 | 実施前 | 実施後 | 時点 |', '| --- | ---: | ---: | --- |', ...rows].join('\n');
}

export function renderBody(spec: BodySpec, outcomes: readonly DemoOutcome[]): string {
  const results =
    typeof spec.results === 'string' ? spec.results : spec.results.map((r) => `- ${r}`).join('\n');
  const sections = [
    '## 背景',
    spec.background,
    '## 取り組み',
    spec.actions.map((a) => `- ${a}`).join('\n'),
    '## 成果',
    results,
    ...(spec.table ? [outcomeTable(outcomes)] : []),
    '## 今後',
    spec.next,
  ];
  return sections.join('\n\n');
}

export function defineCases(specs: readonly CaseSpec[]): DemoCaseStudy[] {
  return specs.map(({ body, ...rest }) => ({ ...rest, body: renderBody(body, rest.outcomes) }));
}
