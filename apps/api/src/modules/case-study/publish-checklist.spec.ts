import { missingForPublish, publishChecklist, type PublishableCase } from './publish-checklist';

const complete: PublishableCase = {
  title: 'DX推進プラットフォーム',
  summary: '地域企業のDXを産学官金で支える相談窓口とマッチングの仕組み。',
  body: '## 背景\n\n'.padEnd(120, 'あ'),
  themes: ['SME_DX'],
  targets: ['COMPANIES'],
  fiscalYears: [2024],
  outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
  contactDepartment: '産業経済局 DX推進課',
};

describe('publish checklist', () => {
  it('passes a complete case', () => {
    expect(publishChecklist(complete).every((i) => i.ok)).toBe(true);
    expect(missingForPublish(complete)).toBeNull();
  });

  it('lists every requirement in form order with Japanese and English messages', () => {
    const items = publishChecklist(complete);
    expect(items.map((i) => i.field)).toEqual([
      'title',
      'summary',
      'body',
      'themes',
      'targets',
      'fiscalYears',
      'outcomes',
      'contactDepartment',
    ]);
    for (const i of items) expect(i.message).toMatch(/[ぁ-んァ-ヶ一-龠].*\([A-Z][a-z]/);
  });

  it('names what a fresh draft lacks', () => {
    const draft: PublishableCase = {
      title: '新しい事例',
      summary: '',
      body: '',
      themes: [],
      targets: [],
      fiscalYears: [],
      outcomes: [],
      contactDepartment: '',
    };
    const result = missingForPublish(draft);
    expect(result?.missing).toEqual([
      'summary',
      'body',
      'themes',
      'targets',
      'fiscalYears',
      'outcomes',
      'contactDepartment',
    ]);
    expect(result?.message).toContain('概要（20文字以上）、本文（100文字以上）、テーマ');
    expect(result?.message).toContain('(Missing before publishing: summary, body, themes');
  });

  it('counts characters, not UTF-16 units, and ignores surrounding blanks', () => {
    // 19 characters of which two are astral (𠮷): 21 UTF-16 units, still too short.
    const summary = '𠮷𠮷' + 'あ'.repeat(17);
    expect(summary.length).toBe(21);
    expect(missingForPublish({ ...complete, summary })?.missing).toEqual(['summary']);
    expect(missingForPublish({ ...complete, summary: summary + 'い' })).toBeNull();
    expect(missingForPublish({ ...complete, title: '   ' })?.missing).toEqual(['title']);
    expect(missingForPublish({ ...complete, summary: `  ${'あ'.repeat(19)}   ` })?.missing).toEqual([
      'summary',
    ]);
  });

  it('requires the body at 100 characters exactly', () => {
    expect(missingForPublish({ ...complete, body: 'あ'.repeat(99) })?.missing).toEqual(['body']);
    expect(missingForPublish({ ...complete, body: 'あ'.repeat(100) })).toBeNull();
  });
});
