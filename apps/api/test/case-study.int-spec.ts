import { Client } from 'pg';
import { DEMO_MUNICIPALITIES } from '@yokoten/demo-data';
import { requestStatements } from './query-count';
import { indexSynced } from './search-fixtures';
import { createTestApp, type GqlResponse, type TestApp } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply to booting the app.
jest.setTimeout(60_000);

/**
 * Case studies over HTTP against real PostgreSQL: the draft → published → archived life cycle, who sees
 * what, revisions, optimistic locking, validation, and the search outbox written in the same transaction.
 */
const FIELDS = `
  id title summary body bodyHtml themes targets tags status visibility stage fiscalYears fiscalYearLabels
  budgetYen fundingSources partners lessonsLearned challenges successConditions publishedAt updatedAt createdAt
  version unpublishedReason
  outcomes { label before after unit asOf }
  contact { department email phone }
  municipality { code name prefecture { code name } kind population populationBand }
  author { name }
  publishChecklist { field ok message }
  revisions { version action changedFields note editor { name } createdAt }
`;
const CREATE = `mutation($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCaseStudy(id: $id) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveCaseStudy(id: $id) { ${FIELDS} } }`;
const UNPUBLISH = `mutation($id: ID!, $reason: String!) { unpublishCaseStudy(id: $id, reason: $reason) { ${FIELDS} } }`;
const READ = `query($id: ID!) { caseStudy(id: $id) { ${FIELDS} } }`;
const MINE = `query($status: CaseStatus) { myMunicipalityCaseStudies(status: $status) { id status title } }`;

interface Outcome {
  label: string;
  before: number | null;
  after: number;
  unit: string;
  asOf: string | null;
}
interface Case {
  id: string;
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  themes: string[];
  targets: string[];
  tags: string[];
  status: string;
  visibility: string;
  stage: string;
  fiscalYears: number[];
  fiscalYearLabels: string[];
  budgetYen: number | null;
  publishedAt: string | null;
  updatedAt: string;
  createdAt: string;
  version: number;
  unpublishedReason: string | null;
  outcomes: Outcome[];
  contact: { department: string; email: string | null; phone: string | null };
  municipality: {
    code: string;
    name: string;
    prefecture: { code: string; name: string };
    populationBand: string;
  };
  author: { name: string } | null;
  publishChecklist: Array<{ field: string; ok: boolean; message: string }> | null;
  revisions: Array<{
    version: number;
    action: string;
    changedFields: string[];
    note: string | null;
    editor: { name: string } | null;
  }> | null;
}

