/**
 * How a new appointment fits an employee's class history, and what it does to the employee's
 * current record. Pure functions over plain values.
 *
 * Decision on back-dated appointments (corrections, late paperwork), kept simple:
 * - An appointment may be dated before the latest one already recorded. Its "from" class is
 *   the class in force on its date, read from the history itself (see `classInForceOn`), not
 *   the employee's class today.
 * - Only an appointment dated on or after every recorded one ("the latest") changes the
 *   employee's current record (class, status, time base). An earlier one only fills in the
 *   history: the later appointments already decided where the employee is now, and rewriting
 *   them silently would be worse than asking the coordinator to record what happened next.
 */
import type { AppointmentType } from './appointment.entity';
import { isUpwardMobilityMove } from './upward-move.rule';
import type { UmDesignation } from './upward-move.rule';

/** One recorded appointment, as far as these rules need it. */
export interface HistoryStep {
  effectiveDate: string;
  fromClassificationId: string | null;
  toClassificationId: string | null;
}

/**
 * The class the employee held on `date`, just after the steps already recorded for that date:
 * the target of the last step on or before it; else, when every step is later, the class the
 * earliest later step moved the employee from; else (no history) the current class.
 * Steps without a target (a separation) do not change the class. `history` in recording order.
 */
export function classInForceOn(
  history: readonly HistoryStep[],
  currentClassificationId: string,
  date: string,
): string {
  const ordered = [...history].sort((a, b) => compareDates(a.effectiveDate, b.effectiveDate));
  let inForce: string | null = null;
  for (const step of ordered) {
    if (step.effectiveDate > date) break;
    if (step.toClassificationId !== null) inForce = step.toClassificationId;
  }
  if (inForce !== null) return inForce;
  const next = ordered.find((step) => step.effectiveDate > date && step.fromClassificationId);
  return next?.fromClassificationId ?? currentClassificationId;
}

/** Whether an appointment dated `date` is the latest: on or after every recorded one. */
export function isLatestAppointment(history: readonly HistoryStep[], date: string): boolean {
  return history.every((step) => step.effectiveDate <= date);
}

/**
 * Only a real change of class across the department's line counts (Gov Code 19402 counts
 * employees who moved). A training and development assignment is temporary (2 CCR 438) and is
 * not a move; the appointment into the class at its end is. A separation moves nobody.
 */
export function isUpwardMobilityAppointmentOfType(
  type: AppointmentType,
  from: UmDesignation,
  to: UmDesignation,
): boolean {
  if (type === 'TD_START' || type === 'TD_END' || type === 'SEPARATION') return false;
  return isUpwardMobilityMove(from, to);
}

export interface CurrentEmployment {
  classificationId: string;
  status: 'ACTIVE' | 'SEPARATED';
  separatedOn: string | null;
}

export type AppointmentEffect =
  { ok: true; employment: CurrentEmployment } | { ok: false; message: string };

/**
 * What the latest appointment makes of the employee's current record. A separation ends
 * employment on its date (the class stays as it was); a hire (or rehire) makes the employee
 * ACTIVE in the target class; any other appointment needs an ACTIVE employee.
 */
export function applyLatestAppointment(
  current: CurrentEmployment,
  appointment: { type: AppointmentType; effectiveDate: string; toClassificationId: string | null },
): AppointmentEffect {
  if (appointment.type === 'SEPARATION') {
    if (current.status === 'SEPARATED') {
      return { ok: false, message: 'The employee is already separated' };
    }
    return {
      ok: true,
      employment: { ...current, status: 'SEPARATED', separatedOn: appointment.effectiveDate },
    };
  }
  if (appointment.toClassificationId === null) {
    return { ok: false, message: `A ${appointment.type} needs a target class` };
  }
  if (appointment.type === 'HIRE') {
    return {
      ok: true,
      employment: {
        classificationId: appointment.toClassificationId,
        status: 'ACTIVE',
        separatedOn: null,
      },
    };
  }
  if (current.status === 'SEPARATED') {
    return {
      ok: false,
      message: `The employee is separated: record a HIRE before a ${appointment.type}`,
    };
  }
  return { ok: true, employment: { ...current, classificationId: appointment.toClassificationId } };
}

function compareDates(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
