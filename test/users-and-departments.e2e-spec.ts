import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { DemoDataService } from '../src/modules/demo-data/demo-data.service';
import { fiscalYearOf } from '../src/modules/program-calendar/fiscal-year.rule';
import { InitialAdminService } from '../src/modules/users/initial-admin.service';
import { User } from '../src/modules/users/user.entity';
import { auditCount, login, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

describe('Users and departments (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const admin = () => ({ Authorization: `Bearer ${world.tokens.ADMIN}` });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
  });
  afterAll(() => t.close());

  it('creates a user who can sign in, never returns the hash, and audits the creation', async () => {
    const response = await t.http
      .post('/api/users')
      .set(admin())
      .send({
        email: 'New.Coordinator@DGS.ca.gov',
        displayName: 'New Coordinator',
        role: 'COORDINATOR',
        departmentId: world.home.id,
        password: 'twelve chars or more',
      })
      .expect(201);
    expect(response.body.email).toBe('new.coordinator@dgs.ca.gov');
    expect(JSON.stringify(response.body)).not.toMatch(/password|argon/i);
    await login(t.http, 'new.coordinator@dgs.ca.gov', 'twelve chars or more');
    const entry = await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ entityId: response.body.id, action: 'CREATE' });
    expect(entry.changes).toMatchObject({
      role: { old: null, new: 'COORDINATOR' },
      passwordHash: { new: '***' },
    });
  });

  it.each([
    [{ role: 'COORDINATOR' }, 'departmentId'],
    [{ role: 'AUDITOR', departmentId: 'HOME' }, 'departmentId'],
    [{ role: 'EMPLOYEE', departmentId: '7f000000-0000-4000-8000-000000000000' }, 'departmentId'],
    [{ role: 'KING' }, 'role'],
    [{ role: 'ADMIN', password: 'short' }, 'password'],
    [{ role: 'ADMIN', email: 'not-an-email' }, 'email'],
    [{ role: 'ADMIN', isAdmin: true }, 'isAdmin'],
  ])('refuses %j with 400 naming %s, writing nothing', async (overrides, field) => {
    const before = await t.dataSource.getRepository(User).count();
    const audits = await auditCount(t.dataSource);
    const body: Record<string, unknown> = {
      email: `x-${Math.random()}@test.ca.gov`,
      displayName: 'X',
      password: 'long enough password',
      ...overrides,
    };
    if (body.departmentId === 'HOME') body.departmentId = world.home.id;
    const response = await t.http.post('/api/users').set(admin()).send(body).expect(400);
    expect((response.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    expect(await t.dataSource.getRepository(User).count()).toBe(before);
    expect(await auditCount(t.dataSource)).toBe(audits);
  });

  it('answers a duplicate email with 409', async () => {
    const response = await t.http
      .post('/api/users')
      .set(admin())
      .send({
        email: world.users.EMPLOYEE.email,
        displayName: 'Twin',
        role: 'AUDITOR',
        password: 'long enough password',
      })
      .expect(409);
    expect(response.body.errors[0].field).toBe('email');
  });

  it('lists users with filters, search and whitelisted sorting', async () => {
    const page = await t.http
      .get('/api/users')
      .query({ role: 'COORDINATOR', sort: 'email', order: 'desc', pageSize: 2 })
      .set(admin())
      .expect(200);
    expect(page.body.pageSize).toBe(2);
    const items = page.body.items as { role: string; email: string }[];
    expect(items.every((u) => u.role === 'COORDINATOR')).toBe(true);
    const emails = items.map((u) => u.email);
    expect(emails).toEqual([...emails].sort().reverse());
    await t.http.get('/api/users').query({ sort: 'password_hash' }).set(admin()).expect(400);
    const search = await t.http.get('/api/users').query({ q: '100%_' }).set(admin()).expect(200);
    expect(search.body.total).toBe(0);
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    const bad = await t.http.get('/api/users/not-a-uuid').set(admin()).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'path.id', message: 'must be a UUID' }]);
    await t.http.get('/api/users/7f000000-0000-4000-8000-000000000000').set(admin()).expect(404);
  });

  it('creates and updates departments with validation and audit', async () => {
    const created = await t.http
      .post('/api/departments')
      .set(admin())
      .send({
        code: 'CDCR',
        name: 'Corrections and Rehabilitation',
        stateTimeTrainingCapHours: 16.5,
      })
      .expect(201);
    expect(created.body).toMatchObject({
      reportDueMonthDay: '07-01',
      stateTimeTrainingCapHours: 16.5,
      smallCellThreshold: 5,
    });
    await t.http
      .post('/api/departments')
      .set(admin())
      .send({ code: 'CDCR', name: 'Again' })
      .expect(409);
    const bad = await t.http
      .patch(`/api/departments/${created.body.id}`)
      .set(admin())
      .send({ reportDueMonthDay: '13-45', smallCellThreshold: 0 })
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'reportDueMonthDay',
      'smallCellThreshold',
    ]);
    await t.http
      .patch(`/api/departments/${created.body.id}`)
      .set(admin())
      .send({ reportDueMonthDay: '06-01' })
      .expect(200);
    const entries = await t.dataSource
      .getRepository(AuditEntry)
      .findBy({ entityType: 'department', entityId: created.body.id });
    expect(entries.map((e) => e.action).sort()).toEqual(['CREATE', 'UPDATE']);
  });

  it('names the department UM coordinator: only a COORDINATOR of that department', async () => {
    const named = await t.http
      .patch(`/api/departments/${world.home.id}`)
      .set(admin())
      .send({ umCoordinatorUserId: world.users.COORDINATOR.id })
      .expect(200);
    expect(named.body.umCoordinatorUserId).toBe(world.users.COORDINATOR.id);
    for (const wrong of [world.users.otherCoordinator.id, world.users.EMPLOYEE.id]) {
      const refused = await t.http
        .patch(`/api/departments/${world.home.id}`)
        .set(admin())
        .send({ umCoordinatorUserId: wrong })
        .expect(400);
      expect(refused.body.errors[0].field).toBe('umCoordinatorUserId');
    }
    await expect(
      t.dataSource.query(`UPDATE departments SET um_coordinator_user_id = $1 WHERE id = $2`, [
        '7f000000-0000-4000-8000-000000000000',
        world.home.id,
      ]),
    ).rejects.toThrow(/foreign key/);
  });

  it('loads the demo department with one sign-in per role, once', async () => {
    const seed = await t.app.get(DemoDataService).seedIfEmpty();
    expect(seed.created).toBe(true);
    expect(seed.credentials.map((c) => c.role).sort()).toEqual([
      'ADMIN',
      'AUDITOR',
      'COORDINATOR',
      'EMPLOYEE',
      'SUPERVISOR',
    ]);
    for (const credential of seed.credentials)
      await login(t.http, credential.email, credential.password);
    expect((await t.app.get(DemoDataService).seedIfEmpty()).created).toBe(false);
    const coordinator = seed.credentials.find((c) => c.role === 'COORDINATOR')!;
    const token = (await login(t.http, coordinator.email, coordinator.password)).accessToken;
    const departments = await t.http
      .get('/api/departments')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const fiscalYear = fiscalYearOf(new Date().toISOString().slice(0, 10));
    const designations = await t.http
      .get(`/api/departments/${departments.body.items[0].id}/designations/${fiscalYear}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const byDesignation = (kind: string) =>
      (designations.body.designations as { designation: string; classCode: string }[])
        .filter((d) => d.designation === kind)
        .map((d) => d.classCode);
    expect(byDesignation('ELTPA')).toContain('5157');
    expect(byDesignation('LPEL')).toEqual(
      expect.arrayContaining(['1441', '1379', '1138', '1139', '2006']),
    );
  });
});

describe('Production bootstrap (e2e)', () => {
  it('creates the first ADMIN from ADMIN_EMAIL / ADMIN_PASSWORD once, and nothing else', async () => {
    const t = await startTestApp({
      ADMIN_EMAIL: 'Root@Agency.ca.gov',
      ADMIN_PASSWORD: 'a very long admin password',
      DEMO_DATA: 'false',
    });
    try {
      const bootstrap = t.app.get(InitialAdminService);
      expect(await bootstrap.ensureInitialAdmin()).toBe(true);
      expect(await bootstrap.ensureInitialAdmin()).toBe(false);
      const users = await t.dataSource.getRepository(User).find();
      expect(users.map((u) => [u.email, u.role])).toEqual([['root@agency.ca.gov', 'ADMIN']]);
      await login(t.http, 'root@agency.ca.gov', 'a very long admin password');
    } finally {
      await t.close();
    }
  });
});
