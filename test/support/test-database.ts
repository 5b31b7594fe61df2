import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requireTestEnv, TEST_ENV, withDatabase } from '../setup/test-database-env';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: requireTestEnv(TEST_ENV.adminUrl) });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database for one test file: a copy of the migrated template (fast), or with
 * `{ empty: true }` a database with no schema at all (for migration tests).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const runId = requireTestEnv(TEST_ENV.runId);
  const name = `um_t_${runId}_${randomBytes(4).toString('hex')}`;
  const template = options.empty ? 'template0' : requireTestEnv(TEST_ENV.template);
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: withDatabase(requireTestEnv(TEST_ENV.adminUrl), name),
    drop: async () => {
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
