/**
 * The API under load (autocannon, loopback): a paged, filtered employee list and the report of a
 * training record, against the framework floor: a trivial authenticated route of the same app
 * (`GET /api/auth/me`: the JWT check and the caller loaded from the database, nothing else).
 */
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { hashPassword } from '../../src/modules/auth/password-hasher';
import { benchConfig, largestDepartment, runCase } from '../lib';
import type { Measurement } from '../lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'bench-password-long-enough';

function load(url: string, options: Partial<autocannon.Options>): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
    );
  });
}

runCase('api', async () => {
  const config = { ...benchConfig(), loginRateLimitPerMinute: 10000 };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const dataSource = app.get(DataSource);
  const department = await largestDepartment(dataSource);
  // A coordinator of the largest department, signed in once.
  const email = `bench-coordinator-${Date.now()}@bench.ca.gov`;
  await dataSource.query(
    `INSERT INTO users (email, display_name, role, department_id, password_hash, version)
     VALUES ($1, 'Bench Coordinator', 'COORDINATOR', $2, $3, 1)`,
    [email, department.id, await hashPassword(PASSWORD)],
  );
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const employee: { id: string }[] = await dataSource.query(
    `SELECT id FROM employees WHERE department_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1`,
    [department.id],
  );

  const floor = await load(`${base}/api/auth/me`, { headers });
  const list = await load(
    `${base}/api/employees?departmentId=${department.id}&status=ACTIVE&designation=LPEL&page=3&pageSize=50&sort=lastName`,
    { headers },
  );
  const post = await load(`${base}/api/training-records`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      employeeId: employee[0].id,
      title: 'Benchmark course',
      kind: 'ONLINE',
      hours: 1.5,
      startDate: '2026-09-01',
      completionDate: '2026-09-01',
      onStateTime: false,
    }),
  });
  await app.close();

  const describe = (result: Result): string =>
    `p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx, ${result.errors} errors`;
  const row = (what: string, result: Result): Measurement => ({
    what: `${what} (${CONNECTIONS} connections, ${SECONDS} s)`,
    ours: Math.round(result.requests.average),
    floor: Math.round(floor.requests.average),
    unit: 'req/s',
    floorIs: 'GET /api/auth/me (authenticated, trivial)',
    target: '>= 0.5 x floor, p99 < 50 ms',
    extra: describe(result),
  });
  return [
    { ...row('GET /api/auth/me (the floor itself)', floor) },
    row('GET /api/employees, filtered and paged (largest department)', list),
    row('POST /api/training-records', post),
  ];
});
