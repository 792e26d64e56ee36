import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { parseMunicipalityCsv } from '../src/modules/municipality/municipality-csv';
import {
  MunicipalityRepository,
  type MunicipalityRow,
} from '../src/modules/municipality/municipality.repository';
import { createTestDatabase } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply here.
jest.setTimeout(30_000);

/** The register import (`npm run municipalities:import`): parse, then upsert by code against PostgreSQL. */
describe('importing the municipality register', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let repository: MunicipalityRepository;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
    repository = new MunicipalityRepository(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const row = async (code: string) =>
    (
      await dataSource.query<
        Array<{
          name: string;
          kana: string;
          kind: string;
          population: number | null;
          membership_status: string | null;
          joined_on: string | null;
          search_text: string;
        }>
      >(
        `SELECT name, kana, kind, population, membership_status, to_char(joined_on, 'YYYY-MM-DD') AS joined_on, search_text
           FROM municipalities WHERE code = $1`,
        [code],
      )
    )[0];
  const parsed = (csv: string) => {
    const result = parseMunicipalityCsv(csv);
    expect(result.errors).toEqual([]);
    return result.rows.map(({ line: _line, ...r }) => r as MunicipalityRow);
  };

  // The official list's shape: Japanese headers with line breaks inside cells, half-width kana, no population.
  const OFFICIAL = [
    '団体コード,"都道府県名\n（漢字）","市区町村名\n（漢字）","都道府県名\n（カナ）","市区町村名\n（カナ）"',
    '400009,福岡県,,ﾌｸｵｶｹﾝ,',
    '401005,福岡県,北九州市,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼ',
    '401013,福岡県,北九州市門司区,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼﾓｼﾞｸ',
    '402028,福岡県,大牟田市,ﾌｸｵｶｹﾝ,ｵｵﾑﾀｼ',
  ].join('\r\n');

  it('inserts a new register from the official file, skipping wards, with kinds and search text', async () => {
    const rows = parsed(OFFICIAL);
    expect(await repository.upsertMany(rows)).toEqual({ inserted: 3, updated: 0 });
    expect(await repository.count()).toBe(3);
    expect(await row('401005')).toMatchObject({
      name: '北九州市',
      kana: 'きたきゅうしゅうし',
      kind: 'DESIGNATED_CITY',
      population: null,
      membership_status: null,
      search_text: expect.stringContaining('きたきゅうしゅうし'),
    });
    expect(await row('400009')).toMatchObject({ name: '福岡県', kana: 'ふくおかけん', kind: 'PREFECTURE' });
    expect(await row('401013')).toBeUndefined();
    const found = await repository.findPage({ search: 'ｵｵﾑﾀ', limit: 10 });
    expect(found.rows.map((m) => m.code)).toEqual(['402028']);
  });

  it('updates by code and keeps membership, joined date and known populations when the file has none', async () => {
    await dataSource.query(
      `UPDATE municipalities SET membership_status = 'MEMBER', joined_on = '2023-05-10', population = 939029 WHERE code = '401005'`,
    );
    const renamed = parsed(
      [
        'code,name,kana,name_en',
        '401005,北九州市,きたきゅうしゅうし,Kitakyushu',
        '402028,大牟田市,おおむたし,Omuta',
        '402036,久留米市,くるめし,Kurume',
      ].join('\n'),
    );
    const progress: Array<[number, number]> = [];
    const result = await repository.upsertMany(renamed, (done, total) => progress.push([done, total]), 2);
    expect(result).toEqual({ inserted: 1, updated: 2 });
    expect(progress).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(await row('401005')).toMatchObject({
      membership_status: 'MEMBER',
      joined_on: '2023-05-10',
      population: 939029,
      search_text: expect.stringContaining('kitakyushu'),
    });
    // The English name is searchable straight away.
    expect((await repository.findPage({ search: 'omuta', limit: 10 })).rows.map((m) => m.code)).toEqual([
      '402028',
    ]);
  });

  it('updates populations when the file has them', async () => {
    const withPopulation = parsed(
      [
        'code,name,kana,population',
        '401005,北九州市,きたきゅうしゅうし,"925,000"',
        '402028,大牟田市,おおむたし,108000',
      ].join('\n'),
    );
    expect(await repository.upsertMany(withPopulation)).toEqual({ inserted: 0, updated: 2 });
    expect(await row('401005')).toMatchObject({ population: 925000, membership_status: 'MEMBER' });
    expect(await row('402028')).toMatchObject({ population: 108000 });
  });

  it('updates the populations a file gives even when some of its rows have none', async () => {
    const mixed = parsed(
      [
        'code,name,kana,population',
        '401005,北九州市,きたきゅうしゅうし,930000',
        '402028,大牟田市,おおむたし,',
      ].join('\n'),
    );
    expect(await repository.upsertMany(mixed)).toEqual({ inserted: 0, updated: 2 });
    expect(await row('401005')).toMatchObject({ population: 930000 });
    expect(await row('402028')).toMatchObject({ population: 108000 });
  });

  it('keeps the English names it knows when the file has none (the official list has no English column)', async () => {
    const official = parsed(
      [
        '団体コード,"都道府県名\n（漢字）","市区町村名\n（漢字）","都道府県名\n（カナ）","市区町村名\n（カナ）"',
        '401005,福岡県,北九州市,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼ',
        '402028,福岡県,大牟田市,ﾌｸｵｶｹﾝ,ｵｵﾑﾀｼ',
      ].join('\r\n'),
    );
    expect(await repository.upsertMany(official)).toEqual({ inserted: 0, updated: 2 });
    const nameEn = async (code: string) =>
      (
        await dataSource.query<Array<{ name_en: string | null }>>(
          'SELECT name_en FROM municipalities WHERE code = $1',
          [code],
        )
      )[0]?.name_en;
    expect(await nameEn('401005')).toBe('Kitakyushu');
    expect(await nameEn('402028')).toBe('Omuta');
    // ...and still found by it.
    expect((await repository.findPage({ search: 'omuta', limit: 10 })).rows.map((m) => m.code)).toEqual([
      '402028',
    ]);
  });

  it('reports a population the register cannot hold, or not written in digits, on its line', () => {
    const { rows, errors } = parseMunicipalityCsv(
      [
        'code,name,kana,population',
        '401005,北九州市,きたきゅうしゅうし,99999999999999999999',
        '402028,大牟田市,おおむたし,1e5',
        '402036,久留米市,くるめし,"300,000"',
      ].join('\n'),
    );
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0].message).toMatch(/population/);
    expect(rows.map((r) => [r.code, r.population])).toEqual([['402036', 300000]]);
  });

  it('writes nothing when any chunk fails (one transaction)', async () => {
    const before = await repository.count();
    const rows: MunicipalityRow[] = [
      ...parsed(['code,name,kana', '402044,直方市,のおがたし', '402052,飯塚市,いいづかし'].join('\n')),
      // A later chunk the database refuses (name longer than the column).
      { ...parsed('code,name,kana\n402061,田川市,たがわし')[0], name: '田'.repeat(101) },
    ];
    await expect(repository.upsertMany(rows, undefined, 2)).rejects.toThrow();
    expect(await repository.count()).toBe(before);
    expect(await row('402044')).toBeUndefined();
  });
});
