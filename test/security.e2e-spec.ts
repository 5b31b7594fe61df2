import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { User } from '../src/modules/users/user.entity';
import { makeDepartment, makeUser } from './support/fixtures';
import { asBytes } from './support/report-files';
import { startTestApp, TEST_JWT_SECRET } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * Security basics on a running app: helmet headers on every kind of answer, CORS only for the
 * configured origins, bearer tokens refused unless signed by us, unexpired, HS256 and for an
 * enabled user, and sign-in throttling.
 */

const ALLOWED_ORIGIN = 'https://um.example.ca.gov';
const OTHER_ORIGIN = 'https://evil.example.com';
const LOGIN_LIMIT = 3;

const signer = new JwtService({ secret: TEST_JWT_SECRET, signOptions: { algorithm: 'HS256' } });
const now = () => Math.floor(Date.now() / 1000);
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Security basics (e2e)', () => {
  let t: TestApp;
  let admin: User;
  let adminToken: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await startTestApp({
      CORS_ORIGINS: `${ALLOWED_ORIGIN},https://other.ca.gov`,
      LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
    });
    admin = await makeUser(t.dataSource, 'ADMIN');
    // Signed here, not obtained by signing in: the sign-in budget is for the throttling test.
    adminToken = await signer.signAsync({ sub: admin.id, role: 'ADMIN' }, { expiresIn: 300 });
    departmentId = (await makeDepartment(t.dataSource)).id;
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  describe('security headers', () => {
    const answers = [
      { name: 'health probe', path: '/health', token: false, status: 200 },
      { name: 'JSON answer', path: '/api/auth/me', token: true, status: 200 },
      { name: 'problem+json refusal', path: '/api/auth/me', token: false, status: 401 },
      { name: 'unknown route', path: '/api/no-such-route', token: true, status: 404 },
      { name: 'file download', path: '/api/imports/templates/roster', token: true, status: 200 },
    ];

    it.each(answers)('$name carries them', async ({ path, token, status }) => {
      const request = asBytes(t.http.get(path));
      if (token) request.set(as(adminToken));
      const response = await request;
      expect(response.status).toBe(status);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toMatch(/frame-ancestors '(none|self)'/);
      expect(csp).toContain("object-src 'none'");
      // Only Swagger UI's own pages may run inline scripts.
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'x-dns-prefetch-control': 'off',
      });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });

  describe('CORS', () => {
    it('answers a preflight from a configured origin', async () => {
      const response = await t.http
        .options('/api/employees')
        .set('Origin', ALLOWED_ORIGIN)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      expect(response.status).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
      expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('lets a configured origin read an answer', async () => {
      const response = await t.http
        .get('/api/auth/me')
        .set('Origin', ALLOWED_ORIGIN)
        .set(as(adminToken))
        .expect(200);
      expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    });

    it.each([
      ['another origin', OTHER_ORIGIN],
      ['a look-alike of the configured one', `${ALLOWED_ORIGIN}.evil.example.com`],
      ['the configured host over http', ALLOWED_ORIGIN.replace('https:', 'http:')],
      ['the null origin', 'null'],
    ])('grants nothing to %s', async (_label, origin) => {
      const preflight = await t.http
        .options('/api/employees')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      const read = await t.http.get('/api/auth/me').set('Origin', origin).set(as(adminToken));
      expect(read.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('bearer tokens', () => {
    const tokens: Record<string, () => Promise<string>> = {
      'signed with another key': () =>
        new JwtService({ secret: 'another-secret-that-is-long-enough-for-hs256' }).signAsync({
          sub: admin.id,
          role: 'ADMIN',
        }),
      expired: () =>
        signer.signAsync({ sub: admin.id, role: 'ADMIN', iat: now() - 3600, exp: now() - 60 }),
      'not yet valid': () =>
        signer.signAsync({ sub: admin.id, role: 'ADMIN' }, { notBefore: 3600, expiresIn: 7200 }),
      'signed with HS512 (only HS256 is accepted)': () =>
        signer.signAsync({ sub: admin.id, role: 'ADMIN' }, { algorithm: 'HS512' }),
      'unsigned (alg none)': () =>
        Promise.resolve(
          `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: admin.id, role: 'ADMIN', iat: now(), exp: now() + 300 })}.`,
        ),
      'with a payload changed after signing': async () => {
        const [header, , signature] = (
          await signer.signAsync({ sub: randomUUID(), role: 'EMPLOYEE' })
        ).split('.');
        return `${header}.${base64url({ sub: admin.id, role: 'ADMIN', iat: now() })}.${signature}`;
      },
      'for a user that does not exist': () =>
        signer.signAsync({ sub: randomUUID(), role: 'ADMIN' }, { expiresIn: 300 }),
      'for a subject that is not a user id': () =>
        signer.signAsync({ sub: "x' OR '1'='1", role: 'ADMIN' }, { expiresIn: 300 }),
    };

    it('accepts our own token (the refusals below are not a broken set-up)', async () => {
      await t.http.get('/api/users').set(as(adminToken)).expect(200);
    });

    it.each(Object.keys(tokens))('refuses a token %s with 401', async (label) => {
      const response = await t.http.get('/api/users').set(as(await tokens[label]()));
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    });

    it('refuses the token of a user disabled after it was issued', async () => {
      const user = await makeUser(t.dataSource, 'COORDINATOR', { departmentId });
      const token = await signer.signAsync({ sub: user.id, role: user.role }, { expiresIn: 300 });
      await t.http.get('/api/employees').set(as(token)).expect(200);
      await t.dataSource.getRepository(User).update(user.id, { disabled: true });
      await t.http.get('/api/employees').set(as(token)).expect(401);
    });

    it('applies the stored role, not the one the token claims', async () => {
      const user = await makeUser(t.dataSource, 'EMPLOYEE', { departmentId });
      const token = await signer.signAsync({ sub: user.id, role: 'ADMIN' }, { expiresIn: 300 });
      await t.http.get('/api/users').set(as(token)).expect(403);
    });
  });

  describe('sign-in throttling', () => {
    it(`answers 429 after ${LOGIN_LIMIT} sign-ins a minute, even with the right password`, async () => {
      const user = await makeUser(t.dataSource, 'AUDITOR');
      const statuses: number[] = [];
      for (let attempt = 0; attempt < LOGIN_LIMIT + 2; attempt++) {
        const response = await t.http
          .post('/api/auth/login')
          .send({ email: user.email, password: attempt === LOGIN_LIMIT ? 'x' : 'wrong password' });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([
        ...Array<number>(LOGIN_LIMIT).fill(401),
        ...Array<number>(2).fill(429),
      ]);
      const refused = await t.http
        .post('/api/auth/login')
        .send({ email: user.email, password: 'correct horse battery staple' });
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      // @nestjs/throttler names the header after the throttler ("sign-in").
      const retryAfter = refused.headers['retry-after'] ?? refused.headers['retry-after-sign-in'];
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });

    it('throttles token refreshes the same way', async () => {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < LOGIN_LIMIT + 1; attempt++) {
        const response = await t.http
          .post('/api/auth/refresh')
          .send({ refreshToken: `${randomUUID()}.guess` });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([...Array<number>(LOGIN_LIMIT).fill(401), 429]);
    });
  });
});

describe('CORS without CORS_ORIGINS (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('grants no origin at all', async () => {
    const preflight = await t.http
      .options('/api/auth/login')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await t.http.get('/health').set('Origin', ALLOWED_ORIGIN).expect(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });
});
