import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import type { MembershipStatus } from '@yokoten/case-studies';
import { preparedRows } from '../../common/prepared-rows';
import { LoginSessionEntity } from './login-session.entity';
import { UserEntity } from './user.entity';

/** What a session's actor is made of (auth.service.ts actorOf): the user and their municipality's status. */
export type SessionActor = Pick<UserEntity, 'id' | 'role' | 'municipalityId'> & {
  /** The officer's municipality's membership status as of this query; null without a municipality. */
  membershipStatus: MembershipStatus | null;
};

/** The only code that touches users and sessions. */
@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  /** Officers of one municipality, by name. */
  findOfficersOfMunicipality(municipalityId: string): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ where: { municipalityId, role: 'OFFICER' }, order: { name: 'ASC' } });
  }

  /**
   * A new session; the user's expired ones go in the same transaction (found through the user_id index),
   * so that sessions nobody logs out of do not pile up; the user's lastLoginAt is set.
   */
  createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<LoginSessionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(LoginSessionEntity);
      await repo
        .createQueryBuilder()
        .delete()
        .where('user_id = :userId', { userId })
        .andWhere('expires_at <= now()')
        .execute();
      await manager.getRepository(UserEntity).update({ id: userId }, { lastLoginAt: new Date() });
      return repo.save(repo.create({ userId, tokenHash, expiresAt }));
    });
  }

  /**
   * Who holds this session token: what an actor is made of (the user's id, role and municipality, and that
   * municipality's membership status), or null when the session is unknown, expired or its user disabled.
   * Read on every signed-in request, so a named (prepared) statement: parsed and planned once per connection,
   * no query builder or entity hydration (docs/benchmarks.md, Profile).
   */
  async findSessionActor(tokenHash: string): Promise<SessionActor | null> {
    const [actor] = await preparedRows<SessionActor>(
      this.dataSource,
      'auth_session_actor',
      `SELECT u.id, u.role, u.municipality_id AS "municipalityId", m.membership_status AS "membershipStatus"
               FROM "login_sessions" s
               JOIN "users" u ON u.id = s.user_id
               LEFT JOIN "municipalities" m ON m.id = u.municipality_id
              WHERE s.token_hash = $1 AND s.expires_at > now() AND u.status = 'ACTIVE'`,
      [tokenHash],
    );
    return actor ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.getRepository(LoginSessionEntity).delete({ tokenHash });
  }

  async deleteExpiredSessions(now = new Date()): Promise<void> {
    await this.dataSource.getRepository(LoginSessionEntity).delete({ expiresAt: LessThan(now) });
  }
}
