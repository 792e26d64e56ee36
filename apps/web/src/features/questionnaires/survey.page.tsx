import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { AnswerSurveyDocument, SessionSurveyDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ErrorNotice, Loading, SuccessNotice } from '../../shared/status';
import { buttonSolid, pageTitle } from '../../shared/ui-classes';
import { usePageTitle } from '../../shared/use-page-title';
import { useCurrentUser } from '../auth/use-current-user';
import { formatJst } from '../sessions/jst';
import { SessionBreadcrumbs } from '../sessions/session-breadcrumbs';
import { sessionProblemMessage } from '../sessions/session-errors';
import { isSessionId } from '../sessions/session-id';
import { FormErrorSummary } from '../../shared/error-summary';
import {
  answerInputs,
  draftsFrom,
  missingRequired,
  QuestionFields,
  questionFieldId,
  type AnswerDrafts,
} from './answers';

/** アンケート: an attendee answers the survey (from the mail's link or the session page) and may edit until it closes. */
export function SurveyPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { id = '' } = useParams();
  const { user, loading: userLoading } = useCurrentUser();
  const valid = isSessionId(id);
  const { data, loading, error, refetch } = useQuery(SessionSurveyDocument, {
    variables: { id },
    skip: !valid || !user,
    fetchPolicy: 'cache-and-network',
  });
  const session = data?.exchangeSession;
  const survey = session?.survey;
  const [drafts, setDrafts] = useState<AnswerDrafts>();
  const [invalid, setInvalid] = useState<string[]>([]);
  const [formError, setFormError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const [answer, { loading: saving }] = useMutation(AnswerSurveyDocument, {
    refetchQueries: [SessionSurveyDocument],
    awaitRefetchQueries: true,
  });
  const title = t('questionnaires.survey.title');
  usePageTitle(session ? t('app.titleWithSubject', { label: title, subject: session.title }) : title);

  const current: AnswerDrafts = drafts ?? draftsFrom(survey?.myResponse?.answers ?? []);
  useEffect(() => {
    if (invalid.length || formError) summaryRef.current?.focus();
  }, [invalid, formError]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!survey) return;
    setSaved(undefined);
    setFormError(undefined);
    const missing = missingRequired(survey.questions, current).map((q) => q.id);
    setInvalid(missing);
    if (missing.length) return;
    try {
      await answer({ variables: { sessionId: id, answers: answerInputs(survey.questions, current) } });
      setSaved(
        survey.myResponse
          ? t('questionnaires.survey.updated', { date: formatJst(survey.closesAt, language) })
          : t('questionnaires.survey.thanks', { date: formatJst(survey.closesAt, language) }),
      );
    } catch (caught) {
      setFormError(sessionProblemMessage(caught, t));
    }
  }

  let body;
  if (userLoading || (loading && !data)) body = <Loading />;
  else if (!user) body = <ErrorNotice message={t('questionnaires.survey.signIn')} />;
  else if (error) body = <ErrorNotice error={error} onRetry={() => void refetch()} />;
  else if (!valid || !session) body = <ErrorNotice message={t('sessions.detail.notFoundBody')} />;
  else if (!survey || survey.questions.length === 0)
    body = <p className="mt-6 text-std-16N-170">{t('questionnaires.survey.notForYou')}</p>;
  else {
    const byId = new Map(survey.questions.map((q) => [q.id, q]));
    body = (
      <>
        <p lang="ja" className="mt-2 text-std-20B-150">
          <Link to={`/sessions/${session.id}`} className="link-text">
            {session.title}
          </Link>
        </p>
        <p className="mt-2 text-std-16N-170">
          {t('questionnaires.survey.closes', { date: formatJst(survey.closesAt, language) })}
        </p>
        <SuccessNotice message={saved} />
        {!survey.canAnswer ? (
          <p className="mt-6 rounded-8 border-l-4 border-orange-800 bg-orange-50 p-3 text-std-16B-170">
            {survey.isOpen
              ? t('questionnaires.survey.notForYou')
              : Date.parse(survey.closesAt) <= Date.now()
                ? t('questionnaires.survey.closed')
                : t('questionnaires.survey.notYet')}
          </p>
        ) : (
          <>
            {survey.myResponse && !saved && (
              <p className="mt-4 text-std-16N-170">{t('questionnaires.survey.editable')}</p>
            )}
            {(invalid.length > 0 || formError) && (
              <FormErrorSummary
                ref={summaryRef}
                heading={t('questionnaires.errorSummary')}
                headingLevel="h2"
                formError={formError}
                fields={invalid.map((qid) => ({
                  fieldId: questionFieldId('survey', qid),
                  message: t('questionnaires.answerRequired', { question: byId.get(qid)?.label ?? '' }),
                }))}
              />
            )}
            <form
              className="mt-6 flex max-w-2xl flex-col gap-6"
              noValidate
              onSubmit={(e) => void onSubmit(e)}
            >
              <QuestionFields
                questions={survey.questions}
                drafts={current}
                onChange={setDrafts}
                idPrefix="survey"
                invalid={invalid}
              />
              <div>
                <button
                  type="submit"
                  className={buttonSolid}
                  disabled={saving}
                  aria-busy={saving || undefined}
                >
                  {saving
                    ? t('sessions.processing')
                    : survey.myResponse
                      ? t('questionnaires.survey.update')
                      : t('questionnaires.survey.submit')}
                </button>
              </div>
            </form>
          </>
        )}
      </>
    );
  }
  return (
    <div>
      <SessionBreadcrumbs current={title} session={session ?? undefined} />
      <h1 className={pageTitle}>{title}</h1>
      {body}
    </div>
  );
}