function errorOf(res: GqlResponse<unknown>) {
  if (res.errors?.length !== 1)
    throw new Error(`expected one error, got ${JSON.stringify(res.errors ?? res.data)}`);
  return { ...res.errors[0], extensions: res.errors[0].extensions ?? {} };
}
function dataOf<T>(res: GqlResponse<T>): T {
  if (res.errors?.length || !res.data) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Demo membership: the first municipalities are members, the 4th and 5th from the end have withdrawn. */
const OWN = DEMO_MUNICIPALITIES[0];
const OTHER = DEMO_MUNICIPALITIES[1];
const WITHDRAWN = DEMO_MUNICIPALITIES[DEMO_MUNICIPALITIES.length - 4];
const officer = (code: string) => `officer.${code}@yokoten.example`;

const DRAFT_INPUT = {
  title: 'DX推進プラットフォームによる中小企業支援',
  summary: '短い概要',
  themes: ['SME_DX'],
  tags: ['伴走支援', 'マッチング'],
  contactEmail: 'dx@city.example.lg.jp',
  contactPhone: '093-582-2102',
};
const COMPLETE = {
  summary: '地域企業のDXを、産学官金の相談窓口とマッチングで伴走支援した取り組み。',
  body:
    '## 背景\n\n市内の中小企業はDXの相談先がなく、取り組みが進んでいなかった。\n\n' +
    '## 取り組み\n\n- 相談窓口を開設\n- IT企業とのマッチング会を毎月開催\n- 補助金で導入費を支援\n\n' +
    '## 成果\n\n2年間で300件の相談に応じ、80社がツールを導入した。',
  targets: ['COMPANIES', 'EXECUTIVES'],
  fiscalYears: [2025, 2024],
  outcomes: [{ label: '相談件数', before: 0, after: 300, unit: '件', asOf: '2025-03-31' }],
  contactDepartment: '産業経済局 DX推進課',
  budgetYen: 48_000_000,
};

describe('case studies', () => {
  let t: TestApp;
  let db: Client;
  const tokens: Record<'own' | 'other' | 'withdrawn' | 'organiser' | 'admin', string> = {} as never;

  /** Index jobs ever enqueued for a case: the consumer may already have processed (deleted) some rows. */
  async function outboxCount(id: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM test_outbox_log WHERE entity_type = $1 AND entity_id = $2',
      ['case_study', id],
    );
    return rows[0].n;
  }
  async function row(id: string) {
    const { rows } = await db.query('SELECT * FROM case_studies WHERE id = $1', [id]);
    return rows[0] as Record<string, unknown>;
  }
  async function revisionCount(id: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM case_study_revisions WHERE case_study_id = $1',
      [id],
    );
    return rows[0].n;
  }
  // `null` is the anonymous caller; a missing token means the officer of the own municipality.
  const create = (input: Record<string, unknown>, token: string | null = tokens.own) =>
    t.gql<{ createCaseStudy: Case }>(CREATE, { input }, token ?? undefined);
  const update = (id: string, input: Record<string, unknown>, token: string | null = tokens.own) =>
    t.gql<{ updateCaseStudy: Case }>(UPDATE, { id, input }, token ?? undefined);
  const publish = (id: string, token: string | null = tokens.own) =>
    t.gql<{ publishCaseStudy: Case }>(PUBLISH, { id }, token ?? undefined);
  const read = (id: string, token?: string) => t.gql<{ caseStudy: Case | null }>(READ, { id }, token);
  async function publishedCase(extra: Record<string, unknown> = {}): Promise<Case> {
    const created = dataOf(await create({ ...DRAFT_INPUT, ...COMPLETE, ...extra })).createCaseStudy;
    return dataOf(await publish(created.id)).publishCaseStudy;
  }

  beforeAll(async () => {
    t = await createTestApp({ seedDemo: true });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    // A log of every outbox insert, so counts hold even when the search consumer drains the queue meanwhile.
    await db.query(`
      CREATE TABLE test_outbox_log (entity_type text, entity_id uuid);
      CREATE FUNCTION test_log_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO test_outbox_log VALUES (NEW.entity_type, NEW.entity_id); RETURN NEW; END $$;
      CREATE TRIGGER test_log_outbox AFTER INSERT ON search_outbox FOR EACH ROW EXECUTE FUNCTION test_log_outbox();
    `);
    tokens.own = await t.login(officer(OWN.code));
    tokens.other = await t.login(officer(OTHER.code));
    tokens.withdrawn = await t.login(officer(WITHDRAWN.code));
    tokens.organiser = await t.login('organiser@yokoten.example');
    tokens.admin = await t.login('admin@yokoten.example');
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
  });

  describe('creating', () => {
    it('an officer creates a DRAFT of their own municipality, with a revision and one index job', async () => {
      const res = await create(DRAFT_INPUT);
      const c = dataOf(res).createCaseStudy;
      expect(c).toMatchObject({
        title: DRAFT_INPUT.title,
        status: 'DRAFT',
        visibility: 'PUBLIC',
        stage: 'IN_PROGRESS',
        version: 1,
        publishedAt: null,
        themes: ['SME_DX'],
        tags: ['伴走支援', 'マッチング'],
        municipality: { code: OWN.code, name: OWN.name },
        contact: { department: '', email: 'dx@city.example.lg.jp', phone: '093-582-2102' },
      });
      expect(c.author?.name).toEqual(expect.any(String));
      expect(c.revisions).toEqual([
        expect.objectContaining({
          version: 1,
          action: 'CREATE',
          changedFields: expect.arrayContaining(['title', 'summary', 'themes', 'tags']),
          editor: { name: c.author?.name },
        }),
      ]);
      expect(await outboxCount(c.id)).toBe(1);
      expect(await row(c.id)).toMatchObject({ status: 'DRAFT', version: 1 });
    });

    it('anonymous callers cannot create (UNAUTHENTICATED), organisers cannot (FORBIDDEN), nothing is written', async () => {
      const before = await db.query('SELECT count(*)::int AS n FROM case_studies');
      expect(errorOf(await create(DRAFT_INPUT, null)).extensions.code).toBe('UNAUTHENTICATED');
      expect(errorOf(await create(DRAFT_INPUT, tokens.organiser)).extensions.code).toBe('FORBIDDEN');
      expect(errorOf(await create(DRAFT_INPUT, tokens.withdrawn)).extensions.code).toBe('FORBIDDEN');
      expect(errorOf(await create({ ...DRAFT_INPUT, municipalityCode: OTHER.code })).extensions.code).toBe(
        'FORBIDDEN',
      );
      const after = await db.query('SELECT count(*)::int AS n FROM case_studies');
      expect(after.rows[0].n).toBe(before.rows[0].n);
    });

    it('an admin creates for a named municipality, and must name one', async () => {
      const c = dataOf(
        await create({ ...DRAFT_INPUT, municipalityCode: OTHER.code }, tokens.admin),
      ).createCaseStudy;
      expect(c.municipality.code).toBe(OTHER.code);
      const missing = errorOf(await create(DRAFT_INPUT, tokens.admin));
      expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.municipalityCode' });
    });
  });

  describe('validation', () => {
    it('names nested fields (input.outcomes.0.after) and writes nothing', async () => {
      // The trigger's log, not search_outbox itself: the sync worker drains the outbox meanwhile.
      const before = await db.query('SELECT count(*)::int AS n FROM test_outbox_log');
      const cases = await db.query('SELECT count(*)::int AS n FROM case_studies');
      const res = await create({
        ...DRAFT_INPUT,
        outcomes: [{ label: '相談件数', before: 0, after: 1e16, unit: '件' }],
      });
      const error = errorOf(res);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcomes.0.after' });
      expect(error.message).toContain('input.outcomes.0.after');
      const after = await db.query('SELECT count(*)::int AS n FROM test_outbox_log');
      expect(after.rows[0].n).toBe(before.rows[0].n);
      expect((await db.query('SELECT count(*)::int AS n FROM case_studies')).rows[0].n).toBe(cases.rows[0].n);
    });

    it.each([
      [{ fiscalYears: [1999] }, 'input.fiscalYears'],
      [{ fiscalYears: [2025.5] }, 'input.fiscalYears'],
      [{ budgetYen: -1 }, 'input.budgetYen'],
      [{ budgetYen: 2e12 }, 'input.budgetYen'],
      [{ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }, 'input.tags'],
      [{ tags: ['あ'.repeat(41)] }, 'input.tags'],
      [{ contactEmail: 'not-an-email' }, 'input.contactEmail'],
      [{ title: '   ' }, 'input.title'],
      [{ title: 'あ'.repeat(201) }, 'input.title'],
      [{ summary: null }, 'input.summary'],
      [
        { outcomes: Array.from({ length: 11 }, () => ({ label: 'a', after: 1, unit: '' })) },
        'input.outcomes',
      ],
      [{ outcomes: [{ label: '', after: 1, unit: '人' }] }, 'input.outcomes.0.label'],
    ])('%j → BAD_USER_INPUT naming %s', async (patch, field) => {
      const error = errorOf(await create({ ...DRAFT_INPUT, ...patch }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    // PostgreSQL cannot store NUL in text, nor a lone UTF-16 surrogate in jsonb (the revision snapshot):
    // both were a 500 with a half-finished transaction, and must be a field error with nothing written.
    it.each([
      [{ title: 'NUL\u0000入り' }, 'input.title'],
      [{ title: '片割れ\ud800' }, 'input.title'],
      [{ body: '本文\udc00' }, 'input.body'],
      [{ tags: ['ok', 'bad\u0000'] }, 'input.tags'],
      [{ outcomes: [{ label: '件数\ud83d', after: 1, unit: '件' }] }, 'input.outcomes.0.label'],
    ])(
      '%j (text that cannot be stored) → BAD_USER_INPUT naming %s, nothing written',
      async (patch, field) => {
        const cases = await db.query('SELECT count(*)::int AS n FROM case_studies');
        const error = errorOf(await create({ ...DRAFT_INPUT, ...patch }));
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(error.message).toContain(field);
        expect((await db.query('SELECT count(*)::int AS n FROM case_studies')).rows[0].n).toBe(
          cases.rows[0].n,
        );
      },
    );

    it('refuses such text in an update too, and leaves the case as it was', async () => {
      const created = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      const error = errorOf(await update(created.id, { summary: '概要\u0000' }));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.summary' });
      expect((await row(created.id)).version).toBe(created.version);
    });

    it.each(['2024-02-30', '2025-04-31', '2023-02-29'])(
      'refuses an outcome date that is not on the calendar (%s)',
      async (asOf) => {
        const error = errorOf(
          await create({ ...DRAFT_INPUT, outcomes: [{ label: 'a', after: 1, unit: '', asOf }] }),
        );
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcomes.0.asOf' });
      },
    );

    it('accepts 29 February in a leap year', async () => {
      const created = dataOf(
        await create({ ...DRAFT_INPUT, outcomes: [{ label: 'a', after: 1, unit: '', asOf: '2024-02-29' }] }),
      ).createCaseStudy;
      expect(created.outcomes[0].asOf).toBe('2024-02-29');
    });

    it('refuses malformed ids as BAD_USER_INPUT, not a server error', async () => {
      expect(errorOf(await read('not-a-uuid')).extensions.code).toBe('BAD_USER_INPUT');
      expect(errorOf(await update('not-a-uuid', { title: 'x' })).extensions.code).toBe('BAD_USER_INPUT');
    });

    it('NOT_FOUND for an unknown case', async () => {
      const res = await update('00000000-0000-4000-8000-000000000000', { title: 'x' });
      expect(errorOf(res).extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('editing', () => {
    it('an officer of another municipality cannot edit (FORBIDDEN) and nothing changes', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      const res = await update(c.id, { title: '乗っ取り' }, tokens.other);
      expect(errorOf(res).extensions.code).toBe('FORBIDDEN');
      expect(errorOf(await update(c.id, { title: '乗っ取り' }, tokens.organiser)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await update(c.id, { title: '乗っ取り' }, null)).extensions.code).toBe(
        'UNAUTHENTICATED',
      );
      expect(await row(c.id)).toMatchObject({ title: DRAFT_INPUT.title, version: 1 });
      expect(await revisionCount(c.id)).toBe(1);
      expect(await outboxCount(c.id)).toBe(1);
    });

    it('records each edit as a revision with the changed fields, one index job per write', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      const edited = dataOf(
        await update(c.id, {
          expectedVersion: 1,
          summary: COMPLETE.summary,
          tags: ['伴走支援', 'マッチング'],
        }),
      ).updateCaseStudy;
      expect(edited.version).toBe(2);
      expect(new Date(edited.updatedAt).getTime()).toBeGreaterThan(new Date(c.updatedAt).getTime());
      expect(edited.revisions?.[0]).toMatchObject({
        version: 2,
        action: 'UPDATE',
        changedFields: ['summary'],
      });
      const again = dataOf(
        await update(c.id, { outcomes: COMPLETE.outcomes, budgetYen: 1000 }),
      ).updateCaseStudy;
      expect(again.revisions?.map((r) => [r.version, r.action, r.changedFields])).toEqual([
        [3, 'UPDATE', ['budgetYen', 'outcomes']],
        [2, 'UPDATE', ['summary']],
        [1, 'CREATE', expect.arrayContaining(['title'])],
      ]);
      expect(await outboxCount(c.id)).toBe(3);
      const { rows } = await db.query(
        'SELECT version, snapshot FROM case_study_revisions WHERE case_study_id = $1 ORDER BY version',
        [c.id],
      );
      expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
      expect(rows[2].snapshot).toMatchObject({ budgetYen: 1000, summary: COMPLETE.summary, version: 3 });

      // Sending what is already saved is not a write: no version, no revision, no index job.
      const same = dataOf(
        await update(c.id, { budgetYen: 1000, outcomes: COMPLETE.outcomes }),
      ).updateCaseStudy;
      expect(same.version).toBe(3);
      expect(await outboxCount(c.id)).toBe(3);
      // null clears the clearable fields.
      const cleared = dataOf(await update(c.id, { budgetYen: null, contactPhone: null })).updateCaseStudy;
      expect(cleared).toMatchObject({ budgetYen: null, contact: { phone: null } });
    });

    it('a stale expectedVersion is a CONFLICT and writes nothing', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      dataOf(await update(c.id, { expectedVersion: 1, title: '一人目の編集' }));
      const res = await update(c.id, { expectedVersion: 1, title: '二人目の編集' });
      const error = errorOf(res);
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
      expect(await row(c.id)).toMatchObject({ title: '一人目の編集', version: 2 });
      expect(await revisionCount(c.id)).toBe(2);
      expect(await outboxCount(c.id)).toBe(2);
    });
  });

  describe('publishing', () => {
    it('refuses a case with missing parts, listing them, then publishes it once filled', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      expect(c.publishChecklist?.filter((i) => !i.ok).map((i) => i.field)).toEqual([
        'summary',
        'body',
        'targets',
        'fiscalYears',
        'outcomes',
        'contactDepartment',
      ]);
      const refused = errorOf(await publish(c.id));
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        missing: ['summary', 'body', 'targets', 'fiscalYears', 'outcomes', 'contactDepartment'],
      });
      expect(refused.message).toContain('公開に必要な項目が不足しています');
      expect(refused.message).toContain('概要（20文字以上）');
      expect(await row(c.id)).toMatchObject({ status: 'DRAFT', version: 1 });
      expect(await outboxCount(c.id)).toBe(1);

      dataOf(await update(c.id, COMPLETE));
      const published = dataOf(await publish(c.id)).publishCaseStudy;
      expect(published).toMatchObject({ status: 'PUBLISHED', version: 3, fiscalYears: [2024, 2025] });
      expect(published.fiscalYearLabels).toEqual(['令和6年度（2024年度）', '令和7年度（2025年度）']);
      expect(published.publishedAt).not.toBeNull();
      expect(published.publishChecklist?.every((i) => i.ok)).toBe(true);
      expect(published.revisions?.[0]).toMatchObject({
        action: 'PUBLISH',
        changedFields: ['status', 'publishedAt'],
      });
      expect(await outboxCount(c.id)).toBe(3);
      expect(errorOf(await publish(c.id)).extensions.code).toBe('CONFLICT');
      expect(errorOf(await publish(c.id, tokens.other)).extensions.code).toBe('FORBIDDEN');
      expect(await outboxCount(c.id)).toBe(3);
    });

    it('is readable by anyone once PUBLISHED + PUBLIC; contact email and phone only for signed-in users', async () => {
      const c = await publishedCase();
      const anonymous = dataOf(await read(c.id)).caseStudy;
      expect(anonymous).toMatchObject({
        id: c.id,
        contact: { department: COMPLETE.contactDepartment, email: null, phone: null },
        author: null,
        revisions: null,
        publishChecklist: null,
        unpublishedReason: null,
        municipality: { code: OWN.code, prefecture: { code: OWN.prefectureCode } },
      });
      const member = dataOf(await read(c.id, tokens.other)).caseStudy;
      expect(member?.contact).toEqual({
        department: COMPLETE.contactDepartment,
        email: DRAFT_INPUT.contactEmail,
        phone: DRAFT_INPUT.contactPhone,
      });
      expect(member?.author?.name).toEqual(expect.any(String));
      expect(member?.revisions).toBeNull();
    });

    it('an edit cannot take away what a published case needed to be published; nothing is written', async () => {
      const c = await publishedCase();
      const refused = errorOf(
        await update(c.id, { summary: '', body: '短い', themes: [], title: '新しい題' }),
      );
      expect(refused.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.summary',
        missing: ['summary', 'body', 'themes'],
      });
      expect(refused.message).toContain('概要（20文字以上）');
      expect(await row(c.id)).toMatchObject({ status: 'PUBLISHED', version: c.version, title: c.title });
      expect(await revisionCount(c.id)).toBe(2);

      // Other edits of a published case go through; a draft may still be emptied freely.
      expect(dataOf(await update(c.id, { title: '新しい題', tags: [] })).updateCaseStudy.title).toBe(
        '新しい題',
      );
      const draft = dataOf(await create({ ...DRAFT_INPUT, ...COMPLETE })).createCaseStudy;
      expect(dataOf(await update(draft.id, { summary: '', themes: [] })).updateCaseStudy.summary).toBe('');
    });

    it('a published case that already lacked a part stays editable, as long as nothing more goes missing', async () => {
      const c = await publishedCase();
      // As a case published before the rule, or imported, may be: no outcomes.
      await db.query(`UPDATE case_studies SET outcomes = '[]'::jsonb WHERE id = $1`, [c.id]);
      expect(dataOf(await update(c.id, { title: '成果は後日' })).updateCaseStudy.title).toBe('成果は後日');
      expect(errorOf(await update(c.id, { contactDepartment: '' })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.contactDepartment',
        missing: ['contactDepartment'],
      });
    });

    it('keeps the first publishedAt when a case is archived and published again', async () => {
      const c = await publishedCase();
      const archived = dataOf(
        await t.gql<{ archiveCaseStudy: Case }>(ARCHIVE, { id: c.id }, tokens.own),
      ).archiveCaseStudy;
      expect(archived.status).toBe('ARCHIVED');
      expect(dataOf(await read(c.id)).caseStudy).toBeNull();
      expect(dataOf(await read(c.id, tokens.other)).caseStudy).toBeNull();
      const again = dataOf(await publish(c.id)).publishCaseStudy;
      expect(again.publishedAt).toBe(c.publishedAt);
      expect(again.revisions?.[0].changedFields).toEqual(['status']);
    });
  });

  describe('deleting a draft', () => {
    const DELETE = `mutation($id: ID!) { deleteCaseStudyDraft(id: $id) { id title } }`;
    const del = (id: string, token: string | null = tokens.own) =>
      t.gql<{ deleteCaseStudyDraft: { id: string; title: string } }>(DELETE, { id }, token ?? undefined);

    it('the owners delete a never-published draft: the row and its revisions go, the audit log keeps it', async () => {
      const c = dataOf(await create({ ...DRAFT_INPUT, title: '削除する下書き' })).createCaseStudy;
      await update(c.id, { summary: '書きかけの概要です。' });
      expect(dataOf(await del(c.id)).deleteCaseStudyDraft).toEqual({ id: c.id, title: '削除する下書き' });
      expect(await row(c.id)).toBeUndefined();
      expect(await revisionCount(c.id)).toBe(0);
      expect(dataOf(await read(c.id, tokens.own)).caseStudy).toBeNull();
      const { rows } = await db.query<{
        action: string;
        subject_label: string;
        actor_label: string;
        before: { status: string };
      }>(
        'SELECT action, subject_label, actor_label, before FROM audit_log WHERE subject_type = $1 AND subject_id = $2',
        ['caseStudy', c.id],
      );
      expect(rows).toEqual([
        expect.objectContaining({
          action: 'caseStudy.deleteDraft',
          subject_label: `削除する下書き（${OWN.name}）`,
          actor_label: officer(OWN.code),
          before: expect.objectContaining({ status: 'DRAFT' }),
        }),
      ]);
      // Create, update and the deletion each queued a job; the consumer finds no row and deletes nothing
      // that was there: the queue drains without errors.
      expect(await outboxCount(c.id)).toBe(3);
      await indexSynced(t, 90_000);
      expect(errorOf(await del(c.id)).extensions.code).toBe('NOT_FOUND');
    });

    it('an archived draft that was never published can be deleted too', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      dataOf(await t.gql(ARCHIVE, { id: c.id }, tokens.own));
      expect(dataOf(await del(c.id)).deleteCaseStudyDraft.id).toBe(c.id);
      expect(await row(c.id)).toBeUndefined();
    });

    it('refuses a case that was ever published (CONFLICT, EVER_PUBLISHED), even after it was archived or taken down', async () => {
      const published = await publishedCase();
      expect(errorOf(await del(published.id)).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EVER_PUBLISHED',
      });
      dataOf(await t.gql(ARCHIVE, { id: published.id }, tokens.own));
      expect(errorOf(await del(published.id)).extensions.reason).toBe('EVER_PUBLISHED');
      const unpublished = await publishedCase();
      dataOf(await t.gql(UNPUBLISH, { id: unpublished.id, reason: '確認のため' }, tokens.organiser));
      expect(errorOf(await del(unpublished.id)).extensions.reason).toBe('EVER_PUBLISHED');
      expect(await row(published.id)).toMatchObject({ status: 'ARCHIVED' });
      expect(await row(unpublished.id)).toMatchObject({ status: 'DRAFT' });
    });

    it('only the owners: other municipalities and organisers are FORBIDDEN, anonymous UNAUTHENTICATED; nothing is deleted', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      expect(errorOf(await del(c.id, tokens.other)).extensions.code).toBe('FORBIDDEN');
      expect(errorOf(await del(c.id, tokens.organiser)).extensions.code).toBe('FORBIDDEN');
      expect(errorOf(await del(c.id, null)).extensions.code).toBe('UNAUTHENTICATED');
      expect(await row(c.id)).toMatchObject({ status: 'DRAFT' });
      expect(await revisionCount(c.id)).toBe(1);
    });
  });

  describe('who sees what', () => {
    it('a draft is invisible to anonymous callers and other municipalities, visible to owners and organisers', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      expect(dataOf(await read(c.id)).caseStudy).toBeNull();
      expect(dataOf(await read(c.id, tokens.other)).caseStudy).toBeNull();
      expect(dataOf(await read(c.id, tokens.own)).caseStudy?.id).toBe(c.id);
      expect(dataOf(await read(c.id, tokens.organiser)).caseStudy?.revisions).toHaveLength(1);
      expect(dataOf(await read(c.id, tokens.admin)).caseStudy?.id).toBe(c.id);
    });

    it('a MEMBERS case is null for anonymous callers and visible to an officer of another municipality', async () => {
      const c = await publishedCase({ visibility: 'MEMBERS' });
      expect(c.visibility).toBe('MEMBERS');
      expect(dataOf(await read(c.id)).caseStudy).toBeNull();
      expect(dataOf(await read(c.id, tokens.other)).caseStudy?.id).toBe(c.id);
      expect(dataOf(await read(c.id, tokens.organiser)).caseStudy?.id).toBe(c.id);
    });

    it('myMunicipalityCaseStudies lists the own municipality’s cases, drafts included', async () => {
      const draft = dataOf(await create({ ...DRAFT_INPUT, title: '自分の下書き' })).createCaseStudy;
      const mine = dataOf(
        await t.gql<{ myMunicipalityCaseStudies: Case[] }>(MINE, {}, tokens.own),
      ).myMunicipalityCaseStudies;
      expect(mine.map((c) => c.id)).toContain(draft.id);
      const drafts = dataOf(
        await t.gql<{ myMunicipalityCaseStudies: Case[] }>(MINE, { status: 'DRAFT' }, tokens.own),
      ).myMunicipalityCaseStudies;
      expect(drafts.every((c) => c.status === 'DRAFT')).toBe(true);
      const theirs = dataOf(
        await t.gql<{ myMunicipalityCaseStudies: Case[] }>(MINE, {}, tokens.other),
      ).myMunicipalityCaseStudies;
      expect(theirs.map((c) => c.id)).not.toContain(draft.id);
      expect(errorOf(await t.gql(MINE, {})).extensions.code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(MINE, {}, tokens.organiser)).extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('lists', () => {
    it('loads municipality, author, revisions and editors in a constant number of queries (no N+1)', async () => {
      for (let i = 0; i < 4; i++) dataOf(await create({ ...DRAFT_INPUT, title: `一覧用の事例 ${i}` }));
      const LIST = `{ myMunicipalityCaseStudies {
        id municipality { code prefecture { name } } author { name } contact { email }
        revisions { version editor { name } } publishChecklist { ok }
      } }`;
      let list: Case[] = [];
      const statements = await requestStatements('runner', async () => {
        list = dataOf(
          await t.gql<{ myMunicipalityCaseStudies: Case[] }>(LIST, {}, tokens.own),
        ).myMunicipalityCaseStudies;
      });
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.every((c) => c.revisions?.length && c.author?.name)).toBe(true);
      // session → actor, the list, then one batch each for municipalities, people and revisions.
      expect(statements.length).toBeGreaterThan(2);
      expect(statements.length).toBeLessThanOrEqual(6);
    });
  });

  describe('moderation', () => {
    it('an organiser unpublishes with a reason the owners see; others cannot unpublish', async () => {
      const c = await publishedCase();
      const reason = '個人名が本文に含まれているため、修正をお願いします。';
      expect(errorOf(await t.gql(UNPUBLISH, { id: c.id, reason }, tokens.own)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(errorOf(await t.gql(UNPUBLISH, { id: c.id, reason }, tokens.other)).extensions.code).toBe(
        'FORBIDDEN',
      );
      expect(
        errorOf(await t.gql(UNPUBLISH, { id: c.id, reason: '  ' }, tokens.organiser)).extensions,
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      const before = await outboxCount(c.id);
      const down = dataOf(
        await t.gql<{ unpublishCaseStudy: Case }>(UNPUBLISH, { id: c.id, reason }, tokens.organiser),
      ).unpublishCaseStudy;
      expect(down).toMatchObject({ status: 'DRAFT', unpublishedReason: reason });
      expect(down.revisions?.[0]).toMatchObject({
        action: 'UNPUBLISH',
        note: reason,
        changedFields: ['status', 'unpublishedReason'],
        editor: { name: '横展ネットワーク事務局' },
      });
      expect(await outboxCount(c.id)).toBe(before + 1);

      expect(dataOf(await read(c.id, tokens.own)).caseStudy?.unpublishedReason).toBe(reason);
      expect(dataOf(await read(c.id)).caseStudy).toBeNull();
      expect(dataOf(await read(c.id, tokens.other)).caseStudy).toBeNull();

      // Re-publishing clears the reason.
      const back = dataOf(await publish(c.id)).publishCaseStudy;
      expect(back).toMatchObject({
        status: 'PUBLISHED',
        unpublishedReason: null,
        publishedAt: c.publishedAt,
      });
    });

    it('only a published case can be unpublished', async () => {
      const c = dataOf(await create(DRAFT_INPUT)).createCaseStudy;
      const res = await t.gql(UNPUBLISH, { id: c.id, reason: '理由' }, tokens.organiser);
      expect(errorOf(res).extensions.code).toBe('CONFLICT');
      expect(await outboxCount(c.id)).toBe(1);
    });
  });

  describe('rendering', () => {
    it('bodyHtml escapes raw HTML and drops javascript: links', async () => {
      const body =
        '## 概要\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[危険](javascript:alert(1)) [市のサイト](https://www.city.example.lg.jp/)\n\n![外部](https://tracker.example/p.png)';
      const c = dataOf(await create({ ...DRAFT_INPUT, body })).createCaseStudy;
      expect(c.body).toBe(body);
      expect(c.bodyHtml).not.toMatch(/<script/i);
      expect(c.bodyHtml).toContain('&lt;script&gt;');
      expect(c.bodyHtml).not.toMatch(/<img/i);
      expect(c.bodyHtml).not.toContain('href="javascript');
      expect(c.bodyHtml).toContain('<span class="external-image" data-src="https://tracker.example/p.png"');
      expect(c.bodyHtml).toContain('rel="noopener noreferrer nofollow" target="_blank"');
    });
  });
});
