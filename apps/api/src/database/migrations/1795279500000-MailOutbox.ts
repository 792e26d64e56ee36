import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The mail outbox: mails are queued in the transaction that causes them and sent by one consumer in the
 * API. The NOTIFY trigger (written by hand: TypeORM does not model triggers) wakes the consumer as soon as
 * a row commits, like the search outbox's.
 */
export class MailOutbox1795279500000 implements MigrationInterface {
  name = 'MailOutbox1795279500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "mail_outbox" (
                "id" BIGSERIAL NOT NULL,
                "kind" character varying(60) NOT NULL,
                "recipients" jsonb NOT NULL,
                "subject" text NOT NULL,
                "text" text NOT NULL,
                "dedupe_key" character varying(200),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "attempts" integer NOT NULL DEFAULT '0',
                "last_error" text,
                CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_mail_outbox_dedupe_key" ON "mail_outbox" ("dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_mail_outbox_available_at" ON "mail_outbox" ("available_at")
        `);
    await queryRunner.query(`
            CREATE FUNCTION "mail_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('mail_outbox', '');
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_mail_outbox_notify"
            AFTER INSERT ON "mail_outbox"
            FOR EACH STATEMENT EXECUTE FUNCTION "mail_outbox_notify"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_mail_outbox_notify" ON "mail_outbox"`);
    await queryRunner.query(`DROP FUNCTION "mail_outbox_notify"()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mail_outbox_available_at"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mail_outbox_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
  }
}
