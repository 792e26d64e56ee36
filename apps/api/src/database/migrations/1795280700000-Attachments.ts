import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13, files (modules/attachment): files of case studies and exchange sessions, their bytes in
 * 256 kB bytea chunks (a table, not large objects, so the backup's COPY of every table carries them), and
 * the text-extraction outbox with its NOTIFY trigger (written by hand: TypeORM does not model triggers).
 */
export class Attachments1795280700000 implements MigrationInterface {
  name = 'Attachments1795280700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "attachments" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_study_id" uuid,
                "exchange_session_id" uuid,
                "name" character varying(200) NOT NULL,
                "caption" character varying(300) NOT NULL DEFAULT '',
                "mime_type" character varying(100) NOT NULL,
                "size_bytes" bigint NOT NULL,
                "sha256" character(64) NOT NULL,
                "members_only" boolean NOT NULL DEFAULT false,
                "purpose" character varying(20),
                "uploaded_by_user_id" uuid,
                "text_status" character varying(10) NOT NULL,
                "text_content" text,
                "text_folded" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_attachments_one_owner" CHECK ((("case_study_id" IS NULL) <> ("exchange_session_id" IS NULL))),
                CONSTRAINT "PK_attachments" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_attachments_case_study_id" ON "attachments" ("case_study_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_attachments_exchange_session_id" ON "attachments" ("exchange_session_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment_chunks" (
                "attachment_id" uuid NOT NULL,
                "seq" integer NOT NULL,
                "data" bytea NOT NULL,
                CONSTRAINT "PK_attachment_chunks" PRIMARY KEY ("attachment_id", "seq")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment_text_outbox" (
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "id" BIGSERIAL NOT NULL,
                "attachment_id" uuid NOT NULL,
                "enqueued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_attachment_text_outbox" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_attachment_text_outbox_available_at" ON "attachment_text_outbox" ("available_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "attachments"
            ADD CONSTRAINT "FK_attachments_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachments"
            ADD CONSTRAINT "FK_attachments_exchange_session" FOREIGN KEY ("exchange_session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachments"
            ADD CONSTRAINT "FK_attachments_uploaded_by" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment_chunks"
            ADD CONSTRAINT "FK_attachment_chunks_attachment" FOREIGN KEY ("attachment_id") REFERENCES "attachments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            CREATE FUNCTION "attachment_text_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('attachment_text_outbox', '');
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_attachment_text_outbox_notify"
            AFTER INSERT ON "attachment_text_outbox"
            FOR EACH STATEMENT EXECUTE FUNCTION "attachment_text_outbox_notify"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_attachment_text_outbox_notify" ON "attachment_text_outbox"`);
    await queryRunner.query(`DROP FUNCTION "attachment_text_outbox_notify"()`);
    await queryRunner.query(
      `ALTER TABLE "attachment_chunks" DROP CONSTRAINT "FK_attachment_chunks_attachment"`,
    );
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_attachments_uploaded_by"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_attachments_exchange_session"`);
    await queryRunner.query(`ALTER TABLE "attachments" DROP CONSTRAINT "FK_attachments_case_study"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attachment_text_outbox_available_at"`);
    await queryRunner.query(`DROP TABLE "attachment_text_outbox"`);
    await queryRunner.query(`DROP TABLE "attachment_chunks"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attachments_exchange_session_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_attachments_case_study_id"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
