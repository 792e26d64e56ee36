import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14: the login sessions' table is named for what it holds, `login_sessions`, so that "session" in
 * the schema means the exchange sessions (定期共有会) only; its primary key, unique index, index and foreign
 * key are renamed with it. Renames only: no row is touched, and `down` restores the old names.
 */
export class LoginSessions1795281310000 implements MigrationInterface {
  name = 'LoginSessions1795281310000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" RENAME TO "login_sessions"`);
    await queryRunner.query(`ALTER TABLE "login_sessions" RENAME CONSTRAINT "PK_sessions" TO "PK_login_sessions"`);
    await queryRunner.query(
      `ALTER TABLE "login_sessions" RENAME CONSTRAINT "FK_sessions_user" TO "FK_login_sessions_user"`,
    );
    await queryRunner.query(`ALTER INDEX "UQ_sessions_token_hash" RENAME TO "UQ_login_sessions_token_hash"`);
    await queryRunner.query(`ALTER INDEX "IDX_sessions_user_id" RENAME TO "IDX_login_sessions_user_id"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "IDX_login_sessions_user_id" RENAME TO "IDX_sessions_user_id"`);
    await queryRunner.query(`ALTER INDEX "UQ_login_sessions_token_hash" RENAME TO "UQ_sessions_token_hash"`);
    await queryRunner.query(
      `ALTER TABLE "login_sessions" RENAME CONSTRAINT "FK_login_sessions_user" TO "FK_sessions_user"`,
    );
    await queryRunner.query(`ALTER TABLE "login_sessions" RENAME CONSTRAINT "PK_login_sessions" TO "PK_sessions"`);
    await queryRunner.query(`ALTER TABLE "login_sessions" RENAME TO "sessions"`);
  }
}
