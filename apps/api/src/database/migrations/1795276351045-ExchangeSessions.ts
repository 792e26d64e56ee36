import { MigrationInterface, QueryRunner } from 'typeorm';

export class ExchangeSessions1795276351045 implements MigrationInterface {
  name = 'ExchangeSessions1795276351045';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "exchange_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" character varying(200) NOT NULL,
                "term" character varying(6) NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "format" character varying(10) NOT NULL,
                "venue" character varying(300),
                "venue_details" text,
                "meeting_url" character varying(2000),
                "capacity" integer NOT NULL,
                "per_municipality_limit" integer,
                "registration_opens_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "registration_closes_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "allocation_mode" character varying(20) NOT NULL DEFAULT 'FIRST_COME',
                "lottery_seed" character varying(100),
                "lottery_drawn_at" TIMESTAMP WITH TIME ZONE,
                "status" character varying(20) NOT NULL DEFAULT 'DRAFT',
                "agenda" jsonb NOT NULL DEFAULT '[]',
                "materials" jsonb NOT NULL DEFAULT '[]',
                "is_public" boolean NOT NULL DEFAULT true,
                "report_minutes" text,
                "report_attendee_count" integer,
                "report_municipality_count" integer,
                "finished_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "cancel_reason" text,
                "registration_seq" integer NOT NULL DEFAULT '0',
                "capacity_alert_level" integer NOT NULL DEFAULT '0',
                "reminder_sent_at" TIMESTAMP WITH TIME ZONE,
                "created_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_exchange_sessions_window" CHECK (
                    "registration_closes_at" > "registration_opens_at"
                ),
                CONSTRAINT "CHK_exchange_sessions_times" CHECK ("ends_at" > "starts_at"),
                CONSTRAINT "CHK_exchange_sessions_per_municipality_limit" CHECK (
                    "per_municipality_limit" IS NULL
                    OR "per_municipality_limit" > 0
                ),
                CONSTRAINT "CHK_exchange_sessions_capacity" CHECK ("capacity" > 0),
                CONSTRAINT "PK_exchange_sessions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_exchange_sessions_status_starts_at" ON "exchange_sessions" ("status", "starts_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "exchange_session_tables" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "name" character varying(100) NOT NULL,
                "theme" character varying(200) NOT NULL DEFAULT '',
                "seats" integer NOT NULL,
                "position" integer NOT NULL DEFAULT '0',
                CONSTRAINT "CHK_exchange_session_tables_seats" CHECK ("seats" >= 0),
                CONSTRAINT "PK_exchange_session_tables" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_exchange_session_tables_session_id" ON "exchange_session_tables" ("session_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "session_registrations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "user_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                "registered_by_user_id" uuid,
                "status" character varying(20) NOT NULL,
                "arrival_seq" integer NOT NULL,
                "waitlist_position" integer,
                "table_preferences" uuid array NOT NULL DEFAULT '{}',
                "assigned_table_id" uuid,
                "check_in_code" character varying(16) NOT NULL,
                "checked_in_at" TIMESTAMP WITH TIME ZONE,
                "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "confirmed_at" TIMESTAMP WITH TIME ZONE,
                "promoted_at" TIMESTAMP WITH TIME ZONE,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_session_registrations_waitlist_position" CHECK (
                    ("status" = 'WAITLISTED') = ("waitlist_position" IS NOT NULL)
                ),
                CONSTRAINT "PK_session_registrations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_session_registrations_municipality_id" ON "session_registrations" ("municipality_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_session_registrations_check_in_code" ON "session_registrations" ("check_in_code")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_session_registrations_user_id" ON "session_registrations" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_session_registrations_session_status" ON "session_registrations" ("session_id", "status", "waitlist_position")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_session_registrations_arrival" ON "session_registrations" ("session_id", "arrival_seq")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_session_registrations_active_user" ON "session_registrations" ("session_id", "user_id")
            WHERE "status" <> 'CANCELLED'
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions"
            ADD CONSTRAINT "FK_exchange_sessions_created_by_user" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_session_tables"
            ADD CONSTRAINT "FK_exchange_session_tables_session" FOREIGN KEY ("session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations"
            ADD CONSTRAINT "FK_session_registrations_session" FOREIGN KEY ("session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations"
            ADD CONSTRAINT "FK_session_registrations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations"
            ADD CONSTRAINT "FK_session_registrations_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations"
            ADD CONSTRAINT "FK_session_registrations_registered_by" FOREIGN KEY ("registered_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations"
            ADD CONSTRAINT "FK_session_registrations_assigned_table" FOREIGN KEY ("assigned_table_id") REFERENCES "exchange_session_tables"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "session_registrations" DROP CONSTRAINT "FK_session_registrations_assigned_table"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations" DROP CONSTRAINT "FK_session_registrations_registered_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations" DROP CONSTRAINT "FK_session_registrations_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations" DROP CONSTRAINT "FK_session_registrations_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_registrations" DROP CONSTRAINT "FK_session_registrations_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_session_tables" DROP CONSTRAINT "FK_exchange_session_tables_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions" DROP CONSTRAINT "FK_exchange_sessions_created_by_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_session_registrations_active_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_session_registrations_arrival"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_session_registrations_session_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_session_registrations_user_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_session_registrations_check_in_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_session_registrations_municipality_id"
        `);
    await queryRunner.query(`
            DROP TABLE "session_registrations"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_exchange_session_tables_session_id"
        `);
    await queryRunner.query(`
            DROP TABLE "exchange_session_tables"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_exchange_sessions_status_starts_at"
        `);
    await queryRunner.query(`
            DROP TABLE "exchange_sessions"
        `);
  }
}
