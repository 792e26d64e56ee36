import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the search sync as soon as an outbox row commits: NOTIFY is transactional, so a listener hears
 * it only after the writer's transaction commits (and never for one that rolls back), and several rows in
 * one transaction coalesce into one notification. Written by hand: TypeORM does not model triggers, so
 * `migration:generate` neither creates nor drops them.
 */
export class SearchOutboxNotify1795279100000 implements MigrationInterface {
  name = 'SearchOutboxNotify1795279100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION "search_outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('search_outbox', '');
                RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "TRG_search_outbox_notify"
            AFTER INSERT ON "search_outbox"
            FOR EACH STATEMENT EXECUTE FUNCTION "search_outbox_notify"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "TRG_search_outbox_notify" ON "search_outbox"`);
    await queryRunner.query(`DROP FUNCTION "search_outbox_notify"()`);
  }
}
