import { Injectable } from '@nestjs/common';
import { jstDate } from '@yokoten/case-studies';
import type { EntityManager } from 'typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from '../../common/app-error';
import { isUniqueViolation } from '../../database/pg-errors';
import { authorize } from '../auth/authorization.policy';
import { AuditLogService } from '../audit/audit-log.service';
import type { Actor } from '../auth/actor';
import { DeclarationEntity } from './declaration.entity';
import { MunicipalityEntity } from './municipality.entity';
import { MunicipalityRepository } from './municipality.repository';
import type { MunicipalitiesArgs } from './dto/municipalities.args';
import type { SignDeclarationInput } from './dto/sign-declaration.input';

/** Today's date in Japan (`YYYY-MM-DD`), e.g. a member's joined date. */
export function todayInJapan(now = new Date()): string {
  return jstDate(now);
}

const encodeCursor = (code: string) => Buffer.from(`m:${code}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^m:(\d{6})$/.exec(decoded);
  if (!match)
    throw new BadUserInputError('after', 'after: not a cursor returned by this API (use pageInfo.endCursor)');
  return match[1];
}

@Injectable()
export class MunicipalityService {
  constructor(
    private readonly repository: MunicipalityRepository,
    private readonly audit: AuditLogService,
  ) {}

  async list(args: MunicipalitiesArgs) {
    const first = args.first ?? 20;
    const { rows, totalCount, hasNextPage } = await this.repository.findPage({
      ...args.filter,
      afterCode: args.after ? decodeCursor(args.after) : undefined,
      limit: first,
    });
    const edges = rows.map((node) => ({ node, cursor: encodeCursor(node.code) }));
    return { edges, totalCount, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  getByCode(code: string): Promise<MunicipalityEntity | null> {
    return this.repository.findByCode(code);
  }

  private async requireByCode(code: string): Promise<MunicipalityEntity> {
    const m = await this.repository.findByCode(code);
    if (!m) throw new NotFoundError('Municipality', code);
    return m;
  }

  /** 加入承認: an applicant (or a municipality the organiser invites directly, or a former member) becomes a member. */
  async admit(actor: Actor | null, code: string): Promise<MunicipalityEntity> {
    const staff = authorize(actor, 'municipality.admit');
    const m = await this.requireByCode(code);
    return this.repository.transaction((manager) => this.admitInTransaction(manager, staff, m));
  }

  /**
   * The admission itself, in the caller's transaction (a join application's admission invites the first
   * officer in the same one): the compare-and-set and its audit entry. The caller has authorised.
   */
  async admitInTransaction(
    manager: EntityManager,
    actor: Actor,
    m: MunicipalityEntity,
  ): Promise<MunicipalityEntity> {
    const updated = await this.repository.transitionMembership(
      m.id,
      ['APPLICANT', null, 'WITHDRAWN'],
      'MEMBER',
      todayInJapan(),
      manager,
    );
    if (!updated)
      throw new ConflictError(`${m.name} は既に会員です。 (${m.code} is already a member)`, {
        field: 'code',
      });
    await this.recordMembership(manager, actor, 'municipality.admit', m, updated);
    return updated;
  }

  /**
   * 参加申込: a municipality with no status, or a former member, becomes an APPLICANT (in the application's
   * transaction; an APPLICANT stays one). Not audited apart: the application's own entry says it.
   */
  async markApplicant(manager: EntityManager, municipalityId: string): Promise<void> {
    await this.repository.transitionMembership(
      municipalityId,
      [null, 'WITHDRAWN'],
      'APPLICANT',
      undefined,
      manager,
    );
  }

  private recordMembership(
    manager: EntityManager,
    actor: Actor,
    action: 'municipality.admit' | 'municipality.withdraw',
    before: MunicipalityEntity,
    after: MunicipalityEntity,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorUserId: actor.userId,
      action,
      subjectType: 'municipality',
      subjectId: before.code,
      subjectLabel: before.name,
      before: { membershipStatus: before.membershipStatus, joinedOn: before.joinedOn },
      after: { membershipStatus: after.membershipStatus, joinedOn: after.joinedOn },
    });
  }

  /** 退会処理: a member leaves; its declaration stays on record but is no longer listed. */
  async withdraw(actor: Actor | null, code: string): Promise<MunicipalityEntity> {
    const staff = authorize(actor, 'municipality.withdraw');
    const m = await this.requireByCode(code);
    return this.repository.transaction(async (manager) => {
      const updated = await this.repository.transitionMembership(
        m.id,
        ['MEMBER'],
        'WITHDRAWN',
        undefined,
        manager,
      );
      if (!updated)
        throw new ConflictError(`${m.name} は会員ではありません。 (${code} is not a member)`, {
          field: 'code',
        });
      await this.recordMembership(manager, staff, 'municipality.withdraw', m, updated);
      return updated;
    });
  }

  /** An officer signs the joint declaration for their own municipality, once. */
  async signDeclaration(
    actor: Actor | null,
    input: SignDeclarationInput,
    municipalityCode?: string,
  ): Promise<DeclarationEntity> {
    if (!actor) authorize(actor, 'declaration.sign');
    const target = municipalityCode
      ? await this.requireByCode(municipalityCode)
      : actor?.municipalityId
        ? await this.repository.findByIds([actor.municipalityId]).then(([m]) => m)
        : undefined;
    if (!target)
      throw new BadUserInputError(
        'municipalityCode',
        'municipalityCode: 署名する自治体を指定してください (which municipality signs?)',
      );
    const signer = authorize(actor, 'declaration.sign', { municipalityId: target.id });
    if (target.membershipStatus !== 'MEMBER') {
      throw new BadUserInputError(
        'municipalityCode',
        `${target.name} は会員ではないため署名できません。 (only members sign the declaration)`,
      );
    }
    try {
      return await this.repository.insertDeclaration({
        municipalityId: target.id,
        signerName: input.signerName,
        signerTitle: input.signerTitle,
        statement: input.statement,
        signedByUserId: signer.userId,
      });
    } catch (e) {
      // The unique index on municipality_id decides a race between two officers.
      if (isUniqueViolation(e))
        throw new ConflictError(`${target.name} は既に共同宣言に署名しています。 (already signed)`);
      throw e;
    }
  }

  listDeclarations(): Promise<DeclarationEntity[]> {
    return this.repository.listDeclarations();
  }

  stats() {
    return this.repository.counts();
  }
}
