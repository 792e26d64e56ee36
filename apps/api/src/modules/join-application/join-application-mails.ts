import { BILINGUAL_SIGNATURE as SIGNATURE, LANGUAGE_SEPARATOR as SEPARATOR } from '../mail/bilingual-mail';
import { APP_URL, type MailMessage } from '../mail/mail.service';

/**
 * Mails of 参加申込 (account mails: always sent). Japanese first, English below; `${APP_URL}` is filled in
 * when the mail goes out.
 */

export interface ApplicationMailInput {
  applicantName: string;
  department: string;
  email: string;
  message: string | null;
  municipalityName: string;
  municipalityCode: string;
  submissions: number;
}

/** To the applicant: we have it (sent for a repeated form too, so the answer does not tell them apart). */
export function applicationReceivedMail(a: ApplicationMailInput): MailMessage {
  return {
    kind: 'join-application-received',
    to: a.email,
    subject: '【横展】参加申込を受け付けました (We have received your application)',
    text: [
      `${a.municipalityName} ${a.department}`,
      `${a.applicantName} 様`,
      '',
      `自治体間の知見共有ネットワーク「横展」への${a.municipalityName}の参加申込を受け付けました。`,
      '事務局で内容を確認し、結果をこのアドレスにお知らせします。承認された場合は、アカウント作成のご案内（招待メール）をお送りします。',
      'お心当たりのない場合は、このメールを破棄してください。',
      ...SEPARATOR,
      `We have received the application of ${a.municipalityName} to join Yokoten.`,
      'The network office will review it and write to this address. If it is admitted, you will receive an',
      'invitation to create your account. If you did not apply, you can ignore this mail.',
      SIGNATURE,
    ].join('\n'),
  };
}

/** To the organisers: an application to decide. */
export function applicationToDecideMail(a: ApplicationMailInput, organisers: string[]): MailMessage {
  const again = a.submissions > 1 ? `（再送 ${a.submissions} 回目）` : '';
  return {
    kind: 'join-application-submitted',
    to: organisers,
    subject: `【横展】参加申込：${a.municipalityName}${again} (New application to join)`,
    text: [
      `${a.municipalityName}（団体コード ${a.municipalityCode}）から参加申込がありました。${again}`,
      '',
      `申込者：${a.applicantName}（${a.department}）`,
      `メール：${a.email}`,
      ...(a.message ? ['', 'メッセージ：', a.message] : []),
      '',
      `承認または見送りは次のページから：${APP_URL}/admin/applications`,
      ...SEPARATOR,
      `${a.municipalityName} (${a.municipalityCode}) has applied to join Yokoten${a.submissions > 1 ? ` (sent ${a.submissions} times)` : ''}.`,
      `Applicant: ${a.applicantName}, ${a.department}, ${a.email}`,
      `Admit or decline it at ${APP_URL}/admin/applications`,
      SIGNATURE,
    ].join('\n'),
  };
}

/** To the applicant: declined, with the organiser's reason. */
export function applicationDeclinedMail(
  a: Pick<ApplicationMailInput, 'applicantName' | 'email' | 'municipalityName'>,
  reason: string,
): MailMessage {
  return {
    kind: 'join-application-declined',
    to: a.email,
    subject: '【横展】参加申込の結果について (About your application)',
    text: [
      `${a.applicantName} 様`,
      '',
      `${a.municipalityName}の「横展」への参加申込について、今回は見送らせていただくことになりました。`,
      '',
      '理由：',
      reason,
      '',
      'ご不明な点は事務局までお問い合わせください。条件が整いましたら、改めてお申し込みいただけます。',
      ...SEPARATOR,
      `The application of ${a.municipalityName} to join Yokoten has been declined this time, for the reason above.`,
      'You are welcome to apply again when the situation changes.',
      SIGNATURE,
    ].join('\n'),
  };
}
