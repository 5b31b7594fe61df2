import { addDays, fiscalYearOf } from '../src/modules/program-calendar/fiscal-year.rule';
import { auditCount, login, makeClassification, makeRoleWorld } from './support/fixtures';
import type { RoleWorld } from './support/fixtures';
import { startTestApp } from './support/test-app';
import type { TestApp } from './support/test-app';

/** Today in California, where the program's dates are kept. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(
  new Date(),
);

/**
 * The whole life of one employee, through the API as each person would use it: hired into an
 * LPEL class, applies and is accepted by criteria score, plans, is coached and trained, gets a
 * T&D assignment and a list eligibility, and is appointed to an ELTPA class: an upward move.
 */
describe('Life of one employee in the program (e2e)', () => {
  let t: TestApp;
  let world: RoleWorld;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  let coordinator: { Authorization: string };
  let supervisor: { Authorization: string };
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    world = await makeRoleWorld(t.dataSource, t.http);
    coordinator = bearer(world.tokens.COORDINATOR);
    supervisor = bearer(world.tokens.SUPERVISOR);
    admin = bearer(world.tokens.ADMIN);
    await makeClassification(t.dataSource, {
      classCode: '1138',
      title: 'Office Technician (General)',
    });
    await makeClassification(t.dataSource, {
      classCode: '5157',
      title: 'Staff Services Analyst (General)',
      occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
      eeo4Category: 'PROFESSIONALS',
    });
  });
  afterAll(() => t.close());

  it('walks from LPEL hire to an upward mobility appointment, every step audited', async () => {
    const fiscalYear = fiscalYearOf(today);
    const auditAtStart = await auditCount(t.dataSource);
    let audits = auditAtStart;
    const expectNewAuditEntries = async () => {
      const now = await auditCount(t.dataSource);
      expect(now).toBeGreaterThan(audits);
      audits = now;
    };

    // The department designates its classes for this fiscal year.
    for (const year of [
      fiscalYearOf(addDays(today, -730)),
      fiscalYearOf(addDays(today, -365)),
      fiscalYear,
    ]) {
      await t.http
        .put(`/api/departments/${world.home.id}/designations/${year}`)
        .set(coordinator)
        .send({
          designations: [
            { classCode: '1138', designation: 'LPEL', ladderTargetClassCodes: ['5157'] },
            { classCode: '5157', designation: 'ELTPA' },
          ],
        })
        .expect(200);
    }
    await expectNewAuditEntries();

    // Hired into an LPEL class, on the supervisor's team.
    const hireDate = addDays(today, -3 * 365);
    const hired = await t.http
      .post('/api/employees')
      .set(coordinator)
      .send({
        employeeNumber: 'LIFE-001',
        firstName: 'Rosa',
        lastName: 'Delgado',
        classCode: '1138',
        hireDate,
        supervisorId: world.employees.supervisor.id,
        educationLevel: 'HIGH_SCHOOL',
        collegeSemesterUnits: 12,
      })
      .expect(201);
    const employeeId = hired.body.id as string;
    await t.http
      .post(`/api/employees/${employeeId}/appointments`)
      .set(coordinator)
      .send({ effectiveDate: hireDate, type: 'HIRE', toClassCode: '1138' })
      .expect(201);
    await expectNewAuditEntries();

    // She gets a sign-in of her own.
    await t.http
      .post('/api/users')
      .set(admin)
      .send({
        email: 'rosa.delgado@dept.ca.gov',
        displayName: 'Rosa Delgado',
        role: 'EMPLOYEE',
        departmentId: world.home.id,
        employeeId,
        password: 'rosa has a long password',
      })
      .expect(201);
    const employee = bearer(
      (await login(t.http, 'rosa.delgado@dept.ca.gov', 'rosa has a long password')).accessToken,
    );

    // Applies; the supervisor acknowledges; the coordinator scores and accepts.
    await t.http
      .post(`/api/departments/${world.home.id}/selection-criteria`)
      .set(coordinator)
      .send({
        effectiveFrom: addDays(today, -30),
        criteria: [
          { key: 'tenure', label: 'Time in state service', weight: 40, maxPoints: 5 },
          { key: 'statement', label: 'Statement of interest', weight: 60, maxPoints: 10 },
        ],
      })
      .expect(201);
    const application = await t.http
      .post('/api/applications')
      .set(employee)
      .send({
        targetClassCode: '5157',
        interests: 'Budgets and analysis',
        statement: 'I want to grow.',
      })
      .expect(201);
    await t.http
      .post(`/api/applications/${application.body.id}/acknowledge`)
      .set(supervisor)
      .expect(200);
    const decision = await t.http
      .post(`/api/applications/${application.body.id}/decision`)
      .set(coordinator)
      .send({
        scores: { tenure: 4, statement: 8 },
        decision: 'ACCEPTED',
        reason: 'Meets the criteria',
      })
      .expect(200);
    expect(Number(decision.body.application.totalScore)).toBeCloseTo(80); // 4/5*40 + 8/10*60
    expect(decision.body.participation.startedOn).toBe(today);
    const planId = decision.body.careerPlanId as string;
    expect(planId).toBeTruthy();
    await expectNewAuditEntries();

    // Drafts her plan, submits; it is returned with a comment; she resubmits; it is approved.
    let plan = await t.http.get(`/api/career-plans/${planId}`).set(employee).expect(200);
    expect(plan.body.state).toBe('DRAFT');
    const edited = await t.http
      .patch(`/api/career-plans/${planId}`)
      .set(employee)
      .set('If-Match', plan.headers.etag)
      .send({
        goals: 'Qualify for Staff Services Analyst within two years',
        activities: [
          {
            kind: 'COLLEGE_COURSE',
            description: 'Accounting 101',
            targetDate: addDays(today, 120),
            plannedHours: 45,
          },
        ],
      })
      .expect(200);
    expect(edited.body.activities).toHaveLength(1);
    const transition = async (who: { Authorization: string }, action: string, comment?: string) => {
      const current = await t.http.get(`/api/career-plans/${planId}`).set(who).expect(200);
      return t.http
        .post(`/api/career-plans/${planId}/transitions`)
        .set(who)
        .set('If-Match', current.headers.etag)
        .send(comment ? { action, comment } : { action });
    };
    expect((await transition(employee, 'SUBMIT')).status).toBe(200);
    const approveTooEarlyByEmployee = await transition(employee, 'APPROVE');
    expect(approveTooEarlyByEmployee.status).toBe(409);
    expect((await transition(supervisor, 'RETURN', 'Add a T&D assignment')).status).toBe(200);
    expect((await transition(employee, 'SUBMIT')).status).toBe(200);
    expect((await transition(supervisor, 'APPROVE')).status).toBe(200);
    plan = await t.http.get(`/api/career-plans/${planId}`).set(employee).expect(200);
    expect(plan.body.state).toBe('APPROVED');
    expect((plan.body.events as { action: string }[]).map((e) => e.action)).toEqual(
      expect.arrayContaining(['SUBMIT', 'RETURN', 'APPROVE']),
    );
    await expectNewAuditEntries();

    // A career conversation; the plan now shows when the next one is due.
    await t.http
      .post('/api/career-conversations')
      .set(supervisor)
      .send({
        employeeId,
        heldOn: today,
        summary: 'Discussed the analyst exam',
        nextSteps: 'Enroll in Accounting 101',
      })
      .expect(201);
    plan = await t.http.get(`/api/career-plans/${planId}`).set(employee).expect(200);
    expect(plan.body.nextConversationDue).toMatchObject({
      basis: 'LAST_CONVERSATION',
      overdue: false,
    });

    // Training reported by her, verified by the coordinator.
    const training = await t.http
      .post('/api/training-records')
      .set(employee)
      .send({
        title: 'Excel for analysts',
        provider: 'CalHR Training',
        kind: 'CLASSROOM',
        hours: 16,
        startDate: addDays(today, -10),
        completionDate: addDays(today, -9),
        onStateTime: true,
      })
      .expect(201);
    expect(training.body.status).toBe('REPORTED');
    const verified = await t.http
      .post(`/api/training-records/${training.body.id}/verify`)
      .set(coordinator)
      .expect(200);
    expect(verified.body.status).toBe('VERIFIED');
    await expectNewAuditEntries();

    // A six-month T&D assignment in analyst work, and a place on the 5157 eligible list.
    await t.http
      .post('/api/td-assignments')
      .set(coordinator)
      .send({
        employeeId,
        hostUnit: 'Budget Office',
        workClassCode: '5157',
        startDate: addDays(today, -200),
        plannedEndDate: addDays(today, -20),
      })
      .expect(201);
    await t.http
      .post(`/api/employees/${employeeId}/exam-lists`)
      .set(coordinator)
      .send({ classCode: '5157', listDate: addDays(today, -15), expiresOn: addDays(today, 350) })
      .expect(201);
    await expectNewAuditEntries();

    // Appointed to Staff Services Analyst: an upward mobility move.
    const promoted = await t.http
      .post(`/api/employees/${employeeId}/appointments`)
      .set(coordinator)
      .send({ effectiveDate: today, type: 'PROMOTION', toClassCode: '5157' })
      .expect(201);
    expect(promoted.body).toMatchObject({
      fromDesignation: 'LPEL',
      toDesignation: 'ELTPA',
      isUpwardMobilityMove: true,
      appliedToEmployee: true,
    });
    const now = await t.http.get(`/api/employees/${employeeId}`).set(employee).expect(200);
    expect(now.body.classCode ?? now.body.classification?.classCode).toBe('5157');
    const moves = await t.http
      .get(`/api/departments/${world.home.id}/upward-moves`)
      .query({ from: addDays(today, -1), to: today })
      .set(coordinator)
      .expect(200);
    expect(moves.body.total).toBe(1);
    await expectNewAuditEntries();

    // The trail of all of it verifies.
    const verdict = await t.http.get('/api/audit/verify').set(admin).expect(200);
    expect(verdict.body.ok).toBe(true);
    expect(verdict.body.count).toBe(await auditCount(t.dataSource));
  });
});
