/**
 * Career development plan workflow (Gov Code 19401(a): each participant is expected to write a
 * career development plan). One table holds every transition so that who may do what, from
 * which state, can be read (and reviewed) in one place.
 */

export const PLAN_STATES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'RETURNED',
  'COMPLETED',
  'WITHDRAWN',
] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const PLAN_ACTIONS = ['SUBMIT', 'APPROVE', 'RETURN', 'COMPLETE', 'WITHDRAW'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * How the person acting relates to the plan. The caller works this out; when one person fits
 * several relations, pass OWNER first, so that nobody approves or completes their own plan
 * because they also happen to be a coordinator.
 */
export const PLAN_ACTOR_RELATIONS = [
  'OWNER',
  'SUPERVISOR',
  'COORDINATOR',
  'ADMIN',
  'OTHER',
] as const;
export type PlanActorRelation = (typeof PLAN_ACTOR_RELATIONS)[number];

export interface PlanTransition {
  from: readonly PlanState[];
  to: PlanState;
  actors: readonly PlanActorRelation[];
  /** Returning a plan without saying what to change leaves the employee guessing. */
  requiresComment: boolean;
}

/** ADMIN is listed wherever COORDINATOR is: an administrator may do what a coordinator may. */
export const PLAN_TRANSITIONS: Readonly<Record<PlanAction, PlanTransition>> = {
  SUBMIT: {
    from: ['DRAFT', 'RETURNED'],
    to: 'SUBMITTED',
    actors: ['OWNER'],
    requiresComment: false,
  },
  APPROVE: {
    from: ['SUBMITTED'],
    to: 'APPROVED',
    actors: ['SUPERVISOR', 'COORDINATOR', 'ADMIN'],
    requiresComment: false,
  },
  RETURN: {
    from: ['SUBMITTED'],
    to: 'RETURNED',
    actors: ['SUPERVISOR', 'COORDINATOR', 'ADMIN'],
    requiresComment: true,
  },
  COMPLETE: {
    from: ['APPROVED'],
    to: 'COMPLETED',
    actors: ['COORDINATOR', 'ADMIN'],
    requiresComment: false,
  },
  // Taking part is voluntary, so the employee may leave at any point before completion.
  WITHDRAW: {
    from: ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'],
    to: 'WITHDRAWN',
    actors: ['OWNER'],
    requiresComment: false,
  },
};

export type PlanTransitionRefusal =
  'NOT_ALLOWED_FROM_STATE' | 'NOT_ALLOWED_FOR_ACTOR' | 'COMMENT_REQUIRED';

export type PlanTransitionResult =
  { ok: true; to: PlanState } | { ok: false; reason: PlanTransitionRefusal; allowed: PlanAction[] };

export function isTerminalPlanState(state: PlanState): boolean {
  return PLAN_ACTIONS.every((action) => !PLAN_TRANSITIONS[action].from.includes(state));
}

/** The actions this actor may take on a plan in this state, in table order (for UI buttons). */
export function allowedActions(state: PlanState, actor: PlanActorRelation): PlanAction[] {
  return PLAN_ACTIONS.filter((action) => {
    const transition = PLAN_TRANSITIONS[action];
    return transition.from.includes(state) && transition.actors.includes(actor);
  });
}

/**
 * Checks the state first, then the actor, then the comment: "this plan is already approved"
 * is the more useful answer even for someone who could not have acted on it anyway.
 * A comment that is only whitespace does not count as a comment.
 */
export function applyTransition(
  state: PlanState,
  action: PlanAction,
  actor: PlanActorRelation,
  options: { comment?: string } = {},
): PlanTransitionResult {
  const transition = PLAN_TRANSITIONS[action];
  const refuse = (reason: PlanTransitionRefusal): PlanTransitionResult => ({
    ok: false,
    reason,
    allowed: allowedActions(state, actor),
  });
  if (!transition.from.includes(state)) return refuse('NOT_ALLOWED_FROM_STATE');
  if (!transition.actors.includes(actor)) return refuse('NOT_ALLOWED_FOR_ACTOR');
  if (transition.requiresComment && !options.comment?.trim()) return refuse('COMMENT_REQUIRED');
  return { ok: true, to: transition.to };
}
