import { formatDateTimeJst } from '@yokoten/case-studies';
import type { Language } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';

const MAN = 10_000;
const OKU = 100_000_000;

function trimmed(value: number, digits: number): string {
  // 1.0億 reads worse than 1億: drop a trailing zero decimal.
  return Number(value.toFixed(digits)).toString();
}

/**
 * A budget as municipal documents write it: `95,000,000円` and `約9,500万円`, because a row of zeros is hard
 * to read at a glance. English: `¥95,000,000` and `about ¥95 million`.
 */
export function formatYen(value: number, language: Language): { exact: string; approx?: string } {
  const exact =
    language === 'ja' ? `${formatNumber(value, language)}円` : `¥${formatNumber(value, language)}`;
  if (language === 'ja') {
    if (value >= OKU) return { exact, approx: `約${trimmed(value / OKU, value >= 10 * OKU ? 0 : 1)}億円` };
    if (value >= MAN) return { exact, approx: `約${formatNumber(Math.round(value / MAN), language)}万円` };
    return { exact };
  }
  if (value >= 1_000_000_000) return { exact, approx: `about ¥${trimmed(value / 1_000_000_000, 1)} billion` };
  if (value >= 1_000_000) return { exact, approx: `about ¥${trimmed(value / 1_000_000, 1)} million` };
  return { exact };
}

/** `約9,500万円（95,000,000円）` in one string: the rounded figure to read, the exact one beside. */
export function formatYenShort(value: number, language: Language): string {
  const { exact, approx } = formatYen(value, language);
  if (!approx) return exact;
  return language === 'ja' ? `${approx}（${exact}）` : `${approx} (${exact})`;
}

/** An ISO date-time from the API as a JST date and time: 2026年5月10日 14:32. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTimeJst(date, language);
}

/** hh:mm in Japan time, for 「保存しました 14:32」: the library's, shared with the API. */
export { formatClockJst } from '@yokoten/case-studies';

/** A measured value: 412, 1,234.5; null is shown by the caller. */
export function formatMeasure(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 2 }).format(
    value,
  );
}
