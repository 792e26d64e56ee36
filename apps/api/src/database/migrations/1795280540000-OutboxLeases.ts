import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox rows are claimed with a lease (`locked_until`) in a short transaction instead of a row lock held
 * across the SMTP send or the engine call (issue #11: no transaction open across a network call).
 */
export class OutboxLeases1795280540000 implements MigrationInterface {
  name = 'OutboxLeases1795280540000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "search_outbox" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "mail_outbox" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_outbox" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "search_outbox" DROP COLUMN "locked_until"`);
  }
}
