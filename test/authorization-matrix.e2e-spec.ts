import * as fs from 'node:fs';
import * as path from 'node:path';
import { listRoutes } from '../src/common/auth/route-inventory';
import { auditCount, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';
import { CALLERS } from './matrix/matrix-types';
import type { MatrixCase, MatrixModule, Prepared } from './matrix/matrix-types';

/** Every `test/matrix/*.matrix.ts`, merged; a route listed twice is an error. */
function loadMatrix(): { modules: MatrixModule[]; rows: Record<string, MatrixCase[]> } {
  const dir = path.join(__dirname, 'matrix');
  const modules = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.matrix.ts'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- files are discovered at run time
    .map((file) => (require(path.join(dir, file)) as { matrix: MatrixModule }).matrix);
  const rows: Record<string, MatrixCase[]> = {};
  for (const module of modules) {
    for (const [route, cases] of Object.entries(module.rows)) {
      if (rows[route]) throw new Error(`${route} has rows in two matrix files`);
      rows[route] = cases;
    }
  }
  return { modules, rows };
}

const { modules, rows: MATRIX } = loadMatrix();

/**
 * Every route × every caller (each role, a coordinator of another department, anonymous),
 * inside and outside scope, with the expected status.
 */
describe('Authorization matrix (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const prepared: Prepared = {};

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    for (const module of modules) Object.assign(prepared, await module.prepare?.(t, world));
  });
  afterAll(() => t.close());

  it('has a row for every route the app registers, and no stale rows', () => {
    const registered = listRoutes(t.app).map((route) => `${route.method} ${route.path}`);
    expect(Object.keys(MATRIX).sort()).toEqual([...new Set(registered)].sort());
  });

  it('every route declares its roles or is public', () => {
    for (const route of listRoutes(t.app)) {
      expect({
        route: `${route.method} ${route.path}`,
        declared: route.isPublic || !!route.roles?.length,
      }).toEqual({
        route: `${route.method} ${route.path}`,
        declared: true,
      });
    }
  });

  const rows = Object.entries(MATRIX).flatMap(([route, cases]) =>
    cases.flatMap((matrixCase, index) =>
      CALLERS.map((caller) => ({ route, index, caller, matrixCase })),
    ),
  );

  it.each(rows)('$route (case $index) as $caller', async ({ route, caller, matrixCase }) => {
    const [method] = route.split(' ');
    const { path: url, body, headers } = await matrixCase.request(world, prepared, t);
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const request = t.http[verb](url);
    if (headers) request.set(headers);
    if (caller !== 'anonymous') request.set('Authorization', `Bearer ${world.tokens[caller]}`);
    const auditBefore = await auditCount(t.dataSource);
    const response = body ? await request.send(body) : await request;
    expect({ status: response.status }).toEqual({ status: matrixCase.expect[caller] });
    // Every accepted change leaves at least one audit entry; a refused one leaves none, except
    // refused sign-ins, which are themselves audited.
    const written = (await auditCount(t.dataSource)) - auditBefore;
    if (method !== 'GET' && response.status < 300) expect(written).toBeGreaterThan(0);
    if (response.status >= 400 && !route.startsWith('POST auth/')) expect(written).toBe(0);
    if (response.status >= 400) {
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});
