import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Response } from 'supertest';
import { In } from 'typeorm';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import { Department } from '../src/modules/departments/department.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import { programToday } from '../src/modules/program-calendar/program-date';
import { TrainingRecord } from '../src/modules/training/training-record.entity';
import { auditCount, makeEmployee, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { countRows, verifyAuditChain } from './support/db-state';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/**
 * Simultaneous writers over real sockets: optimistic concurrency on career plans (If-Match), a
 * burst of training reports serialized per employee (the state-time cap) and on the audit chain,
 * overlapping bulk verifications (lock order: no deadlock, all or nothing), and a unique key
 * raced by many creators. Afterwards every count adds up and the audit chain verifies unforked.
 */
describe('Concurrency (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const http = () => request(baseUrl);
  const statusCounts = (responses: Response[]) =>
    responses.reduce<Record<number, number>>((counts, response) => {
      counts[response.status] = (counts[response.status] ?? 0) + 1;
      return counts;
    }, {});

  async function expectChainIntact(): Promise<void> {
    const verdict = await verifyAuditChain(t.dataSource);
    expect(verdict).toMatchObject({ ok: true, count: await auditCount(t.dataSource) });
    const forks: unknown[] = await t.dataSource.query(
      'SELECT prev_hash FROM audit_log GROUP BY prev_hash HAVING count(*) > 1',
    );
    expect(forks).toEqual([]);
  }

  it('50 simultaneous edits of one plan with the same If-Match: exactly one wins, 49 get 409', async () => {
    const plan = await t.dataSource.getRepository(CareerPlan).save({
      departmentId: world.home.id,
      employeeId: world.employees.peer.id,
      targetClassCodes: [],
      goals: 'Before the race',
      state: 'DRAFT',
    });
    const auditBefore = await auditCount(t.dataSource);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, writer) =>
        http()
          .patch(`/api/career-plans/${plan.id}`)
          .set(as(world.tokens.COORDINATOR))
          .set('If-Match', `"${plan.version}"`)
          .send({ goals: `Writer ${writer}` }),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 200: 1, 409: 49 });
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(refused.body).toMatchObject({
        code: 'VERSION_CONFLICT',
        currentVersion: plan.version + 1,
      });
    }
    const winner = responses.find((response) => response.status === 200);
    const stored = await t.dataSource.getRepository(CareerPlan).findOneByOrFail({ id: plan.id });
    expect(stored).toMatchObject({ version: plan.version + 1, goals: winner?.body.goals });
    expect(winner?.headers.etag).toBe(`"${plan.version + 1}"`);
    expect(await auditCount(t.dataSource)).toBe(auditBefore + 1);
    await expectChainIntact();
  });

  it('200 simultaneous training reports: 200 rows, 200 audit entries, the cap applied in order', async () => {
    const EMPLOYEES = 20;
    const PER_EMPLOYEE = 10;
    const HOURS = 4;
    const CAP = 20;
    await t.dataSource
      .getRepository(Department)
      .update(world.home.id, { stateTimeTrainingCapHours: CAP.toFixed(2) });
    const people: Employee[] = [];
    for (let i = 0; i < EMPLOYEES; i++) {
      people.push(await makeEmployee(t.dataSource, world.home.id, world.classification.id));
    }
    const rowsBefore = await countRows(t.dataSource, 'training_records');
    const auditBefore = await auditCount(t.dataSource);
    const today = programToday();
    const responses = await Promise.all(
      people.flatMap((person) =>
        Array.from({ length: PER_EMPLOYEE }, (_, n) =>
          http()
            .post('/api/training-records')
            .set(as(world.tokens.COORDINATOR))
            .send({
              employeeId: person.id,
              title: `Course ${n}`,
              kind: 'ONLINE',
              hours: HOURS,
              startDate: today,
              completionDate: today,
              onStateTime: true,
            }),
        ),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 201: EMPLOYEES * PER_EMPLOYEE });
    expect(await countRows(t.dataSource, 'training_records')).toBe(
      rowsBefore + EMPLOYEES * PER_EMPLOYEE,
    );
    expect(await auditCount(t.dataSource)).toBe(auditBefore + EMPLOYEES * PER_EMPLOYEE);
    const ids = responses.map((response) => (response.body as { id: string }).id);
    expect(new Set(ids).size).toBe(ids.length);
    const created = await t.dataSource
      .getRepository(AuditEntry)
      .countBy({ action: 'CREATE', entityType: 'training_record', entityId: In(ids) });
    expect(created).toBe(ids.length);
    // Reports for one employee are serialized: exactly the hours past the cap are flagged.
    const flags: { employee_id: string; within: string; over: string }[] = await t.dataSource.query(
      `SELECT employee_id,
              count(*) FILTER (WHERE NOT exceeds_state_time_cap) AS within,
              count(*) FILTER (WHERE exceeds_state_time_cap) AS over
         FROM training_records WHERE employee_id = ANY($1) GROUP BY employee_id`,
      [people.map((person) => person.id)],
    );
    expect(flags).toHaveLength(EMPLOYEES);
    for (const row of flags) {
      expect({ within: Number(row.within), over: Number(row.over) }).toEqual({
        within: CAP / HOURS,
        over: PER_EMPLOYEE - CAP / HOURS,
      });
    }
    await expectChainIntact();
  });

  it('overlapping bulk verifications: no deadlock, each one all or nothing, each record once', async () => {
    const REQUESTS = 12;
    const repository = t.dataSource.getRepository(TrainingRecord);
    const records: TrainingRecord[] = [];
    for (let i = 0; i < REQUESTS * 5 + 10; i++) {
      records.push(
        await repository.save({
          departmentId: world.home.id,
          employeeId: world.employees.peer.id,
          title: `Bulk ${i}`,
          kind: 'ONLINE',
          hours: '1.00',
          startDate: '2025-09-01',
          completionDate: '2025-09-01',
          fiscalYear: '2025-26',
          onStateTime: false,
          reportedBy: world.users.ADMIN.id,
        }),
      );
    }
    // Request k asks for records 5k .. 5k+14, in reverse order: neighbours overlap by 10.
    const batches = Array.from({ length: REQUESTS }, (_, k) =>
      records
        .slice(5 * k, 5 * k + 15)
        .map((record) => record.id)
        .reverse(),
    );
    const responses = await Promise.all(
      batches.map((ids, k) =>
        http()
          .post('/api/training-records/verify')
          .set(as(k % 2 === 0 ? world.tokens.COORDINATOR : world.tokens.ADMIN))
          .send({ ids }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(statuses).toContain(200);
    const accepted = batches.filter((_, k) => statuses[k] === 200);
    const stored = await repository.findBy({ id: In(records.map((record) => record.id)) });
    const verified = new Set(stored.filter((r) => r.status === 'VERIFIED').map((r) => r.id));
    // Accepted batches are disjoint and were verified entirely; nothing else was.
    const acceptedIds = accepted.flat();
    expect(new Set(acceptedIds).size).toBe(acceptedIds.length);
    expect([...verified].sort()).toEqual([...acceptedIds].sort());
    const reviews = await t.dataSource
      .getRepository(AuditEntry)
      .countBy({ entityType: 'training_record', entityId: In(records.map((r) => r.id)) });
    expect(reviews).toBe(verified.size);
    await expectChainIntact();
  });

  it('20 simultaneous creations of one e-mail address: one 201, the others 409, no 500', async () => {
    const email = `race-${Date.now()}@test.ca.gov`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        http().post('/api/users').set(as(world.tokens.ADMIN)).send({
          email,
          displayName: 'Racer',
          role: 'AUDITOR',
          password: 'a long enough password',
        }),
      ),
    );
    expect(statusCounts(responses)).toEqual({ 201: 1, 409: 19 });
    const users: { count: string }[] = await t.dataSource.query(
      'SELECT count(*) FROM users WHERE email = $1',
      [email],
    );
    expect(Number(users[0].count)).toBe(1);
    await expectChainIntact();
  });
});
