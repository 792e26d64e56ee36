import { decodeCsv, parseMunicipalityCsv } from './municipality-csv';

/**
 * The official 総務省 list saved as CSV from Excel: line breaks inside four header cells (LF), CRLF between
 * rows. The header therefore takes physical lines 1–5 and the first municipality is on line 6.
 */
const OFFICIAL_HEADER =
  '団体コード,"都道府県名\n（漢字）","市区町村名\n（漢字）","都道府県名\n（カナ）","市区町村名\n（カナ）"';
const official = (...rows: string[]) => [OFFICIAL_HEADER, ...rows].join('\r\n') + '\r\n';

describe('parseMunicipalityCsv', () => {
  describe('the official list (Japanese headers, half-width kana)', () => {
    const result = parseMunicipalityCsv(
      official(
        '010006,北海道,,ﾎｯｶｲﾄﾞｳ,', // line 6: the prefecture itself
        '011002,北海道,札幌市,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼ', // line 7
        '011011,北海道,札幌市中央区,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼﾁｭｳｵｳｸ', // line 8: a ward of a designated city
        '012041,北海道,旭川市,ﾎｯｶｲﾄﾞｳ,ｱｻﾋｶﾜｼ', // line 9
        '016331,北海道,上士幌町,ﾎｯｶｲﾄﾞｳ,ｶﾐｼﾎﾛﾁｮｳ', // line 10
        '131016,東京都,千代田区,ﾄｳｷｮｳﾄ,ﾁﾖﾀﾞｸ', // line 11
        '133078,東京都,檜原村,ﾄｳｷｮｳﾄ,ﾋﾉﾊﾗﾑﾗ', // line 12
        '401005,福岡県,北九州市,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼ', // line 13
      ),
    );

    it('reads every municipality with no errors', () => {
      expect(result.errors).toEqual([]);
      expect(result.rows.map((r) => r.code)).toEqual([
        '010006',
        '011002',
        '012041',
        '016331',
        '131016',
        '133078',
        '401005',
      ]);
    });

    it('turns half-width katakana readings into hiragana (voiced and small kana included)', () => {
      const kana = Object.fromEntries(result.rows.map((r) => [r.code, r.kana]));
      expect(kana).toEqual({
        '010006': 'ほっかいどう',
        '011002': 'さっぽろし',
        '012041': 'あさひかわし',
        '016331': 'かみしほろちょう',
        '131016': 'ちよだく',
        '133078': 'ひのはらむら',
        '401005': 'きたきゅうしゅうし',
      });
    });

    it('reads a prefecture row from the prefecture columns', () => {
      expect(result.rows[0]).toEqual({
        line: 6,
        code: '010006',
        name: '北海道',
        kana: 'ほっかいどう',
        nameEn: null,
        prefectureCode: '01',
        kind: 'PREFECTURE',
        population: null,
        membershipStatus: null,
        joinedOn: null,
      });
    });

    it('infers each kind from the code and the name (中核市 cannot be told, so CITY)', () => {
      const kinds = Object.fromEntries(result.rows.map((r) => [r.code, r.kind]));
      expect(kinds).toEqual({
        '010006': 'PREFECTURE',
        '011002': 'DESIGNATED_CITY',
        '012041': 'CITY',
        '016331': 'TOWN',
        '131016': 'SPECIAL_WARD',
        '133078': 'VILLAGE',
        '401005': 'DESIGNATED_CITY',
      });
    });

    it('skips wards of designated cities, saying which line and why', () => {
      expect(result.skipped).toEqual([{ line: 8, message: expect.stringContaining('札幌市中央区') }]);
    });

    it('numbers rows by their physical line, counting the five lines of the header', () => {
      expect(result.rows.map((r) => r.line)).toEqual([6, 7, 9, 10, 11, 12, 13]);
    });
  });

  describe('reporting bad rows', () => {
    it('reports a bad check digit with its physical line and code, and keeps the good rows', () => {
      const { rows, errors } = parseMunicipalityCsv(
        official(
          '011002,北海道,札幌市,ﾎｯｶｲﾄﾞｳ,ｻｯﾎﾟﾛｼ', // line 6
          '', // line 7: blank
          '401006,福岡県,北九州市,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼ', // line 8: the check digit should be 5
          '012041,北海道,旭川市,ﾎｯｶｲﾄﾞｳ,ｱｻﾋｶﾜｼ', // line 9
        ),
      );
      expect(errors).toEqual([{ line: 8, message: expect.stringMatching(/401006.*check digit/) }]);
      expect(rows.map((r) => r.code)).toEqual(['011002', '012041']);
    });

    it('reports a duplicate code on its second line, naming the first', () => {
      const { rows, errors } = parseMunicipalityCsv(
        [
          'code,name,kana',
          '401005,北九州市,きたきゅうしゅうし',
          '401307,福岡市,ふくおかし',
          '401005,北九州市,きたきゅうしゅうし',
        ].join('\n'),
      );
      expect(errors).toEqual([{ line: 4, message: expect.stringContaining('first on line 2') }]);
      expect(rows.map((r) => r.code)).toEqual(['401005', '401307']);
    });

    it('reports a prefecture name that does not match the code', () => {
      const { errors } = parseMunicipalityCsv(official('012084,青森県,北見市,ｱｵﾓﾘｹﾝ,ｷﾀﾐｼ'));
      expect(errors).toEqual([{ line: 6, message: expect.stringMatching(/青森県.*012084.*北海道/) }]);
    });

    it.each([
      ['a reading not in kana', '401005,北九州市,kitakyushu', /must be written in kana/],
      ['an empty reading', '401005,北九州市,', /kana is empty/],
      ['an empty name', '401005,,きたきゅうしゅうし', /name is empty/],
      ['a name whose kind cannot be told', '402028,大牟田,おおむた', /cannot tell the kind/],
      ['a code with letters', '40100A,北九州市,きたきゅうしゅうし', /not a valid 6-digit code/],
      ['a five-digit code', '40100,北九州市,きたきゅうしゅうし', /not a valid 6-digit code/],
      // The five-digit form (e-Stat) names the full code; a code whose leading zero a spreadsheet dropped
      // (札幌市 011002 saved as 11002) names the code it probably was.
      ['an empty code', ',北九州市,きたきゅうしゅうし', /団体コード is empty/],
      ['a code without its check digit', '40100,北九州市,きたきゅうしゅうし', /401005/],
      [
        'a code that lost its leading zero',
        '11002,札幌市,さっぽろし',
        /011002, if a spreadsheet dropped its leading zero/,
      ],
    ])('reports %s', (_what, line, message) => {
      const { rows, errors } = parseMunicipalityCsv(`code,name,kana\n${line}\n`);
      expect(rows).toEqual([]);
      expect(errors).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
    });

    it('puts every problem of one row in one message', () => {
      const { errors } = parseMunicipalityCsv('code,name,kana,population\n401006,北九州市,kita,many\n');
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toMatch(/check digit/);
      expect(errors[0].message).toMatch(/kana/);
      expect(errors[0].message).toMatch(/population/);
    });

    it('rejects a header without a code column, on line 1', () => {
      expect(parseMunicipalityCsv('name,kana\n北九州市,きたきゅうしゅうし\n')).toEqual({
        rows: [],
        errors: [{ line: 1, message: expect.stringContaining('団体コード') }],
        skipped: [],
      });
    });

    it('rejects an empty file', () => {
      expect(parseMunicipalityCsv('').errors).toEqual([{ line: 1, message: 'the file is empty' }]);
    });
  });

  describe('our own columns (code, name, kana, name_en, kind, population)', () => {
    it('reads English names, explicit kinds in any case, and populations with separators or full-width digits', () => {
      const { rows, errors } = parseMunicipalityCsv(
        [
          'code,name,kana,name_en,kind,population',
          '012041,旭川市,あさひかわし,Asahikawa,core_city,"329,306"',
          '４０１００５,北九州市,キタキュウシュウシ,Kitakyushu,,９３９０２９',
        ].join('\n'),
      );
      expect(errors).toEqual([]);
      expect(rows).toEqual([
        expect.objectContaining({
          code: '012041',
          nameEn: 'Asahikawa',
          kind: 'CORE_CITY',
          population: 329306,
        }),
        expect.objectContaining({
          code: '401005',
          kana: 'きたきゅうしゅうし',
          kind: 'DESIGNATED_CITY',
          population: 939029,
        }),
      ]);
    });

    it.each([
      ['an unknown kind', 'CASTLE', '100', /kind "CASTLE"/],
      ['a negative population', 'CITY', '-5', /population "-5"/],
      ['a fractional population', 'CITY', '12.5', /population "12.5"/],
    ])('reports %s', (_what, kind, population, message) => {
      const { errors } = parseMunicipalityCsv(
        `code,name,kana,kind,population\n012041,旭川市,あさひかわし,${kind},${population}\n`,
      );
      expect(errors).toEqual([{ line: 2, message: expect.stringMatching(message) }]);
    });
  });
});

