import { randomUUID } from 'node:crypto';
import { TEST_PASSWORD } from '../support/fixtures';
import { only, signedIn } from './matrix-types';
import type { MatrixModule } from './matrix-types';

/**
 * Every route × every caller, inside and outside scope. "otherCoordinator" is a coordinator of
 * another department: scoped reads answer 404 for them, never the record and never a 403.
 * A route missing here fails the first test, so new routes must be added with their row.
 */
export const matrix: MatrixModule = {
  rows: {
    'GET health': [{ request: () => ({ path: '/health' }), expect: signedIn(200, 200) }],
    'GET health/ready': [
      { request: () => ({ path: '/health/ready' }), expect: signedIn(200, 200) },
    ],
    'POST auth/login': [
      {
        request: (w) => ({
          path: '/api/auth/login',
          body: { email: w.users.AUDITOR.email, password: TEST_PASSWORD },
        }),
        expect: signedIn(200, 200),
      },
    ],
    'POST auth/refresh': [
      {
        request: () => ({ path: '/api/auth/refresh', body: { refreshToken: `${randomUUID()}.x` } }),
        expect: signedIn(401, 401),
      },
    ],
    'POST auth/logout': [
      { request: () => ({ path: '/api/auth/logout', body: {} }), expect: signedIn(204) },
    ],
    'GET auth/me': [{ request: () => ({ path: '/api/auth/me' }), expect: signedIn(200) }],
    'GET users': [{ request: () => ({ path: '/api/users' }), expect: only({ ADMIN: 200 }) }],
    'GET users/:id': [
      {
        request: (w) => ({ path: `/api/users/${w.users.EMPLOYEE.id}` }),
        expect: only({ ADMIN: 200 }),
      },
    ],
    'POST users': [
      {
        request: (w) => ({
          path: '/api/users',
          body: {
            email: `new-${randomUUID()}@test.ca.gov`,
            displayName: 'New Person',
            role: 'EMPLOYEE',
            departmentId: w.home.id,
            password: 'a long enough password',
          },
        }),
        expect: only({ ADMIN: 201 }),
      },
    ],
    'PATCH users/:id': [
      {
        request: (w) => ({
          path: `/api/users/${w.users.EMPLOYEE.id}`,
          body: { displayName: 'Renamed' },
        }),
        expect: only({ ADMIN: 200 }),
      },
    ],
    'GET departments': [{ request: () => ({ path: '/api/departments' }), expect: signedIn(200) }],
    'GET departments/:id': [
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}` }),
        expect: { ...signedIn(200), otherCoordinator: 404 },
      },
      {
        request: (w) => ({ path: `/api/departments/${w.other.id}` }),
        expect: { ...signedIn(404), ADMIN: 200, AUDITOR: 200, otherCoordinator: 200 },
      },
    ],
    'POST departments': [
      {
        request: () => ({
          path: '/api/departments',
          body: { code: `M${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Matrix Department' },
        }),
        expect: only({ ADMIN: 201 }),
      },
    ],
    'PATCH departments/:id': [
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}`,
          body: { name: 'Renamed Department' },
        }),
        expect: only({ ADMIN: 200 }),
      },
    ],
    'GET classifications': [
      { request: () => ({ path: '/api/classifications' }), expect: signedIn(200) },
    ],
    'GET classifications/:id': [
      {
        request: (w) => ({ path: `/api/classifications/${w.classification.id}` }),
        expect: signedIn(200),
      },
    ],
    'POST classifications': [
      {
        request: () => ({
          path: '/api/classifications',
          body: {
            classCode: `${Math.floor(Math.random() * 1e6)}`.padStart(6, '9'),
            title: 'Matrix Class',
            occupationalGroup: 'OFFICE_ALLIED',
            salaryLow: 3000,
            salaryHigh: 4000,
            eeo4Category: 'ADMINISTRATIVE_SUPPORT',
          },
        }),
        expect: only({ ADMIN: 201 }),
      },
    ],
    'PATCH classifications/:id': [
      {
        request: (w) => ({
          path: `/api/classifications/${w.classification.id}`,
          body: { title: 'Renamed Class' },
        }),
        expect: only({ ADMIN: 200 }),
      },
    ],
    'GET departments/:departmentId/designations/:fiscalYear': [
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}/designations/2025-26` }),
        expect: { ...signedIn(200), otherCoordinator: 404 },
      },
    ],
    'PUT departments/:departmentId/designations/:fiscalYear': [
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}/designations/2025-26`,
          body: { designations: [{ classCode: w.classification.classCode, designation: 'LPEL' }] },
        }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
    ],
    'GET audit': [
      {
        request: () => ({ path: '/api/audit' }),
        expect: only({ ADMIN: 200, AUDITOR: 200, COORDINATOR: 200, otherCoordinator: 200 }),
      },
    ],
    'GET audit/verify': [
      {
        request: () => ({ path: '/api/audit/verify' }),
        expect: only({ ADMIN: 200, AUDITOR: 200 }),
      },
    ],
  },
};
