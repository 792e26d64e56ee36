import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's search document carries its municipality's name, reading, prefecture, kind and population
 * (band). When one of those changes (an import of new census figures, a renamed town), every published case
 * of that municipality is queued for re-indexing in the same transaction, so no writer of municipalities
 * has to remember the index. Written by hand: TypeORM does not model triggers.
 */
export class SearchMunicipalityChanges1795279400000 implements MigrationInterface {
  name = 'SearchMunicipalityChanges1795279400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION "search_outbox_municipality_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                INSERT INTO "search_outbox" ("entity_type", "entity_id")
                SELECT 'case_study', c."id" FROM "case_studies" c
                 WHERE c."municipality_id" = NEW."id" AND c."status" = 'PUBLISHED';
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_search_outbox_municipality_changed"
            AFTER UPDATE OF "name", "kana", "prefecture_code", "kind", "population" ON "municipalities"
            FOR EACH ROW
            WHEN (OLD."name" IS DISTINCT FROM NEW."name"
               OR OLD."kana" IS DISTINCT FROM NEW."kana"
               OR OLD."prefecture_code" IS DISTINCT FROM NEW."prefecture_code"
               OR OLD."kind" IS DISTINCT FROM NEW."kind"
               OR OLD."population" IS DISTINCT FROM NEW."population")
            EXECUTE FUNCTION "search_outbox_municipality_changed"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_search_outbox_municipality_changed" ON "municipalities"`);
    await queryRunner.query(`DROP FUNCTION "search_outbox_municipality_changed"()`);
  }
}
