import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SimilarCaseStudiesDocument, type CaseStudyDetailFragment } from '../../graphql/generated/graphql';
import { sectionTitle } from '../../shared/ui-classes';
import { CaseCard } from './case-card';

const LIMIT = 4;

/**
 * 似ている事例 (cases sharing this one's themes), from the API's similarCaseStudies. Nothing is shown while
 * it loads, when it fails or when there is none: this panel is a suggestion, not part of the case.
 */
export function SimilarCases({ caseStudy }: { caseStudy: CaseStudyDetailFragment }) {
  const { t } = useTranslation();
  const { data } = useQuery(SimilarCaseStudiesDocument, {
    variables: { id: caseStudy.id, limit: LIMIT },
    // Only published cases have neighbours in the index.
    skip: caseStudy.status !== 'PUBLISHED',
  });
  const similar = data?.similarCaseStudies.filter((item) => item.id !== caseStudy.id) ?? [];
  if (similar.length === 0) return null;
  return (
    <section aria-labelledby="case-similar" className="mt-12 border-t border-solid-gray-420 pt-8">
      <h2 id="case-similar" className={sectionTitle}>
        {t('case.similarHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170 text-solid-gray-700">{t('case.similarLead')}</p>
      <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        {similar.map((item) => (
          <li key={item.id}>
            <CaseCard caseStudy={item} headingLevel={3} />
          </li>
        ))}
      </ul>
    </section>
  );
}
