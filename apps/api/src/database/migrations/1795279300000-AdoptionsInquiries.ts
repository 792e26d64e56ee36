import { MigrationInterface, QueryRunner } from 'typeorm';

export class AdoptionsInquiries1795279300000 implements MigrationInterface {
  name = 'AdoptionsInquiries1795279300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "adoptions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_study_id" uuid NOT NULL,
                "municipality_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "note" text NOT NULL DEFAULT '',
                "adaptation" text NOT NULL DEFAULT '',
                "outcome" text NOT NULL DEFAULT '',
                "adopter_case_study_id" uuid,
                "recorded_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_adoptions" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_adoptions_adopter_case_study_id" ON "adoptions" ("adopter_case_study_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_adoptions_municipality_id" ON "adoptions" ("municipality_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_adoptions_case_study_municipality" ON "adoptions" ("case_study_id", "municipality_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "adoption_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "adoption_id" uuid NOT NULL,
                "status" character varying(20) NOT NULL,
                "changed_fields" text array NOT NULL DEFAULT '{}',
                "user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                CONSTRAINT "PK_adoption_events" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_adoption_events_adoption_id" ON "adoption_events" ("adoption_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "inquiries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "case_study_id" uuid NOT NULL,
                "publisher_municipality_id" uuid NOT NULL,
                "asker_municipality_id" uuid NOT NULL,
                "asker_user_id" uuid,
                "subject" character varying(200) NOT NULL,
                "status" character varying(20) NOT NULL DEFAULT 'OPEN',
                "is_public" boolean NOT NULL DEFAULT false,
                "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_inquiries" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_inquiries_asker_municipality_id" ON "inquiries" ("asker_municipality_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_inquiries_case_study_id" ON "inquiries" ("case_study_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "inquiry_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "inquiry_id" uuid NOT NULL,
                "author_user_id" uuid,
                "author_municipality_id" uuid NOT NULL,
                "body" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                CONSTRAINT "PK_inquiry_messages" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_inquiry_messages_inquiry_id" ON "inquiry_messages" ("inquiry_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_adoptions_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_adoptions_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_adoptions_adopter_case_study" FOREIGN KEY ("adopter_case_study_id") REFERENCES "case_studies"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD CONSTRAINT "FK_adoptions_recorded_by" FOREIGN KEY ("recorded_by_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_events"
            ADD CONSTRAINT "FK_adoption_events_adoption" FOREIGN KEY ("adoption_id") REFERENCES "adoptions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_events"
            ADD CONSTRAINT "FK_adoption_events_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries"
            ADD CONSTRAINT "FK_inquiries_case_study" FOREIGN KEY ("case_study_id") REFERENCES "case_studies"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries"
            ADD CONSTRAINT "FK_inquiries_publisher" FOREIGN KEY ("publisher_municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries"
            ADD CONSTRAINT "FK_inquiries_asker" FOREIGN KEY ("asker_municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries"
            ADD CONSTRAINT "FK_inquiries_asker_user" FOREIGN KEY ("asker_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages"
            ADD CONSTRAINT "FK_inquiry_messages_inquiry" FOREIGN KEY ("inquiry_id") REFERENCES "inquiries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages"
            ADD CONSTRAINT "FK_inquiry_messages_author" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages"
            ADD CONSTRAINT "FK_inquiry_messages_author_municipality" FOREIGN KEY ("author_municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages" DROP CONSTRAINT "FK_inquiry_messages_author_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages" DROP CONSTRAINT "FK_inquiry_messages_author"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiry_messages" DROP CONSTRAINT "FK_inquiry_messages_inquiry"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries" DROP CONSTRAINT "FK_inquiries_asker_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries" DROP CONSTRAINT "FK_inquiries_asker"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries" DROP CONSTRAINT "FK_inquiries_publisher"
        `);
    await queryRunner.query(`
            ALTER TABLE "inquiries" DROP CONSTRAINT "FK_inquiries_case_study"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_events" DROP CONSTRAINT "FK_adoption_events_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoption_events" DROP CONSTRAINT "FK_adoption_events_adoption"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_adoptions_recorded_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_adoptions_adopter_case_study"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_adoptions_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP CONSTRAINT "FK_adoptions_case_study"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_inquiry_messages_inquiry_id"
        `);
    await queryRunner.query(`
            DROP TABLE "inquiry_messages"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_inquiries_case_study_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_inquiries_asker_municipality_id"
        `);
    await queryRunner.query(`
            DROP TABLE "inquiries"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_adoption_events_adoption_id"
        `);
    await queryRunner.query(`
            DROP TABLE "adoption_events"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_adoptions_case_study_municipality"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_adoptions_municipality_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_adoptions_adopter_case_study_id"
        `);
    await queryRunner.query(`
            DROP TABLE "adoptions"
        `);
  }
}
