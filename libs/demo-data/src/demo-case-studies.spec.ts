import {
  CASE_STAGES,
  CASE_TARGETS,
  CASE_TARGET_LABELS,
  CASE_THEMES,
  CASE_THEME_LABELS,
  POPULATION_BANDS,
  isCaseTarget,
  isCaseTheme,
  normalizeForSearch,
  populationBandOf,
} from '@yokoten/case-studies';
import { DEMO_CASE_STUDIES, DEMO_MUNICIPALITIES, DEMO_SEARCH_FIXTURES, type DemoCaseStudy } from './index';

const MUNICIPALITY_BY_CODE = new Map(DEMO_MUNICIPALITIES.map((m) => [m.code, m]));
// The last five demo municipalities are applicants or withdrawn members in the demo: they publish nothing.
const NON_MEMBER_CODES = new Set(DEMO_MUNICIPALITIES.slice(-5).map((m) => m.code));
const MEMBER_CODES = DEMO_MUNICIPALITIES.slice(0, -5).map((m) => m.code);
const FIRST_FY = 2019;
const LAST_FY = 2026;

function countBy<T>(values: T[]): Map<T, number> {
  return values.reduce((acc, v) => acc.set(v, (acc.get(v) ?? 0) + 1), new Map<T, number>());
}

/**
 * Every text a search index may hold for a case, the Japanese and English labels of its themes and targets
 * included (the index stores them so that a theme's name finds its cases). `except` leaves fields out.
 */
function searchableText(c: DemoCaseStudy, except: ('title' | 'summary' | 'body')[] = []): string {
  const own = { title: c.title, summary: c.summary, body: c.body };
  return [
    ...(['title', 'summary', 'body'] as const).filter((f) => !except.includes(f)).map((f) => own[f]),
    ...c.themes.flatMap((t) => [CASE_THEME_LABELS[t].ja, CASE_THEME_LABELS[t].en]),
    ...c.targets.flatMap((t) => [CASE_TARGET_LABELS[t].ja, CASE_TARGET_LABELS[t].en]),
    ...c.tags,
    ...c.partners,
    ...c.fundingSources,
    ...c.outcomes.map((x) => `${x.label} ${x.unit}`),
    c.lessonsLearned,
    c.challenges,
    c.successConditions,
    c.contactDepartment,
  ].join('\n');
}

/** Sentences ended by 。 (a trailing fragment without one counts too). */
function sentenceCount(s: string): number {
  return s.split('。').filter((part) => part.trim() !== '').length;
}

function fixture(name: keyof typeof DEMO_SEARCH_FIXTURES): DemoCaseStudy {
  const found = DEMO_CASE_STUDIES.find((c) => c.key === DEMO_SEARCH_FIXTURES[name]);
  if (!found) throw new Error(`No demo case for fixture ${name}`);
  return found;
}

/** Keys of the cases failing a predicate: a failing expectation then names the culprits. */
const failing = (predicate: (c: DemoCaseStudy) => boolean): string[] =>
  DEMO_CASE_STUDIES.filter((c) => !predicate(c)).map((c) => c.key);

