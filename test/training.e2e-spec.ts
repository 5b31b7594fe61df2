import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { In } from 'typeorm';
import { AuditEntry } from '../src/modules/audit/audit-entry.entity';
import { CareerPlan } from '../src/modules/career-plans/career-plan.entity';
import { PlanActivity } from '../src/modules/career-plans/plan-activity.entity';
import type { Employee } from '../src/modules/employees/employee.entity';
import { EvidenceFile } from '../src/modules/training/evidence-file.entity';
import { TrainingRecord } from '../src/modules/training/training-record.entity';
import {
  auditCount,
  login,
  makeDepartment,
  makeEmployee,
  makeRoleWorld,
  makeUser,
} from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/** A minimal but well-formed one-page PDF. */
const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A 1x1 PNG. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('Training records and evidence (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  const course = (overrides: Record<string, unknown> = {}) => ({
    title: 'Writing for analysts',
    provider: 'CalHR Statewide Training Center',
    kind: 'CLASSROOM',
    hours: 7.5,
    startDate: '2025-09-08',
    completionDate: '2025-09-09',
    onStateTime: false,
    ...overrides,
  });

  /** Everything a refused request must leave alone. */
  const snapshot = async () => ({
    records: await t.dataSource.getRepository(TrainingRecord).count(),
    evidence: await t.dataSource.getRepository(EvidenceFile).count(),
    audit: await auditCount(t.dataSource),
    statuses: (await t.dataSource.getRepository(TrainingRecord).find({ order: { id: 'ASC' } })).map(
      (r) => `${r.id}:${r.status}:${r.version}`,
    ),
  });

  const report = async (token: string, overrides: Record<string, unknown> = {}) => {
    const response = await t.http
      .post('/api/training-records')
      .set(as(token))
      .send(course(overrides));
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
    return response.body as { id: string; status: string; exceedsStateTimeCap: boolean };
  };

  const auditActions = async (entityId: string) =>
    (
      await t.dataSource
        .getRepository(AuditEntry)
        .find({ where: { entityType: 'training_record', entityId }, order: { id: 'ASC' } })
    ).map((entry) => entry.action);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
  });
  afterAll(() => t.close());

  describe('reporting and review', () => {
    it('an employee reports their own training: REPORTED, fiscal year from completion, audited', async () => {
      const response = await t.http
        .post('/api/training-records')
        .set(as(world.tokens.EMPLOYEE))
        .send(course({ completionDate: '2025-07-01', startDate: '2025-06-30', cost: 125.5 }))
        .expect(201);
      expect(response.body).toMatchObject({
        employeeId: world.employees.employee.id,
        departmentId: world.home.id,
        status: 'REPORTED',
        fiscalYear: '2025-26',
        hours: 7.5,
        cost: 125.5,
        reportedBy: world.users.EMPLOYEE.id,
        verifiedBy: null,
        exceedsStateTimeCap: false,
      });
      const entry = await t.dataSource
        .getRepository(AuditEntry)
        .findOneByOrFail({ entityId: response.body.id, action: 'CREATE' });
      expect(entry).toMatchObject({ entityType: 'training_record', departmentId: world.home.id });
      expect(entry.changes).toMatchObject({ status: { old: null, new: 'REPORTED' } });
    });

    it('the fiscal year follows the completion date across June 30', async () => {
      const record = await report(world.tokens.EMPLOYEE, {
        startDate: '2025-06-20',
        completionDate: '2025-06-30',
      });
      const read = await t.http
        .get(`/api/training-records/${record.id}`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      expect(read.body).toMatchObject({ fiscalYear: '2024-25', evidence: [] });
    });

    it('a coordinator verifies a reported record once; a second verify is a 409 writing nothing', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      const verified = await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(verified.body).toMatchObject({
        status: 'VERIFIED',
        verifiedBy: world.users.COORDINATOR.id,
      });
      expect(verified.body.verifiedAt).toEqual(expect.any(String));
      const before = await snapshot();
      const again = await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.ADMIN))
        .expect(409);
      expect(again.body).toMatchObject({
        code: 'TRANSITION_NOT_ALLOWED',
        status: 409,
        currentStatus: 'VERIFIED',
      });
      expect(await snapshot()).toEqual(before);
      expect(await auditActions(record.id)).toEqual(['CREATE', 'VERIFY']);
    });

    it('rejecting needs a reason; a rejected record can no longer be verified', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      const before = await snapshot();
      for (const body of [{}, { reason: '   ' }, { reason: '' }]) {
        const refused = await t.http
          .post(`/api/training-records/${record.id}/reject`)
          .set(as(world.tokens.COORDINATOR))
          .send(body)
          .expect(400);
        expect(refused.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
        );
      }
      expect(await snapshot()).toEqual(before);
      const rejected = await t.http
        .post(`/api/training-records/${record.id}/reject`)
        .set(as(world.tokens.COORDINATOR))
        .send({ reason: 'The certificate names another course' })
        .expect(200);
      expect(rejected.body).toMatchObject({
        status: 'REJECTED',
        rejectionReason: 'The certificate names another course',
      });
      await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.COORDINATOR))
        .expect(409);
      await t.http
        .post(`/api/training-records/${record.id}/reject`)
        .set(as(world.tokens.COORDINATOR))
        .send({ reason: 'again' })
        .expect(409);
      expect(await auditActions(record.id)).toEqual(['CREATE', 'REJECT']);
    });

    it('a coordinator may enter a record as VERIFIED for an employee of the department', async () => {
      const response = await t.http
        .post('/api/training-records')
        .set(as(world.tokens.COORDINATOR))
        .send(course({ employeeId: world.employees.peer.id, verified: true }))
        .expect(201);
      expect(response.body).toMatchObject({
        employeeId: world.employees.peer.id,
        status: 'VERIFIED',
        verifiedBy: world.users.COORDINATOR.id,
        reportedBy: world.users.COORDINATOR.id,
      });
    });

    it('refuses who may not enter what, writing nothing', async () => {
      const before = await snapshot();
      const cases: [string, Record<string, unknown>, number, string | null][] = [
        // An employee cannot mark their own record verified.
        [world.tokens.EMPLOYEE, { verified: true }, 403, 'verified'],
        // An employee cannot even see a peer: 404.
        [world.tokens.EMPLOYEE, { employeeId: world.employees.peer.id }, 404, null],
        // A supervisor sees the direct report, but reports only their own training.
        [world.tokens.SUPERVISOR, { employeeId: world.employees.employee.id }, 403, 'employeeId'],
        // Another department's coordinator: the employee does not exist for them.
        [world.tokens.otherCoordinator, { employeeId: world.employees.employee.id }, 404, null],
        // A coordinator without an employee record must say whose training it is.
        [world.tokens.COORDINATOR, {}, 400, 'employeeId'],
        // Auditors never touch individual records.
        [world.tokens.AUDITOR, { employeeId: world.employees.employee.id }, 403, null],
      ];
      for (const [token, overrides, status, field] of cases) {
        const response = await t.http
          .post('/api/training-records')
          .set(as(token))
          .send(course(overrides));
        expect({ overrides, status: response.status }).toEqual({ overrides, status });
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        if (field) expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('nobody verifies their own training', async () => {
      const department = await makeDepartment(t.dataSource);
      const own = await makeEmployee(t.dataSource, department.id, world.classification.id);
      const user = await makeUser(t.dataSource, 'COORDINATOR', {
        departmentId: department.id,
        employeeId: own.id,
      });
      const token = (await login(t.http, user.email)).accessToken;
      const before = await snapshot();
      await t.http
        .post('/api/training-records')
        .set(as(token))
        .send(course({ verified: true }))
        .expect(403);
      expect(await snapshot()).toEqual(before);
      const record = await report(token);
      await t.http.post(`/api/training-records/${record.id}/verify`).set(as(token)).expect(403);
      await t.http
        .post('/api/training-records/verify')
        .set(as(token))
        .send({ ids: [record.id] })
        .expect(403);
      expect(await auditActions(record.id)).toEqual(['CREATE']);
    });
  });

  describe('validation (400 naming the field, nothing written)', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['zero hours', { hours: 0 }, 'hours'],
      ['2000.25 hours', { hours: 2000.25 }, 'hours'],
      ['1.1 hours (not a quarter hour)', { hours: 1.1 }, 'hours'],
      ['negative hours', { hours: -2 }, 'hours'],
      ['hours as text', { hours: '8' }, 'hours'],
      ['a college course without units', { kind: 'COLLEGE_COURSE' }, 'semesterUnits'],
      ['an unknown kind', { kind: 'WEBINAR' }, 'kind'],
      ['completion before start', { startDate: '2025-09-10' }, 'completionDate'],
      ['an impossible date', { startDate: '2025-02-30' }, 'startDate'],
      ['completion in the future', { completionDate: '2099-01-01' }, 'completionDate'],
      ['negative cost', { cost: -1 }, 'cost'],
      ['an unknown field', { approved: true }, 'approved'],
      [
        'a plan activity that does not exist',
        { planActivityId: '7f000000-0000-4000-8000-000000000000' },
        'planActivityId',
      ],
    ])('%s', async (_name, overrides, field) => {
      const before = await snapshot();
      const response = await t.http
        .post('/api/training-records')
        .set(as(world.tokens.EMPLOYEE))
        .send(course(overrides))
        .expect(400);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
      expect(await snapshot()).toEqual(before);
    });

    it('accepts 0.25 and 2000 hours and a college course with units', async () => {
      await report(world.tokens.EMPLOYEE, { hours: 0.25 });
      await report(world.tokens.EMPLOYEE, { hours: 2000 });
      const college = await report(world.tokens.EMPLOYEE, {
        kind: 'COLLEGE_COURSE',
        semesterUnits: 3,
        hours: 48,
      });
      const read = await t.http
        .get(`/api/training-records/${college.id}`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      expect(read.body).toMatchObject({ kind: 'COLLEGE_COURSE', semesterUnits: 3, hours: 48 });
    });

    it('links a plan activity only when it belongs to that employee’s plan', async () => {
      const planOf = async (employee: Employee) => {
        const plan = await t.dataSource.getRepository(CareerPlan).save(
          t.dataSource.getRepository(CareerPlan).create({
            departmentId: employee.departmentId,
            employeeId: employee.id,
          }),
        );
        return t.dataSource.getRepository(PlanActivity).save(
          t.dataSource.getRepository(PlanActivity).create({
            planId: plan.id,
            kind: 'TRAINING',
            description: 'Excel course',
          }),
        );
      };
      const own = await planOf(world.employees.employee);
      const peers = await planOf(world.employees.peer);
      const linked = await report(world.tokens.EMPLOYEE, { planActivityId: own.id });
      expect(linked).toMatchObject({ planActivityId: own.id });
      const before = await snapshot();
      const refused = await t.http
        .post('/api/training-records')
        .set(as(world.tokens.EMPLOYEE))
        .send(course({ planActivityId: peers.id }))
        .expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'planActivityId' })]);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('state-time cap', () => {
    it('flags (but keeps) the record that takes the fiscal year over the department cap', async () => {
      const department = await makeDepartment(t.dataSource, { stateTimeTrainingCapHours: '16.00' });
      const employee = await makeEmployee(t.dataSource, department.id, world.classification.id);
      const user = await makeUser(t.dataSource, 'EMPLOYEE', {
        departmentId: department.id,
        employeeId: employee.id,
      });
      const coordinator = await makeUser(t.dataSource, 'COORDINATOR', {
        departmentId: department.id,
      });
      const token = (await login(t.http, user.email)).accessToken;
      const coordinatorToken = (await login(t.http, coordinator.email)).accessToken;
      const stateTime = { onStateTime: true, hours: 8 };

      const first = await report(token, stateTime);
      const second = await report(token, stateTime); // exactly 16: at the cap, not over
      const ownTime = await report(token, { onStateTime: false, hours: 100 });
      const otherYear = await report(token, {
        ...stateTime,
        startDate: '2024-09-01',
        completionDate: '2024-09-02',
      });
      expect([first, second, ownTime, otherYear].map((r) => r.exceedsStateTimeCap)).toEqual([
        false,
        false,
        false,
        false,
      ]);
      const over = await report(token, { onStateTime: true, hours: 0.25 });
      expect(over).toMatchObject({ status: 'REPORTED', exceedsStateTimeCap: true });

      // A rejected record no longer counts: 8 + 0.25 + 7.75 = 16, back at the cap.
      await t.http
        .post(`/api/training-records/${second.id}/reject`)
        .set(as(coordinatorToken))
        .send({ reason: 'Duplicate' })
        .expect(200);
      const afterRejection = await report(token, { onStateTime: true, hours: 7.75 });
      expect(afterRejection.exceedsStateTimeCap).toBe(false);
      // Verified records still count.
      await t.http
        .post(`/api/training-records/${first.id}/verify`)
        .set(as(coordinatorToken))
        .expect(200);
      const overAgain = await report(token, { onStateTime: true, hours: 1 });
      expect(overAgain.exceedsStateTimeCap).toBe(true);
    });

    it('never flags without a cap', async () => {
      const record = await report(world.tokens.EMPLOYEE, { onStateTime: true, hours: 2000 });
      expect(record.exceedsStateTimeCap).toBe(false);
    });
  });

  describe('bulk verify (all or nothing)', () => {
    it('refuses the whole batch listing each bad id, then verifies a clean one', async () => {
      const a = await report(world.tokens.EMPLOYEE);
      const b = await report(world.tokens.EMPLOYEE);
      const c = await report(world.tokens.EMPLOYEE);
      const alreadyVerified = await report(world.tokens.EMPLOYEE);
      await t.http
        .post(`/api/training-records/${alreadyVerified.id}/verify`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      const elsewhere = (
        await t.http
          .post('/api/training-records')
          .set(as(world.tokens.ADMIN))
          .send(course({ employeeId: world.employees.otherDepartment.id }))
          .expect(201)
      ).body as { id: string };

      const before = await snapshot();
      const refused = await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.COORDINATOR))
        .send({ ids: [a.id, b.id, alreadyVerified.id, elsewhere.id] })
        .expect(409);
      expect(refused.body.errors).toEqual([
        {
          field: 'ids[2]',
          message: `${alreadyVerified.id} is VERIFIED; only REPORTED records can be verified`,
        },
        { field: 'ids[3]', message: `${elsewhere.id} was not found` },
      ]);
      expect(refused.body.invalidIds).toEqual([
        { id: alreadyVerified.id, reason: 'VERIFIED' },
        { id: elsewhere.id, reason: 'NOT_FOUND' },
      ]);
      expect(await snapshot()).toEqual(before);

      // Out of scope only: as if none existed.
      const foreign = await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.otherCoordinator))
        .send({ ids: [a.id, b.id] })
        .expect(404);
      expect(foreign.body.errors).toHaveLength(2);
      const duplicate = await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.COORDINATOR))
        .send({ ids: [a.id, a.id] })
        .expect(400);
      expect(duplicate.body.errors).toEqual([
        { field: 'ids[1]', message: `${a.id} is listed twice` },
      ]);
      await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.COORDINATOR))
        .send({ ids: [] })
        .expect(400);
      await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.COORDINATOR))
        .send({ ids: ['not-a-uuid'] })
        .expect(400);
      expect(await snapshot()).toEqual(before);

      const done = await t.http
        .post('/api/training-records/verify')
        .set(as(world.tokens.COORDINATOR))
        .send({ ids: [a.id, b.id, c.id] })
        .expect(200);
      expect(done.body.verified).toBe(3);
      const rows = await t.dataSource
        .getRepository(TrainingRecord)
        .findBy({ id: In([a.id, b.id, c.id]) });
      expect(rows.map((r) => r.status)).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED']);
      for (const id of [a.id, b.id, c.id]) {
        expect(await auditActions(id)).toEqual(['CREATE', 'VERIFY']);
      }
    });
  });

  describe('reading and scope', () => {
    it('lists only what the caller may see, with filters and sorting', async () => {
      const peerRecord = (
        await t.http
          .post('/api/training-records')
          .set(as(world.tokens.COORDINATOR))
          .send(course({ employeeId: world.employees.peer.id, kind: 'ONLINE', hours: 3 }))
          .expect(201)
      ).body as { id: string };
      const own = await t.http
        .get('/api/training-records')
        .query({ pageSize: 200 })
        .set(as(world.tokens.EMPLOYEE))
        .expect(200);
      const ownEmployees = new Set(
        (own.body.items as { employeeId: string }[]).map((r) => r.employeeId),
      );
      expect([...ownEmployees]).toEqual([world.employees.employee.id]);

      const supervisor = await t.http
        .get('/api/training-records')
        .query({ pageSize: 200 })
        .set(as(world.tokens.SUPERVISOR))
        .expect(200);
      expect((supervisor.body.items as { id: string }[]).map((r) => r.id)).not.toContain(
        peerRecord.id,
      );

      const coordinator = await t.http
        .get('/api/training-records')
        .query({ kind: 'ONLINE', fiscalYear: '2025-26', sort: 'hours', order: 'desc' })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect((coordinator.body.items as { id: string }[]).map((r) => r.id)).toEqual([
        peerRecord.id,
      ]);
      const byStatus = await t.http
        .get('/api/training-records')
        .query({ status: 'REJECTED', employeeId: world.employees.employee.id })
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      expect(byStatus.body.total).toBeGreaterThan(0);
      expect(
        (byStatus.body.items as { status: string }[]).every((r) => r.status === 'REJECTED'),
      ).toBe(true);
      const sorted = await t.http
        .get('/api/training-records')
        .query({ sort: 'hours', order: 'desc', pageSize: 3 })
        .set(as(world.tokens.ADMIN))
        .expect(200);
      const hours = (sorted.body.items as { hours: number }[]).map((r) => r.hours);
      expect(hours).toEqual([...hours].sort((x, y) => y - x));
      expect(sorted.body).toMatchObject({ page: 1, pageSize: 3 });

      const elsewhere = await t.http
        .get('/api/training-records')
        .set(as(world.tokens.otherCoordinator))
        .expect(200);
      expect(
        (elsewhere.body.items as { departmentId: string }[]).every(
          (r) => r.departmentId === world.other.id,
        ),
      ).toBe(true);

      await t.http
        .get('/api/training-records')
        .query({ sort: 'employeeId' })
        .set(as(world.tokens.ADMIN))
        .expect(400);
      await t.http.get('/api/training-records').set(as(world.tokens.AUDITOR)).expect(403);
    });

    it('answers 404 outside scope, 403 for auditors', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      const peerRecord = (
        await t.http
          .post('/api/training-records')
          .set(as(world.tokens.COORDINATOR))
          .send(course({ employeeId: world.employees.peer.id }))
          .expect(201)
      ).body as { id: string };
      const url = `/api/training-records/${record.id}`;
      await t.http.get(url).set(as(world.tokens.SUPERVISOR)).expect(200);
      await t.http.get(url).set(as(world.tokens.COORDINATOR)).expect(200);
      await t.http.get(url).set(as(world.tokens.otherCoordinator)).expect(404);
      await t.http.get(url).set(as(world.tokens.AUDITOR)).expect(403);
      await t.http
        .get(`/api/training-records/${peerRecord.id}`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(404);
      await t.http
        .get(`/api/training-records/${peerRecord.id}`)
        .set(as(world.tokens.SUPERVISOR))
        .expect(404);
      await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.otherCoordinator))
        .expect(404);
      await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.SUPERVISOR))
        .expect(403);
      await t.http.get('/api/training-records/not-a-uuid').set(as(world.tokens.ADMIN)).expect(400);
    });
  });

  describe('evidence', () => {
    const upload = (
      id: string,
      token: string,
      content: Buffer,
      filename: string,
      contentType: string,
    ) =>
      t.http
        .post(`/api/training-records/${id}/evidence`)
        .set(as(token))
        .attach('file', content, { filename, contentType });

    it('stores a PDF and a PNG by SHA-256, judged by content, and downloads identical bytes', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      const pdf = await upload(
        record.id,
        world.tokens.EMPLOYEE,
        TINY_PDF,
        'certificate.pdf',
        'application/pdf',
      ).expect(201);
      expect(pdf.body).toMatchObject({
        fileName: 'certificate.pdf',
        mediaType: 'application/pdf',
        sizeBytes: TINY_PDF.length,
        sha256: sha256(TINY_PDF),
        uploadedBy: world.users.EMPLOYEE.id,
      });
      // Named and declared as a PDF, but the content is a PNG: the content decides.
      const png = await upload(
        record.id,
        world.tokens.COORDINATOR,
        TINY_PNG,
        'scan.pdf',
        'application/pdf',
      ).expect(201);
      expect(png.body).toMatchObject({ mediaType: 'image/png', sha256: sha256(TINY_PNG) });

      const stored = path.join(t.config.dataDir, 'evidence', sha256(TINY_PDF));
      expect(fs.readFileSync(stored).equals(TINY_PDF)).toBe(true);

      const detail = await t.http
        .get(`/api/training-records/${record.id}`)
        .set(as(world.tokens.SUPERVISOR))
        .expect(200);
      expect((detail.body.evidence as { id: string }[]).map((e) => e.id)).toEqual([
        pdf.body.id,
        png.body.id,
      ]);

      for (const [file, content, type] of [
        [pdf.body, TINY_PDF, 'application/pdf'],
        [png.body, TINY_PNG, 'image/png'],
      ] as const) {
        const download = await t.http
          .get(`/api/training-records/${record.id}/evidence/${file.id}`)
          .set(as(world.tokens.EMPLOYEE))
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        expect(download.headers['content-type']).toBe(type);
        expect(download.headers['content-disposition']).toMatch(/^attachment; filename="/);
        expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
      }

      const url = `/api/training-records/${record.id}/evidence/${pdf.body.id}`;
      await t.http.get(url).set(as(world.tokens.COORDINATOR)).expect(200);
      await t.http.get(url).set(as(world.tokens.AUDITOR)).expect(403);
      await t.http.get(url).set(as(world.tokens.otherCoordinator)).expect(404);
      const other = await report(world.tokens.EMPLOYEE);
      await t.http
        .get(`/api/training-records/${other.id}/evidence/${pdf.body.id}`)
        .set(as(world.tokens.EMPLOYEE))
        .expect(404);
      expect(await auditActions(record.id)).toEqual(['CREATE', 'ADD_EVIDENCE', 'ADD_EVIDENCE']);
    });

    it('refuses text renamed .pdf (415), an 11 MB file (413) and a missing file (400), writing nothing', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      const files = () =>
        fs.existsSync(path.join(t.config.dataDir, 'evidence'))
          ? fs.readdirSync(path.join(t.config.dataDir, 'evidence')).sort()
          : [];
      const before = { ...(await snapshot()), files: files() };

      const text = await upload(
        record.id,
        world.tokens.EMPLOYEE,
        Buffer.from('This is a certificate, honest.\n'),
        'certificate.pdf',
        'application/pdf',
      ).expect(415);
      expect(text.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(text.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        errors: [{ field: 'file', message: 'content is not a PDF, PNG or JPEG' }],
      });

      const big = Buffer.alloc(11 * 1024 * 1024, 0x20);
      TINY_PDF.copy(big);
      const tooLarge = await upload(
        record.id,
        world.tokens.EMPLOYEE,
        big,
        'big.pdf',
        'application/pdf',
      ).expect(413);
      expect(tooLarge.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(tooLarge.body).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        errors: [expect.objectContaining({ field: 'file' })],
      });

      const missing = await t.http
        .post(`/api/training-records/${record.id}/evidence`)
        .set(as(world.tokens.EMPLOYEE))
        .send({})
        .expect(400);
      expect(missing.body.errors).toEqual([
        { field: 'file', message: 'is required (multipart/form-data field "file")' },
      ]);
      const textOnly = await t.http
        .post(`/api/training-records/${record.id}/evidence`)
        .set(as(world.tokens.EMPLOYEE))
        .field('note', 'no file here')
        .expect(400);
      expect(textOnly.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const wrongField = await t.http
        .post(`/api/training-records/${record.id}/evidence`)
        .set(as(world.tokens.EMPLOYEE))
        .attach('document', TINY_PDF, 'certificate.pdf')
        .expect(400);
      expect(wrongField.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);

      expect({ ...(await snapshot()), files: files() }).toEqual(before);
    });

    it('lets the owner add evidence only while REPORTED; coordinators at any time', async () => {
      const record = await report(world.tokens.EMPLOYEE);
      await t.http
        .post(`/api/training-records/${record.id}/verify`)
        .set(as(world.tokens.COORDINATOR))
        .expect(200);
      const before = await snapshot();
      await upload(
        record.id,
        world.tokens.EMPLOYEE,
        TINY_PDF,
        'late.pdf',
        'application/pdf',
      ).expect(409);
      await upload(record.id, world.tokens.SUPERVISOR, TINY_PDF, 'x.pdf', 'application/pdf').expect(
        403,
      );
      await upload(
        record.id,
        world.tokens.otherCoordinator,
        TINY_PDF,
        'x.pdf',
        'application/pdf',
      ).expect(404);
      await upload(record.id, world.tokens.AUDITOR, TINY_PDF, 'x.pdf', 'application/pdf').expect(
        403,
      );
      await t.http
        .post(`/api/training-records/${record.id}/evidence`)
        .attach('file', TINY_PDF, 'x.pdf')
        .expect(401);
      expect(await snapshot()).toEqual(before);
      await upload(
        record.id,
        world.tokens.COORDINATOR,
        TINY_PDF,
        'transcript.pdf',
        'application/pdf',
      ).expect(201);
    });
  });
});
