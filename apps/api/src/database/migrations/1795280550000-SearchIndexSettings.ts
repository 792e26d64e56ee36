import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings version each live search index was configured with (search/case-index.versions.ts), so that
 * during a rolling deploy an older process does not take a newer release's settings for drift.
 */
export class SearchIndexSettings1795280550000 implements MigrationInterface {
  name = 'SearchIndexSettings1795280550000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "search_index_settings" (
                "index_name" character varying(200) NOT NULL,
                "settings_version" integer NOT NULL,
                "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_search_index_settings" PRIMARY KEY ("index_name")
            )
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "search_index_settings"`);
  }
}
