import { MigrationInterface, QueryRunner } from 'typeorm';

/** Municipality profiles (issue #10): one row per municipality once someone wrote its profile. */
export class MunicipalityProfiles1795280220000 implements MigrationInterface {
  name = 'MunicipalityProfiles1795280220000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "municipality_profiles" (
                "municipality_id" uuid NOT NULL,
                "dx_department" character varying(100),
                "contact_email" character varying(254),
                "contact_phone" character varying(40),
                "introduction" text,
                "plan_links" jsonb NOT NULL,
                "focus_themes" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_municipality_profiles" PRIMARY KEY ("municipality_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "municipality_profiles"
            ADD CONSTRAINT "FK_municipality_profiles_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "municipality_profiles" DROP CONSTRAINT "FK_municipality_profiles_municipality"`,
    );
    await queryRunner.query(`DROP TABLE "municipality_profiles"`);
  }
}
