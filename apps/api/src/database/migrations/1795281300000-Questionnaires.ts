import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13: questionnaires (アンケート) of exchange sessions — the questions asked when registering and in
 * the post-session survey, the survey's close date and mail marks (claimed once), and the answers (one per
 * registration, one survey response per person); plus, on exchange_sessions, the calendar SEQUENCE raised by
 * change notices and the time attendees were last mailed about the report.
 */
export class Questionnaires1795281300000 implements MigrationInterface {
  name = 'Questionnaires1795281300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "session_questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "phase" character varying(12) NOT NULL,
                "kind" character varying(20) NOT NULL,
                "label" character varying(300) NOT NULL,
                "options" jsonb NOT NULL DEFAULT '[]',
                "required" boolean NOT NULL DEFAULT false,
                "position" integer NOT NULL,
                CONSTRAINT "CHK_session_questions_kind" CHECK (
                    "kind" IN (
                        'CHOICE',
                        'MULTIPLE_CHOICE',
                        'SHORT_TEXT',
                        'RATING',
                        'FREE_TEXT'
                    )
                ),
                CONSTRAINT "CHK_session_questions_phase" CHECK ("phase" IN ('REGISTRATION', 'SURVEY')),
                CONSTRAINT "PK_session_questions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_session_questions_session_phase" ON "session_questions" ("session_id", "phase", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "session_surveys" (
                "session_id" uuid NOT NULL,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "invited_at" TIMESTAMP WITH TIME ZONE,
                "reminder_sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_session_surveys" PRIMARY KEY ("session_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "questionnaire_responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "phase" character varying(12) NOT NULL,
                "user_id" uuid NOT NULL,
                "registration_id" uuid,
                "answers" jsonb NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_questionnaire_responses_phase" CHECK ("phase" IN ('REGISTRATION', 'SURVEY')),
                CONSTRAINT "PK_questionnaire_responses" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_questionnaire_responses_user_id" ON "questionnaire_responses" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_questionnaire_responses_registration" ON "questionnaire_responses" ("registration_id")
            WHERE "registration_id" IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_questionnaire_responses_survey_user" ON "questionnaire_responses" ("session_id", "user_id")
            WHERE "phase" = 'SURVEY'
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions"
            ADD "calendar_sequence" integer NOT NULL DEFAULT '0'
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions"
            ADD "report_notified_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "session_questions"
            ADD CONSTRAINT "FK_session_questions_session" FOREIGN KEY ("session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "session_surveys"
            ADD CONSTRAINT "FK_session_surveys_session" FOREIGN KEY ("session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses"
            ADD CONSTRAINT "FK_questionnaire_responses_session" FOREIGN KEY ("session_id") REFERENCES "exchange_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses"
            ADD CONSTRAINT "FK_questionnaire_responses_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses"
            ADD CONSTRAINT "FK_questionnaire_responses_registration" FOREIGN KEY ("registration_id") REFERENCES "session_registrations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "FK_questionnaire_responses_registration"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "FK_questionnaire_responses_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "questionnaire_responses" DROP CONSTRAINT "FK_questionnaire_responses_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_surveys" DROP CONSTRAINT "FK_session_surveys_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "session_questions" DROP CONSTRAINT "FK_session_questions_session"
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions" DROP COLUMN "report_notified_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "exchange_sessions" DROP COLUMN "calendar_sequence"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_questionnaire_responses_survey_user"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_questionnaire_responses_registration"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_questionnaire_responses_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "questionnaire_responses"
        `);
    await queryRunner.query(`
            DROP TABLE "session_surveys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_session_questions_session_phase"
        `);
    await queryRunner.query(`
            DROP TABLE "session_questions"
        `);
  }
}
