import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import {
  DeleteSavedSearchDocument,
  MyWatchingDocument,
  SetSavedSearchDigestDocument,
  UnwatchCaseStudyDocument,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem, problemMessage } from '../../shared/errors';
import { formatDateTimeAsDate } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonSmallOutline, pageTitle, sectionTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { loginPath } from '../auth/redirect';
import { useCurrentUser } from '../auth/use-current-user';
import { municipalityName } from '../municipalities/labels';
import { savedSearchPath } from './saved-search-link';

/** /account/watching: the cases a user watches and their saved searches, to let go of or run again. */
export function WatchingPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const { user, loading: userLoading } = useCurrentUser();
  usePageTitle(t('watch.pageTitle'));
  const { data, loading, error, refetch } = useQuery(MyWatchingDocument, {
    skip: !user,
    fetchPolicy: 'cache-and-network',
  });
  const [unwatch] = useMutation(UnwatchCaseStudyDocument);
  const [remove] = useMutation(DeleteSavedSearchDocument);
  const [setDigest] = useMutation(SetSavedSearchDigestDocument);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function act(work: () => Promise<unknown>, done: string) {
    setProblem(null);
    try {
      await work();
      await refetch();
      setStatus(done);
    } catch (caught) {
      setProblem(problemMessage(apiProblem(caught), t));
    }
  }

  if (!user) {
    return (
      <div>
        <h1 className={pageTitle}>{t('watch.pageTitle')}</h1>
        {userLoading ? (
          <Loading />
        ) : (
          <p className="mt-4 text-std-16N-170">
            <Link className="link-text" to={loginPath(location.pathname)}>
              {t('watch.loginFirst')}
            </Link>
          </p>
        )}
      </div>
    );
  }

  const watches = data?.myWatches ?? [];
  const searches = data?.mySavedSearches ?? [];
  return (
    <div>
      <h1 className={pageTitle}>{t('watch.pageTitle')}</h1>
      <p className="mt-4 max-w-3xl text-std-16N-170">{t('watch.pageLead')}</p>
      <p role="status" className="mt-2 text-std-16N-170">
        {status}
      </p>
      {problem && (
        <p role="alert" className="text-std-16B-170 text-error-2">
          {problem}
        </p>
      )}
      {error && <ErrorNotice error={error} onRetry={() => void refetch()} />}
      {loading && !data && <Loading />}

      <section aria-labelledby="watching-cases" className="mt-8">
        <h2 id="watching-cases" className={sectionTitle}>
          {t('watch.casesHeading')}
        </h2>
        {data && watches.length === 0 && <p className="mt-3 text-std-16N-170">{t('watch.noCases')}</p>}
        <ul className="mt-3 flex flex-col">
          {watches.map((w) => (
            <li
              key={w.caseStudy.id}
              className="flex flex-wrap items-center justify-between gap-3 border-b border-solid-gray-420 py-3"
            >
              <div>
                <Link to={`/cases/${w.caseStudy.id}`} className="link-text text-std-17B-170" lang="ja">
                  {w.caseStudy.title}
                </Link>
                <p className="text-std-16N-170 text-solid-gray-700">
                  {municipalityName(w.caseStudy.municipality, language)} ・{' '}
                  {t('watch.since', { date: formatDateTimeAsDate(w.createdAt, language) })}
                </p>
              </div>
              <button
                type="button"
                className={buttonSmallOutline}
                aria-label={t('watch.unwatchNamed', { title: w.caseStudy.title })}
                onClick={() =>
                  void act(
                    () => unwatch({ variables: { id: w.caseStudy.id } }),
                    t('watch.unwatchedNamed', { title: w.caseStudy.title }),
                  )
                }
              >
                {t('watch.unwatch')}
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="watching-searches" className="mt-10">
        <h2 id="watching-searches" className={sectionTitle}>
          {t('watch.searchesHeading')}
        </h2>
        <p className="mt-2 max-w-3xl text-std-16N-170 text-solid-gray-700">{t('watch.searchesLead')}</p>
        {data && searches.length === 0 && (
          <p className="mt-3 text-std-16N-170">
            {t('watch.noSearches')}{' '}
            <Link to="/cases" className="link-text">
              {t('watch.toSearch')}
            </Link>
          </p>
        )}
        <ul className="mt-3 flex flex-col">
          {searches.map((s) => (
            <li key={s.id} className="flex flex-col gap-2 border-b border-solid-gray-420 py-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <Link to={savedSearchPath(s)} className="link-text text-std-17B-170">
                  {t('watch.runSearch', { name: s.name })}
                </Link>
                <button
                  type="button"
                  className={buttonSmallOutline}
                  aria-label={t('watch.deleteNamed', { name: s.name })}
                  onClick={() =>
                    void act(
                      () => remove({ variables: { id: s.id } }),
                      t('watch.deletedNamed', { name: s.name }),
                    )
                  }
                >
                  {t('watch.delete')}
                </button>
              </div>
              <label className="flex min-h-11 cursor-pointer items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5 shrink-0 accent-blue-900"
                  checked={s.digestEnabled}
                  onChange={(event) => {
                    const enabled = event.target.checked;
                    void act(
                      () => setDigest({ variables: { id: s.id, enabled } }),
                      enabled
                        ? t('watch.digestOn', { name: s.name })
                        : t('watch.digestOff', { name: s.name }),
                    );
                  }}
                />
                <span className="text-std-16N-170">
                  {t('watch.digestLabel', { name: s.name })}
                  {s.digestEnabled && (
                    <span className="block text-solid-gray-700">
                      {t('watch.nextDigest', { date: formatDateTimeAsDate(s.nextDigestAt, language) })}
                    </span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
