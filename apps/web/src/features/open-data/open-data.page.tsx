import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { OPEN_DATA_LICENCE, OPEN_DATA_LICENCE_URL } from '@yokoten/case-studies';
import { pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';

const FILES = [
  { key: 'csv', href: '/open-data/cases.csv', type: 'text/csv' },
  { key: 'json', href: '/open-data/cases.json', type: 'application/json' },
  { key: 'atom', href: '/open-data/cases.atom', type: 'application/atom+xml' },
] as const;

const FIELDS = [
  'title',
  'municipality',
  'themes',
  'fiscalYears',
  'budget',
  'outcomes',
  'lessons',
  'adoptions',
  'dates',
  'licence',
] as const;

/** オープンデータ: what the network publishes for reuse, under which licence, and how to cite it. */
export function OpenDataPage() {
  const { t } = useTranslation();
  usePageTitle(t('openData.title'));
  const year = new Date().getFullYear();
  return (
    <div className="max-w-4xl">
      <h1 className={pageTitle}>{t('openData.title')}</h1>
      <p className="mt-4 text-std-17N-170 text-solid-gray-800">{t('openData.lead')}</p>

      <section aria-labelledby="open-what" className="mt-10">
        <h2 id="open-what" className={sectionTitle}>
          {t('openData.whatHeading')}
        </h2>
        <p className="mt-3 text-std-16N-170">{t('openData.whatBody')}</p>
        <ul className="mt-3 list-disc pl-6 text-std-16N-170">
          {FIELDS.map((field) => (
            <li key={field}>{t(`openData.fields.${field}`)}</li>
          ))}
        </ul>
        <p className="mt-3 text-std-16N-170">{t('openData.notIncluded')}</p>
      </section>

      <section aria-labelledby="open-files" className="mt-10">
        <h2 id="open-files" className={sectionTitle}>
          {t('openData.filesHeading')}
        </h2>
        <ul className="mt-4 grid gap-4 md:grid-cols-3">
          {FILES.map((file) => (
            <li key={file.key} className="rounded-12 border border-solid-gray-420 p-4">
              <h3 className="text-std-20B-150">
                <a href={file.href} type={file.type} className="link-text">
                  {t(`openData.files.${file.key}.title`)}
                </a>
              </h3>
              <p className="mt-2 text-std-16N-170">{t(`openData.files.${file.key}.body`)}</p>
              <p className="mt-2 break-all font-mono text-dns-14N-130 text-solid-gray-700">{file.href}</p>
            </li>
          ))}
        </ul>
        <p className="mt-4 text-std-16N-170">{t('openData.updated')}</p>
      </section>

      <section aria-labelledby="open-licence" className="mt-10">
        <h2 id="open-licence" className={sectionTitle}>
          {t('openData.licenceHeading')}
        </h2>
        <p className="mt-3 text-std-16N-170">
          {t('openData.licenceBody', { licence: OPEN_DATA_LICENCE })}{' '}
          <a href={OPEN_DATA_LICENCE_URL} className="link-text" rel="license noopener noreferrer">
            {t('openData.licenceLink', { licence: OPEN_DATA_LICENCE })}
          </a>
        </p>
        <p className="mt-3 text-std-16N-170">{t('openData.licenceNote')}</p>
      </section>

      <section aria-labelledby="open-cite" className="mt-10">
        <h2 id="open-cite" className={sectionTitle}>
          {t('openData.citeHeading')}
        </h2>
        <p className="mt-3 text-std-16N-170">{t('openData.citeBody')}</p>
        <figure className="mt-3">
          <figcaption className="text-std-16B-170">{t('openData.citeExampleLabel')}</figcaption>
          <blockquote className="mt-2 rounded-8 border-l-4 border-blue-900 bg-blue-50 p-4 text-std-16N-170">
            {t('openData.citeExample', { year, licence: OPEN_DATA_LICENCE })}
          </blockquote>
        </figure>
        <p className="mt-3 text-std-16N-170">{t('openData.citeCase')}</p>
      </section>

      <section aria-labelledby="open-more" className="mt-10">
        <h2 id="open-more" className={sectionTitle}>
          {t('openData.moreHeading')}
        </h2>
        <ul className="mt-3 flex flex-col gap-2 text-std-16N-170">
          <li>
            <Link to="/cases" className="link-text">
              {t('openData.moreCases')}
            </Link>
          </li>
          <li>
            <Link to="/dashboard" className="link-text">
              {t('openData.moreDashboard')}
            </Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
