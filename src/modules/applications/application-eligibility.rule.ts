/**
 * Who may apply to the department's upward mobility program, and what can happen to an
 * application. Upward mobility starts from a low-paying entry-level (LPEL) or bridging class
 * (Gov Code 19400-19402): an employee already in an ELTPA class, or in a class the department
 * has not designated, is not the program's population.
 */
import { isUpwardMobilityMove } from '../appointments/upward-move.rule';
import type { UmDesignation } from '../appointments/upward-move.rule';

export const APPLICATION_DECISIONS = ['ACCEPTED', 'WAITLISTED', 'DECLINED'] as const;
export type ApplicationDecision = (typeof APPLICATION_DECISIONS)[number];

export type ApplicationState = 'SUBMITTED' | ApplicationDecision | 'WITHDRAWN';

/** Still waiting for an outcome: a waitlisted applicant may yet be accepted. */
export const OPEN_APPLICATION_STATES: readonly ApplicationState[] = ['SUBMITTED', 'WAITLISTED'];

/** Acknowledging, deciding and withdrawing are all done while the application is open. */
export function isOpenApplication(state: ApplicationState): boolean {
  return OPEN_APPLICATION_STATES.includes(state);
}

export type ApplicationRefusalCode =
  'SEPARATED' | 'NOT_IN_ORIGIN_CLASS' | 'OPEN_APPLICATION' | 'ACTIVE_PARTICIPATION';

export interface ApplicationRefusal {
  code: ApplicationRefusalCode;
  message: string;
}

export interface ApplicantFacts {
  employeeStatus: 'ACTIVE' | 'SEPARATED';
  /** The department's designation of the employee's current class on the application date. */
  currentClassDesignation: UmDesignation;
  hasOpenApplication: boolean;
  hasActiveParticipation: boolean;
}

/** Every reason to refuse the application (empty: it may be filed). */
export function applicationRefusals(facts: ApplicantFacts): ApplicationRefusal[] {
  const refusals: ApplicationRefusal[] = [];
  if (facts.employeeStatus !== 'ACTIVE') {
    refusals.push({ code: 'SEPARATED', message: 'the employee has separated from the department' });
  }
  if (!isUpwardMobilityMove(facts.currentClassDesignation, 'ELTPA')) {
    refusals.push({
      code: 'NOT_IN_ORIGIN_CLASS',
      message: `the employee's class is designated ${facts.currentClassDesignation}, not LPEL or BRIDGING`,
    });
  }
  if (facts.hasOpenApplication) {
    refusals.push({
      code: 'OPEN_APPLICATION',
      message: 'the employee already has an open application',
    });
  }
  if (facts.hasActiveParticipation) {
    refusals.push({
      code: 'ACTIVE_PARTICIPATION',
      message: 'the employee already takes part in the program',
    });
  }
  return refusals;
}

/**
 * Accepting needs the supervisor's acknowledgement when the employee has a supervisor: the
 * program relies on release time and assignments the supervisor has to know about. Waitlisting
 * or declining does not wait for it.
 */
export function acknowledgementMissing(
  decision: ApplicationDecision,
  hasSupervisor: boolean,
  acknowledged: boolean,
): boolean {
  return decision === 'ACCEPTED' && hasSupervisor && !acknowledged;
}
