import {
  formatDateTimeJst,
  formatTerm,
  SESSION_FORMAT_LABELS,
  type SessionFormat,
} from '@yokoten/case-studies';
import { APP_URL, type MailMessage } from '../mail/mail.service';

/** What the mails need to know about a session. */
export interface MailSession {
  id: string;
  title: string;
  term: string;
  startsAt: Date;
  endsAt: Date;
  format: SessionFormat;
  venue: string | null;
  venueDetails: string | null;
  meetingUrl: string | null;
  capacity: number;
}

export interface MailRecipient {
  email: string;
  name: string;
}

const SIGNATURE = [
  '',
  '--',
  '全国自治体リスキリングネットワーク「横展」事務局',
  'このメールは送信専用です。',
].join('\n');

function when(s: MailSession): string {
  const end = formatDateTimeJst(s.endsAt, 'ja').split(' ')[1];
  return `${formatDateTimeJst(s.startsAt, 'ja')}〜${end}（日本時間）`;
}

function summary(s: MailSession, withLogistics: boolean): string[] {
  const lines = [
    `会名：${s.title}（${formatTerm(s.term, 'ja')}）`,
    `日時：${when(s)}`,
    `形式：${SESSION_FORMAT_LABELS[s.format].ja}`,
    `会のページ：${APP_URL}/sessions/${s.id}`,
  ];
  if (withLogistics) {
    if (s.venue) lines.push(`会場：${s.venue}`);
    if (s.venueDetails) lines.push(`会場案内：${s.venueDetails}`);
    if (s.meetingUrl) lines.push(`参加URL：${s.meetingUrl}`);
  }
  return lines;
}

export function confirmationMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return {
    kind: 'confirmation',
    to: to.email,
    subject: `【参加確定】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `${s.title} へのお申し込みを受け付け、参加が確定しました。`,
      '',
      ...summary(s, true),
      `受付コード：${checkInCode}（当日受付でお示しください）`,
      '',
      'ご都合が悪くなった場合は、申込期間内に会のページからキャンセルしてください。キャンセル待ちの方に順番にご案内します。',
      SIGNATURE,
    ].join('\n'),
  };
}

/** `position` may be a placeholder that the registration fills in once the seat is decided. */
export function waitlistMail(s: MailSession, to: MailRecipient, position: number | string): MailMessage {
  return {
    kind: 'waitlist',
    to: to.email,
    subject: `【キャンセル待ち】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `${s.title} は定員（${s.capacity}名）に達したため、キャンセル待ちで受け付けました。`,
      `現在の順番：${position}番目`,
      '',
      ...summary(s, false),
      '',
      'お席が空き次第、お申し込み順に自動で参加確定となり、メールでお知らせします。',
      SIGNATURE,
    ].join('\n'),
  };
}

export function applicationMail(s: MailSession, to: MailRecipient, closesAt: Date): MailMessage {
  return {
    kind: 'application',
    to: to.email,
    subject: `【抽選申込受付】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `${s.title} への参加申込（抽選）を受け付けました。`,
      `申込締切（${formatDateTimeJst(closesAt, 'ja')}）後に抽選を行い、結果をメールでお知らせします。`,
      '',
      ...summary(s, false),
      SIGNATURE,
    ].join('\n'),
  };
}

export function promotionMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return {
    kind: 'promotion',
    to: to.email,
    subject: `【繰り上げ参加確定】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `キャンセルが出たため、キャンセル待ちでお申し込みの ${s.title} への参加が確定しました。`,
      '',
      ...summary(s, true),
      `受付コード：${checkInCode}（当日受付でお示しください）`,
      SIGNATURE,
    ].join('\n'),
  };
}

export function lotteryWaitlistMail(s: MailSession, to: MailRecipient, position: number): MailMessage {
  return {
    kind: 'lottery-waitlist',
    to: to.email,
    subject: `【抽選結果】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `${s.title} の抽選の結果、今回は落選となりキャンセル待ち（${position}番目）として登録しました。`,
      'お席が空いた場合は順番に繰り上げてご案内します。',
      '',
      ...summary(s, false),
      SIGNATURE,
    ].join('\n'),
  };
}

export function registrationCancelledMail(s: MailSession, to: MailRecipient): MailMessage {
  return {
    kind: 'registration-cancelled',
    to: to.email,
    subject: `【申込キャンセル】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `${s.title} へのお申し込みのキャンセルを受け付けました。`,
      '',
      ...summary(s, false),
      SIGNATURE,
    ].join('\n'),
  };
}

export function sessionCancelledMail(s: MailSession, to: MailRecipient, reason: string): MailMessage {
  return {
    kind: 'session-cancelled',
    to: to.email,
    subject: `【開催中止】${s.title}`,
    text: [
      `${to.name} 様`,
      '',
      `お申し込みいただいていた ${s.title} は、開催を中止することになりました。`,
      `理由：${reason}`,
      '',
      ...summary(s, false),
      '',
      'ご迷惑をおかけし申し訳ありません。次回の開催はあらためてご案内します。',
      SIGNATURE,
    ].join('\n'),
  };
}

export function reminderMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return {
    kind: 'reminder',
    to: to.email,
    subject: `【リマインド】${s.title}（${formatDateTimeJst(s.startsAt, 'ja')}〜）`,
    text: [
      `${to.name} 様`,
      '',
      `お申し込みの ${s.title} が近づいてまいりました。`,
      '',
      ...summary(s, true),
      `受付コード：${checkInCode}（当日受付でお示しください）`,
      SIGNATURE,
    ].join('\n'),
  };
}

export function capacityAlertMail(
  s: MailSession,
  to: string[],
  percent: number,
  confirmed: number,
): MailMessage {
  return {
    kind: `capacity-${percent}`,
    to,
    subject: `【定員${percent}%到達】${s.title}（${confirmed}/${s.capacity}名）`,
    text: [
      '事務局各位',
      '',
      `${s.title} の参加確定者が定員の${percent}%に達しました（${confirmed}名 / 定員${s.capacity}名）。`,
      percent >= 100 ? '以降のお申し込みはキャンセル待ちとなります。' : '',
      '',
      ...summary(s, false),
      SIGNATURE,
    ].join('\n'),
  };
}