describe('DEMO_CASE_STUDIES', () => {
  it('has at least 120 cases with unique slug keys', () => {
    expect(DEMO_CASE_STUDIES.length).toBeGreaterThanOrEqual(120);
    expect(new Set(DEMO_CASE_STUDIES.map((c) => c.key)).size).toBe(DEMO_CASE_STUDIES.length);
    expect(failing((c) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(c.key))).toEqual([]);
  });

  it('belongs to member municipalities only, every member having at least one case', () => {
    expect(failing((c) => MUNICIPALITY_BY_CODE.has(c.municipalityCode))).toEqual([]);
    expect(failing((c) => !NON_MEMBER_CODES.has(c.municipalityCode))).toEqual([]);
    const perMunicipality = countBy(DEMO_CASE_STUDIES.map((c) => c.municipalityCode));
    expect(MEMBER_CODES.filter((code) => !perMunicipality.has(code))).toEqual([]);
    // Several municipalities show a portfolio of 3-5 cases; none dominates.
    expect([...perMunicipality.values()].filter((n) => n >= 3 && n <= 5).length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...perMunicipality.values())).toBeLessThanOrEqual(5);
  });

  it('gives the municipalities of the seed documents two cases or more each', () => {
    const perMunicipality = countBy(DEMO_CASE_STUDIES.map((c) => c.municipalityCode));
    for (const code of ['401005', '340006', '012084', '310000', '131237', '172065', '010006']) {
      expect([code, perMunicipality.get(code) ?? 0]).toEqual([code, expect.any(Number)]);
      expect(perMunicipality.get(code)).toBeGreaterThanOrEqual(2);
    }
  });

  it('covers every theme at least 6 times, every target 8 times and every population band 8 times', () => {
    const themes = countBy(DEMO_CASE_STUDIES.flatMap((c) => c.themes));
    const targets = countBy(DEMO_CASE_STUDIES.flatMap((c) => c.targets));
    const bands = countBy(
      DEMO_CASE_STUDIES.map((c) =>
        populationBandOf(MUNICIPALITY_BY_CODE.get(c.municipalityCode)?.population ?? -1),
      ),
    );
    expect(CASE_THEMES.filter((t) => (themes.get(t) ?? 0) < 6)).toEqual([]);
    expect(CASE_TARGETS.filter((t) => (targets.get(t) ?? 0) < 8)).toEqual([]);
    expect(POPULATION_BANDS.filter((b) => (bands.get(b) ?? 0) < 8)).toEqual([]);
  });

  it('uses fiscal years 2019-2026 only, each of them at least once, sorted and without duplicates', () => {
    expect(
      failing(
        (c) =>
          c.fiscalYears.length > 0 &&
          c.fiscalYears.every(
            (fy, i, all) =>
              Number.isInteger(fy) && fy >= FIRST_FY && fy <= LAST_FY && (i === 0 || fy > all[i - 1]),
          ),
      ),
    ).toEqual([]);
    const used = new Set(DEMO_CASE_STUDIES.flatMap((c) => c.fiscalYears));
    for (let fy = FIRST_FY; fy <= LAST_FY; fy++) expect([fy, used.has(fy)]).toEqual([fy, true]);
  });

  it('keeps themes, targets and tags within their bounds', () => {
    const distinct = (xs: string[]) => new Set(xs).size === xs.length;
    expect(failing((c) => c.themes.length >= 1 && c.themes.length <= 3 && distinct(c.themes))).toEqual([]);
    expect(failing((c) => c.themes.every(isCaseTheme))).toEqual([]);
    expect(failing((c) => c.targets.length >= 1 && c.targets.length <= 3 && distinct(c.targets))).toEqual([]);
    expect(failing((c) => c.targets.every(isCaseTarget))).toEqual([]);
    expect(
      failing(
        (c) =>
          c.tags.length >= 2 &&
          c.tags.length <= 6 &&
          distinct(c.tags) &&
          c.tags.every((t) => t.trim() !== ''),
      ),
    ).toEqual([]);
  });

  it('keeps text lengths within bounds', () => {
    expect(failing((c) => c.title.length > 0 && c.title.length <= 60)).toEqual([]);
    expect(
      failing(
        (c) => c.summary.length <= 200 && sentenceCount(c.summary) >= 2 && sentenceCount(c.summary) <= 3,
      ),
    ).toEqual([]);
    // The bodies hold the prose only: the outcomes are their own table on the page (#15), not Markdown here.
    expect(failing((c) => c.body.length >= 250 && c.body.length <= 1200)).toEqual([]);
    expect(
      failing((c) => sentenceCount(c.lessonsLearned) >= 1 && sentenceCount(c.lessonsLearned) <= 3),
    ).toEqual([]);
    expect(failing((c) => sentenceCount(c.challenges) >= 1 && sentenceCount(c.challenges) <= 3)).toEqual([]);
    expect(
      failing((c) => sentenceCount(c.successConditions) >= 1 && sentenceCount(c.successConditions) <= 2),
    ).toEqual([]);
    expect(failing((c) => c.contactDepartment.trim() !== '')).toEqual([]);
  });

  it('writes each body as Markdown with the four sections in order and no HTML or images', () => {
    const outline = /^## 背景\n[\s\S]+\n## 取り組み\n[\s\S]*^- [\s\S]+\n## 成果\n[\s\S]+\n## 今後\n[\s\S]+$/m;
    expect(failing((c) => outline.test(c.body))).toEqual([]);
    expect(failing((c) => !/<[a-z!/]/i.test(c.body) && !/!\[/.test(c.body))).toEqual([]);
  });

  it('has plausible outcomes, budgets and funding', () => {
    expect(failing((c) => c.outcomes.length >= 1 && c.outcomes.length <= 4)).toEqual([]);
    expect(
      failing((c) =>
        c.outcomes.every(
          (x) =>
            Number.isFinite(x.after) &&
            x.after >= 0 &&
            (x.before === null || (Number.isFinite(x.before) && x.before >= 0)) &&
            x.label.trim() !== '' &&
            x.unit.trim() !== '' &&
            /^\d{4}-\d{2}-\d{2}$/.test(x.asOf) &&
            !Number.isNaN(Date.parse(`${x.asOf}T00:00:00+09:00`)),
        ),
      ),
    ).toEqual([]);
    expect(
      failing((c) => c.budgetYen === null || (Number.isSafeInteger(c.budgetYen) && c.budgetYen > 0)),
    ).toEqual([]);
    expect(DEMO_CASE_STUDIES.filter((c) => c.budgetYen === null).length).toBeGreaterThanOrEqual(3);
    expect(failing((c) => c.fundingSources.length >= 1)).toEqual([]);
  });

  it('dates publication in Japan time between June 2023 and November 2026', () => {
    const from = Date.parse('2023-06-01T00:00:00+09:00');
    const to = Date.parse('2026-11-01T00:00:00+09:00');
    expect(
      failing((c) => {
        const t = Date.parse(c.publishedAt);
        return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/.test(c.publishedAt) && t >= from && t <= to;
      }),
    ).toEqual([]);
  });

  it('mixes stages, visibilities and statuses in realistic proportions', () => {
    const n = DEMO_CASE_STUDIES.length;
    expect(failing((c) => (CASE_STAGES as readonly string[]).includes(c.stage))).toEqual([]);
    for (const stage of CASE_STAGES) expect(DEMO_CASE_STUDIES.some((c) => c.stage === stage)).toBe(true);
    const members = DEMO_CASE_STUDIES.filter((c) => c.visibility === 'MEMBERS').length / n;
    const drafts = DEMO_CASE_STUDIES.filter((c) => c.status === 'DRAFT').length / n;
    expect(members).toBeGreaterThanOrEqual(0.1);
    expect(members).toBeLessThanOrEqual(0.25);
    expect(drafts).toBeGreaterThanOrEqual(0.04);
    expect(drafts).toBeLessThanOrEqual(0.12);
  });
});

