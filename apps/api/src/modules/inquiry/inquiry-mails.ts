import type { MailMessage } from '../mail/mail.service';

const SIGNATURE = [
  '',
  '--',
  '全国自治体リスキリングネットワーク「横展」事務局',
  'このメールは送信専用です。返信は横展の問い合わせ画面からお願いします。',
].join('\n');

export interface InquiryMailFacts {
  caseTitle: string;
  subject: string;
  fromName: string;
  body: string;
  inquiryUrl: string;
}

/** To the publisher's officers: a new question about their case. */
export function inquiryAskedMail(to: string[], f: InquiryMailFacts): MailMessage {
  return {
    kind: 'inquiry-asked',
    to,
    subject: `【問い合わせ】${f.fromName}より「${f.caseTitle}」について`,
    text: [
      '担当者各位',
      '',
      `貴団体の事例「${f.caseTitle}」について、${f.fromName}から問い合わせが届きました。`,
      '',
      `件名：${f.subject}`,
      '',
      f.body,
      '',
      `回答はこちらから：${f.inquiryUrl}`,
      SIGNATURE,
    ].join('\n'),
  };
}

/** To the other side of a thread: a new message (an answer or a follow-up). */
export function inquiryReplyMail(to: string[], f: InquiryMailFacts): MailMessage {
  return {
    kind: 'inquiry-reply',
    to,
    subject: `【問い合わせ】${f.fromName}より返信：${f.subject}`,
    text: [
      '担当者各位',
      '',
      `事例「${f.caseTitle}」の問い合わせ「${f.subject}」に、${f.fromName}から返信がありました。`,
      '',
      f.body,
      '',
      `スレッド：${f.inquiryUrl}`,
      SIGNATURE,
    ].join('\n'),
  };
}
