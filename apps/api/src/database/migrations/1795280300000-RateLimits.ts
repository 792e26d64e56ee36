import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters of rate-limiter-flexible's PostgreSQL store (common/rate-limits.ts), shared by every API
 * process: login failures, password resets, the per-client GraphQL budget. The columns are the ones the
 * library expects; it is told the table exists (`tableCreated: true`) so it never runs DDL at runtime.
 * UNLOGGED: one upsert per GraphQL request writes no WAL; a crash of PostgreSQL (not a clean restart)
 * empties it, which only forgets counters of the last minutes.
 */
export class RateLimits1795280300000 implements MigrationInterface {
  name = 'RateLimits1795280300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE UNLOGGED TABLE "rate_limits" (
                "key" character varying(255) NOT NULL,
                "points" integer NOT NULL DEFAULT 0,
                "expire" bigint,
                CONSTRAINT "PK_rate_limits" PRIMARY KEY ("key")
            )
        `);
    // The library deletes expired rows (expire < now - 1 h) once an hour.
    await queryRunner.query(`CREATE INDEX "IDX_rate_limits_expire" ON "rate_limits" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_rate_limits_expire"`);
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
