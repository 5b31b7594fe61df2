import * as fs from 'node:fs';
import * as path from 'node:path';
import { CALLERS } from '../matrix/matrix-types';
import type {
  Caller,
  MatrixCase,
  MatrixModule,
  MatrixRequest,
  Prepared,
} from '../matrix/matrix-types';
import type { RoleWorld } from './fixtures';
import type { TestApp } from './test-app';

/**
 * The authorization matrix's request builders (`test/matrix/*.matrix.ts`) reused by other
 * suites: a valid request for every route and caller, so a suite that must cover "every route"
 * (response privacy, hostile input) follows the route inventory without a list of its own.
 */
export interface MatrixRoutes {
  modules: MatrixModule[];
  /** `METHOD path-pattern` (as the route inventory names it) to its cases. */
  rows: Record<string, MatrixCase[]>;
}

export function loadMatrixRoutes(): MatrixRoutes {
  const dir = path.join(__dirname, '..', 'matrix');
  const modules = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.matrix.ts'))
    .sort()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- files are discovered at run time
    .map((file) => (require(path.join(dir, file)) as { matrix: MatrixModule }).matrix);
  const rows: Record<string, MatrixCase[]> = {};
  for (const module of modules) {
    for (const [route, cases] of Object.entries(module.rows)) {
      if (rows[route]) throw new Error(`${route} has rows in two matrix files`);
      rows[route] = cases;
    }
  }
  return { modules, rows };
}

/** Runs every matrix module's `prepare` (the records its rows refer to). */
export async function prepareMatrix(
  routes: MatrixRoutes,
  t: TestApp,
  world: RoleWorld,
): Promise<Prepared> {
  const prepared: Prepared = {};
  for (const module of routes.modules) Object.assign(prepared, await module.prepare?.(t, world));
  return prepared;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export function methodOf(route: string): HttpMethod {
  return route.split(' ')[0].toLowerCase() as HttpMethod;
}

export function patternOf(route: string): string {
  return route.slice(route.indexOf(' ') + 1);
}

/** The first caller the case lets through (2xx), preferring ADMIN: the deepest-reaching one. */
export function acceptedCaller(matrixCase: MatrixCase): Caller | undefined {
  return CALLERS.find((caller) => matrixCase.expect[caller] < 300);
}

export type { Caller, MatrixCase, MatrixRequest, Prepared };
