import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseStudies1795275888556 implements MigrationInterface {
  name = 'CaseStudies1795275888556';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "case_studies" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipality_id" uuid NOT NULL,
                "title" character varying(200) NOT NULL,
                "summary" text NOT NULL DEFAULT '',
                "body" text NOT NULL DEFAULT '',
                "themes" text array NOT NULL DEFAULT '{}',
                "targets" text array NOT NULL DEFAULT '{}',
                "tags" text array NOT NULL DEFAULT '{}',
                "fiscal_years" integer array NOT NULL DEFAULT '{}',
                "budget_yen" bigint,
                "funding_sources" text array NOT NULL DEFAULT '{}',
                "partners" text array NOT NULL DEFAULT '{}',
                "outcomes" jsonb NOT NULL DEFAULT '[]',
                "lessons_learned" text NOT NULL DEFAULT '',
                "challenges" text NOT NULL DEFAULT '',
                "success_conditions" text NOT NULL DEFAULT '',
                "stage" character varying(20) NOT NULL DEFAULT 'IN_PROGRESS',
                "contact_department" character varying(200) NOT NULL DEFAULT '',
                "contact_email" character varying(254),
                "contact_phone" character varying(40),
                "status" character varying(20) NOT NULL DEFAULT 'DRAFT',
                "visibility" character varying(20) NOT NULL DEFAULT 'PUBLIC',
                "unpublished_reason" text,
                "author_id" uuid,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_case_studies" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_studies_status_published_at" ON "case_studies" ("status", "published_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_studies_municipality_id" ON "case_studies" ("municipality_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "case_study_revisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_study_id" uuid NOT NULL,
                "version" integer NOT NULL,
                "action" character varying(20) NOT NULL,
                "editor_id" uuid,
                "changed_fields" text array NOT NULL DEFAULT '{}',
                "snapshot" jsonb NOT NULL,
                "note" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_case_study_revisions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_case_study_revisions_case_study_id_created_at" ON "case_study_revisions" ("case_study_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "search_outbox" (
                "id" BIGSERIAL NOT NULL,
                "entity_type" character varying(40) NOT NULL,
                "entity_id" uuid NOT NULL,
                "enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_search_outbox" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_search_outbox_available_at" ON "search_outbox" ("available_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "case_studies"
            ADD CONSTRAINT "FK_case_studies_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_studies"
            ADD CONSTRAINT "FK_case_studies_author" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_study_revisions"
            ADD CONSTRAINT "FK_case_study_revisions_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "case_study_revisions"
            ADD CONSTRAINT "FK_case_study_revisions_editor" FOREIGN KEY ("editor_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "case_study_revisions" DROP CONSTRAINT "FK_case_study_revisions_editor"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_study_revisions" DROP CONSTRAINT "FK_case_study_revisions_case_study"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_studies" DROP CONSTRAINT "FK_case_studies_author"
        `);
    await queryRunner.query(`
            ALTER TABLE "case_studies" DROP CONSTRAINT "FK_case_studies_municipality"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_search_outbox_available_at"
        `);
    await queryRunner.query(`
            DROP TABLE "search_outbox"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_study_revisions_case_study_id_created_at"
        `);
    await queryRunner.query(`
            DROP TABLE "case_study_revisions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_studies_municipality_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_case_studies_status_published_at"
        `);
    await queryRunner.query(`
            DROP TABLE "case_studies"
        `);
  }
}
