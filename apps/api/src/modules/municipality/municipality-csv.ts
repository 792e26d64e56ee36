import { parse } from 'csv-parse/sync';
import {
  MUNICIPALITY_KINDS,
  completeMunicipalityCode,
  inferMunicipalityKind,
  isAdministrativeWard,
  isValidMunicipalityCode,
  katakanaToHiragana,
  prefectureByCode,
  prefectureCodeOf,
  type MunicipalityKind,
} from '@yokoten/case-studies';
import type { MunicipalityRow } from './municipality.repository';

export interface CsvProblem {
  line: number;
  message: string;
}

export interface ParsedMunicipalityCsv {
  rows: Array<MunicipalityRow & { line: number }>;
  errors: CsvProblem[];
  /** Rows deliberately left out, e.g. wards of designated cities (not local governments). */
  skipped: CsvProblem[];
}

/** Header spellings we accept: the official 総務省 list (Japanese, as exported from its Excel file) and our own. */
type Field =
  'code' | 'prefectureName' | 'name' | 'prefectureKana' | 'kana' | 'nameEn' | 'kind' | 'population';
const HEADERS: Record<string, Field> = {
  団体コード: 'code',
  code: 'code',
  '都道府県名(漢字)': 'prefectureName',
  '市区町村名(漢字)': 'name',
  name: 'name',
  '都道府県名(カナ)': 'prefectureKana',
  '市区町村名(カナ)': 'kana',
  kana: 'kana',
  name_en: 'nameEn',
  nameen: 'nameEn',
  kind: 'kind',
  種別: 'kind',
  population: 'population',
  人口: 'population',
};

/** Larger than any local government (Tokyo: 14 million), and within the register's integer column. */
const MAX_POPULATION = 100_000_000;

const normalizeHeader = (h: string) => h.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The official file is Shift_JIS; exports from newer tools are UTF-8 (with or without BOM). */
export function decodeCsv(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('shift_jis').decode(buffer);
  }
}

/** What a five-digit code probably was: the five-digit form without its check digit, or a code a spreadsheet saved as a number. */
function codeHint(code: string): string {
  if (!/^[0-9]{5}$/.test(code)) return '';
  const hints: string[] = [];
  if (isValidMunicipalityCode(`0${code}`))
    hints.push(`0${code}, if a spreadsheet dropped its leading zero (save the column as text)`);
  const completed = completeMunicipalityCode(code);
  if (isValidMunicipalityCode(completed)) hints.push(`${completed}, with its check digit`);
  return hints.length ? `: did you mean ${hints.join(', or ')}?` : '';
}

function toHiragana(kana: string): string {
  // Half-width katakana (ｷﾀｷｭｳｼｭｳｼ) → full width → hiragana.
  return katakanaToHiragana(kana.normalize('NFKC')).replace(/\s+/g, '');
}

/**
 * Parses and validates a municipality code list. Every bad row is reported with its line number
 * (the physical line in the file, 1-based: a header cell with line breaks counts each of its lines, as an editor shows it), so the file can be fixed before anything is written.
 */
export function parseMunicipalityCsv(text: string): ParsedMunicipalityCsv {
  const records = parse(text, {
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const errors: CsvProblem[] = [];
  const skipped: CsvProblem[] = [];
  const rows: ParsedMunicipalityCsv['rows'] = [];
  if (records.length === 0) return { rows, errors: [{ line: 1, message: 'the file is empty' }], skipped };

  const header = records[0].record.map(
    (h) => HEADERS[normalizeHeader(h)] ?? HEADERS[h.normalize('NFKC').replace(/\s+/g, '')],
  );
  const col = (field: Field) => header.indexOf(field);
  if (col('code') < 0 || (col('name') < 0 && col('prefectureName') < 0)) {
    return {
      rows,
      errors: [
        { line: 1, message: 'header must name the columns 団体コード (code) and 市区町村名（漢字） (name)' },
      ],
      skipped,
    };
  }
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (field: Field) => (col(field) >= 0 ? (record[col(field)] ?? '').trim() : '');
    const code = get('code').normalize('NFKC');
    const problems: string[] = [];
    if (!code) problems.push('団体コード is empty');
    else if (!isValidMunicipalityCode(code)) {
      problems.push(`団体コード "${code}" is not a valid 6-digit code (check digit)${codeHint(code)}`);
    }
    const prefectureCode = /^\d{2}/.test(code) ? code.slice(0, 2) : '';
    const prefecture = prefectureByCode(prefectureCode);
    const name = get('name') || get('prefectureName');
    const kanaSource = get('name') ? get('kana') : get('prefectureKana') || get('kana');
    if (!name) problems.push('name is empty');
    if (prefecture && get('prefectureName') && get('prefectureName') !== prefecture.name) {
      problems.push(`都道府県名 "${get('prefectureName')}" does not match code ${code} (${prefecture.name})`);
    }
    if (name && isAdministrativeWard(name)) {
      skipped.push({ line, message: `${name}: a ward of a designated city, not a local government` });
      continue;
    }
    const kana = toHiragana(kanaSource);
    if (!kana) problems.push('kana is empty');
    else if (!/^[\u3041-\u309f\u30fc・]+$/.test(kana))
      problems.push(`kana "${kanaSource}" must be written in kana`);
    let kind: MunicipalityKind | undefined;
    const givenKind = get('kind').toUpperCase();
    if (givenKind) {
      if ((MUNICIPALITY_KINDS as readonly string[]).includes(givenKind)) kind = givenKind as MunicipalityKind;
      else problems.push(`kind "${get('kind')}" must be one of ${MUNICIPALITY_KINDS.join(', ')}`);
    } else if (name && isValidMunicipalityCode(code)) {
      kind = inferMunicipalityKind(code, name);
      if (!kind) problems.push(`cannot tell the kind of "${name}": add a kind column`);
    }
    let population: number | null = null;
    const rawPopulation = get('population').normalize('NFKC').replace(/,/g, '');
    if (rawPopulation) {
      // Digits only: Number() would also read "1e5" or "0x10".
      population = /^\d+$/.test(rawPopulation) ? Number(rawPopulation) : NaN;
      if (!Number.isInteger(population))
        problems.push(`population "${get('population')}" must be a whole number`);
      else if (population > MAX_POPULATION)
        problems.push(`population "${get('population')}" is too large (at most ${MAX_POPULATION})`);
    }
    if (isValidMunicipalityCode(code) && seen.has(code))
      problems.push(`code ${code} appears again (first on line ${seen.get(code)})`);
    if (problems.length) {
      errors.push({ line, message: problems.join('; ') });
      continue;
    }
    seen.set(code, line);
    rows.push({
      line,
      code,
      name,
      kana,
      nameEn: get('nameEn') || null,
      prefectureCode: prefectureCodeOf(code),
      kind: kind as MunicipalityKind,
      population,
      membershipStatus: null,
      joinedOn: null,
    });
  }
  return { rows, errors, skipped };
}
