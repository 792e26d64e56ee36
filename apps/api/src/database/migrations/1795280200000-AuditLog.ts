import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log (docs/accounts.md): one row per change of an account, role, membership, profile or setting. */
export class AuditLog1795280200000 implements MigrationInterface {
  name = 'AuditLog1795280200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "id" BIGSERIAL NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "actor_user_id" uuid,
                "actor_label" character varying(254) NOT NULL,
                "action" character varying(60) NOT NULL,
                "subject_type" character varying(40) NOT NULL,
                "subject_id" character varying(100) NOT NULL,
                "subject_label" character varying(300) NOT NULL,
                "before" jsonb,
                "after" jsonb,
                CONSTRAINT "PK_audit_log" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_subject" ON "audit_log" ("subject_type", "subject_id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_audit_log_actor_user_id" ON "audit_log" ("actor_user_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_actor_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_subject"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
  }
}
