import { CareerPlan } from '../../src/modules/career-plans/career-plan.entity';
import { EligibilityRuleSet } from '../../src/modules/eligibility/eligibility-rule-set.entity';
import type { RuleSet } from '../../src/modules/eligibility/rule-set';
import { makeClassification } from '../support/fixtures';
import type { RoleWorld } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { only, signedIn } from './matrix-types';
import type { Caller, MatrixModule, Prepared } from './matrix-types';

/**
 * Rule sets are reference data (everyone reads, ADMIN writes). Eligibility of individuals:
 * AUDITOR refused (403), out of scope 404. Department lists: ADMIN and the department's
 * COORDINATOR. Adding gaps to a plan builds a fresh DRAFT plan of the EMPLOYEE user per call
 * whose target has an unmet license requirement, so every accepted call adds an activity.
 */

/** A license nobody holds: always a gap. */
const TARGET_PATTERNS: RuleSet['patterns'] = [
  {
    id: 'I',
    label: 'Matrix pattern',
    requirements: [
      { kind: 'experience', months: 12 },
      { kind: 'license', code: 'MATRIX-LICENSE' },
    ],
  },
];

let nextYear = 1900;

const inScope = (status: number, overrides: Partial<Record<Caller, number>> = {}) => ({
  ...signedIn(status),
  AUDITOR: 403,
  otherCoordinator: 404,
  ...overrides,
});

async function employeeDraft(t: TestApp, world: RoleWorld, p: Prepared): Promise<CareerPlan> {
  const employeeId = world.employees.employee.id;
  await t.dataSource.query(
    `UPDATE career_plans SET state = 'WITHDRAWN' WHERE employee_id = $1 AND state NOT IN ('COMPLETED', 'WITHDRAWN')`,
    [employeeId],
  );
  return t.dataSource.getRepository(CareerPlan).save({
    departmentId: world.home.id,
    employeeId,
    targetClassCodes: [p.eligibilityTargetCode],
    goals: 'Matrix eligibility plan',
    state: 'DRAFT',
  });
}

export const matrix: MatrixModule = {
  prepare: async (t) => {
    const target = await makeClassification(t.dataSource, {
      title: 'Matrix target class',
      occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    });
    const ruleSet = await t.dataSource.getRepository(EligibilityRuleSet).save({
      classificationId: target.id,
      effectiveFrom: '2000-01-01',
      definition: {
        classCode: target.classCode,
        title: target.title,
        effectiveFrom: '2000-01-01',
        patterns: TARGET_PATTERNS,
      },
      illustrative: false,
      createdBy: null,
    });
    return { eligibilityTargetCode: target.classCode, eligibilityRuleSetId: ruleSet.id };
  },
  rows: {
    'GET rule-sets': [{ request: () => ({ path: '/api/rule-sets' }), expect: signedIn(200) }],
    'GET rule-sets/:id': [
      {
        request: (_w, p) => ({ path: `/api/rule-sets/${p.eligibilityRuleSetId}` }),
        expect: signedIn(200),
      },
    ],
    'POST rule-sets': [
      {
        request: (_w, p) => {
          nextYear += 1;
          return {
            path: '/api/rule-sets',
            body: {
              classCode: p.eligibilityTargetCode,
              effectiveFrom: `${nextYear}-07-01`,
              patterns: TARGET_PATTERNS,
            },
          };
        },
        expect: only({ ADMIN: 201 }),
      },
    ],
    'GET employees/:id/eligibility': [
      {
        request: (w, p) => ({
          path: `/api/employees/${w.employees.employee.id}/eligibility?target=${p.eligibilityTargetCode}`,
        }),
        expect: inScope(200),
      },
      {
        request: (w, p) => ({
          path: `/api/employees/${w.employees.peer.id}/eligibility?target=${p.eligibilityTargetCode}`,
        }),
        expect: inScope(200, { SUPERVISOR: 404, EMPLOYEE: 404 }),
      },
    ],
    'GET departments/:id/eligibility': [
      {
        request: (w, p) => ({
          path: `/api/departments/${w.home.id}/eligibility?target=${p.eligibilityTargetCode}`,
        }),
        expect: only({ ADMIN: 200, COORDINATOR: 200, otherCoordinator: 404 }),
      },
      {
        request: (w, p) => ({
          path: `/api/departments/${w.other.id}/eligibility?target=${p.eligibilityTargetCode}`,
        }),
        expect: only({ ADMIN: 200, COORDINATOR: 404, otherCoordinator: 200 }),
      },
    ],
    'POST career-plans/:id/activities/from-gaps': [
      {
        request: async (w, p, t) => ({
          path: `/api/career-plans/${(await employeeDraft(t, w, p)).id}/activities/from-gaps`,
        }),
        expect: inScope(200, { SUPERVISOR: 403 }),
      },
    ],
  },
};
