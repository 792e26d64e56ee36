import { CASE_STUDY_LIMITS } from '@yokoten/case-studies';
import type { CaseStudyEditableFragment } from '../../graphql/generated/graphql';
import { t } from '../../testing/translate-ja';
import {
  buildInput,
  changedInput,
  emptyValues,
  isBlankRow,
  isEmptyInput,
  newOutcomeRow,
  parseMeasure,
  splitLines,
  splitTags,
  toHalfWidth,
  valuesFromCase,
  type FormValues,
} from './editor-model';

const valid = (patch: Partial<FormValues> = {}): FormValues => ({
  ...emptyValues(),
  title: '窓口DX',
  ...patch,
});
const build = (patch: Partial<FormValues> = {}) => buildInput(valid(patch), t);

const loaded: CaseStudyEditableFragment = {
  id: 'c1',
  version: 3,
  status: 'DRAFT',
  title: '書かない窓口',
  summary: '転入の手続きを職員が聞き取って入力する窓口にしました。',
  body: '# 背景\n\n本文',
  themes: ['DX_TALENT', 'CITIZEN_LEARNING'],
  targets: ['CITIZENS'],
  tags: ['窓口', 'DX推進'],
  fiscalYears: [2025, 2023, 2024],
  budgetYen: 1_500_000,
  fundingSources: ['デジタル田園都市国家構想交付金', '一般財源'],
  partners: ['地元IT企業'],
  lessonsLearned: '小さく始める',
  challenges: '',
  successConditions: '',
  stage: 'EVALUATED',
  visibility: 'MEMBERS',
  unpublishedReason: null,
  publishedAt: null,
  updatedAt: '2026-04-01T00:00:00Z',
  outcomes: [
    { label: '待ち時間', before: 40, after: 12.5, unit: '分', asOf: '2025-03-31' },
    { label: '満足度', before: null, after: 92, unit: '%', asOf: null },
  ],
  contact: { department: '市民課', email: 'shimin@city.example.lg.jp', phone: null },
  municipality: {
    id: 'm1',
    code: '401005',
    name: '北九州市',
    nameEn: 'Kitakyushu',
    kind: 'DESIGNATED_CITY',
    population: 900_000,
    populationBand: null,
    prefecture: { code: '40', name: '福岡県', nameEn: 'Fukuoka' },
  },
  publishChecklist: null,
};

describe('a new case', () => {
  it('starts empty, in progress and public', () => {
    expect(emptyValues()).toMatchObject({
      title: '',
      stage: 'IN_PROGRESS',
      visibility: 'PUBLIC',
      outcomes: [],
    });
  });

  it('asks for a title and sends the rest', () => {
    const { input, errors } = buildInput(emptyValues(), t);
    expect(errors).toEqual({ title: 'タイトルを入力してください。' });
    expect(input).not.toHaveProperty('title');
    expect(input).toMatchObject({
      summary: '',
      themes: [],
      tags: [],
      budgetYen: null,
      outcomes: [],
      contactEmail: null,
      contactPhone: null,
      stage: 'IN_PROGRESS',
      visibility: 'PUBLIC',
    });
  });

  it('a title of blanks is no title', () => {
    expect(build({ title: ' 　 ' }).errors.title).toBe('タイトルを入力してください。');
  });
});

