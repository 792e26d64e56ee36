import type { CaseStudyEntity } from './case-study.entity';
import { changedFieldsOf, editableValuesOf } from './case-study.service';

const saved = {
  title: '事例',
  summary: '概要',
  fiscalYears: [2024, 2025],
  budgetYen: 1000,
  // jsonb hands keys back in its own order (shorter keys first).
  outcomes: [{ unit: '件', after: 300, asOf: '2025-03-31', label: '相談件数', before: 0 }],
  contactEmail: 'a@b.jp',
} as unknown as CaseStudyEntity;

describe('editableValuesOf / changedFieldsOf', () => {
  it('keeps only the fields that were sent (undefined = not sent; null = clear)', () => {
    const values = editableValuesOf({ title: undefined, budgetYen: null, summary: '新しい概要' });
    expect(values).toEqual({ budgetYen: null, summary: '新しい概要' });
    expect(changedFieldsOf(saved, values)).toEqual(['summary', 'budgetYen']);
  });

  it('ignores outcome key order and a missing optional before/asOf', () => {
    const same = editableValuesOf({
      outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
    });
    expect(changedFieldsOf(saved, same)).toEqual([]);
    const changed = editableValuesOf({ outcomes: [{ label: '相談件数', after: 300, unit: '件' }] });
    expect(changed.outcomes).toEqual([
      { label: '相談件数', before: null, after: 300, unit: '件', asOf: null },
    ]);
    expect(changedFieldsOf(saved, changed)).toEqual(['outcomes']);
  });

  it('stores fiscal years in order, so a reordering is not a change', () => {
    const values = editableValuesOf({ fiscalYears: [2025, 2024] });
    expect(values.fiscalYears).toEqual([2024, 2025]);
    expect(changedFieldsOf(saved, values)).toEqual([]);
  });

  it('ignores fields that are not editable', () => {
    expect(editableValuesOf({ status: 'PUBLISHED', version: 9 } as never)).toEqual({});
  });
});
