jest.mock('pino', () =>
  jest
    .requireActual<typeof import('./support/log-capture')>('./support/log-capture')
    .pinoWritingTo(jest.requireActual('pino')),
);

import type { Employee } from '../src/modules/employees/employee.entity';
import {
  login,
  makeClassification,
  makeDepartment,
  makeEmployee,
  makeUser,
  TEST_PASSWORD,
} from './support/fixtures';
import { capturedLogs } from './support/log-capture';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * What the service writes to its log (LOG_LEVEL=info, as in production) while people sign in,
 * read employee records and answer the self-identification form: request lines, never a
 * password, a token, a name, an e-mail address or a demographic answer, not even when a write
 * fails unexpectedly in the database.
 */

const ANSWERS = {
  ethnicities: ['ASIAN_LAOTIAN', 'PACIFIC_ISLANDER_SAMOAN'],
  gender: 'NONBINARY',
  disability: 'YES',
  veteran: 'YES',
};
/** The answers that can be told apart from other words in a log (YES cannot). */
const ANSWER_WORDS = ['ASIAN_LAOTIAN', 'PACIFIC_ISLANDER_SAMOAN', 'NONBINARY'];
const WRONG_PASSWORD = 'Tr0ub4dor&3-not-the-password';

describe('Logs carry no personal data or secrets (e2e)', () => {
  const logs = capturedLogs();
  let t: TestApp;
  let person: Employee;
  const secrets = { passwords: [TEST_PASSWORD, WRONG_PASSWORD], tokens: [] as string[] };
  const personal: string[] = [];

  const leaked = (needles: string[]) => needles.filter((needle) => logs.text().includes(needle));

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'info', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    const department = await makeDepartment(t.dataSource);
    const classification = await makeClassification(t.dataSource);
    person = await makeEmployee(t.dataSource, department.id, classification.id, {
      firstName: 'Zebulon',
      lastName: 'Quixotevska',
      employeeNumber: 'EN-77812',
    });
    const coordinator = await makeUser(t.dataSource, 'COORDINATOR', {
      departmentId: department.id,
      email: 'c.okonkwo-marsh@parks.ca.gov',
    });
    const employeeUser = await makeUser(t.dataSource, 'EMPLOYEE', {
      departmentId: department.id,
      employeeId: person.id,
      email: 'zebulon.quixotevska@parks.ca.gov',
    });
    personal.push(
      person.firstName,
      person.lastName,
      person.employeeNumber,
      coordinator.email,
      employeeUser.email,
      'Wilhelmina',
      'Oyelaran-Tsosie',
    );
    logs.clear();

    // Sign-ins: a refused one, an unknown address, then real ones, a refresh and a sign-out.
    await t.http
      .post('/api/auth/login')
      .send({ email: employeeUser.email, password: WRONG_PASSWORD })
      .expect(401);
    await t.http
      .post('/api/auth/login')
      .send({ email: 'nobody.here@parks.ca.gov', password: WRONG_PASSWORD })
      .expect(401);
    const coordinatorTokens = await login(t.http, coordinator.email);
    const employeeTokens = await login(t.http, employeeUser.email);
    const refreshed = await t.http
      .post('/api/auth/refresh')
      .send({ refreshToken: employeeTokens.refreshToken })
      .expect(200);
    const employeeAccess = (refreshed.body as { accessToken: string }).accessToken;
    secrets.tokens.push(
      coordinatorTokens.accessToken,
      coordinatorTokens.refreshToken,
      coordinatorTokens.refreshToken.split('.')[1],
      employeeTokens.accessToken,
      employeeTokens.refreshToken,
      employeeAccess,
      (refreshed.body as { refreshToken: string }).refreshToken,
    );
    const asCoordinator = { Authorization: `Bearer ${coordinatorTokens.accessToken}` };
    const asEmployee = {
      Authorization: `Bearer ${employeeAccess}`,
      Cookie: `session=${employeeAccess}`,
    };

    // The employee answers the form (once wrongly), reads it back and reads their record.
    await t.http
      .put(`/api/employees/${person.id}/self-identification`)
      .set(asEmployee)
      .send({ ...ANSWERS, ethnicities: ['DECLINED', ...ANSWERS.ethnicities] })
      .expect(400);
    await t.http
      .put(`/api/employees/${person.id}/self-identification`)
      .set(asEmployee)
      .send(ANSWERS)
      .expect(200);
    await t.http.get(`/api/employees/${person.id}/self-identification`).set(asEmployee).expect(200);
    await t.http.get(`/api/employees/${person.id}`).set(asEmployee).expect(200);

    // The coordinator searches by name, reads the record with its answers, adds a colleague.
    await t.http.get('/api/employees').query({ q: person.lastName }).set(asCoordinator).expect(200);
    await t.http.get(`/api/employees/${person.id}`).set(asCoordinator).expect(200);
    await t.http
      .post('/api/employees')
      .set(asCoordinator)
      .send({
        departmentId: department.id,
        employeeNumber: 'EN-99120',
        firstName: 'Wilhelmina',
        lastName: 'Oyelaran-Tsosie',
        classCode: classification.classCode,
        hireDate: '2023-02-01',
        ...ANSWERS,
      })
      .expect(201);
    await t.http
      .post('/api/auth/logout')
      .set(asEmployee)
      .send({ refreshToken: employeeTokens.refreshToken })
      .expect(204);
  });
  afterAll(() => t.close());

  it('logged the requests (the capture works)', () => {
    const paths = logs
      .entries()
      .map((entry) => (entry.req as { path?: string } | undefined)?.path)
      .filter((path): path is string => typeof path === 'string');
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/employees',
        `/api/employees/${person.id}/self-identification`,
      ]),
    );
  });

  it('logs no password', () => {
    expect(leaked(secrets.passwords)).toEqual([]);
  });

  it('logs no access or refresh token', () => {
    expect(leaked(secrets.tokens)).toEqual([]);
  });

  it('logs no name, employee number or e-mail address (search terms included)', () => {
    expect(leaked(personal)).toEqual([]);
  });

  it('logs no demographic answer', () => {
    expect(leaked(ANSWER_WORDS)).toEqual([]);
  });

  it('logs an unexpected database failure without the values being written', async () => {
    const admin = await makeUser(t.dataSource, 'ADMIN');
    const token = (await login(t.http, admin.email)).accessToken;
    // A constraint the application knows nothing about: the write fails inside PostgreSQL.
    await t.dataSource.query(
      `ALTER TABLE employees ADD CONSTRAINT zz_log_test CHECK (last_name <> 'Failwright-Ngata')`,
    );
    logs.clear();
    try {
      const response = await t.http
        .patch(`/api/employees/${person.id}`)
        .set('Authorization', `Bearer ${token}`)
        .send({ lastName: 'Failwright-Ngata', ...ANSWERS, ethnicities: ['ASIAN_LAOTIAN'] });
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query('ALTER TABLE employees DROP CONSTRAINT zz_log_test');
    }
    const errors = logs.entries().filter((entry) => entry.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(leaked(['Failwright-Ngata', person.firstName, person.employeeNumber])).toEqual([]);
    expect(leaked(ANSWER_WORDS)).toEqual([]);
  });
});
