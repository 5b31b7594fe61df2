import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Client } from 'pg';
import request from 'supertest';
import type { Response } from 'supertest';
import { findFreePort } from '../../src/database/embedded-database';
import { fiscalYearOf } from '../../src/modules/program-calendar/fiscal-year.rule';
import { programToday } from '../../src/modules/program-calendar/program-date';
import { REPORT_AUDIENCES, REPORT_FORMATS } from '../../src/modules/reports/annual-report.types';
import {
  connectToDataDir,
  ensureBuilt,
  isAlive,
  postmasterPid,
  startServer,
  waitFor,
} from './support/server-process';
import type { ServerProcess } from './support/server-process';

/**
 * kill -9 of the real service (`node dist/src/main.js`, embedded PostgreSQL in a temporary
 * DATA_DIR) in the middle of a write transaction: a report certification (rendering its files)
 * and a roster import of thousands of rows (writing employees and their audit entries). The
 * PostgreSQL child survives its parent; the next start must stop that orphan, open the cluster
 * cleanly and answer ready; the interrupted write is then entirely there or entirely absent,
 * and the audit chain verifies.
 */

const ADMIN_EMAIL = 'crash-admin@test.ca.gov';
const ADMIN_PASSWORD = 'crash admin password 2026';
const IMPORT_ROWS = 8_000;
const FILES_PER_VERSION = REPORT_AUDIENCES.length * REPORT_FORMATS.length;

interface KillObservation {
  backendState: string;
  query: string;
  transactionMs: number;
}

