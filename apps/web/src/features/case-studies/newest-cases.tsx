import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NewestCaseStudiesDocument } from '../../graphql/generated/graphql';
import { sectionTitle } from '../../shared/ui-classes';
import { CaseCard } from './case-card';

/** 新着の事例 on the home page: the three most recently published cases the visitor may read. */
export function NewestCases() {
  const { t } = useTranslation();
  const { data, error } = useQuery(NewestCaseStudiesDocument, { variables: { pageSize: 3 } });
  const hits = data?.searchCaseStudies.hits ?? [];
  // A suggestion, not the point of the page: say nothing rather than show an error or an empty box.
  if (error || (data && hits.length === 0)) return null;
  return (
    <section aria-labelledby="home-newest">
      <h2 id="home-newest" className={sectionTitle}>
        {t('home.newestHeading')}
      </h2>
      <ul className="mt-4 grid gap-4 md:grid-cols-3" aria-busy={!data || undefined}>
        {hits.map((hit) => (
          <li key={hit.caseStudy.id}>
            <CaseCard caseStudy={hit.caseStudy} headingLevel={3} />
          </li>
        ))}
      </ul>
      <p className="mt-4 text-std-16N-170">
        <Link to="/cases?sort=NEWEST" className="link-text">
          {t('home.newestMore')}
        </Link>
      </p>
    </section>
  );
}
