import { createTestApp, type TestApp } from './test-app';
import { insertCases, seedMunicipalities } from './search-fixtures';

jest.setTimeout(120_000);

/** Open data over HTTP: PUBLISHED + PUBLIC cases only, in CSV, JSON and Atom, each record licensed. */
const KITAKYUSHU = '401005';
const KAGA = '172065';

describe('open data', () => {
  let t: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedMunicipalities(t);
    ids = await insertCases(t, [
      {
        key: 'public',
        municipalityCode: KITAKYUSHU,
        title: 'DXプラットフォームで企業と支援者をつなぐ',
        summary: '登録企業は300社、マッチングは年40件。',
        themes: ['SME_DX'],
        tags: ['マッチング'],
        publishedAt: '2025-06-01T10:00:00+09:00',
      },
      {
        key: 'formula',
        municipalityCode: KAGA,
        title: '=HYPERLINK("http://evil.example","加賀市の樹脂メーカー")',
        summary: '+SUM(A1:A9) のような値も文字列のまま。',
        publishedAt: '2025-07-01T10:00:00+09:00',
      },
      { key: 'members', municipalityCode: KAGA, title: '会員限定の加賀市の事例', visibility: 'MEMBERS' },
      { key: 'draft', municipalityCode: KAGA, title: '下書きの加賀市の事例', status: 'DRAFT' },
      { key: 'archived', municipalityCode: KAGA, title: 'アーカイブ済みの加賀市の事例', status: 'ARCHIVED' },
    ]);
  });

  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string) => fetch(`${t.url}${path}`);

  it('CSV: UTF-8 with BOM, CRLF, formula injection guarded, public cases only, with the licence', async () => {
    const res = await get('/open-data/cases.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('cache-control')).toContain('max-age=');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toContain('ライセンス');
    expect(lines.filter(Boolean)).toHaveLength(3); // header + 2 public cases
    expect(text).not.toMatch(/[^\r]\n/); // every line break is CRLF
    expect(text).toContain(ids.public);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""加賀市の樹脂メーカー"")"`);
    expect(text).toContain("'+SUM(A1:A9)");
    expect(text).toContain('CC BY 4.0');
    for (const hidden of [ids.members, ids.draft, ids.archived]) expect(text).not.toContain(hidden);
    expect(text).not.toContain('会員限定');
    // Times in Japan time, as a reader of the spreadsheet expects (01:00Z read as one in the morning).
    expect(text).toContain(',2025-06-01T10:00:00+09:00,');
    expect(text).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
  });

  it('JSON: licence at the top and on each record, public cases only', async () => {
    const res = await get('/open-data/cases.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      licence: string;
      licenceUrl: string;
      generatedAt: string;
      cases: Array<{
        id: string;
        licence: string;
        url: string;
        municipalityCode: string;
        themeLabels: string[];
      }>;
    };
    expect(body.licence).toBe('CC BY 4.0');
    expect(body.licenceUrl).toMatch(/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//);
    expect(new Date(body.generatedAt).getTime()).not.toBeNaN();
    expect(body.cases.map((c) => c.id)).toEqual([ids.formula, ids.public]); // newest first
    expect(body.cases.every((c) => c.licence === 'CC BY 4.0')).toBe(true);
    expect(body.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
    expect(body.cases[1]).toMatchObject({
      publishedAt: '2025-06-01T10:00:00+09:00',
      url: `${t.url}/cases/${ids.public}`,
      municipalityCode: KITAKYUSHU,
      themeLabels: ['中小企業DX支援'],
    });
  });

  it('Atom: a valid feed of the newest public cases with absolute links from the request host', async () => {
    const res = await get('/open-data/cases.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    expect(xml).toContain(`<link rel="alternate" type="text/html" href="${t.url}/cases/${ids.public}"/>`);
    expect(xml).toContain(`<id>urn:uuid:${ids.public}</id>`);
    expect(xml).toContain('<published>2025-06-01T10:00:00+09:00</published>');
    expect(xml).toMatch(/<feed[^]*?<updated>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00<\/updated>/);
    expect(xml).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    for (const hidden of [ids.members, ids.draft, ids.archived]) expect(xml).not.toContain(hidden);
  });

  it('with PUBLIC_URL set, links name it whatever Host the request carried (no cache poisoning)', async () => {
    const pinned = await createTestApp({ env: { PUBLIC_URL: 'https://yokoten.example.jp/' } });
    try {
      await seedMunicipalities(pinned);
      const pinnedIds = await insertCases(pinned, [
        { key: 'public', municipalityCode: KITAKYUSHU, title: 'DXプラットフォームで企業と支援者をつなぐ' },
      ]);
      // fetch refuses to set Host; node:http sends what it is given, as a client behind a proxy could.
      const { request } = await import('node:http');
      const text = await new Promise<string>((resolve, reject) => {
        const req = request(
          `${pinned.url}/open-data/cases.atom`,
          { headers: { host: 'evil.example' } },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (body += c));
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
        req.end();
      });
      expect(text).toContain(`href="https://yokoten.example.jp/cases/${pinnedIds.public}"`);
      expect(text).toContain('<id>https://yokoten.example.jp/open-data/cases.atom</id>');
      expect(text).not.toContain('evil.example');
      const json = (await (await fetch(`${pinned.url}/open-data/cases.json`)).json()) as {
        cases: Array<{ url: string }>;
      };
      expect(json.cases[0].url).toBe(`https://yokoten.example.jp/cases/${pinnedIds.public}`);
    } finally {
      await pinned.close();
    }
  });
});
