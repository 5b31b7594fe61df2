import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';

/**
 * The real service as operators run it (`node dist/src/main.js`) in a child process, for the
 * tests that must kill it, restart it or load it from outside.
 */

export const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'dist', 'src', 'main.js');
const BUILD_INFO = path.join(ROOT, 'dist', '.tsbuildinfo.build');
export const STRESS_JWT_SECRET = 'stress-test-secret-that-is-long-enough-for-hs256';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** Builds dist/ (incremental `tsc -p tsconfig.build.json`) when missing or older than src/. */
export async function ensureBuilt(): Promise<{ built: boolean; seconds: number }> {
  const started = Date.now();
  const sources = Math.max(
    newestSource(path.join(ROOT, 'src')),
    newestSource(path.join(ROOT, 'migrations')),
  );
  const fresh =
    fs.existsSync(MAIN) && fs.existsSync(BUILD_INFO) && fs.statSync(BUILD_INFO).mtimeMs >= sources;
  if (fresh) return { built: false, seconds: 0 };
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: ROOT, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => {
        // tsc still emits on type errors; only a missing entry point stops the tests.
        if (error && !fs.existsSync(MAIN)) reject(new Error(`build failed: ${stdout}`));
        else resolve();
      },
    );
  });
  // tsc leaves its build info alone when nothing changed: mark dist/ as checked against src/.
  if (fs.existsSync(BUILD_INFO)) {
    const now = new Date();
    fs.utimesSync(BUILD_INFO, now, now);
  }
  return { built: true, seconds: Math.round((Date.now() - started) / 1000) };
}

export interface ServerProcess {
  baseUrl: string;
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left behind. */
  kill9(): Promise<void>;
  /** SIGTERM and wait: the orderly shutdown. */
  stop(): Promise<number | null>;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The environment of a start: nothing of the test process's database settings leaks in. */
function serverEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('UM_TEST_') &&
        !['DATABASE_URL', 'DATA_DIR', 'PORT', 'JWT_SECRET', 'NODE_ENV'].includes(name),
    ),
  );
  return {
    ...inherited,
    HOST: '127.0.0.1',
    JWT_SECRET: STRESS_JWT_SECRET,
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  };
}

/** Starts `node dist/src/main.js` and waits until /health/ready answers 200. */
export async function startServer(
  env: Record<string, string> & { PORT: string },
  readyTimeoutMs = 180_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: serverEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const server: ServerProcess = {
    baseUrl,
    child,
    output: () => output,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited(child);
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the service exited during start-up (${child.exitCode}):\n${output}`);
    }
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return server;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service was not ready after ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// -------------------------------------------------------------------- the embedded PostgreSQL

export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'db', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A direct connection to the embedded cluster of a data dir (port from postmaster.pid). */
export async function connectToDataDir(dataDir: string): Promise<Client> {
  const lines = fs.readFileSync(path.join(dataDir, 'db', 'postmaster.pid'), 'utf8').split('\n');
  const client = new Client({
    host: '127.0.0.1',
    port: Number(lines[3]),
    user: 'postgres',
    password: fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim(),
    database: 'upward_mobility',
  });
  await client.connect();
  return client;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
