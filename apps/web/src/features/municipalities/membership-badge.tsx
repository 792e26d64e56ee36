import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { membershipStatusLabel } from '../../shared/domain-labels';

const tone: Record<MembershipStatus | 'NONE', string> = {
  MEMBER: 'border-green-800 bg-green-50 text-green-1000',
  APPLICANT: 'border-orange-800 bg-orange-50 text-orange-1100',
  WITHDRAWN: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
  NONE: 'border-solid-gray-600 bg-white text-solid-gray-800',
};

/** A municipality's membership; `null` is one in the register that is not in the network. */
export function MembershipBadge({ status }: { status: MembershipStatus | null }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130 ${tone[status ?? 'NONE']}`}
    >
      {status ? membershipStatusLabel(status, currentLanguage()) : t('common.notInNetwork')}
    </span>
  );
}
