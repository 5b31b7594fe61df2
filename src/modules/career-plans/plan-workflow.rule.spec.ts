import {
  allowedActions,
  applyTransition,
  isTerminalPlanState,
  PLAN_ACTIONS,
  PLAN_ACTOR_RELATIONS,
  PLAN_STATES,
  PLAN_TRANSITIONS,
  PlanAction,
  PlanActorRelation,
  PlanState,
} from './plan-workflow.rule';

/**
 * The workflow written out again, independently of PLAN_TRANSITIONS, as the brief states it:
 * [from, action, to, who may do it]. Every other (state, action, actor) must be refused.
 */
const EXPECTED: readonly [PlanState, PlanAction, PlanState, readonly PlanActorRelation[]][] = [
  ['DRAFT', 'SUBMIT', 'SUBMITTED', ['OWNER']],
  ['RETURNED', 'SUBMIT', 'SUBMITTED', ['OWNER']],
  ['SUBMITTED', 'APPROVE', 'APPROVED', ['SUPERVISOR', 'COORDINATOR', 'ADMIN']],
  ['SUBMITTED', 'RETURN', 'RETURNED', ['SUPERVISOR', 'COORDINATOR', 'ADMIN']],
  ['APPROVED', 'COMPLETE', 'COMPLETED', ['COORDINATOR', 'ADMIN']],
  ['DRAFT', 'WITHDRAW', 'WITHDRAWN', ['OWNER']],
  ['SUBMITTED', 'WITHDRAW', 'WITHDRAWN', ['OWNER']],
  ['RETURNED', 'WITHDRAW', 'WITHDRAWN', ['OWNER']],
  ['APPROVED', 'WITHDRAW', 'WITHDRAWN', ['OWNER']],
];

const COMMENT = { comment: 'Please add a target class and a training goal.' };

function expectedOutcome(state: PlanState, action: PlanAction, actor: PlanActorRelation) {
  const row = EXPECTED.find(([from, act]) => from === state && act === action);
  const allowed = PLAN_ACTIONS.filter((candidate) =>
    EXPECTED.some(
      ([from, act, , actors]) => from === state && act === candidate && actors.includes(actor),
    ),
  );
  if (!row) return { ok: false, reason: 'NOT_ALLOWED_FROM_STATE', allowed };
  if (!row[3].includes(actor)) return { ok: false, reason: 'NOT_ALLOWED_FOR_ACTOR', allowed };
  return { ok: true, to: row[2] };
}

const EVERY_COMBINATION = PLAN_STATES.flatMap((state) =>
  PLAN_ACTIONS.flatMap((action) =>
    PLAN_ACTOR_RELATIONS.map((actor): [PlanState, PlanAction, PlanActorRelation] => [
      state,
      action,
      actor,
    ]),
  ),
);

describe('applyTransition: every state x action x actor', () => {
  it('covers all 6 x 5 x 5 combinations', () => {
    expect(EVERY_COMBINATION).toHaveLength(150);
  });

  it.each(EVERY_COMBINATION)('%s --%s--> by %s', (state, action, actor) => {
    expect(applyTransition(state, action, actor, COMMENT)).toEqual(
      expectedOutcome(state, action, actor),
    );
  });
});

describe('applyTransition: refusals', () => {
  it.each([
    ['COMPLETED', 'WITHDRAW', 'OWNER', 'NOT_ALLOWED_FROM_STATE', []],
    ['WITHDRAWN', 'SUBMIT', 'OWNER', 'NOT_ALLOWED_FROM_STATE', []],
    ['APPROVED', 'APPROVE', 'SUPERVISOR', 'NOT_ALLOWED_FROM_STATE', []],
    ['DRAFT', 'APPROVE', 'COORDINATOR', 'NOT_ALLOWED_FROM_STATE', []],
    ['SUBMITTED', 'APPROVE', 'OWNER', 'NOT_ALLOWED_FOR_ACTOR', ['WITHDRAW']],
    ['SUBMITTED', 'APPROVE', 'OTHER', 'NOT_ALLOWED_FOR_ACTOR', []],
    ['APPROVED', 'COMPLETE', 'SUPERVISOR', 'NOT_ALLOWED_FOR_ACTOR', []],
    ['DRAFT', 'SUBMIT', 'COORDINATOR', 'NOT_ALLOWED_FOR_ACTOR', []],
    ['RETURNED', 'WITHDRAW', 'ADMIN', 'NOT_ALLOWED_FOR_ACTOR', []],
  ] as const)('%s --%s--> by %s is refused: %s', (state, action, actor, reason, allowed) => {
    expect(applyTransition(state, action, actor, COMMENT)).toEqual({
      ok: false,
      reason,
      allowed,
    });
  });

  it.each([undefined, '', '   \n\t'])('returning a plan needs a comment (got %j)', (comment) => {
    expect(applyTransition('SUBMITTED', 'RETURN', 'SUPERVISOR', { comment })).toEqual({
      ok: false,
      reason: 'COMMENT_REQUIRED',
      allowed: ['APPROVE', 'RETURN'],
    });
  });

  it('returning a plan without options at all also needs a comment', () => {
    expect(applyTransition('SUBMITTED', 'RETURN', 'COORDINATOR')).toMatchObject({
      ok: false,
      reason: 'COMMENT_REQUIRED',
    });
  });

  it.each(PLAN_ACTIONS.filter((action) => action !== 'RETURN'))('%s needs no comment', (action) => {
    const [from, , to, actors] = EXPECTED.find(([, act]) => act === action)!;
    expect(applyTransition(from, action, actors[0])).toEqual({ ok: true, to });
  });
});

