import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DeclarationsDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatDateTimeAsDate, formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { municipalityName, prefectureName } from '../municipalities/labels';

export function DeclarationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  usePageTitle(t('declarations.title'));
  const { data, error, refetch } = useQuery(DeclarationsDocument);
  const paragraphs = t('declarations.text', { returnObjects: true });
  const declarations = data?.declarations;

  return (
    <div>
      <h1 className={pageTitle}>{t('declarations.title')}</h1>
      <p className="mt-4 text-std-16N-170">{t('declarations.lead')}</p>

      <section
        aria-labelledby="joint-text-heading"
        className="mt-8 rounded-16 border-2 border-blue-900 bg-blue-50 px-6 py-8 md:px-10"
      >
        <h2 id="joint-text-heading" className="text-std-24B-150 text-solid-gray-900">
          {t('declarations.textHeading')}
        </h2>
        <div className="mt-4 flex max-w-3xl flex-col gap-4 text-std-17N-170">
          {paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      </section>

      <section aria-labelledby="signatories-heading" className="mt-10">
        <h2 id="signatories-heading" className={sectionTitle}>
          {t('declarations.signatoriesHeading')}
        </h2>
        {error && !declarations ? (
          <ErrorNotice error={error} onRetry={() => void refetch()} />
        ) : !declarations ? (
          <Loading />
        ) : declarations.length === 0 ? (
          <p className="mt-4 text-std-16N-170">{t('declarations.empty')}</p>
        ) : (
          <>
            <p className="mt-2 text-std-17B-170">
              {t('declarations.signatoriesCount', {
                count: declarations.length,
                formatted: formatNumber(declarations.length, language),
              })}
            </p>
            <ul className="mt-4 grid gap-4 md:grid-cols-2">
              {declarations.map((declaration) => (
                <li
                  key={declaration.id}
                  className="flex flex-col rounded-12 border border-solid-gray-420 p-4 md:p-6"
                >
                  <h3 className="text-std-20B-150">
                    <Link to={`/municipalities/${declaration.municipality.code}`} className="link-text">
                      {municipalityName(declaration.municipality, language)}
                    </Link>
                  </h3>
                  <p className="text-std-16N-170 text-solid-gray-700">
                    {prefectureName(declaration.municipality.prefecture, language)}
                  </p>
                  <blockquote
                    lang="ja"
                    className="mt-3 whitespace-pre-line border-l-4 border-blue-900 pl-4 text-std-16N-170"
                  >
                    {declaration.statement}
                  </blockquote>
                  <p className="mt-3 text-std-16N-170">
                    {t('declarations.signedBy', {
                      title: declaration.signerTitle,
                      name: declaration.signerName,
                    })}
                  </p>
                  <p className="text-std-16N-170 text-solid-gray-700">
                    {t('declarations.signedAt', {
                      date: formatDateTimeAsDate(declaration.signedAt, language),
                    })}
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
