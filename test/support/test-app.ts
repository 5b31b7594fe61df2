import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import type { ResolvedAppConfig } from '../../src/config/app-config';
import { createTestDatabase } from './test-database';
import type { TestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  dataSource: DataSource;
  database: TestDatabase;
  config: ResolvedAppConfig;
  /** Stops the application and starts a new one on the same database (a service restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

/** The whole application on its own fresh database, as the e2e tests drive it. */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'um-app-'));
  const config: ResolvedAppConfig = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      REPORTS_DIR: path.join(dataDir, 'reports'),
      ...env,
    }),
    databaseUrl: database.url,
    jwtSecret: TEST_JWT_SECRET,
  };
  const testApp: TestApp = {
    ...(await boot(config)),
    database,
    config,
    restart: async () => {
      await testApp.app.close();
      Object.assign(testApp, await boot(config));
    },
    close: async () => {
      await testApp.app.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

async function boot(
  config: ResolvedAppConfig,
): Promise<Pick<TestApp, 'app' | 'http' | 'dataSource'>> {
  const app = await createApp(config);
  return { app, http: request(app.getHttpServer()), dataSource: app.get(DataSource) };
}
