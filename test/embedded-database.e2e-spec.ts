import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/app-config';
import { StartupError } from '../src/config/startup-error';
import {
  assertReachableByPostgresUser,
  EmbeddedDatabaseError,
  startEmbeddedDatabase,
} from '../src/database/embedded-database';
import { listenOrExplain } from '../src/http-listen';
import { DemoDataService } from '../src/modules/demo-data/demo-data.service';
import { Department } from '../src/modules/departments/department.entity';
import { DataSource } from 'typeorm';
import { TEST_JWT_SECRET } from './support/test-app';

/** Embedded mode as `npm start` runs it: its own cluster in a data dir, kept across restarts. */
describe('Embedded PostgreSQL mode (e2e)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'um-embedded-'));
  fs.chmodSync(root, 0o755); // the cluster runs as the postgres user when tests run as root
  const dataDir = path.join(root, 'data');
  const configFor = (url: string) => ({
    ...loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }),
    databaseUrl: url,
    jwtSecret: TEST_JWT_SECRET,
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps data across a restart, and refuses a second process on the same data dir', async () => {
    const first = await startEmbeddedDatabase({ dataDir });
    const app = await createApp(configFor(first.url));
    const seeded = await app.get(DemoDataService).seedIfEmpty();
    expect(seeded.created).toBe(true);
    await app
      .get(DataSource)
      .getRepository(Department)
      .update({ code: 'DEMO' }, { smallCellThreshold: 11 });

    // The lock names the owner; a live owner that is another process blocks the start.
    const lockPath = path.join(dataDir, 'app.lock');
    const realOwner = fs.readFileSync(lockPath, 'utf8');
    fs.writeFileSync(lockPath, String(process.ppid));
    await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(
      new RegExp(`in use by another process \\(pid ${process.ppid}\\)`),
    );
    fs.writeFileSync(lockPath, realOwner);

    await app.close();
    await first.stop();
    expect(fs.existsSync(lockPath)).toBe(false);

    const second = await startEmbeddedDatabase({ dataDir });
    const restarted = await createApp(configFor(second.url));
    try {
      const department = await restarted
        .get(DataSource)
        .getRepository(Department)
        .findOneByOrFail({ code: 'DEMO' });
      expect(department.smallCellThreshold).toBe(11);
      expect((await restarted.get(DemoDataService).seedIfEmpty()).created).toBe(false);
    } finally {
      await restarted.close();
      await second.stop();
    }
  });

  it('recovers after a crash: stale lock and an orphaned server from the dead process', async () => {
    const crashed = await startEmbeddedDatabase({ dataDir });
    // Simulate the app dying without cleanup: its lock stays behind with a dead pid and its
    // PostgreSQL child keeps running.
    fs.writeFileSync(path.join(dataDir, 'app.lock'), '2147483646');
    const recovered = await startEmbeddedDatabase({ dataDir });
    try {
      const app = await createApp(configFor(recovered.url));
      const count = await app.get(DataSource).getRepository(Department).countBy({ code: 'DEMO' });
      expect(count).toBe(1);
      await app.close();
    } finally {
      await recovered.stop();
      await crashed.stop();
    }
  });

  it('explains a data dir the postgres user cannot reach instead of failing in initdb', () => {
    if (os.userInfo().uid !== 0) return; // the check only applies when running as root
    const closed = fs.mkdtempSync(path.join(os.tmpdir(), 'um-closed-'));
    fs.chmodSync(closed, 0o700);
    try {
      expect(() => assertReachableByPostgresUser(path.join(closed, 'data'))).toThrow(
        EmbeddedDatabaseError,
      );
      expect(() => assertReachableByPostgresUser(path.join(closed, 'data'))).toThrow(
        /set DATA_DIR/,
      );
    } finally {
      fs.rmSync(closed, { recursive: true, force: true });
    }
  });

  it('explains a busy port in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const database = await startEmbeddedDatabase({ dataDir });
    const app = await createApp(configFor(database.url));
    try {
      const attempt = listenOrExplain(app, port, '127.0.0.1');
      await expect(attempt).rejects.toThrow(StartupError);
      await expect(attempt).rejects.toThrow(`port ${port} is already in use`);
    } finally {
      await app.close();
      await database.stop();
      blocker.close();
    }
  });
});
