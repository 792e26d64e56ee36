import type { Lang, LabelMap } from '../labels';
import { JST_OFFSET_MS } from '../jst';
import { isOneOf } from '../taxonomy';

/** 定期共有会: a session is a DRAFT until the organiser opens registration. */
export const EXCHANGE_SESSION_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'FINISHED', 'CANCELLED'] as const;
export type ExchangeSessionStatus = (typeof EXCHANGE_SESSION_STATUSES)[number];
export const EXCHANGE_SESSION_STATUS_LABELS: LabelMap<ExchangeSessionStatus> = {
  DRAFT: { ja: '準備中', en: 'Draft' },
  OPEN: { ja: '申込受付中', en: 'Registration open' },
  CLOSED: { ja: '申込受付終了', en: 'Registration closed' },
  FINISHED: { ja: '開催済み', en: 'Finished' },
  CANCELLED: { ja: '中止', en: 'Cancelled' },
};
export const isExchangeSessionStatus = (value: unknown): value is ExchangeSessionStatus =>
  isOneOf(EXCHANGE_SESSION_STATUSES, value);

export const SESSION_FORMATS = ['ONLINE', 'ONSITE', 'HYBRID'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_FORMAT_LABELS: LabelMap<SessionFormat> = {
  ONLINE: { ja: 'オンライン', en: 'Online' },
  ONSITE: { ja: '会場開催', en: 'On site' },
  HYBRID: { ja: 'ハイブリッド', en: 'Hybrid' },
};
export const isSessionFormat = (value: unknown): value is SessionFormat => isOneOf(SESSION_FORMATS, value);

/** Whether a format needs a venue and/or a meeting URL before registration opens. */
export function formatNeeds(format: SessionFormat): { venue: boolean; meetingUrl: boolean } {
  return { venue: format !== 'ONLINE', meetingUrl: format !== 'ONSITE' };
}

/** APPLIED exists only in lottery mode, between an application and the draw at close. */
export const REGISTRATION_STATUSES = ['CONFIRMED', 'WAITLISTED', 'APPLIED', 'CANCELLED'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: LabelMap<RegistrationStatus> = {
  CONFIRMED: { ja: '参加確定', en: 'Confirmed' },
  WAITLISTED: { ja: 'キャンセル待ち', en: 'Waitlisted' },
  APPLIED: { ja: '抽選待ち', en: 'Awaiting the draw' },
  CANCELLED: { ja: 'キャンセル済み', en: 'Cancelled' },
};
export const isRegistrationStatus = (value: unknown): value is RegistrationStatus =>
  isOneOf(REGISTRATION_STATUSES, value);

/** FIRST_COME: seats go in arrival order; LOTTERY (抽選): every application in the window is drawn at close. */
export const ALLOCATION_MODES = ['FIRST_COME', 'LOTTERY'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];
export const ALLOCATION_MODE_LABELS: LabelMap<AllocationMode> = {
  FIRST_COME: { ja: '先着順', en: 'First come, first served' },
  LOTTERY: { ja: '抽選', en: 'Lottery' },
};

export const AGENDA_ITEM_KINDS = [
  'OPENING',
  'KEYNOTE',
  'CASE_PRESENTATION',
  'DECLARATION',
  'TABLE_DISCUSSION',
  'OTHER',
] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const AGENDA_ITEM_KIND_LABELS: LabelMap<AgendaItemKind> = {
  OPENING: { ja: '開会', en: 'Opening' },
  KEYNOTE: { ja: '基調講演', en: 'Keynote' },
  CASE_PRESENTATION: { ja: '事例発表', en: 'Case presentation' },
  DECLARATION: { ja: '共同宣言', en: 'Joint declaration' },
  TABLE_DISCUSSION: { ja: 'テーマ別情報交換', en: 'Theme table discussion' },
  OTHER: { ja: 'その他', en: 'Other' },
};

/** Capacity shares at which the organiser is told how full a session is. */
export const CAPACITY_ALERT_PERCENTS = [50, 80, 100] as const;

/** The highest alert threshold reached by `confirmed` of `capacity` (0 when none). */
export function capacityAlertLevel(confirmed: number, capacity: number): number {
  if (capacity <= 0) return 0;
  let level = 0;
  for (const p of CAPACITY_ALERT_PERCENTS) if (confirmed * 100 >= p * capacity) level = p;
  return level;
}

// ---- Terms (半期): the network meets twice a fiscal year, 上期 April–September and 下期 October–March.

const TERM = /^(\d{4})H([12])$/;

export interface Term {
  fiscalYear: number;
  half: 1 | 2;
}

export function parseTerm(value: string): Term | null {
  const m = TERM.exec(value);
  if (!m) return null;
  const fiscalYear = Number(m[1]);
  if (fiscalYear < 2000 || fiscalYear > 2200) return null;
  return { fiscalYear, half: m[2] === '1' ? 1 : 2 };
}

export function isTerm(value: unknown): value is string {
  return typeof value === 'string' && parseTerm(value) !== null;
}

export function termCode(term: Term): string {
  return `${term.fiscalYear}H${term.half}`;
}

/** `2026H1` → ja `2026年度上期`, en `FY2026 H1 (Apr–Sep)`. */
export function formatTerm(value: string, lang: Lang): string {
  const term = parseTerm(value);
  if (!term) throw new RangeError(`Not a term (expected e.g. 2026H1): ${value}`);
  if (lang === 'ja') return `${term.fiscalYear}年度${term.half === 1 ? '上期' : '下期'}`;
  return `FY${term.fiscalYear} H${term.half} (${term.half === 1 ? 'Apr–Sep' : 'Oct–Mar'})`;
}

/** The half a given instant falls in, in Japan time. */
export function termOf(date: Date): string {
  const jst = new Date(date.getTime() + JST_OFFSET_MS);
  const month = jst.getUTCMonth(); // 0 = January
  const year = jst.getUTCFullYear();
  const fiscalYear = month >= 3 ? year : year - 1;
  const half = month >= 3 && month <= 8 ? 1 : 2;
  return termCode({ fiscalYear, half });
}

/** `[start, end)` of a term: 1 April or 1 October 00:00 JST, end exclusive. */
export function termRange(value: string): { start: Date; end: Date } {
  const term = parseTerm(value);
  if (!term) throw new RangeError(`Not a term (expected e.g. 2026H1): ${value}`);
  const startMonth = term.half === 1 ? 3 : 9;
  const start = new Date(Date.UTC(term.fiscalYear, startMonth, 1) - JST_OFFSET_MS);
  const end = new Date(Date.UTC(term.fiscalYear, startMonth + 6, 1) - JST_OFFSET_MS);
  return { start, end };
}
