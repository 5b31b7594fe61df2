import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { createTestDatabase } from './support/test-database';
import type { TestDatabase } from './support/test-database';

async function userTables(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('Migrations (e2e)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    dataSource = new DataSource(buildDataSourceOptions(database.url));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('run, revert every one, then run again cleanly', async () => {
    const total = dataSource.migrations.length;
    expect(total).toBeGreaterThan(0);

    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(total);
    const schema = await userTables(dataSource);
    expect(schema).toEqual(expect.arrayContaining(['departments', 'classifications']));

    for (let i = 0; i < total; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await userTables(dataSource)).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied).toHaveLength(total);
    expect(await userTables(dataSource)).toEqual(schema);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('leaves nothing for the schema builder to add: entities and migrations agree', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
