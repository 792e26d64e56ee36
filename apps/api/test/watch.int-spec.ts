import { DataSource } from 'typeorm';
import { MailService, type SentMail } from '../src/modules/mail/mail.service';
import { SavedSearchDigests } from '../src/modules/watch/saved-search-digest';
import { createTestApp, type TestApp } from './test-app';
import {
  dataOf,
  eventually,
  indexSynced,
  insertCases,
  officerLogin,
  search,
  seedMunicipalities,
} from './search-fixtures';

jest.setTimeout(180_000);

/**
 * Issue #13 — watching cases, saved searches with a weekly digest, 「参考になった」 and the stage facet,
 * against the real PostgreSQL and Meilisearch: every mail is counted as it left the outbox.
 */
const KITAMI = '012084'; // publisher
const TONO = '032085'; // watcher (member)
const KUWANA = '242055'; // follower and asker (member)
const OKINAWA = '470007'; // watcher whose municipality withdraws: public material only
const mailOf = (code: string) => `officer.${code}@search.example`;

const DAY = 86_400_000;

describe('watching, saved searches, 参考になった and the stage facet (#13)', () => {
  let t: TestApp;
  let db: DataSource;
  let mail: MailService;
  let ids: Record<string, string>;
  const token: Record<string, string> = {};
  /** Mails sent so far, to whom, of which kind. */
  const sent = (kind: string, to?: string): SentMail[] =>
    mail.recent().filter((m) => m.kind === kind && (to === undefined || [m.to].flat().includes(to)));
  const outboxEmpty = () =>
    eventually(
      async () => ((await db.query(`SELECT count(*)::int AS n FROM mail_outbox`)) as [{ n: number }])[0].n,
      (n) => n === 0,
    );
  /** The update notice waits (edits coalesce): here the wait is over at once. */
  const releaseDelayedMails = async () => {
    await db.query(`UPDATE mail_outbox SET available_at = now() WHERE available_at > now()`);
    await db.query(`SELECT pg_notify('mail_outbox', '')`);
  };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    mail = t.app.get(MailService);
    await seedMunicipalities(t, [KITAMI, TONO, KUWANA, OKINAWA]);
    await db.query(`UPDATE users SET locale = 'EN' WHERE email = $1`, [mailOf(OKINAWA)]);
    ids = await insertCases(t, [
      {
        key: 'salmon',
        municipalityCode: KITAMI,
        title: 'サケモデルのUターン支援',
        themes: ['TELEWORK_MIGRATION'],
        stage: 'SPREADING',
      },
      {
        key: 'members',
        municipalityCode: KITAMI,
        title: '会員限定の職員研修',
        visibility: 'MEMBERS',
        themes: ['STAFF_DX'],
        stage: 'CONCEPT',
      },
      {
        key: 'kuwanaOwn',
        municipalityCode: KUWANA,
        title: '桑名市の職員DX研修',
        themes: ['STAFF_DX'],
        stage: 'CONCEPT',
      },
      {
        key: 'tonoOwn',
        municipalityCode: TONO,
        title: '遠野市の市民講座',
        themes: ['CITIZEN_LEARNING'],
        stage: 'EVALUATED',
      },
    ]);
    for (const code of [KITAMI, TONO, KUWANA, OKINAWA]) token[code] = await officerLogin(t, code);
    await indexSynced(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const watch = (id: string, who: string) =>
    t.gql<{ watchCaseStudy: { id: string; viewerWatching: boolean } }>(
      `mutation($id: ID!) { watchCaseStudy(id: $id) { id viewerWatching } }`,
      { id },
      token[who],
    );

  describe('watching a case', () => {
    it('is for signed-in users, on cases they may read', async () => {
      const anonymous = await t.gql(`mutation($id: ID!) { watchCaseStudy(id: $id) { id } }`, {
        id: ids.salmon,
      });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(dataOf(await watch(ids.salmon, TONO)).watchCaseStudy.viewerWatching).toBe(true);
      expect(dataOf(await watch(ids.salmon, TONO)).watchCaseStudy.viewerWatching).toBe(true); // twice: one watch
      dataOf(await watch(ids.salmon, OKINAWA));
      dataOf(await watch(ids.members, TONO));
      dataOf(await watch(ids.salmon, KITAMI)); // the publisher watches its own case: never told of its own edits
      const bad = await t.gql(`mutation { watchCaseStudy(id: "nope") { id } }`, {}, token[TONO]);
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const mine = dataOf(
        await t.gql<{ myWatches: Array<{ caseStudy: { id: string } }> }>(
          `{ myWatches { caseStudy { id title } createdAt } }`,
          {},
          token[TONO],
        ),
      ).myWatches;
      expect(mine.map((w) => w.caseStudy.id).sort()).toEqual([ids.salmon, ids.members].sort());
    });

    it('the withdrawn municipality’s officer cannot watch a members-only case', async () => {
      await db.query(`UPDATE municipalities SET membership_status = 'WITHDRAWN' WHERE code = $1`, [OKINAWA]);
      const res = await watch(ids.members, OKINAWA);
      expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('mails each watcher exactly once for a published update, even after two quick saves', async () => {
      for (const summary of ['サケモデルの概要（改訂）', 'サケモデルの概要（再改訂）']) {
        dataOf(
          await t.gql(
            `mutation($id: ID!, $input: UpdateCaseStudyInput!) { updateCaseStudy(id: $id, input: $input) { id version } }`,
            { id: ids.salmon, input: { summary } },
            token[KITAMI],
          ),
        );
      }
      await releaseDelayedMails();
      await outboxEmpty();
      expect(sent('watch-updated', mailOf(TONO))).toHaveLength(1);
      expect(sent('watch-updated', mailOf(TONO))[0].subject).toBe(
        '【ウォッチ】「サケモデルのUターン支援」更新されました',
      );
      // In the watcher's language.
      expect(sent('watch-updated', mailOf(OKINAWA))).toHaveLength(1);
      expect(sent('watch-updated', mailOf(OKINAWA))[0].subject).toContain('[Yokoten watch]');
      // Not to the publisher who made the change; one mail per watcher, nobody else's address in it.
      expect(sent('watch-updated', mailOf(KITAMI))).toHaveLength(0);
      expect(sent('watch-updated').every((m) => !Array.isArray(m.to) || m.to.length === 1)).toBe(true);
    });

    it('mails each watcher exactly once when an adoption is recorded', async () => {
      dataOf(
        await t.gql(
          `mutation($id: ID!, $input: RecordAdoptionInput!) { recordAdoption(caseStudyId: $id, input: $input) { id } }`,
          { id: ids.salmon, input: { status: 'PILOTING', note: '桑名市でも試行' } },
          token[KUWANA],
        ),
      );
      await outboxEmpty();
      const mine = sent('watch-adopted', mailOf(TONO));
      expect(mine).toHaveLength(1);
      expect(mine[0].subject).toContain('桑名市');
      expect(sent('watch-adopted')).toHaveLength(3); // 遠野市, 沖縄県 and the publisher (someone else's change)
    });

    it('mails a public FAQ once, only to watchers who may read the network’s FAQs', async () => {
      const asked = dataOf(
        await t.gql<{ askInquiry: { id: string } }>(
          `mutation($id: ID!, $input: AskInquiryInput!) { askInquiry(caseStudyId: $id, input: $input) { id } }`,
          {
            id: ids.salmon,
            input: { subject: '移住者の定着率は？', body: '3年後の定着率を教えてください。' },
          },
          token[KUWANA],
        ),
      ).askInquiry;
      dataOf(
        await t.gql(
          `mutation($id: ID!, $input: AnswerInquiryInput!) { answerInquiry(inquiryId: $id, input: $input) { id } }`,
          { id: asked.id, input: { body: '約8割です。' } },
          token[KITAMI],
        ),
      );
      await outboxEmpty();
      expect(sent('watch-faq')).toHaveLength(0); // answered, not yet public
      dataOf(
        await t.gql(
          `mutation($id: ID!) { setInquiryPublic(inquiryId: $id, isPublic: true) { id isPublic } }`,
          { id: asked.id },
          token[KITAMI],
        ),
      );
      await outboxEmpty();
      expect(sent('watch-faq', mailOf(TONO))).toHaveLength(1);
      expect(sent('watch-faq', mailOf(TONO))[0].text).toContain('移住者の定着率は？');
      // 沖縄県 withdrew: FAQs are for members.
      expect(sent('watch-faq', mailOf(OKINAWA))).toHaveLength(0);
    });

    it('mails nobody who turned watch notices off, or whose account is disabled', async () => {
      dataOf(
        await t.gql(
          `mutation { updateMyProfile(input: { mailPreferences: { watchNotices: false } }) { mailPreferences { watchNotices } } }`,
          {},
          token[TONO],
        ),
      );
      await db.query(`UPDATE users SET status = 'DISABLED' WHERE email = $1`, [mailOf(OKINAWA)]);
      const before = mail.recent().length;
      dataOf(
        await t.gql(
          `mutation($id: ID!, $input: RecordAdoptionInput!) { recordAdoption(caseStudyId: $id, input: $input) { id } }`,
          { id: ids.salmon, input: { status: 'ADOPTED' } },
          token[KUWANA],
        ),
      );
      await outboxEmpty();
      const after = mail.recent().slice(before);
      expect(after.filter((m) => m.kind.startsWith('watch-')).map((m) => m.to)).toEqual([mailOf(KITAMI)]);
      await db.query(`UPDATE users SET status = 'ACTIVE' WHERE email = $1`, [mailOf(OKINAWA)]);
      await db.query(`UPDATE users SET watch_notices = true WHERE email = $1`, [mailOf(TONO)]);
    });

    it('unwatches', async () => {
      const res = dataOf(
        await t.gql<{ unwatchCaseStudy: boolean }>(
          `mutation($id: ID!) { unwatchCaseStudy(id: $id) }`,
          { id: ids.members },
          token[TONO],
        ),
      );
      expect(res.unwatchCaseStudy).toBe(true);
    });
  });

  describe('saved searches and the weekly digest', () => {
    const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id name query filter { themes stages } nextDigestAt } }`;

    it('validates the input and names the field', async () => {
      const res = await t.gql(SAVE, { input: { name: 'x', filter: { stages: ['NOPE'] } } }, token[TONO]);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const empty = await t.gql(SAVE, { input: { name: '   ' } }, token[TONO]);
      expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(empty.errors)).toContain('name');
      const anonymous = await t.gql(SAVE, { input: { name: 'x' } });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('sends exactly the new matches once, even with two workers, as each owner may read them', async () => {
      const input = { name: '職員研修', query: '研修', filter: { themes: ['STAFF_DX'] } };
      const tono = dataOf(
        await t.gql<{ saveSearch: { id: string; nextDigestAt: string } }>(SAVE, { input }, token[TONO]),
      ).saveSearch;
      // Monday 08:00 JST is 23:00 UTC on a Sunday.
      expect(new Date(tono.nextDigestAt).getUTCDay()).toBe(0);
      expect(new Date(tono.nextDigestAt).getUTCHours()).toBe(23);
      dataOf(await t.gql(SAVE, { input }, token[OKINAWA]));
      // The last digest was three days ago; the cases above (published minutes ago) are new since then.
      const lastDigest = new Date(Date.now() - 3 * DAY);
      await db.query(`UPDATE saved_searches SET last_digest_at = $1`, [lastDigest]);
      const fresh = await insertCases(t, [
        { key: 'newMatch', municipalityCode: KUWANA, title: '新任職員のDX研修', themes: ['STAFF_DX'] },
        {
          key: 'newMembers',
          municipalityCode: KUWANA,
          title: '会員向け管理職研修',
          themes: ['STAFF_DX'],
          visibility: 'MEMBERS',
        },
        {
          key: 'oldMatch',
          municipalityCode: KUWANA,
          title: '昨年の職員研修',
          themes: ['STAFF_DX'],
          publishedAt: new Date(Date.now() - 10 * DAY).toISOString(),
        },
        {
          key: 'newOtherTheme',
          municipalityCode: KUWANA,
          title: '市民向け研修講座',
          themes: ['CITIZEN_LEARNING'],
        },
        { key: 'newOtherWords', municipalityCode: KUWANA, title: '庁内ペーパーレス化', themes: ['STAFF_DX'] },
        {
          key: 'draft',
          municipalityCode: KUWANA,
          title: '下書きの職員研修',
          themes: ['STAFF_DX'],
          status: 'DRAFT',
        },
      ]);
      await indexSynced(t);
      const digests = t.app.get(SavedSearchDigests);
      const nextWeek = new Date(Date.now() + 8 * DAY);
      const runs = await Promise.all([digests.runDue(nextWeek), digests.runDue(nextWeek)]);
      expect(runs[0].mailed + runs[1].mailed).toBe(2);
      expect(runs[0].completed + runs[1].completed).toBe(2);
      await outboxEmpty();
      const toTono = sent('saved-search-digest', mailOf(TONO));
      expect(toTono).toHaveLength(1);
      // The fixture cases of the first describe (会員限定の職員研修, 桑名市の職員DX研修) are new too.
      const expectedTono = [fresh.newMatch, fresh.newMembers, ids.members, ids.kuwanaOwn];
      for (const id of expectedTono) expect(toTono[0].text).toContain(`/cases/${id}`);
      for (const id of [fresh.oldMatch, fresh.newOtherTheme, fresh.newOtherWords, fresh.draft])
        expect(toTono[0].text).not.toContain(`/cases/${id}`);
      expect(toTono[0].text.match(/\/cases\/[0-9a-f-]{36}/g)).toHaveLength(expectedTono.length);
      expect(toTono[0].subject).toContain('職員研修');
      // 沖縄県 withdrew: members-only cases are not theirs to see; in English.
      const toOkinawa = sent('saved-search-digest', mailOf(OKINAWA));
      expect(toOkinawa).toHaveLength(1);
      expect(toOkinawa[0].subject).toContain('2 new case(s)');
      expect(toOkinawa[0].text).toContain(`/cases/${fresh.newMatch}`);
      expect(toOkinawa[0].text).toContain(`/cases/${ids.kuwanaOwn}`);
      expect(toOkinawa[0].text).not.toContain(`/cases/${fresh.newMembers}`);
      expect(toOkinawa[0].text).not.toContain(`/cases/${ids.members}`);
      // Done: the same week again sends nothing; the window moved on.
      const again = await digests.runDue(nextWeek);
      expect(again).toEqual({ completed: 0, mailed: 0 });
      const [row] = (await db.query(
        `SELECT last_digest_at, next_digest_at, digest_locked_until FROM saved_searches WHERE id = $1`,
        [tono.id],
      )) as Array<{
        last_digest_at: Date;
        next_digest_at: Date;
        digest_locked_until: Date | null;
      }>;
      expect(row.digest_locked_until).toBeNull();
      expect(row.next_digest_at.getTime()).toBeGreaterThan(nextWeek.getTime());
      expect(row.last_digest_at.getTime()).toBeGreaterThan(lastDigest.getTime());
    });

    it('lists, turns off and deletes the caller’s own saved searches only', async () => {
      const list = async (who: string) =>
        dataOf(
          await t.gql<{ mySavedSearches: Array<{ id: string; name: string; digestEnabled: boolean }> }>(
            `{ mySavedSearches { id name query digestEnabled filter { themes } } }`,
            {},
            token[who],
          ),
        ).mySavedSearches;
      const [mine] = await list(TONO);
      expect(mine.name).toBe('職員研修');
      const other = await t.gql(
        `mutation($id: ID!) { deleteSavedSearch(id: $id) }`,
        { id: mine.id },
        token[KUWANA],
      );
      expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      const off = dataOf(
        await t.gql<{ setSavedSearchDigest: { digestEnabled: boolean } }>(
          `mutation($id: ID!) { setSavedSearchDigest(id: $id, enabled: false) { digestEnabled } }`,
          { id: mine.id },
          token[TONO],
        ),
      );
      expect(off.setSavedSearchDigest.digestEnabled).toBe(false);
      dataOf(await t.gql(`mutation($id: ID!) { deleteSavedSearch(id: $id) }`, { id: mine.id }, token[TONO]));
      expect(await list(TONO)).toEqual([]);
    });

    it('lets only the organisers run the digests now', async () => {
      const res = await t.gql(`mutation { runSavedSearchDigests }`, {}, token[TONO]);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('参考になった', () => {
    const SET = `mutation($id: ID!, $helpful: Boolean!) { setCaseStudyHelpful(id: $id, helpful: $helpful) { id viewerFoundHelpful helpfulCount } }`;
    const VIEW = `query($id: ID!) { caseStudy(id: $id) { id helpfulCount viewerFoundHelpful viewerCanMarkHelpful } }`;
    type View = {
      id: string;
      helpfulCount: number | null;
      viewerFoundHelpful: boolean;
      viewerCanMarkHelpful: boolean;
    };
    const view = async (id: string, who?: string) =>
      dataOf(await t.gql<{ caseStudy: View }>(VIEW, { id }, who ? token[who] : undefined)).caseStudy;

    it('counts one per user, toggles, and shows the count to the publisher only', async () => {
      const first = dataOf(
        await t.gql<{ setCaseStudyHelpful: View }>(SET, { id: ids.tonoOwn, helpful: true }, token[KUWANA]),
      );
      expect(first.setCaseStudyHelpful.viewerFoundHelpful).toBe(true);
      expect(first.setCaseStudyHelpful.helpfulCount).toBeNull(); // not the publisher
      dataOf(await t.gql(SET, { id: ids.tonoOwn, helpful: true }, token[KUWANA])); // again: still one
      dataOf(await t.gql(SET, { id: ids.tonoOwn, helpful: true }, token[KITAMI]));
      expect((await view(ids.tonoOwn, TONO)).helpfulCount).toBe(2);
      expect((await view(ids.tonoOwn)).helpfulCount).toBeNull();
      expect((await view(ids.tonoOwn)).viewerCanMarkHelpful).toBe(false);
      // The publisher's own officers do not vote for their own case.
      expect((await view(ids.tonoOwn, TONO)).viewerCanMarkHelpful).toBe(false);
      const own = await t.gql(SET, { id: ids.tonoOwn, helpful: true }, token[TONO]);
      expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(SET, { id: ids.tonoOwn, helpful: true });
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      dataOf(await t.gql(SET, { id: ids.tonoOwn, helpful: false }, token[KITAMI]));
      expect((await view(ids.tonoOwn, TONO)).helpfulCount).toBe(1);
      expect((await view(ids.tonoOwn, KITAMI)).viewerFoundHelpful).toBe(false);
    });

    it('sorts search results by it (MOST_HELPFUL)', async () => {
      // 桑名市's case gets two marks, 遠野市's has one, 北見市's salmon none.
      dataOf(await t.gql(SET, { id: ids.kuwanaOwn, helpful: true }, token[TONO]));
      dataOf(await t.gql(SET, { id: ids.kuwanaOwn, helpful: true }, token[KITAMI]));
      await indexSynced(t);
      const result = await search(t, { sort: 'MOST_HELPFUL', pageSize: 50 }, token[TONO]);
      const order = result.hits.map((h) => h.caseStudy.id);
      expect(order.indexOf(ids.kuwanaOwn)).toBe(0);
      expect(order.indexOf(ids.tonoOwn)).toBe(1);
      expect(order.indexOf(ids.salmon)).toBeGreaterThan(1);
    });
  });

  describe('stage as a filter and a facet', () => {
    it('filters by stage and counts each stage among the hits', async () => {
      const all = await search(t, { pageSize: 50 });
      const stageFacet = all.facets.find((f) => f.field === 'stage');
      const publicStages = (await db.query(
        `SELECT stage, count(*)::int AS n FROM case_studies WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' GROUP BY stage`,
      )) as Array<{ stage: string; n: number }>;
      expect(Object.fromEntries(stageFacet?.values.map((v) => [v.value, v.count]) ?? [])).toEqual(
        Object.fromEntries(publicStages.map((r) => [r.stage, r.n])),
      );
      const concept = await search(t, { filter: { stages: ['CONCEPT'] }, pageSize: 50 });
      expect(concept.hits.map((h) => h.caseStudy.id)).toEqual([ids.kuwanaOwn]);
      const two = await search(
        t,
        { filter: { stages: ['CONCEPT', 'EVALUATED'] }, pageSize: 50 },
        token[TONO],
      );
      expect(two.hits.map((h) => h.caseStudy.id).sort()).toEqual(
        [ids.kuwanaOwn, ids.members, ids.tonoOwn].sort(),
      );
      const bad = await t.gql(`{ searchCaseStudies(filter: { stages: [NOPE] }) { totalHits } }`);
      expect(bad.status).toBeLessThan(500);
      expect(bad.errors?.length).toBeGreaterThan(0);
    });
  });
});
