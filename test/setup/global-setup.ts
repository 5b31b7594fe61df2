import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import type { EmbeddedDatabaseHandle } from '../../src/database/embedded-database';
import { TEST_ENV, withDatabase } from './test-database-env';

declare global {
  var __UM_EMBEDDED__: EmbeddedDatabaseHandle | undefined;
  var __UM_EMBEDDED_DIR__: string | undefined;
}

/**
 * Once per run: a PostgreSQL to test against (TEST_DATABASE_URL, else an embedded server under
 * os.tmpdir()), and a template database with every migration applied, which each test file
 * copies with CREATE DATABASE ... TEMPLATE.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'um-test-'));
    globalThis.__UM_EMBEDDED_DIR__ = dir;
    const handle = await startEmbeddedDatabase({ dataDir: dir, persistent: false });
    globalThis.__UM_EMBEDDED__ = handle;
    adminUrl = withDatabase(handle.url, 'postgres');
  }
  const runId = randomBytes(4).toString('hex');
  const template = `um_tpl_${runId}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const dataSource = new DataSource(buildDataSourceOptions(withDatabase(adminUrl, template)));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.runId] = runId;
}
