import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13, watching and saved searches (modules/watch): who watches which case, 「参考になった」 marks
 * (one per user and case), saved searches with their weekly digest window and lease, and the mail
 * preference that covers both kinds of notice.
 */
export class WatchesSavedSearches1795280620000 implements MigrationInterface {
  name = 'WatchesSavedSearches1795280620000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "case_watches" (
                "user_id" uuid NOT NULL,
                "case_study_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_case_watches" PRIMARY KEY ("user_id", "case_study_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_case_watches_case_study_id" ON "case_watches" ("case_study_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "case_helpful_votes" (
                "case_study_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_case_helpful_votes" PRIMARY KEY ("case_study_id", "user_id")
            )
        `);
    await queryRunner.query(
      `CREATE INDEX "IDX_case_helpful_votes_user_id" ON "case_helpful_votes" ("user_id")`,
    );
    await queryRunner.query(`
            CREATE TABLE "saved_searches" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "query" character varying(200) NOT NULL DEFAULT '',
                "filter" jsonb NOT NULL DEFAULT '{}',
                "digest_enabled" boolean NOT NULL DEFAULT true,
                "last_digest_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "next_digest_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "digest_locked_until" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_saved_searches_name" CHECK (char_length("name") BETWEEN 1 AND 100),
                CONSTRAINT "PK_saved_searches" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`CREATE INDEX "IDX_saved_searches_user_id" ON "saved_searches" ("user_id")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_saved_searches_next_digest_at" ON "saved_searches" ("next_digest_at")`,
    );
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "watch_notices" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "case_watches"
            ADD CONSTRAINT "FK_case_watches_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_watches"
            ADD CONSTRAINT "FK_case_watches_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_helpful_votes"
            ADD CONSTRAINT "FK_case_helpful_votes_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_helpful_votes"
            ADD CONSTRAINT "FK_case_helpful_votes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "saved_searches"
            ADD CONSTRAINT "FK_saved_searches_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "saved_searches" DROP CONSTRAINT "FK_saved_searches_user"`);
    await queryRunner.query(`ALTER TABLE "case_helpful_votes" DROP CONSTRAINT "FK_case_helpful_votes_user"`);
    await queryRunner.query(
      `ALTER TABLE "case_helpful_votes" DROP CONSTRAINT "FK_case_helpful_votes_case_study"`,
    );
    await queryRunner.query(`ALTER TABLE "case_watches" DROP CONSTRAINT "FK_case_watches_case_study"`);
    await queryRunner.query(`ALTER TABLE "case_watches" DROP CONSTRAINT "FK_case_watches_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "watch_notices"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_saved_searches_next_digest_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_saved_searches_user_id"`);
    await queryRunner.query(`DROP TABLE "saved_searches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_helpful_votes_user_id"`);
    await queryRunner.query(`DROP TABLE "case_helpful_votes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_case_watches_case_study_id"`);
    await queryRunner.query(`DROP TABLE "case_watches"`);
  }
}
