import { only } from './matrix-types';
import type { Caller, MatrixModule } from './matrix-types';

/**
 * The annual report. Drafts and certification: the department's COORDINATOR and ADMIN.
 * Certified versions: also AUDITOR (oversight audience only, and never a comparison with the
 * live draft). The other department's coordinator: 404. A fiscal year no other matrix file
 * touches, so no goal record makes certification refuse (two missed years).
 */
const FY = '2015-16';
const base = (departmentId: string) => `/api/departments/${departmentId}/reports/annual/${FY}`;

const DRAFTERS = { ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 };
const READERS: Partial<Record<Caller, number>> = { ...DRAFTERS, AUDITOR: 200 };

export const matrix: MatrixModule = {
  prepare: async (t, w) => {
    const response = await t.http
      .post(`${base(w.home.id)}/certify`)
      .set('Authorization', `Bearer ${w.tokens.ADMIN}`);
    if (response.status !== 201) {
      throw new Error(`report certification failed: ${response.status} ${response.text}`);
    }
    return {};
  },
  rows: {
    'GET departments/:id/reports/annual/:fiscalYear': [
      { request: (w) => ({ path: base(w.home.id) }), expect: only(DRAFTERS) },
      {
        request: (w) => ({ path: `${base(w.home.id)}?format=csv&audience=oversight` }),
        expect: only(DRAFTERS),
      },
    ],
    'POST departments/:id/reports/annual/:fiscalYear/certify': [
      {
        request: (w) => ({ path: `${base(w.home.id)}/certify`, body: {} }),
        expect: only({ ADMIN: 201, COORDINATOR: 201, otherCoordinator: 404 }),
      },
    ],
    'GET departments/:id/reports/annual/:fiscalYear/versions': [
      { request: (w) => ({ path: `${base(w.home.id)}/versions` }), expect: only(READERS) },
    ],
    'GET departments/:id/reports/annual/:fiscalYear/versions/:version': [
      { request: (w) => ({ path: `${base(w.home.id)}/versions/1` }), expect: only(READERS) },
      {
        request: (w) => ({ path: `${base(w.home.id)}/versions/1?format=csv&audience=oversight` }),
        expect: only(READERS),
      },
      {
        // The department's own audience is not for auditors.
        request: (w) => ({ path: `${base(w.home.id)}/versions/1?audience=department` }),
        expect: only({ ...DRAFTERS, AUDITOR: 403 }),
      },
    ],
    'GET departments/:id/reports/annual/:fiscalYear/versions/:version/diff': [
      {
        request: (w) => ({ path: `${base(w.home.id)}/versions/1/diff?against=1` }),
        expect: only(READERS),
      },
      {
        // Against the live draft: auditors never see drafts.
        request: (w) => ({ path: `${base(w.home.id)}/versions/1/diff?against=current` }),
        expect: only({ ...DRAFTERS, AUDITOR: 403 }),
      },
    ],
    'GET reports/statewide/:fiscalYear': [
      // Oversight only: departments' staff never see other departments' figures.
      {
        request: () => ({ path: `/api/reports/statewide/${FY}` }),
        expect: only({ ADMIN: 200, AUDITOR: 200 }),
      },
      {
        request: () => ({ path: `/api/reports/statewide/${FY}?format=csv` }),
        expect: only({ ADMIN: 200, AUDITOR: 200 }),
      },
    ],
    'GET departments/:id/reports/audit': [
      {
        // Each generation is audited: the department's coordinator and ADMIN (named), AUDITOR
        // (references only); the other department's coordinator 404.
        request: (w) => ({ path: `/api/departments/${w.home.id}/reports/audit?format=json` }),
        expect: only({ ...READERS }),
      },
      {
        request: (w) => ({
          path: `/api/departments/${w.home.id}/reports/audit?format=json&audience=department`,
        }),
        expect: only({ ...DRAFTERS, AUDITOR: 403 }),
      },
    ],
  },
};
