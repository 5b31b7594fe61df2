import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';
import { auditCount, login, makeDepartment, makeUser, TEST_PASSWORD } from './support/fixtures';
import { User } from '../src/modules/users/user.entity';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';

describe('Authentication (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  });
  afterAll(() => t.close());

  it('signs in with email and password and answers /auth/me', async () => {
    const department = await makeDepartment(t.dataSource);
    const user = await makeUser(t.dataSource, 'COORDINATOR', { departmentId: department.id });
    const response = await t.http
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${response.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual({
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: 'COORDINATOR',
      departmentId: department.id,
      employeeId: null,
    });
    const entry = await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'LOGIN', entityId: user.id });
    expect(entry.actorUserId).toBe(user.id);
  });

  it('refuses a wrong password and an unknown email with the same answer, and audits both', async () => {
    const user = await makeUser(t.dataSource, 'ADMIN');
    const before = await auditCount(t.dataSource);
    const wrong = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: 'not the password' })
      .expect(401);
    const unknown = await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody@test.ca.gov', password: 'not the password' })
      .expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.body.code).toBe('UNAUTHENTICATED');
    expect(await auditCount(t.dataSource)).toBe(before + 2);
  });

  it('answers a malformed login body with 400 naming the fields', async () => {
    const response = await t.http
      .post('/api/auth/login')
      .send({ email: 'not-an-email', extra: 1 })
      .expect(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
  });

  it('locks an account after five failures, even for the right password', async () => {
    const user = await makeUser(t.dataSource, 'ADMIN');
    for (let i = 0; i < 5; i++) {
      await t.http
        .post('/api/auth/login')
        .send({ email: user.email, password: 'wrong' })
        .expect(401);
    }
    const locked = await t.http
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(401);
    expect(locked.body.detail).toMatch(/Invalid email or password/);
    const stored = await t.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    expect(stored.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it('rotates refresh tokens and revokes every session when a used one comes back', async () => {
    const user = await makeUser(t.dataSource, 'AUDITOR');
    const first = await login(t.http, user.email);
    const second = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // Replaying the used token: refused, and the newer one dies with it.
    await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: second.body.refreshToken })
      .expect(401);
    await t.dataSource
      .getRepository(AuditEntry)
      .findOneByOrFail({ action: 'REFRESH_TOKEN_REUSED', entityId: user.id });
  });

  it('logs out: the refresh token stops working', async () => {
    const user = await makeUser(t.dataSource, 'AUDITOR');
    const tokens = await login(t.http, user.email);
    await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .send({ refreshToken: tokens.refreshToken })
      .expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
  });

  it("stops a disabled user's access and refresh tokens at once", async () => {
    const admin = await makeUser(t.dataSource, 'ADMIN');
    const victim = await makeUser(t.dataSource, 'AUDITOR');
    const adminToken = (await login(t.http, admin.email)).accessToken;
    const tokens = await login(t.http, victim.email);
    await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .expect(200);
    await t.http
      .patch(`/api/users/${victim.id}`)
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ disabled: true })
      .expect(200);
    await t.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${tokens.accessToken}`)
      .expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken }).expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ email: victim.email, password: TEST_PASSWORD })
      .expect(401);
  });

  it('applies a role change on the next request', async () => {
    const department = await makeDepartment(t.dataSource);
    const admin = await makeUser(t.dataSource, 'ADMIN');
    const user = await makeUser(t.dataSource, 'ADMIN');
    const userToken = (await login(t.http, user.email)).accessToken;
    await t.http.get('/api/users').set('Authorization', `Bearer ${userToken}`).expect(200);
    await t.http
      .patch(`/api/users/${user.id}`)
      .set('Authorization', `Bearer ${(await login(t.http, admin.email)).accessToken}`)
      .send({ role: 'COORDINATOR', departmentId: department.id })
      .expect(200);
    await t.http.get('/api/users').set('Authorization', `Bearer ${userToken}`).expect(403);
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer not.a.jwt'],
    [
      'a token signed with another key',
      `Bearer ${'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.' + 'A'.repeat(43)}`,
    ],
  ])('refuses %s with 401 problem+json', async (_label, header) => {
    const request = t.http.get('/api/auth/me');
    if (header) request.set('Authorization', header);
    const response = await request.expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('Sign-in throttling (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 once the per-minute limit of sign-in attempts is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await t.http
        .post('/api/auth/login')
        .send({ email: 'someone@test.ca.gov', password: 'guess' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});