describe('text fields', () => {
  it('are trimmed', () => {
    expect(build({ title: '  窓口DX \n', summary: ' 概要 ' }).input).toMatchObject({
      title: '窓口DX',
      summary: '概要',
    });
  });

  it.each([
    ['title', CASE_STUDY_LIMITS.title, 'タイトルは200文字以内で入力してください（現在201文字）。'],
    ['summary', CASE_STUDY_LIMITS.summary, '概要は1,000文字以内で入力してください（現在1,001文字）。'],
    ['body', CASE_STUDY_LIMITS.body, '本文は50,000文字以内で入力してください（現在50,001文字）。'],
    [
      'lessonsLearned',
      CASE_STUDY_LIMITS.longText,
      '工夫した点・学びは5,000文字以内で入力してください（現在5,001文字）。',
    ],
    [
      'challenges',
      CASE_STUDY_LIMITS.longText,
      'うまくいかなかったことは5,000文字以内で入力してください（現在5,001文字）。',
    ],
    [
      'successConditions',
      CASE_STUDY_LIMITS.longText,
      '横展開するための条件は5,000文字以内で入力してください（現在5,001文字）。',
    ],
    [
      'contactDepartment',
      CASE_STUDY_LIMITS.department,
      '担当部署は200文字以内で入力してください（現在201文字）。',
    ],
  ] as const)('%s: up to the shared limit (%d), then a message with the count', (field, max, message) => {
    expect(build({ [field]: 'あ'.repeat(max) }).errors).toEqual({});
    const over = build({ [field]: 'あ'.repeat(max + 1) });
    expect(over.errors).toEqual({ [field]: message });
    // An invalid field is held back; the others are still sent (an autosave keeps them).
    expect(over.input).not.toHaveProperty(field);
    expect(over.input.themes).toEqual([]);
  });

  it('counts characters after trimming', () => {
    expect(build({ title: ` ${'あ'.repeat(CASE_STUDY_LIMITS.title)} ` }).errors).toEqual({});
  });
});

describe('tags', () => {
  it('are split at 、 , ， and new lines, trimmed, without repeats', () => {
    expect(splitTags('窓口、 DX,窓口，子育て\n\n、')).toEqual(['窓口', 'DX', '子育て']);
    expect(build({ tags: '窓口、DX' }).input.tags).toEqual(['窓口', 'DX']);
  });

  it('at most 20', () => {
    const tags = Array.from({ length: CASE_STUDY_LIMITS.tags + 1 }, (_, i) => `tag${i}`);
    expect(build({ tags: tags.slice(0, -1).join('、') }).errors).toEqual({});
    const over = build({ tags: tags.join('、') });
    expect(over.errors).toEqual({ tags: 'タグは20個までです（現在21個）。' });
    expect(over.input).not.toHaveProperty('tags');
  });

  it('each at most 40 characters, naming the long one', () => {
    const long = 'あ'.repeat(CASE_STUDY_LIMITS.tag + 1);
    expect(build({ tags: `窓口、${long}` }).errors).toEqual({
      tags: `タグ「${long}」が長すぎます。1つのタグは40文字以内にしてください。`,
    });
  });
});

describe('funding sources and partners', () => {
  it('are one per line, trimmed, without blanks or repeats', () => {
    expect(splitLines(' 一般財源 \n\n交付金\n一般財源')).toEqual(['一般財源', '交付金']);
    expect(build({ fundingSources: '一般財源\n交付金', partners: '' }).input).toMatchObject({
      fundingSources: ['一般財源', '交付金'],
      partners: [],
    });
  });

  it.each([
    ['fundingSources', '財源'],
    ['partners', '連携先'],
  ] as const)('%s: at most 20 lines of 100 characters', (field, label) => {
    const lines = Array.from({ length: CASE_STUDY_LIMITS.listItems + 1 }, (_, i) => `連携${i}`);
    expect(build({ [field]: lines.slice(0, -1).join('\n') }).errors).toEqual({});
    expect(build({ [field]: lines.join('\n') }).errors).toEqual({
      [field]: `${label}は20件まで入力できます。`,
    });
    expect(build({ [field]: 'あ'.repeat(CASE_STUDY_LIMITS.listItem + 1) }).errors).toEqual({
      [field]: `${label}の各行は100文字以内にしてください。`,
    });
  });
});

describe('budget', () => {
  it.each([
    ['', null],
    ['1,500,000', 1_500_000],
    ['１５０００００', 1_500_000],
    ['150万円', 1_500_000],
    ['約1,200万円', 12_000_000],
    ['1兆円', 1e12],
  ])('%p is %p yen', (typed, yen) => {
    const { input, errors } = build({ budgetYen: typed });
    expect(errors).toEqual({});
    expect(input.budgetYen).toBe(yen);
  });

  it.each(['百万円', '100〜200万円', 'たくさん', '-5'])('%p is not an amount', (typed) => {
    const { input, errors } = build({ budgetYen: typed });
    expect(errors.budgetYen).toMatch(/^予算は円の金額を数字で入力してください。/);
    expect(input).not.toHaveProperty('budgetYen');
  });

  it('at most one trillion yen', () => {
    expect(build({ budgetYen: '2兆円' }).errors).toEqual({
      budgetYen: '予算が大きすぎます。1兆円以下の金額を入力してください。',
    });
  });
});