describe('decodeCsv', () => {
  // Shift_JIS bytes written out by hand (TextEncoder only encodes UTF-8); checked against the JIS X 0208 table.
  const SJIS = {
    団体コード: [0x92, 0x63, 0x91, 0xcc, 0x83, 0x52, 0x81, 0x5b, 0x83, 0x68],
    都道府県名: [0x93, 0x73, 0x93, 0xb9, 0x95, 0x7b, 0x8c, 0xa7, 0x96, 0xbc],
    市区町村名: [0x8e, 0x73, 0x8b, 0xe6, 0x92, 0xac, 0x91, 0xba, 0x96, 0xbc],
    '（漢字）': [0x81, 0x69, 0x8a, 0xbf, 0x8e, 0x9a, 0x81, 0x6a],
    '（カナ）': [0x81, 0x69, 0x83, 0x4a, 0x83, 0x69, 0x81, 0x6a],
    福岡県: [0x95, 0x9f, 0x89, 0xaa, 0x8c, 0xa7],
    北九州市: [0x96, 0x6b, 0x8b, 0xe3, 0x8f, 0x42, 0x8e, 0x73],
    // Half-width katakana are single bytes 0xA1–0xDF in Shift_JIS.
    ﾌｸｵｶｹﾝ: [0xcc, 0xb8, 0xb5, 0xb6, 0xb9, 0xdd],
    ｷﾀｷｭｳｼｭｳｼ: [0xb7, 0xc0, 0xb7, 0xad, 0xb3, 0xbc, 0xad, 0xb3, 0xbc],
  } as const;
  const ascii = (s: string) => [...Buffer.from(s, 'ascii')];
  const sjisFile = Buffer.from([
    ...SJIS.団体コード,
    ...ascii(','),
    ...SJIS.都道府県名,
    ...SJIS['（漢字）'],
    ...ascii(','),
    ...SJIS.市区町村名,
    ...SJIS['（漢字）'],
    ...ascii(','),
    ...SJIS.都道府県名,
    ...SJIS['（カナ）'],
    ...ascii(','),
    ...SJIS.市区町村名,
    ...SJIS['（カナ）'],
    ...ascii('\r\n401005,'),
    ...SJIS.福岡県,
    ...ascii(','),
    ...SJIS.北九州市,
    ...ascii(','),
    ...SJIS.ﾌｸｵｶｹﾝ,
    ...ascii(','),
    ...SJIS.ｷﾀｷｭｳｼｭｳｼ,
    ...ascii('\r\n'),
  ]);

  it('decodes a Shift_JIS file (the official list as 総務省 publishes it)', () => {
    expect(decodeCsv(sjisFile)).toBe(
      '団体コード,都道府県名（漢字）,市区町村名（漢字）,都道府県名（カナ）,市区町村名（カナ）\r\n' +
        '401005,福岡県,北九州市,ﾌｸｵｶｹﾝ,ｷﾀｷｭｳｼｭｳｼ\r\n',
    );
  });

  it('parses a decoded Shift_JIS file end to end', () => {
    const { rows, errors } = parseMunicipalityCsv(decodeCsv(sjisFile));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, code: '401005', name: '北九州市', kana: 'きたきゅうしゅうし' }),
    ]);
  });

  it('reads UTF-8 as it is and drops a byte-order mark', () => {
    const text = 'code,name,kana\n401005,北九州市,きたきゅうしゅうし\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
    expect(parseMunicipalityCsv(decodeCsv(Buffer.from('\ufeff' + text, 'utf8'))).rows).toHaveLength(1);
  });
});
