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

interface SessionMailParts {
  kind: string;
  to: string | string[];
  /** The first line: the recipient's name, or the organisers. */
  greeting: string;
  subject: string;
  /** What happened, above the session's summary. */
  intro: string[];
  /** Venue, venue details and meeting URL: only for confirmed participants. */
  withLogistics?: boolean;
  /** Shown under the summary, for confirmed participants. */
  checkInCode?: string;
  /** A last paragraph, after a blank line. */
  closing?: string;
}

/** Every session mail: greeting, what happened, the session's summary, then the signature. */
function sessionMail(s: MailSession, m: SessionMailParts): MailMessage {
  return {
    kind: m.kind,
    to: m.to,
    subject: m.subject,
    text: [
      m.greeting,
      '',
      ...m.intro,
      '',
      ...summary(s, m.withLogistics ?? false),
      ...(m.checkInCode === undefined ? [] : [`受付コード：${m.checkInCode}（当日受付でお示しください）`]),
      ...(m.closing === undefined ? [] : ['', m.closing]),
      SIGNATURE,
    ].join('\n'),
  };
}

/** A mail to one person: to their address, greeted by name. */
function personal(to: MailRecipient): Pick<SessionMailParts, 'to' | 'greeting'> {
  return { to: to.email, greeting: `${to.name} 様` };
}

export function confirmationMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return sessionMail(s, {
    kind: 'confirmation',
    ...personal(to),
    subject: `【参加確定】${s.title}`,
    intro: [`${s.title} へのお申し込みを受け付け、参加が確定しました。`],
    withLogistics: true,
    checkInCode,
    closing:
      'ご都合が悪くなった場合は、申込期間内に会のページからキャンセルしてください。キャンセル待ちの方に順番にご案内します。',
  });
}

/** `position` may be a placeholder that the registration fills in once the seat is decided. */
export function waitlistMail(s: MailSession, to: MailRecipient, position: number | string): MailMessage {
  return sessionMail(s, {
    kind: 'waitlist',
    ...personal(to),
    subject: `【キャンセル待ち】${s.title}`,
    intro: [
      `${s.title} は定員（${s.capacity}名）に達したため、キャンセル待ちで受け付けました。`,
      `現在の順番：${position}番目`,
    ],
    closing: 'お席が空き次第、お申し込み順に自動で参加確定となり、メールでお知らせします。',
  });
}

export function applicationMail(s: MailSession, to: MailRecipient, closesAt: Date): MailMessage {
  return sessionMail(s, {
    kind: 'application',
    ...personal(to),
    subject: `【抽選申込受付】${s.title}`,
    intro: [
      `${s.title} への参加申込（抽選）を受け付けました。`,
      `申込締切（${formatDateTimeJst(closesAt, 'ja')}）後に抽選を行い、結果をメールでお知らせします。`,
    ],
  });
}

export function promotionMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return sessionMail(s, {
    kind: 'promotion',
    ...personal(to),
    subject: `【繰り上げ参加確定】${s.title}`,
    intro: [`キャンセルが出たため、キャンセル待ちでお申し込みの ${s.title} への参加が確定しました。`],
    withLogistics: true,
    checkInCode,
  });
}

export function lotteryWaitlistMail(s: MailSession, to: MailRecipient, position: number): MailMessage {
  return sessionMail(s, {
    kind: 'lottery-waitlist',
    ...personal(to),
    subject: `【抽選結果】${s.title}`,
    intro: [
      `${s.title} の抽選の結果、今回は落選となりキャンセル待ち（${position}番目）として登録しました。`,
      'お席が空いた場合は順番に繰り上げてご案内します。',
    ],
  });
}

export function registrationCancelledMail(s: MailSession, to: MailRecipient): MailMessage {
  return sessionMail(s, {
    kind: 'registration-cancelled',
    ...personal(to),
    subject: `【申込キャンセル】${s.title}`,
    intro: [`${s.title} へのお申し込みのキャンセルを受け付けました。`],
  });
}

export function sessionCancelledMail(s: MailSession, to: MailRecipient, reason: string): MailMessage {
  return sessionMail(s, {
    kind: 'session-cancelled',
    ...personal(to),
    subject: `【開催中止】${s.title}`,
    intro: [`お申し込みいただいていた ${s.title} は、開催を中止することになりました。`, `理由：${reason}`],
    closing: 'ご迷惑をおかけし申し訳ありません。次回の開催はあらためてご案内します。',
  });
}

export function reminderMail(s: MailSession, to: MailRecipient, checkInCode: string): MailMessage {
  return sessionMail(s, {
    kind: 'reminder',
    ...personal(to),
    subject: `【リマインド】${s.title}（${formatDateTimeJst(s.startsAt, 'ja')}〜）`,
    intro: [`お申し込みの ${s.title} が近づいてまいりました。`],
    withLogistics: true,
    checkInCode,
  });
}

export function capacityAlertMail(
  s: MailSession,
  to: string[],
  percent: number,
  confirmed: number,
): MailMessage {
  return sessionMail(s, {
    kind: `capacity-${percent}`,
    to,
    greeting: '事務局各位',
    subject: `【定員${percent}%到達】${s.title}（${confirmed}/${s.capacity}名）`,
    intro: [
      `${s.title} の参加確定者が定員の${percent}%に達しました（${confirmed}名 / 定員${s.capacity}名）。`,
      percent >= 100 ? '以降のお申し込みはキャンセル待ちとなります。' : '',
    ],
  });
}
