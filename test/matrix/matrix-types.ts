import type { Role } from '../../src/common/auth/role';
import type { RoleWorld } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

export type Caller = Role | 'otherCoordinator' | 'anonymous';
export const CALLERS: Caller[] = [
  'ADMIN',
  'COORDINATOR',
  'SUPERVISOR',
  'EMPLOYEE',
  'AUDITOR',
  'otherCoordinator',
  'anonymous',
];

export interface MatrixRequest {
  /** Path with the `/api` prefix where it applies. */
  path: string;
  body?: object;
  headers?: Record<string, string>;
}

/** Ids a module's `prepare` made for its rows (plans, training records, ...). */
export type Prepared = Record<string, string>;

export interface MatrixCase {
  /** Builds the request for one caller; may create a fresh fixture so callers do not interfere. */
  request: (
    world: RoleWorld,
    prepared: Prepared,
    t: TestApp,
  ) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<Caller, number>;
}

/**
 * One file per feature under test/matrix/, named `<feature>.matrix.ts`, exporting `matrix`.
 * The suite loads them all and fails when a registered route has no row.
 */
export interface MatrixModule {
  prepare?: (t: TestApp, world: RoleWorld) => Promise<Prepared>;
  rows: Record<string, MatrixCase[]>;
}

/** Same status for everyone signed in; `anonymous` gets 401 unless said otherwise. */
export const signedIn = (status: number, anonymous = 401): Record<Caller, number> => ({
  ADMIN: status,
  COORDINATOR: status,
  SUPERVISOR: status,
  EMPLOYEE: status,
  AUDITOR: status,
  otherCoordinator: status,
  anonymous,
});

/** 403 for every signed-in role but the listed ones. */
export const only = (allowed: Partial<Record<Caller, number>>): Record<Caller, number> => ({
  ...signedIn(403),
  ...allowed,
});
