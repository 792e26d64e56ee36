import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditAction } from '@yokoten/case-studies';
import { BadUserInputError } from '../../common/app-error';
import { toCsv } from '../exchange-session/csv';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorization.policy';
import { redactForAudit } from './audit-redact';
import type { AuditLogEntity } from './audit-log.entity';
import { AuditLogRepository, type AuditLogQuery } from './audit-log.repository';

export interface AuditEntryInput {
  /** null for the system (a command-line tool, an anonymous applicant). */
  actorUserId: string | null;
  /** Defaults to the actor's e-mail, or 'system' without an actor. */
  actorLabel?: string;
  /** One of the actions of docs/accounts.md (AUDIT_ACTIONS in the library), e.g. `municipality.admit`. */
  action: AuditAction;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  /** The changed fields before and after; secrets (password hashes, tokens) are dropped. */
  before?: unknown;
  after?: unknown;
}

/** Rows a CSV export carries at most (the newest); a filter narrows it. */
export const AUDIT_CSV_LIMIT = 50_000;

const encodeCursor = (id: string) => Buffer.from(`a:${id}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const match = /^a:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new BadUserInputError('after', 'after: not a cursor returned by this API (use pageInfo.endCursor)');
  return match[1];
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

@Injectable()
export class AuditLogService {
  constructor(private readonly repository: AuditLogRepository) {}

  /**
   * Writes one entry in the caller's transaction (`manager`): it commits or rolls back with the change
   * it describes.
   */
  async record(manager: EntityManager, entry: AuditEntryInput): Promise<void> {
    const actorLabel =
      entry.actorLabel?.trim() ||
      (entry.actorUserId ? await this.repository.emailOf(manager, entry.actorUserId) : null) ||
      'system';
    await this.repository.insert(manager, {
      actorUserId: entry.actorUserId,
      actorLabel: actorLabel.slice(0, 254),
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      subjectLabel: entry.subjectLabel.slice(0, 300),
      before: redactForAudit(entry.before),
      after: redactForAudit(entry.after),
    });
  }

  async list(actor: Actor | null, filter: AuditLogQuery | undefined, first = 50, after?: string) {
    authorize(actor, 'auditLog.read');
    const { rows, totalCount, hasNextPage } = await this.repository.findPage({
      ...filter,
      beforeId: after ? decodeCursor(after) : undefined,
      limit: first,
    });
    const edges = rows.map((node) => ({ node, cursor: encodeCursor(node.id) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async csv(actor: Actor | null, filter: AuditLogQuery): Promise<{ filename: string; csv: string }> {
    authorize(actor, 'auditLog.read');
    const rows = await this.repository.findAll(filter, AUDIT_CSV_LIMIT);
    return {
      filename: 'yokoten-audit-log.csv',
      csv: toCsv(
        [
          'at',
          'actorUserId',
          'actorLabel',
          'action',
          'subjectType',
          'subjectId',
          'subjectLabel',
          'before',
          'after',
        ],
        rows.map((r: AuditLogEntity) => [
          r.at.toISOString(),
          r.actorUserId ?? '',
          r.actorLabel,
          r.action,
          r.subjectType,
          r.subjectId,
          r.subjectLabel,
          json(r.before) ?? '',
          json(r.after) ?? '',
        ]),
      ),
    };
  }
}
