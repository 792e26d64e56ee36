import { createEvents, type EventAttributes } from 'ics';
import { formatTerm, SESSION_FORMAT_LABELS } from '@yokoten/case-studies';
import type { ExchangeSessionEntity } from './exchange-session.entity';

export const CALENDAR_PRODUCT_ID = '-//Yokoten//Exchange sessions//JA';

/**
 * One VEVENT per session with the `ics` package. Times are written in UTC (…Z), which every calendar
 * shows in the reader's zone; UID is stable per session, so a re-import updates the event instead of
 * duplicating it. The meeting URL and venue are only included for someone allowed to see them.
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
    productId: CALENDAR_PRODUCT_ID,
  } as EventAttributes;
}

export function sessionsToIcs(
  sessions: ExchangeSessionEntity[],
  opts: { baseUrl: string; withLogistics: boolean; calName: string },
): string {
  const { error, value } = createEvents(
    sessions.map((s) => eventOf(s, opts)),
    { productId: CALENDAR_PRODUCT_ID, calName: opts.calName, method: 'PUBLISH' },
  );
  if (error || !value) throw error ?? new Error('calendar could not be built');
  return value;
}
