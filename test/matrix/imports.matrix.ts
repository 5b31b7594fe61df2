import { ImportRun } from '../../src/modules/imports/import-run.entity';
import { only } from './matrix-types';
import type { MatrixModule } from './matrix-types';

/**
 * Bulk imports: ADMIN (naming the department) and COORDINATOR (their own) only; another
 * department's coordinator gets 404. The harness sends JSON, not multipart: whoever passes role
 * and scope is told the upload must be multipart/form-data (415), before any file is read; the
 * uploads themselves are covered by test/imports.e2e-spec.ts.
 */
const IMPORTERS = { ADMIN: 200, COORDINATOR: 200, otherCoordinator: 200 };

export const matrix: MatrixModule = {
  prepare: async (t, w) => {
    const runs = t.dataSource.getRepository(ImportRun);
    const run = await runs.save(
      runs.create({
        departmentId: w.home.id,
        kind: 'roster',
        dryRun: true,
        fileName: 'roster.csv',
        fileSha256: '0'.repeat(64),
        fileBytes: '100',
        format: 'csv',
        status: 'VALIDATED',
        problems: [],
        createdBy: w.users.COORDINATOR.id,
        requestId: null,
        finishedAt: new Date(),
      }),
    );
    return { 'imports.run': run.id };
  },
  rows: {
    'GET imports/templates/:kind': [
      { request: () => ({ path: '/api/imports/templates/roster' }), expect: only(IMPORTERS) },
      {
        request: () => ({ path: '/api/imports/templates/training?format=xlsx' }),
        expect: only(IMPORTERS),
      },
    ],
    'POST imports/:kind': [
      {
        request: (w) => ({
          path: `/api/imports/roster?dryRun=true&departmentId=${w.home.id}`,
          body: {},
        }),
        expect: only({ ADMIN: 415, COORDINATOR: 415, otherCoordinator: 404 }),
      },
      {
        request: (w) => ({ path: `/api/imports/training?departmentId=${w.other.id}`, body: {} }),
        expect: only({ ADMIN: 415, COORDINATOR: 404, otherCoordinator: 415 }),
      },
    ],
    'GET imports': [{ request: () => ({ path: '/api/imports' }), expect: only(IMPORTERS) }],
    'GET imports/:id': [
      {
        request: (_w, p) => ({ path: `/api/imports/${p['imports.run']}` }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
    ],
  },
};
