import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseStudyListItemFragment } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { municipalityName, prefectureName } from '../municipalities/labels';
import { Chip, StageBadge, VisibilityBadge } from './badges';
import { formatYenShort } from './format';
import { bandLabel, fiscalYearsCompact, themeLabel } from './labels';

/**
 * One case in a list (search results, 新着の事例, 似ている事例): title as a link, who did it, the stage,
 * the summary and the facts a reader compares first (themes, years, budget). `title`, `summary` and
 * `snippet` may be highlighted versions.
 */
export function CaseCard({
  caseStudy,
  headingLevel = 3,
  title,
  summary,
  snippet,
}: {
  caseStudy: CaseStudyListItemFragment;
  headingLevel?: 2 | 3 | 4;
  title?: ReactNode;
  summary?: ReactNode;
  snippet?: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const Heading = `h${headingLevel}` as const;
  const municipality = caseStudy.municipality;
  const separator = language === 'ja' ? '・' : ', ';
  return (
    <article className="flex h-full flex-col gap-2 rounded-12 border border-solid-gray-420 bg-white p-4 md:p-6">
      <Heading className="text-std-20B-150 text-solid-gray-900">
        {/* Case texts are written in Japanese whatever the interface language. */}
        <Link to={`/cases/${caseStudy.id}`} className="link-text" lang="ja">
          {title ?? caseStudy.title}
        </Link>
      </Heading>
      <p className="text-std-16N-170 text-solid-gray-700">
        {[
          municipalityName(municipality, language),
          // A prefecture's own case: its name is already the prefecture's.
          municipality.kind === 'PREFECTURE' ? null : prefectureName(municipality.prefecture, language),
          municipality.populationBand ? bandLabel(municipality.populationBand, language) : null,
        ]
          .filter(Boolean)
          .join(separator)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <StageBadge stage={caseStudy.stage} />
        {caseStudy.visibility === 'MEMBERS' && <VisibilityBadge visibility={caseStudy.visibility} />}
      </div>
      <p lang="ja" className="text-std-16N-170 text-solid-gray-800">
        {summary ?? caseStudy.summary}
      </p>
      {snippet && (
        <p lang="ja" className="text-std-16N-170 text-solid-gray-700">
          {snippet}
        </p>
      )}
      <dl className="mt-auto grid gap-x-4 gap-y-1 pt-2 text-std-16N-170 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold text-solid-gray-800">{t('caseFields.themes')}</dt>
        <dd className="flex flex-wrap gap-1">
          {caseStudy.themes.map((theme) => (
            <Chip key={theme}>{themeLabel(theme, language)}</Chip>
          ))}
        </dd>
        {caseStudy.fiscalYears.length > 0 && (
          <>
            <dt className="font-bold text-solid-gray-800">{t('caseFields.fiscalYears')}</dt>
            <dd>{fiscalYearsCompact(caseStudy.fiscalYears, language)}</dd>
          </>
        )}
        <dt className="font-bold text-solid-gray-800">{t('caseFields.budgetYen')}</dt>
        <dd>
          {caseStudy.budgetYen === null
            ? t('case.budgetUnknown')
            : formatYenShort(caseStudy.budgetYen, language)}
        </dd>
      </dl>
    </article>
  );
}
