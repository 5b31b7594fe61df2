import { ProgramApplication } from '../../src/modules/applications/program-application.entity';
import type { ApplicationStatus } from '../../src/modules/applications/program-application.entity';
import { ProgramParticipation } from '../../src/modules/applications/participation.entity';
import { SelectionCriteriaSet } from '../../src/modules/applications/selection-criteria-set.entity';
import { CareerConversation } from '../../src/modules/career-conversations/career-conversation.entity';
import { CareerPlan } from '../../src/modules/career-plans/career-plan.entity';
import { PlanActivity } from '../../src/modules/career-plans/plan-activity.entity';
import type { PlanState } from '../../src/modules/career-plans/plan-workflow.rule';
import { programToday } from '../../src/modules/program-calendar/program-date';
import type { Employee } from '../../src/modules/employees/employee.entity';
import { fiscalYearOf } from '../../src/modules/program-calendar/fiscal-year.rule';
import { makeClassification, makeEmployee } from '../support/fixtures';
import type { RoleWorld } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { only, signedIn } from './matrix-types';
import type { Caller, MatrixModule, Prepared } from './matrix-types';

/**
 * Applications, participation, career plans and conversations. Individual records: AUDITOR is
 * refused (403) everywhere; out of scope is 404. Requests that change something build their own
 * fresh records (a new report of the SUPERVISOR user, a new plan) so callers do not interfere.
 */

const CRITERIA = [
  { key: 'interest', label: 'Interest', weight: 60, maxPoints: 10 },
  { key: 'interview', label: 'Interview', weight: 40, maxPoints: 20 },
];
const SCORES = { interest: 8, interview: 15 };

/** 404 for the other department's coordinator and AUDITOR refused by role. */
const inScope = (status: number, overrides: Partial<Record<Caller, number>> = {}) => ({
  ...signedIn(status),
  AUDITOR: 403,
  otherCoordinator: 404,
  ...overrides,
});

async function ensureDesignations(t: TestApp, world: RoleWorld, p: Prepared): Promise<void> {
  // Re-asserted on every request: another module may replace this fiscal year's designations.
  const fiscalYear = fiscalYearOf(programToday());
  for (const [classificationId, designation] of [
    [p.lpelClassId, 'LPEL'],
    [p.eltpaClassId, 'ELTPA'],
    [world.classification.id, 'LPEL'],
  ]) {
    await t.dataSource.query(
      `INSERT INTO um_designations (department_id, fiscal_year, classification_id, designation)
       VALUES ($1, $2, $3, $4) ON CONFLICT (department_id, fiscal_year, classification_id) DO NOTHING`,
      [world.home.id, fiscalYear, classificationId, designation],
    );
  }
}

/** Closes whatever the employee has open, so a request about them starts clean. */
async function reset(t: TestApp, employeeId: string): Promise<void> {
  await t.dataSource.query(
    `UPDATE career_plans SET state = 'WITHDRAWN' WHERE employee_id = $1 AND state NOT IN ('COMPLETED', 'WITHDRAWN')`,
    [employeeId],
  );
  await t.dataSource.query(
    `UPDATE program_applications SET status = 'WITHDRAWN' WHERE employee_id = $1 AND status IN ('SUBMITTED', 'WAITLISTED')`,
    [employeeId],
  );
  await t.dataSource.query(
    `UPDATE program_participations SET withdrawn_on = started_on, withdrawal_reason = 'matrix reset' WHERE employee_id = $1 AND withdrawn_on IS NULL`,
    [employeeId],
  );
}

const report = (t: TestApp, world: RoleWorld, p: Prepared) =>
  makeEmployee(t.dataSource, world.home.id, p.lpelClassId, {
    supervisorId: world.employees.supervisor.id,
  });

async function application(
  t: TestApp,
  p: Prepared,
  employee: Employee,
  status: ApplicationStatus,
  acknowledged = false,
): Promise<ProgramApplication> {
  return t.dataSource.getRepository(ProgramApplication).save({
    departmentId: employee.departmentId,
    employeeId: employee.id,
    targetClassificationId: p.eltpaClassId,
    submittedOn: programToday(),
    status,
    supervisorAcknowledgedAt: acknowledged ? new Date() : null,
  });
}