describe('Crash safety: kill -9 mid-write, restart on the same data dir (stress)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'um-crash-'));
  fs.chmodSync(root, 0o755); // as root, the cluster runs as the postgres user
  const dataDir = path.join(root, 'data');
  let port: string;
  let server: ServerProcess | undefined;
  let token: string;
  let departmentId: string;
  const figures: Record<string, unknown> = {};

  const env = () => ({
    PORT: port,
    DATA_DIR: dataDir,
    REPORTS_DIR: path.join(root, 'reports'),
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
  });
  const api = () => request(server?.baseUrl ?? '');
  const as = () => ({ Authorization: `Bearer ${token}` });

  async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await connectToDataDir(dataDir);
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const count = (client: Client, sql: string, params: unknown[] = []) =>
    client.query<{ count: string }>(sql, params).then((result) => Number(result.rows[0].count));

  /**
   * Waits until the service's connection holds an open write transaction matching `query`;
   * fails at once if the operation (`pending`) finished first: nothing would have been tested.
   */
  function writeInProgress(client: Client, query: RegExp, pending: Promise<unknown>) {
    let finished = false;
    void pending.finally(() => (finished = true));
    return waitFor<KillObservation>(
      `a write transaction matching ${query}`,
      async () => {
        const { rows } = await client.query<{ state: string; query: string; ms: number }>(
          `SELECT state, query, (extract(epoch FROM clock_timestamp() - xact_start) * 1000)::int AS ms
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND backend_xid IS NOT NULL AND state IN ('active', 'idle in transaction')`,
        );
        const hit = rows.find((row) => query.test(row.query));
        if (hit)
          return { backendState: hit.state, query: hit.query.slice(0, 80), transactionMs: hit.ms };
        if (finished) throw new Error('the operation finished before it could be interrupted');
        return undefined;
      },
      60_000,
      5,
    );
  }

  /** kill -9, check the orphan, start again on the same data dir. */
  async function crashAndRestart(): Promise<void> {
    const orphan = postmasterPid(dataDir);
    await server?.kill9();
    // The scenario under test: the database server outlived the application.
    expect(orphan !== null && isAlive(orphan)).toBe(true);
    const started = Date.now();
    server = await startServer(env());
    figures.restartSeconds = Math.round((Date.now() - started) / 100) / 10;
    expect(orphan !== null && isAlive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
  }

  async function expectAuditChainVerifies(): Promise<void> {
    const verdict = await api().get('/api/audit/verify').set(as()).expect(200);
    const entries = await withDatabase((client) => count(client, 'SELECT count(*) FROM audit_log'));
    expect(verdict.body).toMatchObject({ ok: true, count: entries });
  }

  beforeAll(async () => {
    figures.build = await ensureBuilt();
    port = String(await findFreePort());
    const started = Date.now();
    server = await startServer(env());
    figures.firstStartSeconds = Math.round((Date.now() - started) / 100) / 10;
    const signIn = await api()
      .post('/api/auth/login')
      .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD })
      .expect(200);
    token = signIn.body.accessToken;
    const departments = await api().get('/api/departments').set(as()).expect(200);
    departmentId = (departments.body.items as { id: string; code: string }[]).find(
      (department) => department.code === 'DEMO',
    )!.id;
  });

  afterAll(async () => {
    process.stdout.write(`crash-safety figures: ${JSON.stringify(figures)}\n`);
    const exitCode = await server?.stop();
    // An orderly stop takes its PostgreSQL down with it.
    const leftover = postmasterPid(dataDir);
    if (leftover !== null && isAlive(leftover)) {
      process.kill(leftover, 'SIGINT');
      throw new Error(`PostgreSQL (pid ${leftover}) still ran after the service stopped`);
    }
    fs.rmSync(root, { recursive: true, force: true });
    expect(exitCode).toBe(0);
  });

  it('certification: the version with all its files, or none; then the next one certifies', async () => {
    const fiscalYear = fiscalYearOf(programToday());
    const base = `/api/departments/${departmentId}/reports/annual/${fiscalYear}`;
    const certify = () => api().post(`${base}/certify`).set(as());
    // A first, undisturbed certification: the fiscal year can be certified, and version 1 exists.
    await certify().expect(201);
    const versionsOf = (client: Client) =>
      count(
        client,
        `SELECT count(*) FROM report_versions WHERE department_id = $1 AND fiscal_year = $2`,
        [departmentId, fiscalYear],
      );
    const before = await withDatabase(versionsOf);

    const observed = await withDatabase(async (client) => {
      const pending = certify().then(
        (response: Response) => response.status,
        () => 'connection lost',
      );
      const observation = await writeInProgress(
        client,
        /report_versions|report_files|audit_log/,
        pending,
      );
      await server?.kill9();
      figures.certifyKilled = { ...observation, response: await pending };
      return observation;
    });
    expect(observed.transactionMs).toBeGreaterThanOrEqual(0);
    await crashAndRestart();

    const state = await withDatabase(async (client) => ({
      versions: await versionsOf(client),
      incomplete: await count(
        client,
        `SELECT count(*) FROM report_versions v
          WHERE v.department_id = $1
            AND (SELECT count(*) FROM report_files f WHERE f.report_version_id = v.id) <> $2`,
        [departmentId, FILES_PER_VERSION],
      ),
      audited: await count(
        client,
        `SELECT count(*) FROM audit_log WHERE action = 'REPORT_CERTIFY' AND department_id = $1`,
        [departmentId],
      ),
      allVersions: await count(
        client,
        'SELECT count(*) FROM report_versions WHERE department_id = $1',
        [departmentId],
      ),
    }));
    expect([before, before + 1]).toContain(state.versions);
    expect(state.incomplete).toBe(0);
    expect(state.audited).toBe(state.allVersions);
    figures.certifyOutcome = state.versions === before ? 'rolled back' : 'committed';
    await expectAuditChainVerifies();

    // Numbering carries on from what is really there.
    const next = await certify().expect(201);
    expect(next.body.version).toBe(state.versions + 1);
  });

  it('roster import of thousands of rows: every employee or none; the same file then imports', async () => {
    const classes = await api().get('/api/classifications').set(as()).expect(200);
    const classCode = (classes.body.items as { classCode: string }[])[0].classCode;
    const csv = Buffer.from(
      [
        'employee_number,first_name,last_name,class_code,time_base,hire_date',
        ...Array.from(
          { length: IMPORT_ROWS },
          (_, i) =>
            `CRASH${String(i).padStart(6, '0')},Given${i},Family${i},${classCode},FULL_TIME,2021-03-01`,
        ),
      ].join('\n'),
    );
    const upload = () =>
      api()
        .post(`/api/imports/roster?departmentId=${departmentId}`)
        .set(as())
        .attach('file', csv, { filename: 'roster.csv', contentType: 'text/csv' });
    const employeesOf = (client: Client) =>
      count(client, `SELECT count(*) FROM employees WHERE employee_number LIKE 'CRASH%'`);
    const before = await withDatabase(async (client) => ({
      employees: await employeesOf(client),
      audit: await count(client, 'SELECT count(*) FROM audit_log'),
    }));
    expect(before.employees).toBe(0);

    await withDatabase(async (client) => {
      const pending = upload().then(
        (response: Response) => response.status,
        () => 'connection lost',
      );
      // The apply phase: employees written, their audit entries being appended.
      const observation = await writeInProgress(
        client,
        /INSERT INTO employees|audit_log/i,
        pending,
      );
      await server?.kill9();
      figures.importKilled = { ...observation, response: await pending };
    });
    await crashAndRestart();

    const after = await withDatabase(async (client) => ({
      employees: await employeesOf(client),
      audit: await count(client, 'SELECT count(*) FROM audit_log'),
      imports: await count(client, `SELECT count(*) FROM audit_log WHERE action = 'IMPORT'`),
    }));
    expect([0, IMPORT_ROWS]).toContain(after.employees);
    if (after.employees === 0) {
      // Rolled back: not one audit entry of the import survived either.
      expect(after.audit).toBe(before.audit);
      expect(after.imports).toBe(0);
    } else {
      expect(after.imports).toBe(1);
    }
    figures.importOutcome = after.employees === 0 ? 'rolled back' : 'committed';
    await expectAuditChainVerifies();

    const again = await upload();
    expect([200, 201]).toContain(again.status);
    const final = await withDatabase(employeesOf);
    expect(final).toBe(IMPORT_ROWS);
    await expectAuditChainVerifies();
  });

  it('after the restart no import run still claims to be RUNNING', async () => {
    const running = await withDatabase((client) =>
      client.query<{ id: string; file_name: string }>(
        `SELECT id, file_name FROM import_runs WHERE status = 'RUNNING'`,
      ),
    );
    expect(running.rows).toEqual([]);
  });
});
