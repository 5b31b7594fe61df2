import { randomUUID } from 'node:crypto';
import { listRoutes } from '../src/common/auth/route-inventory';
import type { Role } from '../src/common/auth/role';
import { auditCount, makeRoleWorld, TEST_PASSWORD } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

type Caller = Role | 'otherCoordinator' | 'anonymous';
const CALLERS: Caller[] = [
  'ADMIN',
  'COORDINATOR',
  'SUPERVISOR',
  'EMPLOYEE',
  'AUDITOR',
  'otherCoordinator',
  'anonymous',
];

interface MatrixCase {
  /** Path (with the `/api` prefix where it applies) and body, built from the fixtures. */
  request: (world: RoleWorld) => { path: string; body?: object };
  expect: Record<Caller, number>;
}

/** Same status for everyone but the anonymous caller. */
const signedIn = (status: number, anonymous = 401): Record<Caller, number> => ({
  ADMIN: status,
  COORDINATOR: status,
  SUPERVISOR: status,
  EMPLOYEE: status,
  AUDITOR: status,
  otherCoordinator: status,
  anonymous,
});
const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  ...signedIn(403),
  ...allowed,
});

/**
 * Every route × every caller, inside and outside scope. "otherCoordinator" is a coordinator of
 * another department: scoped reads answer 404 for them, never the record and never a 403.
 * A route missing here fails the first test, so new routes must be added with their row.
 */
const MATRIX: Record<string, MatrixCase[]> = {
  'GET health': [{ request: () => ({ path: '/health' }), expect: signedIn(200, 200) }],
  'GET health/ready': [{ request: () => ({ path: '/health/ready' }), expect: signedIn(200, 200) }],
  'POST auth/login': [
    {
      request: (w) => ({
        path: '/api/auth/login',
        body: { email: w.users.AUDITOR.email, password: TEST_PASSWORD },
      }),
      expect: signedIn(200, 200),
    },
  ],
  'POST auth/refresh': [
    {
      request: () => ({ path: '/api/auth/refresh', body: { refreshToken: `${randomUUID()}.x` } }),
      expect: signedIn(401, 401),
    },
  ],
  'POST auth/logout': [
    { request: () => ({ path: '/api/auth/logout', body: {} }), expect: signedIn(204) },
  ],
  'GET auth/me': [{ request: () => ({ path: '/api/auth/me' }), expect: signedIn(200) }],
  'GET users': [{ request: () => ({ path: '/api/users' }), expect: only({ ADMIN: 200 }) }],
  'GET users/:id': [
    {
      request: (w) => ({ path: `/api/users/${w.users.EMPLOYEE.id}` }),
      expect: only({ ADMIN: 200 }),
    },
  ],
  'POST users': [
    {
      request: (w) => ({
        path: '/api/users',
        body: {
          email: `new-${randomUUID()}@test.ca.gov`,
          displayName: 'New Person',
          role: 'EMPLOYEE',
          departmentId: w.home.id,
          password: 'a long enough password',
        },
      }),
      expect: only({ ADMIN: 201 }),
    },
  ],
  'PATCH users/:id': [
    {
      request: (w) => ({
        path: `/api/users/${w.users.EMPLOYEE.id}`,
        body: { displayName: 'Renamed' },
      }),
      expect: only({ ADMIN: 200 }),
    },
  ],
  'GET departments': [{ request: () => ({ path: '/api/departments' }), expect: signedIn(200) }],
  'GET departments/:id': [
    {
      request: (w) => ({ path: `/api/departments/${w.home.id}` }),
      expect: { ...signedIn(200), otherCoordinator: 404 },
    },
    {
      request: (w) => ({ path: `/api/departments/${w.other.id}` }),
      expect: { ...signedIn(404), ADMIN: 200, AUDITOR: 200, otherCoordinator: 200 },
    },
  ],
  'POST departments': [
    {
      request: () => ({
        path: '/api/departments',
        body: { code: `M${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Matrix Department' },
      }),
      expect: only({ ADMIN: 201 }),
    },
  ],
  'PATCH departments/:id': [
    {
      request: (w) => ({
        path: `/api/departments/${w.home.id}`,
        body: { name: 'Renamed Department' },
      }),
      expect: only({ ADMIN: 200 }),
    },
  ],
  'GET classifications': [
    { request: () => ({ path: '/api/classifications' }), expect: signedIn(200) },
  ],
  'GET classifications/:id': [
    {
      request: (w) => ({ path: `/api/classifications/${w.classification.id}` }),
      expect: signedIn(200),
    },
  ],
  'POST classifications': [
    {
      request: () => ({
        path: '/api/classifications',
        body: {
          classCode: `${Math.floor(Math.random() * 1e6)}`.padStart(6, '9'),
          title: 'Matrix Class',
          occupationalGroup: 'OFFICE_ALLIED',
          salaryLow: 3000,
          salaryHigh: 4000,
          eeo4Category: 'ADMINISTRATIVE_SUPPORT',
        },
      }),
      expect: only({ ADMIN: 201 }),
    },
  ],
  'PATCH classifications/:id': [
    {
      request: (w) => ({
        path: `/api/classifications/${w.classification.id}`,
        body: { title: 'Renamed Class' },
      }),
      expect: only({ ADMIN: 200 }),
    },
  ],
  'GET departments/:departmentId/designations/:fiscalYear': [
    {
      request: (w) => ({ path: `/api/departments/${w.home.id}/designations/2025-26` }),
      expect: { ...signedIn(200), otherCoordinator: 404 },
    },
  ],
  'PUT departments/:departmentId/designations/:fiscalYear': [
    {
      request: (w) => ({
        path: `/api/departments/${w.home.id}/designations/2025-26`,
        body: { designations: [{ classCode: w.classification.classCode, designation: 'LPEL' }] },
      }),
      expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
    },
  ],
  'GET audit': [
    {
      request: () => ({ path: '/api/audit' }),
      expect: only({ ADMIN: 200, AUDITOR: 200, COORDINATOR: 200, otherCoordinator: 200 }),
    },
  ],
  'GET audit/verify': [
    { request: () => ({ path: '/api/audit/verify' }), expect: only({ ADMIN: 200, AUDITOR: 200 }) },
  ],
};

describe('Authorization matrix (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    world = await makeRoleWorld(t.dataSource, t.http);
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
    const { path, body } = matrixCase.request(world);
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    const request = t.http[verb](path);
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
