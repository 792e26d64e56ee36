import { formatDateTimeJst, SESSION_FORMAT_LABELS, type SessionFormat } from '@yokoten/case-studies';
import { BILINGUAL_SIGNATURE } from '../mail/bilingual-mail';
import { APP_URL, type MailMessage } from '../mail/mail.service';
import type { MailRecipient, MailSession } from './session-mails';

/**
 * Change notices (issue #13): what registrants are told when a session they registered for changes. Only
 * what changes their plans counts — the time, the place (venue and its directions), the format and the
 * meeting URL; a change of the title, description, agenda or capacity sends nothing.
 */
export type NoticedField = 'time' | 'venue' | 'venueDetails' | 'format' | 'meetingUrl';

type Logistics = Pick<
  MailSession,
  'startsAt' | 'endsAt' | 'format' | 'venue' | 'venueDetails' | 'meetingUrl'
>;

export interface SessionChange {
  field: NoticedField;
  before: string | null;
  after: string | null;
}

export type MailLang = 'ja' | 'en';

function when(s: Logistics, lang: MailLang): string {
  const end = formatDateTimeJst(s.endsAt, lang).split(' ').at(-1);
  return `${formatDateTimeJst(s.startsAt, lang)}–${end} ${lang === 'ja' ? '（日本時間）' : '(JST)'}`;
}

/** The noticed fields that differ between the session before and after an edit, as texts in `lang`. */
export function sessionChanges(before: Logistics, after: Logistics, lang: MailLang = 'ja'): SessionChange[] {
  const changes: SessionChange[] = [];
  if (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime()
  )
    changes.push({ field: 'time', before: when(before, lang), after: when(after, lang) });
  if (before.format !== after.format)
    changes.push({
      field: 'format',
      before: SESSION_FORMAT_LABELS[before.format as SessionFormat][lang],
      after: SESSION_FORMAT_LABELS[after.format as SessionFormat][lang],
    });
  for (const field of ['venue', 'venueDetails', 'meetingUrl'] as const)
    if ((before[field] ?? '') !== (after[field] ?? ''))
      changes.push({ field, before: before[field] || null, after: after[field] || null });
  return changes;
}

const LABELS: Record<NoticedField, Record<MailLang, string>> = {
  time: { ja: '日時', en: 'Date and time' },
  format: { ja: '形式', en: 'Format' },
  venue: { ja: '会場', en: 'Venue' },
  venueDetails: { ja: '会場案内', en: 'Directions' },
  meetingUrl: { ja: '参加URL', en: 'Meeting URL' },
};

/** Venue and meeting URL are a confirmed seat's: a waitlisted registrant is told that they changed, not to what. */
const LOGISTICS: readonly NoticedField[] = ['venue', 'venueDetails', 'meetingUrl'];

/**
 * One mail per registrant and change, in the registrant's language (account locale), old → new in JST, with
 * the calendar link (the event keeps its UID and gets a higher SEQUENCE, so a calendar updates it).
 */
export function sessionChangedMail(
  s: MailSession,
  before: Logistics,
  to: MailRecipient & { locale: 'JA' | 'EN' },
  withLogistics: boolean,
): MailMessage {
  const lang: MailLang = to.locale === 'EN' ? 'en' : 'ja';
  const changes = sessionChanges(before, s, lang);
  const none = lang === 'ja' ? '（なし）' : '(none)';
  const lines = changes.map((c) => {
    const label = LABELS[c.field][lang];
    if (LOGISTICS.includes(c.field) && !withLogistics)
      return lang === 'ja'
        ? `・${label}が変更されました（参加確定後にお知らせします）`
        : `- ${label} has changed (sent to you once your seat is confirmed)`;
    return lang === 'ja'
      ? `・${label}：${c.before ?? none} → ${c.after ?? none}`
      : `- ${label}: ${c.before ?? none} → ${c.after ?? none}`;
  });
  const page = `${APP_URL}/sessions/${s.id}`;
  const calendar = `${APP_URL}/calendar/sessions/${s.id}.ics`;
  const text =
    lang === 'ja'
      ? [
          `${to.name} 様`,
          '',
          `お申し込みの ${s.title} の内容が変更されました。`,
          '',
          ...lines,
          '',
          `会のページ：${page}`,
          `カレンダー（更新版）：${calendar}`,
          'カレンダーに登録済みの場合は、このファイルを開くと予定が更新されます。',
          BILINGUAL_SIGNATURE,
        ]
      : [
          `Dear ${to.name},`,
          '',
          `${s.title}, which you registered for, has changed.`,
          '',
          ...lines,
          '',
          `Session page: ${page}`,
          `Calendar (updated): ${calendar}`,
          'If the session is in your calendar, opening this file updates the event.',
          BILINGUAL_SIGNATURE,
        ];
  return {
    kind: 'session-changed',
    to: to.email,
    subject: lang === 'ja' ? `【変更のお知らせ】${s.title}` : `[Changed] ${s.title}`,
    text: text.join('\n'),
  };
}

/** To attendees when the report is posted, or updated after a quiet while (see the README). */
export function reportPostedMail(
  s: MailSession,
  to: MailRecipient & { locale: 'JA' | 'EN' },
  updated: boolean,
): MailMessage {
  const page = `${APP_URL}/sessions/${s.id}`;
  const text =
    to.locale === 'EN'
      ? [
          `Dear ${to.name},`,
          '',
          `The report of ${s.title} has been ${updated ? 'updated' : 'posted'}. Thank you for taking part.`,
          '',
          `Report: ${page}`,
          BILINGUAL_SIGNATURE,
        ]
      : [
          `${to.name} 様`,
          '',
          `ご参加いただいた ${s.title} の開催報告を${updated ? '更新' : '掲載'}しました。ご参加ありがとうございました。`,
          '',
          `開催報告：${page}`,
          BILINGUAL_SIGNATURE,
        ];
  return {
    kind: updated ? 'report-updated' : 'report-posted',
    to: to.email,
    subject:
      to.locale === 'EN'
        ? `[Report ${updated ? 'updated' : 'posted'}] ${s.title}`
        : `【開催報告${updated ? 'を更新' : ''}】${s.title}`,
    text: text.join('\n'),
  };
}
