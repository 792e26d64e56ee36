import { useTranslation } from 'react-i18next';
import type { SessionCountsFragment } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';

/** Seats taken as a bar (decoration) with the same figures in words, which is what screen readers read. */
export function CapacityBar({ session, compact }: { session: SessionCountsFragment; compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const n = (value: number) => formatNumber(value, language);
  const share = Math.min(1, Math.max(0, session.fillRate));
  const percent = Math.round(share * 100);
  const full = session.remainingSeats === 0;
  return (
    <div className={compact ? 'mt-2' : 'mt-3'}>
      <div
        aria-hidden="true"
        className={`${compact ? 'h-2' : 'h-3'} w-full overflow-hidden rounded-full bg-solid-gray-100 ring-1 ring-solid-gray-420`}
      >
        <div
          className={`h-full rounded-full ${full ? 'bg-orange-800' : 'bg-blue-900'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">
        {t('sessions.capacity.confirmed', {
          confirmed: n(session.confirmedCount),
          capacity: n(session.capacity),
          percent,
        })}
        {language === 'ja' ? '　' : ' · '}
        <strong className="text-std-16B-170">
          {full
            ? t('sessions.capacity.full')
            : t('sessions.capacity.remaining', { formatted: n(session.remainingSeats) })}
        </strong>
        {session.waitlistCount > 0 && (
          <>
            {language === 'ja' ? '　' : ' · '}
            {t('sessions.capacity.waitlist', { formatted: n(session.waitlistCount) })}
          </>
        )}
        {session.appliedCount > 0 && (
          <>
            {language === 'ja' ? '　' : ' · '}
            {t('sessions.capacity.applied', { formatted: n(session.appliedCount) })}
          </>
        )}
      </p>
    </div>
  );
}
