import * as fs from 'node:fs';
import { Client } from 'pg';
import { TEST_ENV } from './test-database-env';

/** Drops this run's databases (they stay on a shared server otherwise) and stops the embedded one. */
export default async function globalTeardown(): Promise<void> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const runId = process.env[TEST_ENV.runId];
  if (adminUrl && runId && !globalThis.__UM_EMBEDDED__) {
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
        [`um_t_${runId}_%`, `um_tpl_${runId}`],
      );
      for (const { datname } of rows) {
        await admin.query(
          `DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`,
        );
      }
    } finally {
      await admin.end();
    }
  }
  await globalThis.__UM_EMBEDDED__?.stop();
  if (globalThis.__UM_EMBEDDED_DIR__) {
    fs.rmSync(globalThis.__UM_EMBEDDED_DIR__, { recursive: true, force: true });
  }
}
