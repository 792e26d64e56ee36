import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/app-error';
import { Clock } from '../../common/clock';
import type { Actor } from '../auth/actor';
import type { SessionReportInput } from './dto/exchange-session.input';
import type { ExchangeSessionEntity } from './exchange-session.entity';
import { SessionAccessService } from './session-access.service';
import { reportPostedMail } from './session-change-notice';

/** A report edited again within this many hours of its last mail to attendees sends no new mail. */
export const REPORT_QUIET_HOURS = 24;

/** The session took place: FINISHED with its report, which stays editable; attendees are told (README). */
@Injectable()
export class SessionReportService {
  constructor(
    private readonly access: SessionAccessService,
    private readonly clock: Clock,
  ) {}

  async finish(actor: Actor | null, id: string, report: SessionReportInput): Promise<ExchangeSessionEntity> {
    await this.access.requireForManagement(actor, id);
    return this.access.locked(id, async (locked) => {
      const s = locked.session;
      if (s.status === 'CANCELLED' || s.status === 'DRAFT')
        throw new BadUserInputError('sessionId', `この会は終了にできません (status ${s.status})`);
      if (s.startsAt > this.clock.now())
        throw new BadUserInputError(
          'sessionId',
          '開催前の会は終了にできません (the session has not started yet)',
        );
      const confirmed = await locked.confirmed();
      const attended = confirmed.filter((r) => r.checkedInAt !== null);
      const materials = report.materials.map((m) => ({ title: m.title, url: m.url }));
      const reportChanged =
        s.reportMinutes !== report.minutes || JSON.stringify(s.materials) !== JSON.stringify(materials);
      const now = this.clock.now();
      // The report stays editable after FINISHED. Attendees are mailed when it is posted, and when it is
      // edited again after REPORT_QUIET_HOURS since their last mail; edits within that window are silent.
      const notify =
        reportChanged &&
        (!s.reportNotifiedAt ||
          now.getTime() - s.reportNotifiedAt.getTime() >= REPORT_QUIET_HOURS * 3600_000);
      const updated = s.reportNotifiedAt !== null;
      const saved = await locked.save({
        status: 'FINISHED',
        finishedAt: s.finishedAt ?? now,
        reportMinutes: report.minutes,
        reportAttendeeCount: report.attendeeCount ?? attended.length,
        reportMunicipalityCount:
          report.municipalityCount ?? new Set(attended.map((r) => r.municipalityId)).size,
        materials,
        ...(notify ? { reportNotifiedAt: now } : {}),
      });
      if (notify) {
        // Attendees: those checked in; a session with no check-in data counts its confirmed registrants.
        const attendees = attended.length ? attended : confirmed;
        await locked.queueMailsFor(attendees, (r, u) => ({
          ...reportPostedMail(saved, u, updated),
          dedupeKey: `report:${r.id}:${now.toISOString()}`,
        }));
      }
      return saved;
    });
  }
}
