import { DataSource } from 'typeorm';
import { MailService } from '../src/modules/mail/mail.service';
import { createTestApp, type TestApp } from './test-app';
import { dataOf, eventually, insertCases, officerLogin, seedMunicipalities } from './search-fixtures';

jest.setTimeout(120_000);

/**
 * 問い合わせ over GraphQL: the asker's and the publisher's municipalities (and organisers) read the thread,
 * a third municipality does not until the publisher makes it a FAQ, anonymous callers never; each side
 * is told by mail when the other writes.
 */
const HIROSHIMA = '340006'; // publisher
const TONO = '032085'; // asker
const KUWANA = '242055'; // a third member
const ORGANISER_EMAIL = 'organiser@inquiry.example';

const ASK = `mutation($caseStudyId: ID!, $input: AskInquiryInput!) {
  askInquiry(caseStudyId: $caseStudyId, input: $input) { id subject status isPublic }
}`;
const ANSWER = `mutation($inquiryId: ID!, $input: AnswerInquiryInput!) {
  answerInquiry(inquiryId: $inquiryId, input: $input) {
    id status messages { body municipality { code } author { name } }
  }
}`;
const SET_PUBLIC = `mutation($inquiryId: ID!, $isPublic: Boolean!) {
  setInquiryPublic(inquiryId: $inquiryId, isPublic: $isPublic) { id isPublic }
}`;
const INQUIRY = `query($id: ID!) {
  inquiry(id: $id) {
    id subject status isPublic
    askerMunicipality { code } publisherMunicipality { code }
    messages { body municipality { code } }
  }
}`;
const CASE_INQUIRIES = `query($id: ID!) { caseStudy(id: $id) { inquiries { id subject } } }`;

