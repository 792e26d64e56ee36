import {
  CASE_THEME_LABELS,
  MUNICIPALITY_KIND_LABELS,
  POPULATION_BAND_LABELS,
  PREFECTURES,
  REGION_LABELS,
  type LabelMap,
} from '@yokoten/case-studies';
import type { Language } from '../../i18n/i18n';

// The API gives the finder's reasons in Japanese, made from the shared library's labels
// (scorePrecedent). In English they are rebuilt from the same labels; a reason this build does not
// know is shown as it came.

function english<K extends string>(map: LabelMap<K>, ja: string): string {
  const hit = (Object.values(map) as Array<{ ja: string; en: string }>).find((l) => l.ja === ja);
  return hit?.en ?? ja;
}

const prefectureEn = (ja: string) => PREFECTURES.find((p) => p.name === ja)?.nameEn ?? ja;

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^同規模の自治体（(.+)）$/, (m) => `Similar size (${english(POPULATION_BAND_LABELS, m[1])})`],
  [/^近い規模の自治体（(.+)）$/, (m) => `Close in size (${english(POPULATION_BAND_LABELS, m[1])})`],
  [
    /^共通のテーマ：(.+)$/,
    (m) =>
      `Themes in common: ${m[1]
        .split('、')
        .map((t) => english(CASE_THEME_LABELS, t))
        .join(', ')}`,
  ],
  [
    /^説明文の語から推定したテーマ：(.+)$/,
    (m) =>
      `Theme guessed from a word of your description: ${m[1]
        .split('、')
        .map((t) => english(CASE_THEME_LABELS, t))
        .join(', ')}`,
  ],
  [/^同じ県（(.+)）$/, (m) => `Same prefecture (${prefectureEn(m[1])})`],
  [/^近隣の県（(.+)）$/, (m) => `Neighbouring prefecture (${prefectureEn(m[1])})`],
  [/^同じ地方（(.+)）$/, (m) => `Same region (${english(REGION_LABELS, m[1])})`],
  [/^同じ区分（(.+)）$/, (m) => `Same kind (${english(MUNICIPALITY_KIND_LABELS, m[1])})`],
  [/^(\d+)自治体が横展開$/, (m) => `Followed by ${m[1]} municipalities`],
  [/^説明文のことばとよく一致$/, () => 'Matches the words of your description well'],
  [/^説明文のことばと一部一致$/, () => 'Shares some words with your description'],
  [/^説明文のことばとの一致はわずか$/, () => 'Shares only a few words with your description'],
  // Older servers' wording.
  [/^説明文のことばと一致$/, () => 'Matches words of your description'],
];

export function reasonLabel(reason: string, language: Language): string {
  if (language === 'ja') return reason;
  for (const [pattern, make] of PATTERNS) {
    const match = pattern.exec(reason);
    if (match) return make(match);
  }
  return reason;
}

/** The kind of reason, for its badge colour. */
export function reasonTone(reason: string): 'text' | 'size' | 'theme' | 'place' | 'spread' | 'other' {
  if (/^説明文のことばと/.test(reason)) return 'text';
  if (/規模/.test(reason)) return 'size';
  if (/テーマ/.test(reason)) return 'theme';
  if (/県|地方/.test(reason)) return 'place';
  if (/横展開/.test(reason)) return 'spread';
  return 'other';
}