describe('outcomes (成果指標)', () => {
  const row = (cells: Parameters<typeof newOutcomeRow>[0]) => newOutcomeRow(cells);

  it('rows have keys of their own', () => {
    expect(newOutcomeRow().key).not.toBe(newOutcomeRow().key);
  });

  it('reads numbers as typed, full-width and with separators', () => {
    expect(parseMeasure('')).toBeNull();
    expect(parseMeasure(' 1,200 ')).toBe(1200);
    expect(parseMeasure('１，２００．５')).toBe(1200.5);
    expect(parseMeasure('－３')).toBe(-3);
    expect(parseMeasure('約3')).toBeNaN();
    expect(toHalfWidth('（０９３）　５８２')).toBe('(093) 582');
  });

  it('sends filled rows and skips blank ones', () => {
    const blank = row({ label: ' ' });
    expect(isBlankRow(blank)).toBe(true);
    const { input, errors } = build({
      outcomes: [
        row({ label: ' 待ち時間 ', before: '４０', after: '12.5', unit: '分', asOf: '２０２５－０３－３１' }),
        blank,
        row({ label: '満足度', after: '92', unit: '%' }),
      ],
    });
    expect(errors).toEqual({});
    expect(input.outcomes).toEqual([
      { label: '待ち時間', before: 40, after: 12.5, unit: '分', asOf: '2025-03-31' },
      { label: '満足度', before: null, after: 92, unit: '%', asOf: null },
    ]);
  });

  it('names the row and the cell of each mistake, and sends no outcome until all are right', () => {
    const { input, errors } = build({
      outcomes: [
        row({ label: '受講者数', after: '120' }),
        row({
          before: '多い',
          after: '',
          unit: 'あ'.repeat(CASE_STUDY_LIMITS.outcomeUnit + 1),
          asOf: '昨日',
        }),
        row({ label: 'あ'.repeat(CASE_STUDY_LIMITS.outcomeLabel + 1), after: '1' }),
      ],
    });
    expect(errors).toEqual({
      'outcomes.1.label': '成果指標の2行目：指標の名前を入力してください。',
      'outcomes.1.before': '成果指標の2行目：実施前の値は数字で入力してください（値がない場合は空欄）。',
      'outcomes.1.after': '成果指標の2行目：実施後の値を数字で入力してください。',
      'outcomes.1.unit': '成果指標の2行目：単位は20文字以内にしてください。',
      'outcomes.1.asOf': '成果指標の2行目：時点は正しい日付で入力してください。',
      'outcomes.2.label': '成果指標の3行目：指標の名前は100文字以内にしてください。',
    });
    expect(input).not.toHaveProperty('outcomes');
  });

  it('values beyond ±10^15 are refused', () => {
    const { errors } = build({ outcomes: [row({ label: 'x', before: '-2000000000000000', after: '1e3' })] });
    expect(Object.keys(errors)).toEqual(['outcomes.0.before', 'outcomes.0.after']);
  });

  it('at most 10 filled rows', () => {
    const rows = Array.from({ length: CASE_STUDY_LIMITS.outcomes + 1 }, (_, i) =>
      row({ label: `指標${i}`, after: '1' }),
    );
    expect(build({ outcomes: [...rows.slice(0, -1), row({})] }).errors).toEqual({});
    const over = build({ outcomes: rows });
    expect(over.errors).toEqual({ outcomes: '成果指標は10件まで登録できます。' });
    expect(over.input).not.toHaveProperty('outcomes');
  });
});

