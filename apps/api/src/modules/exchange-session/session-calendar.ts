import { createEvents, type EventAttributes } from 'ics';
import { formatTerm, SESSION_FORMAT_LABELS } from '@yokoten/case-studies';
import type { ExchangeSessionEntity } from './exchange-session.entity';

export const CALENDAR_PRODUCT_ID = '-//Yokoten//Exchange sessions//JA';

/**
 * One VEVENT per session with the `ics` package. Times are written in UTC (…Z), which every calendar
 * shows in the reader's zone; UID is stable per session, so a re-import updates the event instead of
 * duplicating it, and SEQUENCE (the session's calendar_sequence) says which version is newer. The meeting URL and venue are only included for someone allowed to see them.
 */
function eventOf(
  s: ExchangeSessionEntity,
  opts: { baseUrl: string; withLogistics: boolean },
): EventAttributes {
  const lines = [`${formatTerm(s.term, 'ja')}・${SESSION_FORMAT_LABELS[s.format].ja}`, s.description].filter(
    Boolean,
  );
  if (opts.withLogistics && s.meetingUrl) lines.push(`参加URL: ${s.meetingUrl}`);
  if (!opts.withLogistics && s.format !== 'ONLINE') lines.push('会場の詳細は参加確定後にお知らせします。');
  const location = opts.withLogistics
    ? [s.venue, s.format !== 'ONSITE' ? 'オンライン' : null].filter(Boolean).join(' / ')
    : s.format === 'ONLINE'
      ? 'オンライン'
      : SESSION_FORMAT_LABELS[s.format].ja;
  return {
    uid: `exchange-session-${s.id}@yokoten`,
    title: s.status === 'CANCELLED' ? `【中止】${s.title}` : s.title,
    description: lines.join('\n'),
    start: s.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: s.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    location,
    url: `${opts.baseUrl}/sessions/${s.id}`,
    status: s.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
    categories: ['定期共有会'],
    lastModified: s.updatedAt.getTime(),
    // Same UID, higher SEQUENCE after every change registrants were told of (RFC 5545 §3.8.7.4), and DTSTAMP
    // the time the file was made: a calendar that imported the event replaces it.
    sequence: s.calendarSequence ?? 0,
    timestamp: Date.now(),
    productId: CALENDAR_PRODUCT_ID,
  } as EventAttributes;
}

const MAX_OCTETS = 75;

/**
 * RFC 5545 §3.1: content lines are folded at 75 octets, not characters. The `ics` package folds every 75
 * characters, which makes Japanese lines up to 225 octets (strict readers reject them); unfold its output
 * and fold again by UTF-8 octets, never inside a character.
 */
export function foldByOctets(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const ch of line) {
        const size = Buffer.byteLength(ch, 'utf8');
        // The first part may use 75 octets; each continuation starts with a space, which counts.
        const room = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
        if (octets + size > room) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += ch;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/** A TEXT value (RFC 5545 §3.3.11) for the properties `ics` writes as given, such as X-WR-CALNAME. */
function escapeText(value: string): string {
  return value.replace(/([\\;,])/g, '\\$1');
}

export function sessionsToIcs(
  sessions: ExchangeSessionEntity[],
  opts: { baseUrl: string; withLogistics: boolean; calName: string },
): string {
  const { error, value } = createEvents(
    sessions.map((s) => eventOf(s, opts)),
    { productId: CALENDAR_PRODUCT_ID, calName: escapeText(opts.calName), method: 'PUBLISH' },
  );
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return foldByOctets(value);
}
