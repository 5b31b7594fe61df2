import { randomUUID } from 'node:crypto';
import { ETHNICITY_CODES } from '../../src/modules/employees/demographics';
import { ExamListEligibility } from '../../src/modules/employees/exam-eligibility.entity';
import { makeEmployee } from '../support/fixtures';
import type { RoleWorld } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { only } from './matrix-types';
import type { Caller, MatrixModule } from './matrix-types';

/** Readable by whoever sees the employee; never by AUDITOR; 404 outside scope. */
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
const WRITE_HOME = (status: number): Record<Caller, number> =>
  only({ ADMIN: status, COORDINATOR: status, otherCoordinator: 404 });

/** A fresh employee of the home department per call, so callers never interfere. */
const freshHomeEmployee = (t: TestApp, w: RoleWorld) =>
  makeEmployee(t.dataSource, w.home.id, w.classification.id, {
    supervisorId: w.employees.supervisor.id,
  });

async function freshExamList(t: TestApp, w: RoleWorld, departmentId: string) {
  const employee = await makeEmployee(t.dataSource, departmentId, w.classification.id);
  const repository = t.dataSource.getRepository(ExamListEligibility);
  const list = await repository.save(
    repository.create({
      employeeId: employee.id,
      classificationId: w.classification.id,
      listDate: '2025-01-01',
      expiresOn: '2026-01-01',
    }),
  );
  return { path: `/api/employees/${employee.id}/exam-lists/${list.id}` };
}

/** Each PUT sends another answer, so every accepted one is a change (and is audited). */
let selfIdentificationCall = 0;

export const matrix: MatrixModule = {
  rows: {
    'GET employees': [
      {
        request: () => ({ path: '/api/employees' }),
        expect: only({
          ADMIN: 200,
          COORDINATOR: 200,
          SUPERVISOR: 200,
          EMPLOYEE: 200,
          otherCoordinator: 200,
        }),
      },
    ],
    'GET employees/:id': [
      {
        request: (w) => ({ path: `/api/employees/${w.employees.employee.id}` }),
        expect: READ_EMPLOYEE,
      },
      { request: (w) => ({ path: `/api/employees/${w.employees.peer.id}` }), expect: READ_PEER },
    ],
    'POST employees': [
      {
        request: (w) => ({
          path: '/api/employees',
          body: {
            departmentId: w.home.id,
            employeeNumber: `M${randomUUID().slice(0, 8)}`,
            firstName: 'Matrix',
            lastName: 'Person',
            classCode: w.classification.classCode,
            hireDate: '2022-07-01',
          },
        }),
        // Another department's coordinator may not create here: 403 naming departmentId.
        expect: only({ ADMIN: 201, COORDINATOR: 201, otherCoordinator: 403 }),
      },
    ],
    'PATCH employees/:id': [
      {
        request: async (w, _p, t) => ({
          path: `/api/employees/${(await freshHomeEmployee(t, w)).id}`,
          body: { positionNumber: `P-${randomUUID().slice(0, 8)}` },
        }),
        expect: WRITE_HOME(200),
      },
    ],
    'GET employees/:id/self-identification': [
      {
        request: (w) => ({ path: `/api/employees/${w.employees.employee.id}/self-identification` }),
        // The owner, ADMIN and the department's COORDINATOR; the supervisor sees the record but not this.
        expect: only({
          ADMIN: 200,
          COORDINATOR: 200,
          SUPERVISOR: 403,
          EMPLOYEE: 200,
          otherCoordinator: 404,
        }),
      },
      {
        request: (w) => ({ path: `/api/employees/${w.employees.peer.id}/self-identification` }),
        expect: READ_PEER,
      },
    ],
    'PUT employees/:id/self-identification': [
      {
        request: (w) => ({
          path: `/api/employees/${w.employees.employee.id}/self-identification`,
          body: {
            ethnicities: [ETHNICITY_CODES[selfIdentificationCall++ % ETHNICITY_CODES.length]],
          },
        }),
        expect: only({
          ADMIN: 200,
          COORDINATOR: 200,
          SUPERVISOR: 403,
          EMPLOYEE: 200,
          otherCoordinator: 404,
        }),
      },
    ],
    'GET employees/:id/exam-lists': [
      {
        request: (w) => ({ path: `/api/employees/${w.employees.employee.id}/exam-lists` }),
        expect: READ_EMPLOYEE,
      },
      {
        request: (w) => ({ path: `/api/employees/${w.employees.peer.id}/exam-lists` }),
        expect: READ_PEER,
      },
    ],
    'POST employees/:id/exam-lists': [
      {
        request: async (w, _p, t) => ({
          path: `/api/employees/${(await freshHomeEmployee(t, w)).id}/exam-lists`,
          body: {
            classCode: w.classification.classCode,
            listDate: '2025-03-01',
            expiresOn: '2027-03-01',
          },
        }),
        expect: WRITE_HOME(201),
      },
    ],
    'DELETE employees/:id/exam-lists/:listId': [
      { request: (w, _p, t) => freshExamList(t, w, w.home.id), expect: WRITE_HOME(204) },
      {
        request: (w, _p, t) => freshExamList(t, w, w.other.id),
        expect: only({ ADMIN: 204, COORDINATOR: 404, otherCoordinator: 204 }),
      },
    ],
    'GET employees/:id/appointments': [
      {
        request: (w) => ({ path: `/api/employees/${w.employees.employee.id}/appointments` }),
        expect: READ_EMPLOYEE,
      },
      {
        request: (w) => ({ path: `/api/employees/${w.employees.peer.id}/appointments` }),
        expect: READ_PEER,
      },
    ],
    'POST employees/:id/appointments': [
      {
        request: async (w, _p, t) => ({
          path: `/api/employees/${(await freshHomeEmployee(t, w)).id}/appointments`,
          body: {
            effectiveDate: '2025-09-01',
            type: 'TRANSFER',
            toClassCode: w.classification.classCode,
          },
        }),
        expect: WRITE_HOME(201),
      },
    ],
    'GET departments/:id/upward-moves': [
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}/upward-moves?from=2025-01-01&to=2025-12-31`,
        }),
        expect: only({ ADMIN: 200, AUDITOR: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
      {
        request: (w) => ({
          path: `/api/departments/${w.other.id}/upward-moves?from=2025-01-01&to=2025-12-31`,
        }),
        expect: only({ ADMIN: 200, AUDITOR: 200, COORDINATOR: 404, otherCoordinator: 200 }),
      },
    ],
  },
};
