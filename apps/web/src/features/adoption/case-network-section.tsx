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
  return (
    <>
      <CaseAdoptions caseStudyId={caseStudy.id} user={user} />
      <CaseInquiries
        caseStudyId={caseStudy.id}
        publisherCode={caseStudy.municipality.code}
        published={caseStudy.status === 'PUBLISHED'}
        user={user}
      />
    </>
  );
}
