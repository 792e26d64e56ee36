import { formatDateTimeJst } from '@yokoten/case-studies';
import { BILINGUAL_SIGNATURE } from '../mail/bilingual-mail';
import { APP_URL, type MailMessage } from '../mail/mail.service';

interface SurveySession {
  id: string;
  title: string;
}
interface SurveyRecipient {
  email: string;
  name: string;
  locale: 'JA' | 'EN';
}

/** The survey's page, where an attendee answers (and, until it closes, changes their answers). */
export function surveyUrl(sessionId: string): string {
  return `${APP_URL}/sessions/${sessionId}/survey`;
}

/** The invitation after the session, or (`reminder`) the one reminder before it closes; in the user's language. */
export function surveyMail(
  s: SurveySession,
  to: SurveyRecipient,
  closesAt: Date,
  reminder: boolean,
): MailMessage {
  const en = to.locale === 'EN';
  const close = `${formatDateTimeJst(closesAt, en ? 'en' : 'ja')}${en ? ' (JST)' : '（日本時間）'}`;
  const text = en
    ? [
        `Dear ${to.name},`,
        '',
        reminder
          ? `The survey of ${s.title} closes soon. If you have a few minutes, we would value your answers.`
          : `Thank you for taking part in ${s.title}. Please tell us how it went in a short survey.`,
        '',
        `Survey: ${surveyUrl(s.id)}`,
        `Open until: ${close}. You can change your answers until then.`,
        BILINGUAL_SIGNATURE,
      ]
    : [
        `${to.name} 様`,
        '',
        reminder
          ? `${s.title} のアンケートの締切が近づいています。まだの方はご回答をお願いします。`
          : `${s.title} にご参加いただきありがとうございました。今後の運営のため、アンケートへのご協力をお願いします。`,
        '',
        `アンケート：${surveyUrl(s.id)}`,
        `回答期限：${close}（期限までは回答を修正できます）`,
        BILINGUAL_SIGNATURE,
      ];
  return {
    kind: reminder ? 'survey-reminder' : 'survey',
    to: to.email,
    subject: en
      ? `[${reminder ? 'Reminder: survey' : 'Survey'}] ${s.title}`
      : `【${reminder ? 'アンケートのお願い（再送）' : 'アンケートのお願い'}】${s.title}`,
    text: text.join('\n'),
  };
}
