import { SYNONYM_GROUPS, meiliSynonyms, mentions, synonymExpansions } from '../index';

describe('synonyms', () => {
  it('maps every member of a group to all the others (both ways)', () => {
    const s = meiliSynonyms();
    for (const group of SYNONYM_GROUPS) {
      for (const term of group) {
        expect(new Set(s[term])).toEqual(new Set(group.filter((t) => t !== term)));
      }
    }
    expect(s['DX']).toContain('デジタルトランスフォーメーション');
    expect(s['デジタルトランスフォーメーション']).toContain('DX');
  });

  it('has no term in two groups', () => {
    const all = SYNONYM_GROUPS.flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('covers the vocabulary the spec names', () => {
    const together = (a: string, b: string) => SYNONYM_GROUPS.some((g) => g.includes(a) && g.includes(b));
    expect(together('DX', 'デジタルトランスフォーメーション')).toBe(true);
    expect(together('リスキリング', '学び直し')).toBe(true);
    expect(together('リスキリング', 'reskilling')).toBe(true);
    expect(together('ITパスポート', 'iパス')).toBe(true);
    expect(together('テレワーク', 'リモートワーク')).toBe(true);
    expect(together('Uターン', '地元回帰')).toBe(true);
    expect(together('e-ラーニング', 'eラーニング')).toBe(true);
    expect(together('eラーニング', 'オンライン学習')).toBe(true);
    expect(together('中小企業', 'SME')).toBe(true);
  });

  it('finds Latin terms only as whole words', () => {
    expect(mentions('ai活用', 'ai')).toBe(true);
    expect(mentions('mail配信', 'ai')).toBe(false);
    expect(mentions('smes and sme', 'sme')).toBe(true);
    expect(mentions('smes', 'sme')).toBe(false);
    expect(mentions('地元回帰を促す', '地元回帰')).toBe(true);
  });

  it('expands a text with the members it does not contain, width and kana insensitive', () => {
    expect(synonymExpansions('市内ＳＭＥのＤＸを支援')).toEqual(
      expect.arrayContaining(['デジタルトランスフォーメーション', 'デジタル変革', '中小企業', '中小事業者']),
    );
    expect(synonymExpansions('市内ＳＭＥのＤＸを支援')).not.toContain('DX');
    expect(synonymExpansions('地元回帰プロジェクト')).toEqual(['Uターン']);
    expect(synonymExpansions('ﾘﾓｰﾄﾜｰｸ')).toEqual(['テレワーク', '在宅勤務']);
    expect(synonymExpansions('何もない文章')).toEqual([]);
  });
});
