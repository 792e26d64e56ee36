import { normalizeForSearch } from '../japanese-text';

/**
 * Words that mean the same thing in the vocabulary of municipal DX and reskilling work. Each group is an
 * equivalence class: searching for any member finds cases that use any other member.
 *
 * Meilisearch gets these as its `synonyms` setting, but it tokenises synonym entries without the index's
 * locale, so an entry made only of kanji (地元回帰, 中小企業, 人工知能 …) is segmented and normalised as
 * Chinese and never meets the Japanese-tokenised query or document (measured on 1.21; the search
 * integration spec proves every group in both directions). The index therefore also carries, per case,
 * the other members of every group the case mentions (`synonymExpansions`), so the match happens through
 * the same Japanese tokeniser on both sides. See apps/api/src/search/README.md.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['DX', 'デジタルトランスフォーメーション', 'デジタル変革'],
  ['リスキリング', '学び直し', 'reskilling'],
  ['ITパスポート', 'iパス'],
  ['テレワーク', 'リモートワーク', '在宅勤務'],
  ['Uターン', '地元回帰'],
  ['e-ラーニング', 'eラーニング', 'オンライン学習', 'e-learning'],
  ['中小企業', 'SME', '中小事業者'],
  ['IoT', 'モノのインターネット'],
  ['AI', '人工知能'],
  ['生成AI', 'generative AI'],
  ['RPA', 'ロボティック・プロセス・オートメーション'],
  ['副業', '複業'],
  ['ワーケーション', 'workation'],
  ['産学官連携', '産学官金連携'],
  ['自治体', '地方公共団体', '地方自治体'],
  ['プログラミング', 'programming', 'コーディング'],
  ['データサイエンス', 'data science', 'データ分析'],
];

/** The `synonyms` setting of the index: every member maps to the other members of its group. */
export function meiliSynonyms(
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) {
    for (const term of group) {
      const others = group.filter((t) => t !== term);
      out[term] = [...new Set([...(out[term] ?? []), ...others])];
    }
  }
  return out;
}

const LATIN_OR_DIGIT = /[a-z0-9]/;

/**
 * Whether `text` (already folded with normalizeForSearch) mentions `term` (folded the same way). A term
 * that begins or ends with a Latin letter or digit must not be glued to another one there, so that "AI"
 * is not found in "mail" nor "SME" in "smes"; Japanese has no word spaces, so kana and kanji ends match
 * anywhere.
 */
export function mentions(text: string, term: string): boolean {
  if (!term) return false;
  let from = 0;
  for (;;) {
    const at = text.indexOf(term, from);
    if (at < 0) return false;
    const before = at > 0 ? text[at - 1] : '';
    const after = text[at + term.length] ?? '';
    const startOk = !LATIN_OR_DIGIT.test(term[0]) || !LATIN_OR_DIGIT.test(before);
    const endOk = !LATIN_OR_DIGIT.test(term[term.length - 1]) || !LATIN_OR_DIGIT.test(after);
    if (startOk && endOk) return true;
    from = at + 1;
  }
}

const foldedGroups = new WeakMap<readonly (readonly string[])[], string[][]>();
function folded(groups: readonly (readonly string[])[]): string[][] {
  let f = foldedGroups.get(groups);
  if (!f) {
    f = groups.map((g) => g.map(normalizeForSearch));
    foldedGroups.set(groups, f);
  }
  return f;
}

/**
 * The members of every synonym group that `text` mentions, minus the ones it already contains: what to
 * add to a search document so that a query for any member finds it. Width, case and kana insensitive.
 */
export function synonymExpansions(
  text: string,
  groups: readonly (readonly string[])[] = SYNONYM_GROUPS,
): string[] {
  const haystack = normalizeForSearch(text);
  const out: string[] = [];
  const f = folded(groups);
  groups.forEach((group, i) => {
    const present = f[i].map((term) => mentions(haystack, term));
    if (!present.some(Boolean)) return;
    group.forEach((term, j) => {
      if (!present[j]) out.push(term);
    });
  });
  return [...new Set(out)];
}