async function participant(t: TestApp, p: Prepared, employee: Employee): Promise<void> {
  const accepted = await application(t, p, employee, 'ACCEPTED');
  await t.dataSource.getRepository(ProgramParticipation).insert({
    departmentId: employee.departmentId,
    employeeId: employee.id,
    applicationId: accepted.id,
    startedOn: programToday(),
  });
}

async function plan(t: TestApp, employee: Employee, state: PlanState): Promise<CareerPlan> {
  return t.dataSource.getRepository(CareerPlan).save({
    departmentId: employee.departmentId,
    employeeId: employee.id,
    targetClassCodes: [],
    goals: 'Matrix plan',
    state,
  });
}

async function activity(t: TestApp, planId: string): Promise<PlanActivity> {
  return t.dataSource
    .getRepository(PlanActivity)
    .save({ planId, kind: 'TRAINING', description: 'Matrix activity' });
}

/** A fresh DRAFT plan of the EMPLOYEE user (after closing their other open plans). */
async function employeeDraft(t: TestApp, world: RoleWorld): Promise<CareerPlan> {
  await reset(t, world.employees.employee.id);
  return plan(t, world.employees.employee, 'DRAFT');
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export const matrix: MatrixModule = {
  prepare: async (t, world) => {
    const lpel = await makeClassification(t.dataSource, { title: 'Matrix LPEL class' });
    const eltpa = await makeClassification(t.dataSource, { title: 'Matrix ELTPA class' });
    const prepared: Prepared = {
      lpelClassId: lpel.id,
      eltpaClassId: eltpa.id,
      eltpaCode: eltpa.classCode,
    };
    await ensureDesignations(t, world, prepared);
    await t.dataSource.getRepository(SelectionCriteriaSet).insert({
      departmentId: world.home.id,
      version: 1,
      effectiveFrom: '2020-01-01',
      criteria: CRITERIA,
    });
    const { employee, peer } = world.employees;
    prepared.employeeApplicationId = (await application(t, prepared, employee, 'DECLINED')).id;
    prepared.peerApplicationId = (await application(t, prepared, peer, 'DECLINED')).id;
    prepared.employeePlanId = (await plan(t, employee, 'COMPLETED')).id;
    prepared.peerPlanId = (await plan(t, peer, 'COMPLETED')).id;
    for (const [key, person] of [
      ['employeeConversationId', employee],
      ['peerConversationId', peer],
    ] as const) {
      const saved = await t.dataSource.getRepository(CareerConversation).save({
        departmentId: person.departmentId,
        employeeId: person.id,
        heldOn: programToday(),
        heldByUserId: world.users.ADMIN.id,
        summary: 'Matrix conversation',
      });
      prepared[key] = saved.id;
    }
    return prepared;
  },
  rows: {
    'GET departments/:id/selection-criteria': [
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}/selection-criteria` }),
        expect: inScope(200),
      },
      {
        request: (w) => ({ path: `/api/departments/${w.other.id}/selection-criteria` }),
        expect: { ...signedIn(404), ADMIN: 200, AUDITOR: 403, otherCoordinator: 200 },
      },
    ],
    'POST departments/:id/selection-criteria': [
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}/selection-criteria`,
          body: { effectiveFrom: '2020-01-01', criteria: CRITERIA },
        }),
        expect: only({ ADMIN: 201, COORDINATOR: 201, otherCoordinator: 404 }),
      },
    ],
    'POST applications': [
      {
        // On behalf of a new report of the SUPERVISOR user.
        request: async (w, p, t) => {
          await ensureDesignations(t, w, p);
          const employee = await report(t, w, p);
          return {
            path: '/api/applications',
            body: { employeeId: employee.id, targetClassCode: p.eltpaCode },
          };
        },
        expect: inScope(201, { SUPERVISOR: 403, EMPLOYEE: 404 }),
      },
      {
        // For oneself: callers without an employee record must name one.
        request: async (w, p, t) => {
          await ensureDesignations(t, w, p);
          await reset(t, w.employees.employee.id);
          await reset(t, w.employees.supervisor.id);
          return { path: '/api/applications', body: { targetClassCode: p.eltpaCode } };
        },
        expect: {
          ...signedIn(400),
          SUPERVISOR: 201,
          EMPLOYEE: 201,
          AUDITOR: 403,
        },
      },
    ],
    'GET applications': [
      {
        request: () => ({ path: '/api/applications' }),
        expect: inScope(200, { otherCoordinator: 200 }),
      },
    ],
    'GET applications/:id': [
      {
        request: (_w, p) => ({ path: `/api/applications/${p.employeeApplicationId}` }),
        expect: inScope(200),
      },
      {
        request: (_w, p) => ({ path: `/api/applications/${p.peerApplicationId}` }),
        expect: inScope(200, { SUPERVISOR: 404, EMPLOYEE: 404 }),
      },
    ],
    'POST applications/:id/acknowledge': [
      {
        request: async (w, p, t) => ({
          path: `/api/applications/${(await application(t, p, await report(t, w, p), 'SUBMITTED')).id}/acknowledge`,
        }),
        expect: only({ SUPERVISOR: 200 }),
      },
      {
        // Not the supervisor's report.
        request: async (w, p, t) => {
          const outsider = await makeEmployee(t.dataSource, w.home.id, p.lpelClassId);
          return {
            path: `/api/applications/${(await application(t, p, outsider, 'SUBMITTED')).id}/acknowledge`,
          };
        },
        expect: only({ SUPERVISOR: 404 }),
      },
    ],
    'POST applications/:id/decision': [
      {
        request: async (w, p, t) => ({
          path: `/api/applications/${(await application(t, p, await report(t, w, p), 'SUBMITTED', true)).id}/decision`,
          body: { scores: SCORES, decision: 'ACCEPTED', reason: 'Matrix decision' },
        }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
    ],
    'POST applications/:id/withdraw': [
      {
        request: async (w, p, t) => {
          await reset(t, w.employees.employee.id);
          const own = await application(t, p, w.employees.employee, 'SUBMITTED');
          return { path: `/api/applications/${own.id}/withdraw` };
        },
        expect: inScope(403, { EMPLOYEE: 200 }),
      },
    ],
    'GET employees/:id/participation': [
      {
        request: (w) => ({ path: `/api/employees/${w.employees.employee.id}/participation` }),
        expect: inScope(200),
      },
      {
        request: (w) => ({ path: `/api/employees/${w.employees.peer.id}/participation` }),
        expect: inScope(200, { SUPERVISOR: 404, EMPLOYEE: 404 }),
      },
    ],
    'POST employees/:id/participation/withdraw': [
      {
        request: async (w, p, t) => {
          const employee = await report(t, w, p);
          await participant(t, p, employee);
          return {
            path: `/api/employees/${employee.id}/participation/withdraw`,
            body: { withdrawnOn: programToday(), reason: 'Matrix withdrawal' },
          };
        },
        expect: inScope(200, { SUPERVISOR: 403, EMPLOYEE: 404 }),
      },
      {
        request: async (w, p, t) => {
          await reset(t, w.employees.employee.id);
          await participant(t, p, w.employees.employee);
          return {
            path: `/api/employees/${w.employees.employee.id}/participation/withdraw`,
            body: { withdrawnOn: programToday(), reason: 'Matrix withdrawal' },
          };
        },
        expect: inScope(200, { SUPERVISOR: 403 }),
      },
    ],
    'GET career-plans': [
      {
        request: () => ({ path: '/api/career-plans' }),
        expect: inScope(200, { otherCoordinator: 200 }),
      },
    ],
    'GET career-plans/:id': [
      {
        request: (_w, p) => ({ path: `/api/career-plans/${p.employeePlanId}` }),
        expect: inScope(200),
      },
      {
        request: (_w, p) => ({ path: `/api/career-plans/${p.peerPlanId}` }),
        expect: inScope(200, { SUPERVISOR: 404, EMPLOYEE: 404 }),
      },
    ],
    'POST career-plans': [
      {
        request: async (w, p, t) => {
          const employee = await report(t, w, p);
          await participant(t, p, employee);
          return { path: '/api/career-plans', body: { employeeId: employee.id } };
        },
        expect: inScope(201, { SUPERVISOR: 403, EMPLOYEE: 404 }),
      },
      {
        // For oneself: callers without an employee record must name one.
        request: async (w, p, t) => {
          for (const employee of [w.employees.employee, w.employees.supervisor]) {
            await reset(t, employee.id);
            await participant(t, p, employee);
          }
          return { path: '/api/career-plans', body: { goals: 'My plan' } };
        },
        expect: { ...signedIn(400), SUPERVISOR: 201, EMPLOYEE: 201, AUDITOR: 403 },
      },
    ],
    'PATCH career-plans/:id': [
      {
        request: async (w, p, t) => {
          const draft = await plan(t, await report(t, w, p), 'DRAFT');
          return {
            path: `/api/career-plans/${draft.id}`,
            body: { goals: 'Edited' },
            headers: ifMatch(draft.version),
          };
        },
        expect: inScope(200, { SUPERVISOR: 403, EMPLOYEE: 404 }),
      },
      {
        request: async (w, _p, t) => {
          const draft = await employeeDraft(t, w);
          return {
            path: `/api/career-plans/${draft.id}`,
            body: { goals: 'Edited' },
            headers: ifMatch(draft.version),
          };
        },
        expect: inScope(200, { SUPERVISOR: 403 }),
      },
    ],
    'POST career-plans/:id/transitions': [
      {
        request: async (w, p, t) => {
          const submitted = await plan(t, await report(t, w, p), 'SUBMITTED');
          return {
            path: `/api/career-plans/${submitted.id}/transitions`,
            body: { action: 'APPROVE' },
            headers: ifMatch(submitted.version),
          };
        },
        expect: inScope(200, { EMPLOYEE: 404 }),
      },
      {
        // Only the owner submits; others are told which actions they have (409).
        request: async (w, _p, t) => {
          const draft = await employeeDraft(t, w);
          return {
            path: `/api/career-plans/${draft.id}/transitions`,
            body: { action: 'SUBMIT' },
            headers: ifMatch(draft.version),
          };
        },
        expect: inScope(409, { EMPLOYEE: 200 }),
      },
    ],
    'POST career-plans/:id/activities': [
      {
        request: async (w, _p, t) => ({
          path: `/api/career-plans/${(await employeeDraft(t, w)).id}/activities`,
          body: { kind: 'MENTORING', description: 'Matrix mentoring' },
        }),
        expect: inScope(201, { SUPERVISOR: 403 }),
      },
    ],
    'PATCH career-plans/:id/activities/:activityId': [
      {
        request: async (w, _p, t) => {
          const draft = await employeeDraft(t, w);
          const item = await activity(t, draft.id);
          return {
            path: `/api/career-plans/${draft.id}/activities/${item.id}`,
            body: { status: 'DONE' },
          };
        },
        expect: inScope(200, { SUPERVISOR: 403 }),
      },
    ],
    'DELETE career-plans/:id/activities/:activityId': [
      {
        request: async (w, _p, t) => {
          const draft = await employeeDraft(t, w);
          const item = await activity(t, draft.id);
          return { path: `/api/career-plans/${draft.id}/activities/${item.id}` };
        },
        expect: inScope(204, { SUPERVISOR: 403 }),
      },
    ],
    'POST career-conversations': [
      {
        request: async (w, p, t) => ({
          path: '/api/career-conversations',
          body: {
            employeeId: (await report(t, w, p)).id,
            heldOn: programToday(),
            summary: 'Matrix conversation',
          },
        }),
        expect: inScope(201, { EMPLOYEE: 403 }),
      },
      {
        request: (w) => ({
          path: '/api/career-conversations',
          body: { employeeId: w.employees.peer.id, heldOn: programToday(), summary: 'Matrix' },
        }),
        expect: inScope(201, { SUPERVISOR: 404, EMPLOYEE: 403 }),
      },
    ],
    'GET career-conversations': [
      {
        request: () => ({ path: '/api/career-conversations' }),
        expect: inScope(200, { otherCoordinator: 200 }),
      },
    ],
    'GET career-conversations/:id': [
      {
        request: (_w, p) => ({ path: `/api/career-conversations/${p.employeeConversationId}` }),
        expect: inScope(200),
      },
      {
        request: (_w, p) => ({ path: `/api/career-conversations/${p.peerConversationId}` }),
        expect: inScope(200, { SUPERVISOR: 404, EMPLOYEE: 404 }),
      },
    ],
  },
};
