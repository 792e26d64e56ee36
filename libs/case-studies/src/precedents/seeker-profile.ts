import { populationBandOf, type MunicipalityKind, type PopulationBand } from '../taxonomy';

/**
 * What a description says about the municipality that is looking, when no municipality was chosen:
 * 「人口3万人の町です」 → 30,000, TOWN. Only what the text states about the seeker itself is read: a number
 * of people counts when it is the population (after 人口, or followed by 「の町」「規模の市」…), so that
 * 「受講者100人」 or 「職員30人の研修」 are not taken for the municipality's size.
 */
export interface SeekerProfileInText {
  /** Residents, as stated; null when the text does not say. */
  population: number | null;
  populationBand: PopulationBand | null;
  /** 町 → TOWN, 村 → VILLAGE, 市 → CITY, 区 → SPECIAL_WARD, 県・都・府・道 → PREFECTURE; null when not stated. */
  kind: MunicipalityKind | null;
}

const KIND_OF: Readonly<Record<string, MunicipalityKind>> = {
  町: 'TOWN',
  まち: 'TOWN',
  村: 'VILLAGE',
  むら: 'VILLAGE',
  市: 'CITY',
  区: 'SPECIAL_WARD',
  県: 'PREFECTURE',
  都: 'PREFECTURE',
  府: 'PREFECTURE',
  道: 'PREFECTURE',
};

const KANJI_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A number below 10,000 in digits (「3.5」「1,200」) or kanji (「三」「十五」「二千五百」); NaN if neither. */
function smallNumber(s: string): number {
  if (/^\d[\d,]*(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (!/^[〇零一二三四五六七八九十百千]+$/.test(s)) return NaN;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in KANJI_DIGITS) {
      if (digit !== null) return NaN; // 「三五」: not a number officials write
      digit = KANJI_DIGITS[ch];
    } else {
      total += (digit ?? 1) * SMALL_UNITS[ch];
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

// 「3万2千」「3.5万」「32,000」「三万」「8千」「二千五百」: a 万 group then an optional smaller part.
const NUM = '[\\d０-９.,，〇零一二三四五六七八九十百千]+';
const AMOUNT = `(?=[\\d〇零一二三四五六七八九十百千])(?:(${NUM})万)?(${NUM})?`;

/** The population in one match of AMOUNT, or null when it is not a head count. */
function amountOf(man: string | undefined, rest: string | undefined): number | null {
  if (!man && !rest) return null;
  const high = man ? smallNumber(man) : 0;
  let low = 0;
  if (rest) {
    const m = /^(.*?)千$/.exec(rest);
    low = m ? smallNumber(m[1] || '一') * 1000 : smallNumber(rest);
  }
  const n = Math.round(high * 10_000 + low);
  return Number.isSafeInteger(n) && n > 0 && n < 50_000_000 ? n : null;
}

// After 人口 (「人口は約3万人」「人口：32,000人」「人口3万の」): the number is the population even without 人.
const AFTER_POPULATION = new RegExp(
  `人口(?:規模)?(?:は|が|も|で|約|およそ|おおよそ|ほぼ|[:：]|\\s)*${AMOUNT}(?=人|の|ほど|程度|くらい|ぐらい|規模|弱|強|余り|$|[、。,.\\s）)])`,
  'u',
);
// 「3万人の町」「約8千人ほどの村」「5万人規模の市」: a number of people followed by the kind of place it is.
const BEFORE_KIND = new RegExp(
  `(?:約|およそ)?${AMOUNT}人(?:ほど|程度|くらい|ぐらい|規模|弱|強|余り|あまり)*の(?:小さな|小さい|小規模な|地方の|山あいの|山間の|離島の|郊外の)?(町|村|市|区|県|都|府|道|まち|むら)`,
  'u',
);
// How a writer names their own municipality: 「当町」「本市」「わが村」「うちの町」「町役場」「市役所」「県庁」.
const SELF_KIND =
  /(?:当|本|わが|我が|うちの|私たちの|私達の|弊)(町|村|市|区|県)(?![民内外長議場立])|(町|村)役場|(市|区)役所|(県|都|府|道)庁/u;

/**
 * Reads the seeker's population and kind from a free-text description (full-width digits, kanji numerals,
 * 万/千 and commas understood). Pure; the API uses it only when no municipality, size or prefecture was
 * given, and the web shows what it read.
 */
export function seekerProfileFromText(text: string): SeekerProfileInText {
  const s = text.normalize('NFKC');
  let population: number | null = null;
  let kind: MunicipalityKind | null = null;

  const after = AFTER_POPULATION.exec(s);
  if (after) population = amountOf(after[1], after[2]);
  const before = BEFORE_KIND.exec(s);
  if (before) {
    population ??= amountOf(before[1], before[2]);
    kind = KIND_OF[before[3]] ?? null;
  }
  if (!kind) {
    const self = SELF_KIND.exec(s);
    const word = self?.slice(1).find(Boolean);
    if (word) kind = KIND_OF[word] ?? null;
  }
  if (!kind && after) {
    // 「人口3万人の町」 is caught above; 「人口は3万人、町の…」 says nothing certain about the kind.
    const tail = /^[^。\n]{0,6}?の(町|村|市|区|県)/u.exec(s.slice(after.index + after[0].length));
    if (tail) kind = KIND_OF[tail[1]] ?? null;
  }
  return { population, populationBand: population === null ? null : populationBandOf(population), kind };
}
