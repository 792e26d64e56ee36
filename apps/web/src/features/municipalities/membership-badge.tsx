import type { MembershipStatus } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { membershipStatusLabel } from '../../shared/domain-labels';

const tone: Record<MembershipStatus, string> = {
  MEMBER: 'border-green-800 bg-green-50 text-green-1000',
  APPLICANT: 'border-orange-800 bg-orange-50 text-orange-1100',
  WITHDRAWN: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-800',
};

export function MembershipBadge({ status }: { status: MembershipStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full border px-3 py-0.5 text-dns-14B-130 ${tone[status]}`}>
      {membershipStatusLabel(status, currentLanguage())}
    </span>
  );
}