describe('DEMO_SEARCH_FIXTURES', () => {
  it('name published, public cases', () => {
    for (const name of Object.keys(DEMO_SEARCH_FIXTURES) as (keyof typeof DEMO_SEARCH_FIXTURES)[]) {
      const c = fixture(name);
      expect([name, c.status, c.visibility]).toEqual([name, 'PUBLISHED', 'PUBLIC']);
    }
  });

  it('kanjiOnlyDxCourse: DX人材育成講座 in the body, 人材育成 nowhere else (title, summary, labels, other fields)', () => {
    const c = fixture('kanjiOnlyDxCourse');
    expect(c.body).toContain('DX人材育成講座');
    expect(c.title).not.toContain('人材育成');
    expect(c.summary).not.toContain('人材育成');
    expect(searchableText(c, ['body'])).not.toContain('人材育成');
  });

  it('reskilling: says リスキリング', () => {
    const c = fixture('reskilling');
    expect(c.title).toContain('リスキリング');
    expect(c.body).toContain('リスキリング');
  });

  it.each(['manabinaoshiOnly', 'manabinaoshiOnlyCitizens'] as const)(
    '%s: says 学び直し, never リスキリング',
    (name) => {
      const text = searchableText(fixture(name));
      expect(text).toContain('学び直し');
      expect(normalizeForSearch(text)).not.toContain(normalizeForSearch('リスキリング'));
      expect(normalizeForSearch(text)).not.toContain('reskill');
      expect(text).not.toContain('リスキル');
    },
  );

  it('dxSpelledOut: says デジタルトランスフォーメーション, never DX in any width or case', () => {
    const text = searchableText(fixture('dxSpelledOut'));
    expect(text).toContain('デジタルトランスフォーメーション');
    expect(normalizeForSearch(text)).not.toContain('dx');
  });

  it('itPassport and iPass: one spelling each', () => {
    const itPassport = searchableText(fixture('itPassport'));
    const iPass = searchableText(fixture('iPass'));
    expect(itPassport).toContain('ITパスポート');
    expect(itPassport).not.toContain('iパス');
    expect(iPass).toContain('iパス');
    expect(normalizeForSearch(iPass)).not.toContain(normalizeForSearch('ITパスポート'));
  });

  it('telework and remoteWork: one word each', () => {
    const telework = searchableText(fixture('telework'));
    const remote = searchableText(fixture('remoteWork'));
    expect(telework).toContain('テレワーク');
    expect(telework).not.toContain('リモートワーク');
    expect(remote).toContain('リモートワーク');
    expect(remote).not.toContain('テレワーク');
  });

  it('uTurn and localReturn: one word each', () => {
    const uTurn = searchableText(fixture('uTurn'));
    const localReturn = searchableText(fixture('localReturn'));
    expect(uTurn).toContain('Uターン');
    expect(uTurn).not.toContain('地元回帰');
    expect(localReturn).toContain('地元回帰');
    expect(normalizeForSearch(localReturn)).not.toContain(normalizeForSearch('Uターン'));
  });

  it('katakanaWord and hiraganaWord: written in one script, found from the other once kana are folded', () => {
    const katakana = searchableText(fixture('katakanaWord'));
    expect(katakana).toContain('サケモデル');
    expect(katakana).not.toContain('さけもでる');
    expect(normalizeForSearch(katakana)).toContain(normalizeForSearch('さけもでる'));
    const hiragana = searchableText(fixture('hiraganaWord'));
    expect(hiragana).toContain('はたらぶ');
    expect(hiragana).not.toContain('ハタラブ');
    expect(normalizeForSearch(hiragana)).toContain(normalizeForSearch('ハタラブ'));
  });

  it('latinLongWord: holds cybersecurity', () => {
    const c = fixture('latinLongWord');
    expect(c.tags).toContain('cybersecurity');
    expect(c.body.toLowerCase()).toContain('cybersecurity');
  });
});

describe('demo contacts and bodies (#15)', () => {
  it('gives every case a fictitious contact under example.lg.jp, shaped like its municipality’s real one', () => {
    for (const c of DEMO_CASE_STUDIES) {
      expect(c.contactEmail).toMatch(/^dx@(pref|city|town|vill)\.[a-z0-9-]+\.example\.lg\.jp$/);
      expect(c.contactPhone).toMatch(/^0\d-5550-\d{4}$/);
    }
    const kitakyushu = DEMO_CASE_STUDIES.find((c) => c.key === 'kitakyushu-executive-business-school');
    expect(kitakyushu?.contactEmail).toBe('dx@city.kitakyushu.example.lg.jp');
    const hiroshimaPref = DEMO_CASE_STUDIES.find((c) => c.key === 'hiroshima-reskilling-declaration');
    expect(hiroshimaPref?.contactEmail).toMatch(/^dx@pref\.hiroshima/);
  });

  it('does not repeat the structured outcomes as a Markdown table in the body', () => {
    for (const c of DEMO_CASE_STUDIES) {
      expect(c.body).not.toMatch(/^\|/m);
      expect(c.body).not.toContain('| 指標 |');
    }
  });
});
