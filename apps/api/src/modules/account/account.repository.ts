import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In } from 'typeorm';
import type { Role } from '@yokoten/case-studies';
import { LoginSessionEntity } from '../auth/login-session.entity';
import { UserEntity, type UserStatus } from '../auth/user.entity';
import { MunicipalityEntity } from '../municipality/municipality.entity';
import { AppSettingEntity } from './app-setting.entity';
import { InvitationEntity, type InvitationStatus } from './invitation.entity';
import { PasswordResetEntity } from './password-reset.entity';

export interface InvitationSettingsValue {
  restrictOfficerDomains: boolean;
  allowedDomains: string[];
}
export const DEFAULT_INVITATION_SETTINGS: InvitationSettingsValue = {
  restrictOfficerDomains: true,
  allowedDomains: ['lg.jp'],
};
const INVITATION_SETTINGS_KEY = 'invitation';

export interface UserQuery {
  municipalityId?: string;
  roles?: Role[];
  statuses?: UserStatus[];
  query?: string;
  lastLoginBefore?: Date;
  neverLoggedIn?: boolean;
  /** Keyset: the e-mail of the last row of the previous page. */
  afterEmail?: string;
  limit: number;
}

/** The only code of the account module that touches TypeORM: users, invitations, reset links, settings. */
@Injectable()
export class AccountRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // ---- users -------------------------------------------------------------------------------------------

  findUserByEmail(
    email: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOne({ where: { email: email.toLowerCase() } });
  }

  findUserWithHash(id: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
  }

  findUserById(id: string, manager: EntityManager = this.dataSource.manager, lock = false) {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  }

  async insertUser(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    return repo.save(repo.create(user));
  }

  async updateUser(manager: EntityManager, id: string, changes: Partial<UserEntity>): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, changes);
  }

  /**
   * The ACTIVE admins, locked (FOR UPDATE): two admins demoting or disabling each other at once are
   * serialised, so the last one always stays.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .select('u.id')
      .where(`u.role = 'ADMIN' AND u.status = 'ACTIVE'`)
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map((r) => r.id);
  }

  findAdmins(): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { role: 'ADMIN' }, order: { email: 'ASC' } });
  }

  async findUserPage(
    q: UserQuery,
  ): Promise<{ rows: UserEntity[]; totalCount: number; hasNextPage: boolean }> {
    const qb = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (q.municipalityId) qb.andWhere('u.municipality_id = :m', { m: q.municipalityId });
    if (q.roles?.length) qb.andWhere('u.role IN (:...roles)', { roles: q.roles });
    if (q.statuses?.length) qb.andWhere('u.status IN (:...statuses)', { statuses: q.statuses });
    if (q.query) {
      const like = `%${q.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('u.name ILIKE :like', { like })
            .orWhere('u.email ILIKE :like', { like })
            .orWhere('u.department ILIKE :like', { like }),
        ),
      );
    }
    if (q.lastLoginBefore) qb.andWhere('u.last_login_at < :before', { before: q.lastLoginBefore });
    if (q.neverLoggedIn === true) qb.andWhere('u.last_login_at IS NULL');
    if (q.neverLoggedIn === false) qb.andWhere('u.last_login_at IS NOT NULL');
    const totalCount = await qb.getCount();
    if (q.afterEmail) qb.andWhere('u.email > :after', { after: q.afterEmail });
    const rows = await qb
      .orderBy('u.email', 'ASC')
      .take(q.limit + 1)
      .getMany();
    return { rows: rows.slice(0, q.limit), totalCount, hasNextPage: rows.length > q.limit };
  }

  // ---- sessions ----------------------------------------------------------------------------------------

  /** Ends every session of a user, or every one but `keepTokenHash` (the caller's). */
  async deleteSessions(manager: EntityManager, userId: string, keepTokenHash?: string): Promise<void> {
    const qb = manager
      .getRepository(LoginSessionEntity)
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId', { userId });
    if (keepTokenHash) qb.andWhere('token_hash <> :keep', { keep: keepTokenHash });
    await qb.execute();
  }

  async insertSession(manager: EntityManager, userId: string, tokenHash: string, expiresAt: Date) {
    const repo = manager.getRepository(LoginSessionEntity);
    await repo.save(repo.create({ userId, tokenHash, expiresAt }));
  }

  // ---- municipalities ----------------------------------------------------------------------------------

  findMunicipalityByCode(code: string): Promise<MunicipalityEntity | null> {
    return this.dataSource.getRepository(MunicipalityEntity).findOne({ where: { code } });
  }

  findMunicipalityById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MunicipalityEntity | null> {
    return manager.getRepository(MunicipalityEntity).findOne({ where: { id } });
  }

  // ---- invitations -------------------------------------------------------------------------------------

  /** Marks the address's open invitations revoked (an invitation replaces the one before it). */
  async revokeOpenInvitations(manager: EntityManager, email: string): Promise<void> {
    await manager
      .getRepository(InvitationEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('email = :email AND accepted_at IS NULL AND revoked_at IS NULL', { email })
      .execute();
  }

  async insertInvitation(manager: EntityManager, data: Partial<InvitationEntity>): Promise<InvitationEntity> {
    const repo = manager.getRepository(InvitationEntity);
    return repo.save(repo.create(data));
  }

  async updateInvitation(manager: EntityManager, id: string, changes: Partial<InvitationEntity>) {
    await manager.getRepository(InvitationEntity).update({ id }, changes);
  }

  findInvitationByTokenHash(
    tokenHash: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<InvitationEntity | null> {
    return manager.getRepository(InvitationEntity).findOne({
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findInvitationById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<InvitationEntity | null> {
    return manager.getRepository(InvitationEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Newest first; bounded (an installation has hundreds, not millions, of invitations). */
  findInvitations(q: {
    municipalityId?: string;
    statuses?: InvitationStatus[];
  }): Promise<InvitationEntity[]> {
    const qb = this.dataSource.getRepository(InvitationEntity).createQueryBuilder('i');
    if (q.municipalityId) qb.andWhere('i.municipality_id = :m', { m: q.municipalityId });
    if (q.statuses?.length) {
      const conditions: Record<InvitationStatus, string> = {
        ACCEPTED: 'i.accepted_at IS NOT NULL',
        REVOKED: 'i.accepted_at IS NULL AND i.revoked_at IS NOT NULL',
        EXPIRED: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= now()',
        PENDING: 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()',
      };
      qb.andWhere(`(${q.statuses.map((s) => `(${conditions[s]})`).join(' OR ')})`);
    }
    return qb.orderBy('i.created_at', 'DESC').addOrderBy('i.id', 'DESC').take(1000).getMany();
  }

  // ---- password resets ---------------------------------------------------------------------------------

  /** Voids the user's unused links (a newer request, or a completed reset). */
  async revokeOpenResets(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .getRepository(PasswordResetEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('user_id = :userId AND used_at IS NULL AND revoked_at IS NULL', { userId })
      .execute();
  }

  async insertReset(manager: EntityManager, data: Partial<PasswordResetEntity>): Promise<void> {
    const repo = manager.getRepository(PasswordResetEntity);
    await repo.save(repo.create(data));
  }

  findResetByTokenHash(
    tokenHash: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<PasswordResetEntity | null> {
    return manager.getRepository(PasswordResetEntity).findOne({
      where: { tokenHash },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markResetUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(PasswordResetEntity).update({ id }, { usedAt: new Date() });
  }

  // ---- settings ----------------------------------------------------------------------------------------

  async invitationSettings(
    manager: EntityManager = this.dataSource.manager,
  ): Promise<InvitationSettingsValue> {
    const row = await manager
      .getRepository(AppSettingEntity)
      .findOne({ where: { key: INVITATION_SETTINGS_KEY } });
    return { ...DEFAULT_INVITATION_SETTINGS, ...((row?.value as Partial<InvitationSettingsValue>) ?? {}) };
  }

  async saveInvitationSettings(manager: EntityManager, value: InvitationSettingsValue): Promise<void> {
    await manager
      .getRepository(AppSettingEntity)
      .upsert({ key: INVITATION_SETTINGS_KEY, value, updatedAt: new Date() }, ['key']);
  }

  usersByIds(ids: readonly string[]): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { id: In([...ids]) } });
  }
}