describe('allowedActions', () => {
  it.each([
    ['DRAFT', 'OWNER', ['SUBMIT', 'WITHDRAW']],
    ['DRAFT', 'SUPERVISOR', []],
    ['DRAFT', 'COORDINATOR', []],
    ['DRAFT', 'ADMIN', []],
    ['DRAFT', 'OTHER', []],
    ['SUBMITTED', 'OWNER', ['WITHDRAW']],
    ['SUBMITTED', 'SUPERVISOR', ['APPROVE', 'RETURN']],
    ['SUBMITTED', 'COORDINATOR', ['APPROVE', 'RETURN']],
    ['SUBMITTED', 'ADMIN', ['APPROVE', 'RETURN']],
    ['SUBMITTED', 'OTHER', []],
    ['APPROVED', 'OWNER', ['WITHDRAW']],
    ['APPROVED', 'SUPERVISOR', []],
    ['APPROVED', 'COORDINATOR', ['COMPLETE']],
    ['APPROVED', 'ADMIN', ['COMPLETE']],
    ['APPROVED', 'OTHER', []],
    ['RETURNED', 'OWNER', ['SUBMIT', 'WITHDRAW']],
    ['RETURNED', 'SUPERVISOR', []],
    ['RETURNED', 'COORDINATOR', []],
    ['RETURNED', 'ADMIN', []],
    ['RETURNED', 'OTHER', []],
    ['COMPLETED', 'OWNER', []],
    ['COMPLETED', 'SUPERVISOR', []],
    ['COMPLETED', 'COORDINATOR', []],
    ['COMPLETED', 'ADMIN', []],
    ['COMPLETED', 'OTHER', []],
    ['WITHDRAWN', 'OWNER', []],
    ['WITHDRAWN', 'SUPERVISOR', []],
    ['WITHDRAWN', 'COORDINATOR', []],
    ['WITHDRAWN', 'ADMIN', []],
    ['WITHDRAWN', 'OTHER', []],
  ] as const)('%s, %s -> %j', (state, actor, expected) => {
    expect(allowedActions(state, actor)).toEqual(expected);
  });

  it.each(EVERY_COMBINATION)(
    'agrees with applyTransition for %s --%s--> by %s',
    (state, action, actor) => {
      expect(allowedActions(state, actor).includes(action)).toBe(
        applyTransition(state, action, actor, COMMENT).ok,
      );
    },
  );
});

describe('the table itself', () => {
  it.each(
    PLAN_STATES.map((state): [PlanState, boolean] => [
      state,
      state === 'COMPLETED' || state === 'WITHDRAWN',
    ]),
  )('%s is terminal: %s', (state, terminal) => {
    expect(isTerminalPlanState(state)).toBe(terminal);
  });

  it.each(PLAN_ACTIONS)('ADMIN may %s whenever COORDINATOR may', (action) => {
    const { actors } = PLAN_TRANSITIONS[action];
    expect(actors.includes('ADMIN')).toBe(actors.includes('COORDINATOR'));
  });

  it.each(PLAN_ACTIONS)('OTHER may never %s', (action) => {
    expect(PLAN_TRANSITIONS[action].actors).not.toContain('OTHER');
  });

  it.each(['APPROVE', 'COMPLETE'] as const)('the owner may never %s their own plan', (action) => {
    expect(PLAN_TRANSITIONS[action].actors).not.toContain('OWNER');
  });
});
