import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 参加申込 (join applications): one PENDING application per municipality (partial unique index), and the
 * table rate-limiter-flexible's RateLimiterPostgres counts anonymous applications per client IP in
 * (`tableCreated: true`; made here rather than by the library at run time).
 */
export class JoinApplications1795280210000 implements MigrationInterface {
  name = 'JoinApplications1795280210000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "join_applications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipality_id" uuid NOT NULL,
                "applicant_name" character varying(100) NOT NULL,
                "department" character varying(100) NOT NULL,
                "email" character varying(254) NOT NULL,
                "message" text,
                "status" character varying(20) NOT NULL DEFAULT 'PENDING',
                "submissions" integer NOT NULL DEFAULT '1',
                "prior_membership_status" character varying(20),
                "decline_reason" text,
                "decided_at" TIMESTAMP WITH TIME ZONE,
                "decided_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_join_applications_submissions" CHECK ("submissions" >= 1),
                CONSTRAINT "CHK_join_applications_status" CHECK ("status" IN ('PENDING', 'ADMITTED', 'DECLINED')),
                CONSTRAINT "PK_join_applications" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_join_applications_municipality_id" ON "join_applications" ("municipality_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_join_applications_status_created_at" ON "join_applications" ("status", "created_at")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_join_applications_pending_municipality" ON "join_applications" ("municipality_id")
            WHERE "status" = 'PENDING'
        `);
    await queryRunner.query(`
            ALTER TABLE "join_applications"
            ADD CONSTRAINT "FK_join_applications_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "join_applications"
            ADD CONSTRAINT "FK_join_applications_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    // The schema rate-limiter-flexible's RateLimiterPostgres expects (key, points, expire in ms since epoch).
    await queryRunner.query(`
            CREATE TABLE "join_application_limits" (
                "key" character varying(255) NOT NULL,
                "points" integer NOT NULL DEFAULT 0,
                "expire" bigint,
                CONSTRAINT "PK_join_application_limits" PRIMARY KEY ("key")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "join_application_limits"`);
    await queryRunner.query(
      `ALTER TABLE "join_applications" DROP CONSTRAINT "FK_join_applications_decided_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "join_applications" DROP CONSTRAINT "FK_join_applications_municipality"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_join_applications_pending_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_join_applications_status_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_join_applications_municipality_id"`);
    await queryRunner.query(`DROP TABLE "join_applications"`);
  }
}
