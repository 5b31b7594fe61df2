import * as fc from 'fast-check';
import { listRoutes } from '../../src/common/auth/route-inventory';
import { makeRoleWorld } from './fixtures';
import type { RoleWorld } from './fixtures';
import { loadMatrixRoutes, prepareMatrix } from './matrix-routes';
import {
  basicHostileRequests,
  bodyLimitBytes,
  buildTargets,
  designedSideEffects,
  HostileRunner,
  hostileRequestArbitrary,
} from './route-fuzz';
import type { FuzzStats, RouteTarget } from './route-fuzz';
import { startTestApp } from './test-app';
import type { TestApp } from './test-app';

export interface HostileSuiteOptions {
  title: string;
  /** Random requests per route (fast-check runs), after the deterministic ones. */
  numRuns: number;
  /** Fixed for the quick suite (a stable `npm test`); random otherwise, printed on failure. */
  seed?: number;
  /**
   * Transport-level hostile requests (broken JSON, wrong content type, oversize body, hostile
   * upload) for every n-th route only, and for every upload route; default 1: all routes.
   */
  transportEvery?: number;
  /** Receives the figures once every route ran (for docs/RELIABILITY.md). */
  onDone?: (stats: FuzzStats & { routes: number; seconds: number }) => void;
}

const BODY_LIMIT = '64kb';

/**
 * Routes whose accepted request is costly (a certification renders eight report files): their
 * hostile inputs are few (path parameters only), so they get a fifth of the random runs (none in
 * the quick pass, whose deterministic requests already certify twice).
 */
const EXPENSIVE_ROUTES = new Set(['POST departments/:id/reports/annual/:fiscalYear/certify']);
const UPLOAD_ROUTES = /^POST (imports\/:kind|training-records\/:id\/evidence)$/;
const runsFor = (route: string, numRuns: number) =>
  EXPENSIVE_ROUTES.has(route) ? Math.floor(numRuns / 5) : numRuns;

/**
 * Every route of the route inventory, one test each: the deterministic hostile requests, then
 * `numRuns` random ones; never a 5xx, a refused request leaves no trace, and the audit chain
 * verifies after each route. Routes come from the authorization matrix (known before the app
 * starts); a registered route without a matrix row is fuzzed by the last test with made-up ids.
 */
export function describeHostileInput(options: HostileSuiteOptions): void {
  const routes = loadMatrixRoutes();
  const matrixRoutes = Object.keys(routes.rows).sort();

  describe(options.title, () => {
    let t: TestApp;
    let world: RoleWorld;
    let runner: HostileRunner;
    const targets = new Map<string, RouteTarget>();
    const limit = bodyLimitBytes(BODY_LIMIT);
    const started = Date.now();
    let routesRun = 0;

    beforeAll(async () => {
      t = await startTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '10000', BODY_LIMIT });
      world = await makeRoleWorld(t.dataSource, t.http);
      const prepared = await prepareMatrix(routes, t, world);
      for (const target of await buildTargets(listRoutes(t.app), routes, t, world, prepared)) {
        targets.set(target.route, target);
      }
      runner = new HostileRunner({ t, world, allowedChanges: designedSideEffects });
    });
    afterAll(async () => {
      options.onDone?.({
        ...runner.stats,
        routes: routesRun,
        seconds: Math.round((Date.now() - started) / 1000),
      });
      await t.close();
    });

    /** Runs everything for the route and reports every failure at once, not just the first. */
    async function fuzz(target: RouteTarget): Promise<void> {
      routesRun += 1;
      const failures: string[] = [];
      const transport =
        routesRun % (options.transportEvery ?? 1) === 0 || UPLOAD_ROUTES.test(target.route);
      for (const hostile of basicHostileRequests(target, limit, { transport })) {
        await runner.send(target, hostile).catch((error: Error) => failures.push(error.message));
      }
      const numRuns = runsFor(target.route, options.numRuns);
      if (numRuns > 0) {
        const details = await fc.check(
          fc.asyncProperty(hostileRequestArbitrary(target, limit), async (hostile) => {
            await runner.send(target, hostile);
          }),
          { numRuns, seed: options.seed, endOnFailure: true },
        );
        if (details.failed) {
          const error = details.errorInstance;
          failures.push(
            `random run (seed ${details.seed}): ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      await runner.verifyChain(target.route).catch((error: Error) => failures.push(error.message));
      if (failures.length > 0) throw new Error(failures.join('\n'));
    }

    it.each(matrixRoutes)('%s', async (route) => {
      const target = targets.get(route);
      // A matrix row for a route the app no longer has: the matrix suite reports it.
      if (!target) return;
      await fuzz(target);
    });

    it('routes without a matrix row yet (made-up ids)', async () => {
      const unlisted = [...targets.values()].filter((target) => !routes.rows[target.route]);
      for (const target of unlisted) await fuzz(target);
    });
  });
}
