import { BOM, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with a BOM, uses CRLF and quotes what needs quoting', () => {
    const csv = toCsv(
      ['氏名', '自治体'],
      [
        ['佐藤 陽菜', '北九州市'],
        ['"Kaga", Inc.', 'line\nbreak'],
      ],
    );
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('氏名,自治体\r\n佐藤 陽菜,北九州市\r\n"""Kaga"", Inc.","line\nbreak"\r\n');
  });

  it('defuses spreadsheet formulas', () => {
    expect(
      toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], [-3]])
        .split('\r\n')
        .slice(1, 5),
    ).toEqual([`"'=HYPERLINK(""http://evil"")"`, "'+1", "'@SUM(A1)", "'-3"]);
  });

  it('defuses full-width formula starters too', () => {
    expect(
      toCsv(['x'], [['＝1+1'], ['＋1'], ['－1'], ['＠SUM(A1)']])
        .split('\r\n')
        .slice(1, 5),
    ).toEqual(["'＝1+1", "'＋1", "'－1", "'＠SUM(A1)"]);
  });
});