describe('contact', () => {
  it('reads a full-width address as the address it is', () => {
    expect(build({ contactEmail: ' ｄｘ＠ｃｉｔｙ．ｅｘａｍｐｌｅ．ｊｐ ' }).input.contactEmail).toBe(
      'dx@city.example.jp',
    );
  });

  it.each(['dx', 'dx@city', 'd x@city.example.jp', `${'a'.repeat(CASE_STUDY_LIMITS.email)}@x.jp`])(
    'refuses the address %p',
    (typed) => {
      const { input, errors } = build({ contactEmail: typed });
      expect(errors).toEqual({
        contactEmail: 'メールアドレスの形式で入力してください。例：dx-suishin@city.example.lg.jp',
      });
      expect(input).not.toHaveProperty('contactEmail');
    },
  );

  it('phone numbers with hyphens, brackets or full-width digits', () => {
    expect(build({ contactPhone: '０９３－５８２－２１０２' }).input.contactPhone).toBe('093-582-2102');
    expect(build({ contactPhone: '+81 (93) 582-2102' }).input.contactPhone).toBe('+81 (93) 582-2102');
    expect(build({ contactPhone: '内線1234' }).errors).toEqual({
      contactPhone: '電話番号は数字とハイフンで入力してください。例：093-582-2102',
    });
  });

  it('blank clears them', () => {
    expect(build({ contactEmail: ' ', contactPhone: '' }).input).toMatchObject({
      contactEmail: null,
      contactPhone: null,
    });
  });
});

describe('choices', () => {
  it('fiscal years are sent in order', () => {
    expect(build({ fiscalYears: [2025, 2023] }).input.fiscalYears).toEqual([2023, 2025]);
  });
});

describe('an existing case', () => {
  it('fills the form as an officer would type it', () => {
    const values = valuesFromCase(loaded);
    expect(values).toMatchObject({
      tags: '窓口、DX推進',
      fiscalYears: [2023, 2024, 2025],
      budgetYen: '1,500,000',
      fundingSources: 'デジタル田園都市国家構想交付金\n一般財源',
      partners: '地元IT企業',
      contactEmail: 'shimin@city.example.lg.jp',
      contactPhone: '',
      stage: 'EVALUATED',
      visibility: 'MEMBERS',
    });
    expect(values.outcomes.map(({ key: _key, ...cells }) => cells)).toEqual([
      { label: '待ち時間', before: '40', after: '12.5', unit: '分', asOf: '2025-03-31' },
      { label: '満足度', before: '', after: '92', unit: '%', asOf: '' },
    ]);
  });

  it('opening it changes nothing: the form reads back as the case was', () => {
    const { input, errors } = buildInput(valuesFromCase(loaded), t);
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: loaded.title,
      summary: loaded.summary,
      body: loaded.body,
      lessonsLearned: loaded.lessonsLearned,
      challenges: '',
      successConditions: '',
      contactDepartment: '市民課',
      themes: loaded.themes,
      targets: loaded.targets,
      fiscalYears: [2023, 2024, 2025],
      stage: 'EVALUATED',
      visibility: 'MEMBERS',
      tags: loaded.tags,
      fundingSources: loaded.fundingSources,
      partners: loaded.partners,
      budgetYen: 1_500_000,
      outcomes: loaded.outcomes,
      contactEmail: 'shimin@city.example.lg.jp',
      contactPhone: null,
    });
  });
});

describe('what an update sends', () => {
  const saved = buildInput(valuesFromCase(loaded), t).input;

  it('nothing when nothing changed', () => {
    const again = buildInput(valuesFromCase(loaded), t).input;
    expect(changedInput(again, saved)).toEqual({});
    expect(isEmptyInput(changedInput(again, saved))).toBe(true);
  });

  it('only the fields that changed, lists compared by their items', () => {
    const values = valuesFromCase(loaded);
    const edited = buildInput(
      { ...values, title: '書かない窓口（改訂）', tags: '窓口、DX推進、子育て' },
      t,
    ).input;
    expect(changedInput(edited, saved)).toEqual({
      title: '書かない窓口（改訂）',
      tags: ['窓口', 'DX推進', '子育て'],
    });
  });

  it('a field held back as invalid is not sent', () => {
    const edited = buildInput(
      { ...valuesFromCase(loaded), summary: 'あ'.repeat(1001), partners: '' },
      t,
    ).input;
    expect(changedInput(edited, saved)).toEqual({ partners: [] });
  });
});
