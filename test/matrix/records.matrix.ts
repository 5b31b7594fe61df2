import type { Employee } from '../../src/modules/employees/employee.entity';
import { AnnualGoal } from '../../src/modules/goals/annual-goal.entity';
import { addDays } from '../../src/modules/program-calendar/fiscal-year.rule';
import { programToday } from '../../src/modules/program-calendar/program-date';
import { TdAssignment } from '../../src/modules/td-assignments/td-assignment.entity';
import { TrainingRecord } from '../../src/modules/training/training-record.entity';
import { makeEmployee } from '../support/fixtures';
import type { RoleWorld } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { only, signedIn } from './matrix-types';
import type { Caller, MatrixModule } from './matrix-types';

/**
 * Training records (with evidence), T&D assignments and annual goals. Individual records are
 * read by whoever sees the employee, never by AUDITOR, and are 404 outside scope; goals are
 * department figures read by the department's roles, ADMIN and AUDITOR.
 */
const READ_EMPLOYEE = only({
  ADMIN: 200,
  COORDINATOR: 200,
  SUPERVISOR: 200,
  EMPLOYEE: 200,
  otherCoordinator: 404,
});
const READ_PEER = only({
  ADMIN: 200,
  COORDINATOR: 200,
  SUPERVISOR: 404,
  EMPLOYEE: 404,
  otherCoordinator: 404,
});
const LIST_RECORDS = only({
  ADMIN: 200,
  COORDINATOR: 200,
  SUPERVISOR: 200,
  EMPLOYEE: 200,
  otherCoordinator: 200,
});
/** Reviews and T&D management: the department's coordinator and administrators. */
const MANAGE_HOME = (status: number): Record<Caller, number> =>
  only({ ADMIN: status, COORDINATOR: status, otherCoordinator: 404 });
const MANAGE_OTHER = (status: number): Record<Caller, number> =>
  only({ ADMIN: status, COORDINATOR: 404, otherCoordinator: status });

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function freshTrainingRecord(t: TestApp, employee: Employee, reportedBy: string) {
  const repository = t.dataSource.getRepository(TrainingRecord);
  return repository.save(
    repository.create({
      departmentId: employee.departmentId,
      employeeId: employee.id,
      title: 'Matrix course',
      kind: 'ONLINE',
      hours: '2.00',
      startDate: '2025-09-01',
      completionDate: '2025-09-01',
      fiscalYear: '2025-26',
      onStateTime: false,
      reportedBy,
    }),
  );
}

async function freshAssignment(
  t: TestApp,
  w: RoleWorld,
  employee: Employee,
  dates: { start: string; end: string } = { start: '2026-01-05', end: '2026-06-30' },
) {
  const repository = t.dataSource.getRepository(TdAssignment);
  return repository.save(
    repository.create({
      departmentId: employee.departmentId,
      employeeId: employee.id,
      hostUnit: 'Matrix Unit',
      workClassificationId: w.classification.id,
      startDate: dates.start,
      plannedEndDate: dates.end,
    }),
  );
}

const freshHomeEmployee = (t: TestApp, w: RoleWorld) =>
  makeEmployee(t.dataSource, w.home.id, w.classification.id);

const course = {
  title: 'Matrix course',
  kind: 'CLASSROOM',
  hours: 4,
  startDate: '2025-09-08',
  completionDate: '2025-09-08',
  onStateTime: false,
};

/** Each accepted PUT sends a different goal, so every one is a change (and is audited). */
let goalCall = 0;
const goalBody = () => ({
  moveGoal: (goalCall += 1),
  participantGoal: 10,
  planGoal: 5,
  trainingHoursGoal: 100,
  narrative: 'Matrix goals',
});