describe('inquiries (問い合わせ)', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let inquiryId: string;
  const tokens: Record<string, string> = {};

  const read = async (token?: string) =>
    dataOf(await t.gql<{ inquiry: Record<string, unknown> | null }>(INQUIRY, { id: inquiryId }, token))
      .inquiry;
  const listed = async (token?: string) =>
    dataOf(
      await t.gql<{ caseStudy: { inquiries: Array<{ id: string }> } }>(
        CASE_INQUIRIES,
        { id: ids.ipass },
        token,
      ),
    ).caseStudy.inquiries.map((i) => i.id);
  const answer = (body: string, token?: string) =>
    t.gql<{ answerInquiry: { status: string; messages: unknown[] } }>(
      ANSWER,
      { inquiryId, input: { body } },
      token,
    );

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t, [HIROSHIMA, TONO, KUWANA]);
    await t.app.get(DataSource).query(
      `INSERT INTO users (email, name, role, password_hash)
         SELECT $1, '事務局', 'ORGANISER', password_hash FROM users LIMIT 1`,
      [ORGANISER_EMAIL],
    );
    ids = await insertCases(t, [
      {
        key: 'ipass',
        municipalityCode: HIROSHIMA,
        title: 'ITパスポートの受験料を補助し、社会人の合格者を増やす',
        themes: ['CERTIFICATION'],
      },
      { key: 'tonoOwn', municipalityCode: TONO, title: '遠野市の職員iパス支援', themes: ['CERTIFICATION'] },
    ]);
    for (const code of [HIROSHIMA, TONO, KUWANA]) tokens[code] = await officerLogin(t, code);
    tokens.organiser = await t.login(ORGANISER_EMAIL, 'search-spec-password');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets a member ask the publisher, and tells the publisher’s officers', async () => {
    const asked = dataOf(
      await t.gql<{ askInquiry: { id: string; status: string; isPublic: boolean } }>(
        ASK,
        {
          caseStudyId: ids.ipass,
          input: { subject: '補助の対象者について', body: '市町村職員も対象ですか。' },
        },
        tokens[TONO],
      ),
    ).askInquiry;
    inquiryId = asked.id;
    expect(asked).toMatchObject({ status: 'OPEN', isPublic: false });
    const mail = t.app.get(MailService);
    const [m] = await eventually(
      async () => mail.recent().filter((x) => x.kind === 'inquiry-asked'),
      (l) => l.length === 1,
    );
    expect(m.to).toEqual([`officer.${HIROSHIMA}@search.example`]);
    expect(m.text).toContain('市町村職員も対象ですか。');
  });

  it('lets the publisher answer and the asker follow up, telling the other side each time', async () => {
    const answered = dataOf(
      await answer('県内在住・在勤の社会人が対象です。', tokens[HIROSHIMA]),
    ).answerInquiry;
    expect(answered.status).toBe('ANSWERED');
    const followed = dataOf(
      await answer('ありがとうございます。申請書の様式はありますか。', tokens[TONO]),
    ).answerInquiry;
    expect(followed.status).toBe('OPEN');
    dataOf(await answer('様式は県のサイトにあります。', tokens[HIROSHIMA]));
    const mail = t.app.get(MailService);
    const replies = await eventually(
      async () => mail.recent().filter((x) => x.kind === 'inquiry-reply'),
      (l) => l.length === 3,
    );
    expect(replies.map((r) => r.to)).toEqual([
      [`officer.${TONO}@search.example`],
      [`officer.${HIROSHIMA}@search.example`],
      [`officer.${TONO}@search.example`],
    ]);
    for (const token of [tokens[TONO], tokens[HIROSHIMA], tokens.organiser]) {
      const thread = await read(token);
      expect(thread).toMatchObject({
        status: 'ANSWERED',
        askerMunicipality: { code: TONO },
        publisherMunicipality: { code: HIROSHIMA },
      });
      expect((thread?.messages as unknown[]).length).toBe(4);
    }
  });

  it('keeps the thread from a third municipality and anonymous callers', async () => {
    expect(await read(tokens[KUWANA])).toBeNull();
    expect(await read()).toBeNull();
    expect(await listed(tokens[KUWANA])).toEqual([]);
    expect(await listed()).toEqual([]);
    expect(await listed(tokens[TONO])).toEqual([inquiryId]);
    const third = await answer('横から失礼します', tokens[KUWANA]);
    expect(third.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const organiser = await answer('事務局です', tokens.organiser);
    expect(organiser.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await answer('匿名です');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only the publisher make it a FAQ; then every member reads it, anonymous callers still do not', async () => {
    const asker = await t.gql(SET_PUBLIC, { inquiryId, isPublic: true }, tokens[TONO]);
    expect(asker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const published = dataOf(
      await t.gql<{ setInquiryPublic: { isPublic: boolean } }>(
        SET_PUBLIC,
        { inquiryId, isPublic: true },
        tokens[HIROSHIMA],
      ),
    );
    expect(published.setInquiryPublic.isPublic).toBe(true);
    expect(await read(tokens[KUWANA])).toMatchObject({ id: inquiryId, isPublic: true });
    expect(await listed(tokens[KUWANA])).toEqual([inquiryId]);
    expect(await read()).toBeNull();
    expect(await listed()).toEqual([]);
    // Reading a FAQ is not taking part in it.
    expect((await answer('便乗で質問です', tokens[KUWANA])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses questions to one’s own municipality, from anonymous callers, and empty input', async () => {
    const own = await t.gql(
      ASK,
      { caseStudyId: ids.tonoOwn, input: { subject: '件名', body: '本文' } },
      tokens[TONO],
    );
    expect(own.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'caseStudyId' });
    const anonymous = await t.gql(ASK, { caseStudyId: ids.ipass, input: { subject: '件名', body: '本文' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const empty = await t.gql(
      ASK,
      { caseStudyId: ids.ipass, input: { subject: ' ', body: '本文' } },
      tokens[KUWANA],
    );
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const count = (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM inquiries')) as Array<{
      n: number;
    }>;
    expect(count[0].n).toBe(1);
  });

  it('keeps a FAQ from other municipalities while its case is archived, and shows it again once republished', async () => {
    const dataSource = t.app.get(DataSource);
    await dataSource.query(`UPDATE case_studies SET status = 'ARCHIVED' WHERE id = $1`, [ids.ipass]);
    expect(await read(tokens[KUWANA])).toBeNull();
    // The two sides and the organisers keep their thread.
    for (const token of [tokens[TONO], tokens[HIROSHIMA], tokens.organiser]) {
      expect(await read(token)).toMatchObject({ id: inquiryId, isPublic: true });
    }
    await dataSource.query(`UPDATE case_studies SET status = 'PUBLISHED' WHERE id = $1`, [ids.ipass]);
    expect(await read(tokens[KUWANA])).toMatchObject({ id: inquiryId, isPublic: true });
  });
});
