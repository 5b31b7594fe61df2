import 'reflect-metadata';
import { API_PREFIX, createApp, OPENAPI_PATH } from './app.factory';
import { loadConfig } from './config/app-config';
import { resolveJwtSecret } from './config/jwt-secret';
import { StartupError } from './config/startup-error';
import { openDatabase } from './database/database-connection';
import { listenOrExplain } from './http-listen';
import { DemoDataService } from './modules/demo-data/demo-data.service';
import { InitialAdminService } from './modules/users/initial-admin.service';

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const jwt = resolveJwtSecret(config, database.mode === 'embedded');
  const app = await createApp({
    ...config,
    databaseUrl: database.url,
    jwtSecret: jwt.secret,
  }).catch(async (error: unknown) => {
    await database.stop();
    throw error;
  });
  // Stop taking requests and drain, then close the pool, then the embedded server.
  const close = async (): Promise<void> => {
    await app.close();
    await database.stop();
  };
  try {
    // Demo data before listening: once the service answers ready, the demo is there.
    if (await app.get(InitialAdminService).ensureInitialAdmin()) {
      out(`Created the first ADMIN: ${config.adminEmail}`);
    }
    if (config.demoData) {
      const seed = await app.get(DemoDataService).seedIfEmpty();
      if (seed.created) {
        out(`Demo data loaded: department ${seed.departmentCode}. Demo sign-ins (shown once):`);
        for (const credential of seed.credentials) {
          out(`  ${credential.role.padEnd(11)} ${credential.email}  ${credential.password}`);
        }
      }
    }
    await listenOrExplain(app, config.port, config.host);
  } catch (error) {
    await close();
    throw error;
  }
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    void close().then(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  out(`Web app              ${base}/`);
  out(`Upward Mobility API  ${base}/${API_PREFIX}`);
  out(`OpenAPI (Swagger UI) ${base}/${OPENAPI_PATH}`);
  out(`Readiness            ${base}/health/ready`);
  out(
    `Database             ${database.mode === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
  );
  if (jwt.source === 'ephemeral')
    out('Warning: JWT_SECRET is not set; tokens will not survive a restart.');
}

main().catch((error: unknown) => {
  // Operator mistakes get their one line; anything else gets its message too, never a stack dump.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `upward-mobility: ${error instanceof StartupError ? message : `start-up failed: ${message}`}\n`,
  );
  process.exit(1);
});