export const matrix: MatrixModule = {
  prepare: async (t, w) => {
    const record = await freshTrainingRecord(t, w.employees.employee, w.users.EMPLOYEE.id);
    const peerRecord = await freshTrainingRecord(t, w.employees.peer, w.users.COORDINATOR.id);
    const upload = await t.http
      .post(`/api/training-records/${record.id}/evidence`)
      .set('Authorization', `Bearer ${w.tokens.ADMIN}`)
      .attach('file', PDF, { filename: 'certificate.pdf', contentType: 'application/pdf' });
    if (upload.status !== 201) throw new Error(`evidence upload failed: ${upload.status}`);
    const assignment = await freshAssignment(t, w, w.employees.employee);
    const peerAssignment = await freshAssignment(t, w, w.employees.peer);
    const goals = t.dataSource.getRepository(AnnualGoal);
    for (const departmentId of [w.home.id, w.other.id]) {
      await goals.save(goals.create({ departmentId, fiscalYear: '2024-25', moveGoal: 2 }));
    }
    return {
      'records.trainingRecord': record.id,
      'records.peerTrainingRecord': peerRecord.id,
      'records.evidenceFile': (upload.body as { id: string }).id,
      'records.assignment': assignment.id,
      'records.peerAssignment': peerAssignment.id,
    };
  },
  rows: {
    // ---------------------------------------------------------------- training records
    'GET training-records': [
      { request: () => ({ path: '/api/training-records' }), expect: LIST_RECORDS },
    ],
    'POST training-records': [
      {
        // For the EMPLOYEE user's record: their own, their supervisor's report, the home coordinator's.
        request: (w) => ({
          path: '/api/training-records',
          body: { ...course, employeeId: w.employees.employee.id },
        }),
        expect: only({
          ADMIN: 201,
          COORDINATOR: 201,
          SUPERVISOR: 403,
          EMPLOYEE: 201,
          otherCoordinator: 404,
        }),
      },
      {
        // Their own (no employeeId): callers without an employee record must name one.
        request: () => ({ path: '/api/training-records', body: course }),
        expect: only({
          ADMIN: 400,
          COORDINATOR: 400,
          SUPERVISOR: 201,
          EMPLOYEE: 201,
          otherCoordinator: 400,
        }),
      },
    ],
    'GET training-records/:id': [
      {
        request: (_w, p) => ({ path: `/api/training-records/${p['records.trainingRecord']}` }),
        expect: READ_EMPLOYEE,
      },
      {
        request: (_w, p) => ({ path: `/api/training-records/${p['records.peerTrainingRecord']}` }),
        expect: READ_PEER,
      },
    ],
    'POST training-records/:id/verify': [
      {
        request: async (w, _p, t) => {
          const record = await freshTrainingRecord(t, w.employees.employee, w.users.EMPLOYEE.id);
          return { path: `/api/training-records/${record.id}/verify` };
        },
        expect: MANAGE_HOME(200),
      },
      {
        request: async (w, _p, t) => {
          const record = await freshTrainingRecord(
            t,
            w.employees.otherDepartment,
            w.users.ADMIN.id,
          );
          return { path: `/api/training-records/${record.id}/verify` };
        },
        expect: MANAGE_OTHER(200),
      },
    ],
    'POST training-records/:id/reject': [
      {
        request: async (w, _p, t) => {
          const record = await freshTrainingRecord(t, w.employees.employee, w.users.EMPLOYEE.id);
          return {
            path: `/api/training-records/${record.id}/reject`,
            body: { reason: 'Not a UM course' },
          };
        },
        expect: MANAGE_HOME(200),
      },
    ],
    'POST training-records/verify': [
      {
        request: async (w, _p, t) => {
          const a = await freshTrainingRecord(t, w.employees.employee, w.users.EMPLOYEE.id);
          const b = await freshTrainingRecord(t, w.employees.peer, w.users.COORDINATOR.id);
          return { path: '/api/training-records/verify', body: { ids: [a.id, b.id] } };
        },
        expect: MANAGE_HOME(200),
      },
    ],
    'POST training-records/:id/evidence': [
      {
        // The harness sends JSON, not multipart: whoever passes scope and role is told the file
        // is missing (400); the upload itself is covered by test/training.e2e-spec.ts.
        request: (_w, p) => ({
          path: `/api/training-records/${p['records.trainingRecord']}/evidence`,
          body: {},
        }),
        expect: only({
          ADMIN: 400,
          COORDINATOR: 400,
          SUPERVISOR: 403,
          EMPLOYEE: 400,
          otherCoordinator: 404,
        }),
      },
      {
        request: (_w, p) => ({
          path: `/api/training-records/${p['records.peerTrainingRecord']}/evidence`,
          body: {},
        }),
        expect: only({
          ADMIN: 400,
          COORDINATOR: 400,
          SUPERVISOR: 404,
          EMPLOYEE: 404,
          otherCoordinator: 404,
        }),
      },
    ],
    'GET training-records/:id/evidence/:fileId': [
      {
        request: (_w, p) => ({
          path: `/api/training-records/${p['records.trainingRecord']}/evidence/${p['records.evidenceFile']}`,
        }),
        expect: READ_EMPLOYEE,
      },
      {
        // A file id under a record it does not belong to.
        request: (_w, p) => ({
          path: `/api/training-records/${p['records.peerTrainingRecord']}/evidence/${p['records.evidenceFile']}`,
        }),
        expect: only({
          ADMIN: 404,
          COORDINATOR: 404,
          SUPERVISOR: 404,
          EMPLOYEE: 404,
          otherCoordinator: 404,
        }),
      },
    ],

    // ---------------------------------------------------------------- T&D assignments
    'GET td-assignments': [
      { request: () => ({ path: '/api/td-assignments' }), expect: LIST_RECORDS },
    ],
    'GET td-assignments/:id': [
      {
        request: (_w, p) => ({ path: `/api/td-assignments/${p['records.assignment']}` }),
        expect: READ_EMPLOYEE,
      },
      {
        request: (_w, p) => ({ path: `/api/td-assignments/${p['records.peerAssignment']}` }),
        expect: READ_PEER,
      },
    ],
    'POST td-assignments': [
      {
        request: async (w, _p, t) => {
          const employee = await freshHomeEmployee(t, w);
          return {
            path: '/api/td-assignments',
            body: {
              employeeId: employee.id,
              hostUnit: 'Budgets Office',
              workClassCode: w.classification.classCode,
              startDate: '2026-01-05',
              plannedEndDate: '2026-12-31',
            },
          };
        },
        expect: MANAGE_HOME(201),
      },
    ],
    'PATCH td-assignments/:id': [
      {
        request: async (w, _p, t) => {
          const assignment = await freshAssignment(t, w, await freshHomeEmployee(t, w));
          return {
            path: `/api/td-assignments/${assignment.id}`,
            body: { plannedEndDate: '2026-09-30', hostUnit: 'Accounting' },
          };
        },
        expect: MANAGE_HOME(200),
      },
    ],
    'POST td-assignments/:id/early-end-request': [
      {
        // The EMPLOYEE user's own assignment: they, the coordinator and ADMIN may record it.
        request: async (w, _p, t) => {
          const today = programToday();
          const assignment = await freshAssignment(t, w, w.employees.employee, {
            start: addDays(today, -30),
            end: addDays(today, 300),
          });
          return { path: `/api/td-assignments/${assignment.id}/early-end-request`, body: {} };
        },
        expect: only({
          ADMIN: 200,
          COORDINATOR: 200,
          SUPERVISOR: 403,
          EMPLOYEE: 200,
          otherCoordinator: 404,
        }),
      },
    ],

    // ---------------------------------------------------------------- annual goals
    'GET departments/:id/goals': [
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}/goals` }),
        expect: { ...signedIn(200), otherCoordinator: 404 },
      },
    ],
    'GET departments/:id/goals/:fiscalYear': [
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}/goals/2024-25` }),
        expect: { ...signedIn(200), otherCoordinator: 404 },
      },
      {
        request: (w) => ({ path: `/api/departments/${w.other.id}/goals/2024-25` }),
        expect: { ...signedIn(404), ADMIN: 200, AUDITOR: 200, otherCoordinator: 200 },
      },
    ],
    'PUT departments/:id/goals/:fiscalYear': [
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}/goals/2026-27`,
          body: goalBody(),
        }),
        expect: MANAGE_HOME(200),
      },
      {
        request: (w) => ({
          path: `/api/departments/${w.other.id}/goals/2026-27`,
          body: goalBody(),
        }),
        expect: MANAGE_OTHER(200),
      },
    ],
  },
};
