import { formatIsoJst } from '@yokoten/case-studies';

/** UTF-8 byte order mark: without it Excel on Windows opens UTF-8 CSV as Shift_JIS and garbles Japanese. */
export const BOM = '\uFEFF';

function cell(value: string | number): string {
  const s = String(value);
  // Formula injection: a cell starting with = + - @ would run in Excel, and so would their full-width
  // forms (＝＋－＠), which a Japanese spreadsheet converts to half-width on input.
  const safe = /^[=+\-@\t\r＝＋－＠]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with CRLF line ends and a BOM, as Excel expects. */
export function toCsv(header: string[], rows: Array<Array<string | number>>): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** 2026/11/21 14:05 in Japan time: Excel reads it as a date-time. */
export function csvDateTimeJst(d: Date): string {
  const iso = formatIsoJst(new Date(d)); // 2026-11-21T14:05:00+09:00
  return `${iso.slice(0, 10).replaceAll('-', '/')} ${iso.slice(11, 16)}`;
}
