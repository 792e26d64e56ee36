import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import {
  QuestionnaireResultsDocument,
  type QuestionnaireResultsQuery,
  type QuestionPhase,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { formatNumber } from '../../shared/format';
import { ErrorNotice, Loading } from '../../shared/status';
import { buttonOutline, subTitle } from '../../shared/ui-classes';
import { isOrganiser, useCurrentUser } from '../auth/use-current-user';
import { isSessionId } from '../sessions/session-id';
import { OrganiserSessionPage } from '../sessions/organiser-session-page';
import { PHASE_KEYS, RATING_KEYS } from './answers';

type Result = QuestionnaireResultsQuery['questionnaireResults']['questions'][number];

function percentOf(count: number, total: number): number {
  return total ? Math.round((count / total) * 100) : 0;
}

/**
 * Counts per option as a table (what a screen reader reads) with a bar in each row (CSS widths, hidden
 * from assistive technology since the numbers beside it say the same). No chart library: a bar is a div.
 */
function CountsTable({ result, captionId }: { result: Result; captionId: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const rating = result.question.kind === 'RATING';
  const max = Math.max(1, ...result.counts.map((c) => c.count));
  return (
    <table className="mt-3 w-full max-w-3xl border-collapse text-std-16N-170" aria-labelledby={captionId}>
      <thead>
        <tr className="border-b border-solid-gray-420 text-left">
          <th scope="col" className="py-2 pr-4">
            {rating ? t('questionnaires.results.rating') : t('questionnaires.results.option')}
          </th>
          <th scope="col" className="py-2 pr-4 text-right">
            {t('questionnaires.results.count')}
          </th>
          <th scope="col" className="w-1/2 py-2">
            <span className="sr-only">{t('questionnaires.results.chart')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {result.counts.map((c) => {
          const share = percentOf(c.count, result.answered);
          return (
            <tr key={c.option} className="border-b border-solid-gray-420">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                {rating ? t(RATING_KEYS[Number(c.option) - 1]) : c.option}
              </th>
              <td className="whitespace-nowrap py-2 pr-4 text-right tabular-nums">
                {t('questionnaires.results.countValue', {
                  count: c.count,
                  formatted: formatNumber(c.count, language),
                  percent: share,
                })}
              </td>
              <td className="py-2" aria-hidden="true">
                <div className="h-4 w-full rounded-4 bg-solid-gray-50">
                  <div
                    className="h-4 rounded-4 bg-blue-900"
                    data-testid="survey-bar"
                    style={{ width: `${(c.count / max) * 100}%` }}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** 集計: the organiser reads the survey's (or registration questions') results, with charts and a CSV. */
export function SurveyResultsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const organiser = isOrganiser(user);
  const [phase, setPhase] = useState<QuestionPhase>('SURVEY');
  const valid = isSessionId(id);
  const { data, loading, error, refetch } = useQuery(QuestionnaireResultsDocument, {
    variables: { sessionId: id, phase },
    skip: !valid || !organiser,
    fetchPolicy: 'cache-and-network',
  });
  const session = data?.exchangeSession;
  const results = data?.questionnaireResults;
  const title = t('questionnaires.results.title');

  let body;
  if (error) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (!results || !session)
    body = loading ? <Loading /> : <ErrorNotice message={t('sessions.detail.notFoundBody')} />;
  else
    body = (
      <>
        <p lang="ja" className="mt-2 text-std-20B-150">
          <Link to={`/sessions/${session.id}/console`} className="link-text">
            {session.title}
          </Link>
        </p>
        <div
          role="group"
          aria-label={t('questionnaires.results.phase')}
          className="mt-4 flex flex-wrap gap-2"
        >
          {(['SURVEY', 'REGISTRATION'] as const).map((p) => (
            <button
              key={p}
              type="button"
              className={`${buttonOutline} ${phase === p ? 'bg-blue-50' : ''}`}
              aria-pressed={phase === p}
              onClick={() => setPhase(p)}
            >
              {t(PHASE_KEYS[p])}
            </button>
          ))}
        </div>
        <dl className="mt-6 grid max-w-3xl grid-cols-1 gap-4 sm:grid-cols-3">
          <div className="rounded-8 border border-solid-gray-420 p-4">
            <dt className="text-std-16B-170">{t('questionnaires.results.responses')}</dt>
            <dd className="text-std-24B-150" data-testid="survey-responses">
              {t('questionnaires.results.responsesValue', {
                responses: formatNumber(results.responseCount, language),
                recipients: formatNumber(results.recipientCount, language),
              })}
            </dd>
          </div>
          <div className="rounded-8 border border-solid-gray-420 p-4">
            <dt className="text-std-16B-170">{t('questionnaires.results.rate')}</dt>
            <dd className="text-std-24B-150">{Math.round(results.responseRate * 100)}%</dd>
          </div>
          <div className="rounded-8 border border-solid-gray-420 p-4">
            <dt className="text-std-16B-170">{t('questionnaires.results.csv')}</dt>
            <dd className="mt-1">
              <a
                href={`/sessions/${session.id}/survey.csv${phase === 'REGISTRATION' ? '?phase=REGISTRATION' : ''}`}
                className="link-text"
                download
              >
                {t('questionnaires.results.download')}
              </a>
            </dd>
          </div>
        </dl>
        {phase === 'SURVEY' && (
          <p className="mt-4 text-std-16N-170" lang="ja">
            {results.summary}
          </p>
        )}
        {results.questions.length === 0 && (
          <p className="mt-6 text-std-16N-170">{t('questionnaires.results.noQuestions')}</p>
        )}
        {results.questions.map((r, index) => {
          const headingId = `result-${index}`;
          return (
            <section key={r.question.id} aria-labelledby={headingId} className="mt-10">
              <h2 id={headingId} className={subTitle}>
                {index + 1}. {r.question.label}
              </h2>
              <p className="mt-1 text-std-16N-170">
                {t('questionnaires.results.answered', { count: r.answered })}
                {r.average !== null && r.average !== undefined && (
                  <>
                    {' '}
                    <strong data-testid="survey-average">
                      {t('questionnaires.results.average', { average: r.average.toFixed(1) })}
                    </strong>
                  </>
                )}
              </p>
              {r.counts.length > 0 && <CountsTable result={r} captionId={headingId} />}
              {r.question.kind === 'SHORT_TEXT' || r.question.kind === 'FREE_TEXT' ? (
                r.texts.length ? (
                  <ul className="mt-3 flex max-w-3xl flex-col gap-2">
                    {r.texts.map((text, i) => (
                      <li
                        key={i}
                        className="whitespace-pre-wrap rounded-8 bg-solid-gray-50 p-3 text-std-16N-170"
                      >
                        {text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-2 text-std-16N-170">{t('questionnaires.results.noTexts')}</p>
                )
              ) : null}
            </section>
          );
        })}
      </>
    );

  return (
    <OrganiserSessionPage title={title} session={session} userLoading={userLoading} organiser={organiser}>
      {body}
    </OrganiserSessionPage>
  );
}
