import type {
  ExchangeSessionStatus,
  RegistrationStatus,
  SessionFormat,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { registrationStatusLabel, sessionFormatLabel, sessionStatusLabel } from './labels';

const badge = 'inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130';

const statusTone: Record<ExchangeSessionStatus, string> = {
  DRAFT: 'border-orange-800 bg-orange-50 text-orange-1100',
  OPEN: 'border-green-800 bg-green-50 text-green-1000',
  CLOSED: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
  FINISHED: 'border-solid-gray-600 bg-white text-solid-gray-800',
  CANCELLED: 'border-error-1 bg-red-50 text-error-2',
};

/** 準備中 / 申込受付中 / 申込受付終了 / 開催済み / 中止 (受付 alone would read as 当日受付 too). */
export function SessionStatusBadge({ status }: { status: ExchangeSessionStatus }) {
  return (
    <span className={`${badge} ${statusTone[status] ?? statusTone.CLOSED}`}>
      {sessionStatusLabel(status, currentLanguage())}
    </span>
  );
}

const formatTone: Record<SessionFormat, string> = {
  ONLINE: 'border-blue-900 bg-blue-50 text-blue-1000',
  ONSITE: 'border-purple-800 bg-purple-50 text-purple-1000',
  HYBRID: 'border-cyan-900 bg-cyan-50 text-cyan-1100',
};

/** オンライン / 会場開催 / ハイブリッド. */
export function FormatBadge({ format }: { format: SessionFormat }) {
  return (
    <span className={`${badge} ${formatTone[format] ?? formatTone.ONLINE}`}>
      {sessionFormatLabel(format, currentLanguage())}
    </span>
  );
}

const registrationTone: Record<RegistrationStatus, string> = {
  CONFIRMED: 'border-green-800 bg-green-50 text-green-1000',
  WAITLISTED: 'border-orange-800 bg-orange-50 text-orange-1100',
  APPLIED: 'border-blue-900 bg-blue-50 text-blue-1000',
  CANCELLED: 'border-solid-gray-600 bg-white text-solid-gray-800',
};

/** 参加確定 / キャンセル待ち / 抽選待ち / キャンセル済み. */
export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  return (
    <span className={`${badge} ${registrationTone[status] ?? registrationTone.CANCELLED}`}>
      {registrationStatusLabel(status, currentLanguage())}
    </span>
  );
}
