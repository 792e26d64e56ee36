import type { CaseStage, CaseStatus, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { DEMO_MUNICIPALITIES, type DemoMunicipality } from './demo-municipalities';

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
  /** Fictitious, under example.lg.jp (reserved for examples): dx@city.kitakyushu.example.lg.jp. */
  contactEmail: string;
  /** Fictitious: 0X-5550-XXXX (5550 is not a local exchange in use). */
  contactPhone: string;
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
  /**
   * A paragraph, or a list when there are several separate results. No table of the outcomes: the
   * structured outcomes are shown as their own table on the case page, and the body never repeats them.
   */
  results: string | string[];
  next: string;
}

export type CaseSpec = Omit<DemoCaseStudy, 'body' | 'contactEmail' | 'contactPhone'> & { body: BodySpec };

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

export function renderBody(spec: BodySpec): string {
  const results =
    typeof spec.results === 'string' ? spec.results : spec.results.map((r) => `- ${r}`).join('\n');
  const sections = [
    '## 背景',
    spec.background,
    '## 取り組み',
    spec.actions.map((a) => `- ${a}`).join('\n'),
    '## 成果',
    results,
    '## 今後',
    spec.next,
  ];
  return sections.join('\n\n');
}

const MAIL_HOST_PREFIX: Record<DemoMunicipality['kind'], string> = {
  PREFECTURE: 'pref',
  DESIGNATED_CITY: 'city',
  CORE_CITY: 'city',
  CITY: 'city',
  SPECIAL_WARD: 'city',
  TOWN: 'town',
  VILLAGE: 'vill',
};

/**
 * A demo case's contact, shaped like a real one (pref.hiroshima.lg.jp, city.kitakyushu.lg.jp) but under
 * example.lg.jp and with a phone number of no one, so that a member's officer sees how contacts look.
 */
export function demoContact(municipalityCode: string): { email: string; phone: string } {
  const m = DEMO_MUNICIPALITIES.find((x) => x.code === municipalityCode);
  const slug = (m?.nameEn ?? municipalityCode)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const host = `${MAIL_HOST_PREFIX[m?.kind ?? 'CITY']}.${slug}.example.lg.jp`;
  const area = (Number(municipalityCode.slice(0, 2)) % 9) + 1;
  return { email: `dx@${host}`, phone: `0${area}-5550-${municipalityCode.slice(1, 5)}` };
}

export function defineCases(specs: readonly CaseSpec[]): DemoCaseStudy[] {
  return specs.map(({ body, ...rest }) => {
    const contact = demoContact(rest.municipalityCode);
    return { ...rest, body: renderBody(body), contactEmail: contact.email, contactPhone: contact.phone };
  });
}
