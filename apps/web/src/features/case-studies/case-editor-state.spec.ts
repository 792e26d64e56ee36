import {
  caseFormReducer,
  fieldOf,
  inFormOrder,
  initialFormState,
  visibleErrors,
  type CaseFormState,
} from './case-editor-state';
import { emptyValues } from './editor-model';

const start = (patch: Partial<CaseFormState> = {}): CaseFormState => ({
  ...initialFormState(emptyValues()),
  ...patch,
});
const clientErrors = { title: 'タイトルを入力してください。', 'outcomes.0.after': '1行目：実施後の値' };

describe('the error summary', () => {
  it('reads in the order of the form, outcome cells row by row', () => {
    const order = inFormOrder({
      contactEmail: 'e',
      'outcomes.1.label': 'o1l',
      'outcomes.0.asOf': 'o0d',
      title: 't',
      'outcomes.0.label': 'o0l',
      somethingElse: 'x',
      lessonsLearned: 'l',
    }).map(([path]) => path);
    expect(order).toEqual([
      'title',
      'outcomes.0.label',
      'outcomes.0.asOf',
      'outcomes.1.label',
      'lessonsLearned',
      'contactEmail',
      'somethingElse',
    ]);
    expect(fieldOf('outcomes.2.after')).toBe('outcomes');
  });
});

describe('which errors show', () => {
  it('none before the person leaves a field or tries to save', () => {
    expect(visibleErrors(start(), clientErrors)).toEqual({ shown: {}, summary: [], showSummary: false });
  });

  it('a field that was left shows its own errors, the summary still waits for a save', () => {
    let state = caseFormReducer(start(), { type: 'touch', name: 'outcomes' });
    expect(visibleErrors(state, clientErrors).shown).toEqual({ 'outcomes.0.after': '1行目：実施後の値' });
    state = caseFormReducer(state, { type: 'touch', name: 'title' });
    expect(visibleErrors(state, clientErrors)).toMatchObject({ summary: [], showSummary: false });
    expect(caseFormReducer(state, { type: 'touch', name: 'title' })).toBe(state);
  });

  it('after a try, all of them, in the summary too, which takes the focus', () => {
    const state = caseFormReducer(start(), { type: 'submit', invalid: true, clearMissing: false });
    expect(state.summaryFocus).toBe(1);
    expect(visibleErrors(state, clientErrors)).toEqual({
      shown: clientErrors,
      summary: [
        ['title', 'タイトルを入力してください。'],
        ['outcomes.0.after', '1行目：実施後の値'],
      ],
      showSummary: true,
    });
    expect(caseFormReducer(state, { type: 'submit', invalid: false, clearMissing: false }).summaryFocus).toBe(
      1,
    );
  });

  it("the API's refusals always, in the summary too", () => {
    const state = caseFormReducer(start(), {
      type: 'saveRefused',
      apiErrors: { summary: '概要の入力内容に誤りがあります。' },
    });
    expect(state.summaryFocus).toBe(0);
    expect(visibleErrors(state, clientErrors)).toEqual({
      shown: { summary: '概要の入力内容に誤りがあります。' },
      summary: [['summary', '概要の入力内容に誤りがあります。']],
      showSummary: true,
    });
  });
});

describe('refusals go when they no longer hold', () => {
  const refused = caseFormReducer(start(), {
    type: 'refused',
    apiErrors: { 'outcomes.1.label': 'x', summary: 'y' },
    apiMissing: ['themes'],
    formError: 'z',
  });

  it('an action refused moves the focus to the summary', () => {
    expect(refused).toMatchObject({ apiMissing: ['themes'], formError: 'z', summaryFocus: 1 });
  });

  it('editing a field drops its refusals, the missing list and the message', () => {
    const next = caseFormReducer(refused, { type: 'change', field: 'outcomes', value: [] });
    expect(next).toMatchObject({ apiErrors: { summary: 'y' }, apiMissing: [], formError: undefined });
    const untouched = caseFormReducer(refused, { type: 'change', field: 'title', value: '新しい題' });
    expect(untouched.apiErrors).toBe(refused.apiErrors);
    expect(untouched.values.title).toBe('新しい題');
  });

  it('saving a field drops its refusals', () => {
    expect(caseFormReducer(refused, { type: 'saved', fields: ['summary', 'title'] }).apiErrors).toEqual({
      'outcomes.1.label': 'x',
    });
  });

  it('publishing again clears the missing list and the message', () => {
    const next = caseFormReducer(refused, { type: 'submit', invalid: false, clearMissing: true });
    expect(next).toMatchObject({ apiMissing: [], formError: undefined, submitted: true });
    expect(
      caseFormReducer(refused, { type: 'submit', invalid: false, clearMissing: false }).apiMissing,
    ).toEqual(['themes']);
  });
});
