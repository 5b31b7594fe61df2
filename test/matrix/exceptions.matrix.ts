import { only } from './matrix-types';
import type { MatrixModule } from './matrix-types';

/**
 * The compliance exceptions report: the department's COORDINATOR and ADMIN; the other
 * department's coordinator 404; every other role 403.
 */
const path = (departmentId: string, asOf = '2025-10-15') =>
  `/api/departments/${departmentId}/reports/exceptions?asOf=${asOf}`;

export const matrix: MatrixModule = {
  rows: {
    'GET departments/:id/reports/exceptions': [
      {
        request: (w) => ({ path: path(w.home.id) }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
      {
        // The other department: its coordinator reads it; the home coordinator gets 404.
        request: (w) => ({ path: path(w.other.id) }),
        expect: only({ ADMIN: 200, COORDINATOR: 404, otherCoordinator: 200 }),
      },
      {
        request: (w) => ({ path: `/api/departments/${w.home.id}/reports/exceptions` }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
    ],
  },
};
