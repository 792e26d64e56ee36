import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  CaseFollowStateDocument,
  SetCaseStudyHelpfulDocument,
  UnwatchCaseStudyDocument,
  WatchCaseStudyDocument,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { apiProblem, problemMessage } from '../../shared/errors';
import { formatNumber } from '../../shared/format';
import { buttonSmallOutline } from '../../shared/ui-classes';
import { PrintButton } from './print';

/**
 * Under a case's title: 「ウォッチする」 (mail when it is updated, followed or gets a FAQ), 「参考になった」
 * (one per user, not for its own municipality), the count for the publisher, and 「印刷する」. Signed out,
 * only printing. Never printed itself.
 */
export function CaseFollowActions({ caseId, signedIn }: { caseId: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data } = useQuery(CaseFollowStateDocument, { variables: { id: caseId }, skip: !signedIn });
  const state = data?.caseStudy;
  const [watch, watching] = useMutation(WatchCaseStudyDocument);
  const [unwatch, unwatching] = useMutation(UnwatchCaseStudyDocument, {
    update(cache) {
      cache.modify({
        id: cache.identify({ __typename: 'CaseStudy', id: caseId }),
        fields: { viewerWatching: () => false },
      });
    },
  });
  const [setHelpful, marking] = useMutation(SetCaseStudyHelpfulDocument);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, done: string) {
    setError(null);
    setStatus(null);
    try {
      await work();
      setStatus(done);
    } catch (caught) {
      setError(problemMessage(apiProblem(caught), t));
    }
  }

  const busy = watching.loading || unwatching.loading || marking.loading;
  return (
    <div className="mt-4 print:hidden" data-print="hide">
      <div className="flex flex-wrap items-center gap-3">
        {state && state.status === 'PUBLISHED' && (
          <>
            <button
              type="button"
              className={buttonSmallOutline}
              aria-pressed={state.viewerWatching}
              disabled={busy}
              onClick={() =>
                void run(
                  () =>
                    state.viewerWatching
                      ? unwatch({ variables: { id: caseId } })
                      : watch({ variables: { id: caseId } }),
                  state.viewerWatching ? t('watch.unwatched') : t('watch.watched'),
                )
              }
            >
              {state.viewerWatching ? t('watch.watching') : t('watch.watch')}
            </button>
            {state.viewerCanMarkHelpful && (
              <button
                type="button"
                className={buttonSmallOutline}
                aria-pressed={state.viewerFoundHelpful}
                disabled={busy}
                onClick={() =>
                  void run(
                    () => setHelpful({ variables: { id: caseId, helpful: !state.viewerFoundHelpful } }),
                    state.viewerFoundHelpful ? t('watch.helpfulRemoved') : t('watch.helpfulAdded'),
                  )
                }
              >
                {t('watch.helpful')}
              </button>
            )}
            {state.helpfulCount !== null && state.helpfulCount !== undefined && (
              <p className="text-std-16N-170 text-solid-gray-700">
                {t('watch.helpfulCount', { formatted: formatNumber(state.helpfulCount, language) })}
              </p>
            )}
          </>
        )}
        <PrintButton />
      </div>
      <p role="status" className="mt-2 text-std-16N-170 text-solid-gray-700">
        {status}
        {status && state?.viewerWatching && (
          <>
            {' '}
            <Link to="/account/watching" className="link-text">
              {t('watch.pageLink')}
            </Link>
          </>
        )}
      </p>
      {error && (
        <p role="alert" className="mt-1 text-std-16B-170 text-error-2">
          {error}
        </p>
      )}
    </div>
  );
}
