import { Injectable, Logger } from '@nestjs/common';
import { assignTables, scoreAssignment } from '@yokoten/case-studies';
import { BadUserInputError, NotFoundError } from '../../common/app-error';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import { ExchangeSessionRepository } from './exchange-session.repository';
import type { RegistrationEntity } from './registration.entity';
import { SessionAccessService } from './session-access.service';

/** Theme tables: seating the confirmed by preference (spreading municipalities), its score, seating by hand. */
@Injectable()
export class SeatingService {
  private readonly logger = new Logger('ExchangeSession');

  constructor(
    private readonly sessions: ExchangeSessionRepository,
    private readonly access: SessionAccessService,
  ) {}

  async assignTables(actor: Actor | null, sessionId: string) {
    await this.access.requireForManagement(actor, sessionId);
    return this.access.locked(sessionId, async (locked) => {
      const [tables, confirmed] = await Promise.all([locked.tables(), locked.confirmed()]);
      if (!tables.length)
        throw new BadUserInputError(
          'sessionId',
          'この会にはテーブルがありません (the session has no tables)',
        );
      const result = assignTables(
        tables.map((t) => ({ id: t.id, seats: t.seats })),
        confirmed.map((r) => ({
          id: r.id,
          municipalityId: r.municipalityId,
          preferences: r.tablePreferences,
        })),
      );
      await locked.setAssignments(
        result.assignments.map((a) => ({ registrationId: a.participantId, tableId: a.tableId })),
      );
      this.logger.log({ msg: 'tables assigned', sessionId, ...result.score });
      return { score: result.score, registrations: await locked.confirmed() };
    });
  }

  async tableScore(actor: Actor | null, sessionId: string) {
    await this.access.requireForManagement(actor, sessionId);
    const [tables, regs] = await Promise.all([
      this.sessions.tablesBySessionIds([sessionId]),
      this.sessions.confirmedOf(sessionId),
    ]);
    return scoreAssignment(
      tables,
      regs.map((r) => ({ id: r.id, municipalityId: r.municipalityId, preferences: r.tablePreferences })),
      regs.map((r) => ({ participantId: r.id, tableId: r.assignedTableId })),
    );
  }

  /** The organiser seats someone by hand; a full table refuses. */
  async setTableAssignment(actor: Actor | null, registrationId: string, tableId: string | null) {
    authorize(actor, 'session.manage');
    const existing = await this.sessions.findRegistration(registrationId);
    if (!existing) throw new NotFoundError('Registration', registrationId);
    return this.access.locked(existing.sessionId, async (locked) => {
      const reg = await locked.findRegistration(registrationId);
      if (!reg) throw new NotFoundError('Registration', registrationId);
      if (reg.status !== 'CONFIRMED')
        throw new BadUserInputError(
          'registrationId',
          '参加確定者のみテーブルに割り当てられます (only confirmed registrants sit at tables)',
        );
      if (tableId) {
        const table = (await locked.tables()).find((t) => t.id === tableId);
        if (!table)
          throw new BadUserInputError(
            'tableId',
            'tableId: この会のテーブルではありません (not a table of this session)',
          );
        if (reg.assignedTableId !== tableId && (await locked.seatedAt(tableId)) >= table.seats)
          throw new BadUserInputError(
            'tableId',
            `${table.name} は満席です (the table is full: ${table.seats} seats)`,
          );
      }
      await locked.setAssignments([{ registrationId, tableId }]);
      return (await locked.findRegistration(registrationId)) as RegistrationEntity;
    });
  }
}
