import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { MIGRATIONS } from '../src/database/migrations';
import { createTestApp, createTestDatabase } from './test-app';

// jest ignores `testTimeout` inside a `projects` entry, so the 5 s default would apply here.
jest.setTimeout(30_000);

/**
 * The schema changes only through migrations (CONVENTIONS 7): on a database migrated from empty, TypeORM
 * must find nothing left to generate, and every migration must undo cleanly and apply again.
 */
describe('migrations', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  const pendingSchemaChanges = async () =>
    (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  const tables = async () =>
    (
      await dataSource.query<Array<{ table_name: string }>>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      )
    ).map((r) => r.table_name);

  it('leaves nothing for TypeORM to generate: the entities and the migrated schema agree', async () => {
    expect(await pendingSchemaChanges()).toEqual([]);
  });

  it('knows the same entities as the app, whose modules each register their own', async () => {
    // The CLI's data source finds entities by file name (ENTITY_GLOB); the app gets them from each module's
    // TypeOrmModule.forFeature. An entity a module forgot would fail only when first used: not here.
    const app = await createTestApp();
    try {
      const names = (ds: DataSource) => ds.entityMetadatas.map((m) => m.tableName).sort();
      expect(names(app.app.get(DataSource))).toEqual(names(dataSource));
    } finally {
      await app.close();
    }
  });

  it('has applied every migration, in order', async () => {
    const applied = await dataSource.query<Array<{ name: string }>>(
      `SELECT name FROM migrations ORDER BY id`,
    );
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS.map((M) => new M().name ?? M.name));
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('names every constraint and index explicitly (no generated hash names)', async () => {
    const names = await dataSource.query<Array<{ name: string }>>(
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.contype IN ('p', 'f', 'u', 'c') AND conrelid::regclass::text <> 'migrations'
       UNION
       SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'migrations'`,
    );
    expect(names.length).toBeGreaterThan(0);
    const unnamed = names.map((r) => r.name).filter((n) => !/^(PK|FK|UQ|IDX|CHK)_[a-z0-9_]+$/.test(n));
    expect(unnamed).toEqual([]);
  });

  it('undoes every migration down to an empty schema, then applies them all again', async () => {
    const domainTables = (await tables()).filter((t) => t !== 'migrations');
    expect(domainTables).toEqual(
      expect.arrayContaining(['declarations', 'login_sessions', 'municipalities', 'users']),
    );

    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    expect(await dataSource.query(`SELECT * FROM migrations`)).toEqual([]);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect((await tables()).filter((t) => t !== 'migrations')).toEqual(domainTables);
    expect(await pendingSchemaChanges()).toEqual([]);
  });
});
