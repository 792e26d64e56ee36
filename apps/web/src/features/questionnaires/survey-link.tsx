import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SessionSurveyDocument } from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { buttonSolid } from '../../shared/ui-classes';
import { formatJst } from '../sessions/jst';

/** On a session's page: an attendee is asked to answer (or change) the survey while it is open. */
export function SurveyLink({ sessionId, signedIn }: { sessionId: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const survey = useQuery(SessionSurveyDocument, { variables: { id: sessionId }, skip: !signedIn }).data
    ?.exchangeSession?.survey;
  if (!survey?.canAnswer) return null;
  return (
    <section
      aria-labelledby="survey-link-heading"
      className="mt-6 rounded-12 border-2 border-blue-900 bg-blue-50 p-4 md:p-6"
    >
      <h2 id="survey-link-heading" className="text-std-20B-150">
        {t('questionnaires.link.heading')}
      </h2>
      <p className="mt-2 text-std-16N-170">
        {survey.myResponse
          ? t('questionnaires.link.answered', { date: formatJst(survey.closesAt, language) })
          : t('questionnaires.link.lead', { date: formatJst(survey.closesAt, language) })}
      </p>
      <Link to={`/sessions/${sessionId}/survey`} className={`${buttonSolid} mt-4 inline-flex`}>
        {survey.myResponse ? t('questionnaires.link.edit') : t('questionnaires.link.answer')}
      </Link>
    </section>
  );
}
