import { useQuery } from '@apollo/client/react';
import { PrecedentMunicipalityByCodeDocument } from '../../graphql/generated/graphql';
import { useCurrentUser } from '../auth/use-current-user';
import { CaseInquiries } from '../inquiries/case-inquiries';
import { CaseAdoptions } from './case-adoptions';

/**
 * 横展開 and 問い合わせ of a case, as one block the case page shows below its content: who followed it
 * (timelines and the chain of spread, the officer's own record) and the question threads.
 */
export function CaseNetworkSection({
  caseStudy,
}: {
  caseStudy: { id: string; status: string; municipality: { code: string } };
}) {
  const { user } = useCurrentUser();
  // Only officers of member municipalities record adoptions and ask (the API refuses the others).
  const ownCode = user?.role === 'OFFICER' ? user.municipality?.code : undefined;
  const { data } = useQuery(PrecedentMunicipalityByCodeDocument, {
    variables: { code: ownCode ?? '' },
    skip: !ownCode,
  });
  // undefined while it is being looked up: neither the form nor the refusal flashes meanwhile
  const member = data ? data.municipality?.membershipStatus === 'MEMBER' : undefined;
  return (
    <>
      <CaseAdoptions caseStudyId={caseStudy.id} user={user} member={member} />
      <CaseInquiries
        caseStudyId={caseStudy.id}
        publisherCode={caseStudy.municipality.code}
        published={caseStudy.status === 'PUBLISHED'}
        user={user}
        member={member}
      />
    </>
  );
}
