import { isPrefectureLevelCode } from './municipality-code';
import type { MunicipalityKind } from './taxonomy';

/** The 20 政令指定都市 (designated cities), by 全国地方公共団体コード. */
export const DESIGNATED_CITY_CODES: ReadonlySet<string> = new Set([
  '011002', // 札幌市
  '041009', // 仙台市
  '111007', // さいたま市
  '121002', // 千葉市
  '141003', // 横浜市
  '141305', // 川崎市
  '141500', // 相模原市
  '151009', // 新潟市
  '221007', // 静岡市
  '221309', // 浜松市
  '231002', // 名古屋市
  '261009', // 京都市
  '271004', // 大阪市
  '271403', // 堺市
  '281000', // 神戸市
  '331007', // 岡山市
  '341002', // 広島市
  '401005', // 北九州市
  '401307', // 福岡市
  '431001', // 熊本市
]);

/**
 * A ward of a designated city (行政区, e.g. 札幌市中央区) has a code of its own in the official list
 * but is not a local government: the register skips it.
 */
export function isAdministrativeWard(name: string): boolean {
  return /市.+区$/.test(name);
}

/**
 * The kind of a local government from its code and official name, for code lists that do not say
 * (the official list does not). 中核市 cannot be told from the name: those come in as CITY unless
 * the file says otherwise.
 */
export function inferMunicipalityKind(code: string, name: string): MunicipalityKind | undefined {
  if (isPrefectureLevelCode(code)) return 'PREFECTURE';
  if (DESIGNATED_CITY_CODES.has(code)) return 'DESIGNATED_CITY';
  if (isAdministrativeWard(name)) return undefined;
  if (code.startsWith('131') && name.endsWith('区')) return 'SPECIAL_WARD';
  if (name.endsWith('市')) return 'CITY';
  if (name.endsWith('町')) return 'TOWN';
  if (name.endsWith('村')) return 'VILLAGE';
  return undefined;
}
