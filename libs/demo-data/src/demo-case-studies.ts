import type { DemoCaseStudy } from './build';
import { CHUBU_CASES } from './cases-chubu';
import { HOKKAIDO_TOHOKU_CASES } from './cases-hokkaido-tohoku';
import { KANTO_CASES } from './cases-kanto';
import { KINKI_CHUGOKU_CASES } from './cases-kinki-chugoku';
import { SHIKOKU_KYUSHU_CASES } from './cases-shikoku-kyushu';

// CaseStage itself is the taxonomy's (CASE_STAGES); it is exported from there.
export type { DemoCaseStudy, DemoOutcome } from './build';

/**
 * 130 case studies for the embedded demo, written for it: the programmes of the network's source documents
 * (北九州市, 広島県, 北見市, 鳥取県, 江戸川区, 加賀市, 北海道, plus 札幌市, 桑名市 and 沖縄県) in our own words,
 * and plausible cases for every other member of DEMO_MUNICIPALITIES that fit the place. Figures are
 * illustrative, never official statistics. The last five DEMO_MUNICIPALITIES (applicants and withdrawn
 * members in the demo) have no cases. Grouped by region in the neighbouring files.
 */
export const DEMO_CASE_STUDIES: readonly DemoCaseStudy[] = [
  ...HOKKAIDO_TOHOKU_CASES,
  ...KANTO_CASES,
  ...CHUBU_CASES,
  ...KINKI_CHUGOKU_CASES,
  ...SHIKOKU_KYUSHU_CASES,
];

/**
 * Keys of the published, public cases that Japanese search tests rely on. The demo spec checks that each
 * text really holds (or lacks) the strings below, so a test that finds the case proves the search feature
 * named here rather than a lucky literal match.
 */
export const DEMO_SEARCH_FIXTURES = {
  /**
   * Body contains 「DX人材育成講座」; 人材育成 appears nowhere else (title, summary, tags, other fields, nor the
   * labels of its themes and targets): a query 人材育成 reaches it only through kanji-only tokenisation of the body.
   */
  kanjiOnlyDxCourse: 'kitakyushu-executive-business-school',
  /** Says リスキリング throughout (title, summary, body, tags). */
  reskilling: 'hiroshima-reskilling-declaration',
  /** Says 学び直し and never リスキリング / reskilling: a query リスキリング finds it only through the synonym. */
  manabinaoshiOnly: 'tottori-elearning-jobseekers',
  /** A second 学び直し-only case, for citizens rather than job seekers. */
  manabinaoshiOnlyCitizens: 'setagaya-midlife-manabinaoshi',
  /** Says デジタルトランスフォーメーション and never "DX" (in any width or case): a query DX finds it only through the synonym. */
  dxSpelledOut: 'tsukuba-society5-trial',
  /** Says ITパスポート and never iパス. */
  itPassport: 'hiroshima-it-passport-subsidy',
  /** Says iパス and never ITパスポート: the two spellings of the same exam meet only through a synonym. */
  iPass: 'tono-staff-ipass',
  /** Says テレワーク and never リモートワーク. */
  telework: 'kitami-furusato-telework-office',
  /** Says リモートワーク and never テレワーク. */
  remoteWork: 'kitakyushu-side-job-professionals',
  /** Says Uターン and never 地元回帰. */
  uTurn: 'kitami-salmon-model',
  /** Says 地元回帰 and never Uターン. */
  localReturn: 'tono-high-school-local-return',
  /** Holds the katakana サケモデル: the hiragana query さけもでる must find it (kana folding). */
  katakanaWord: 'kitami-salmon-model',
  /** Holds the hiragana はたらぶ: the katakana query ハタラブ must find it (kana folding the other way). */
  hiraganaWord: 'kitami-furusato-telework-office',
  /** Holds the long Latin word "cybersecurity" (tag and body): a query with one typo, e.g. cybersecurty, must still find it. */
  latinLongWord: 'yokohama-cybersecurity-elearning',
} as const satisfies Record<string, string>;

export type DemoSearchFixture = keyof typeof DEMO_SEARCH_FIXTURES;
