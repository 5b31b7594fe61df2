/**
 * 2 CCR 438: an employee's written request to end a T&D assignment early must be granted within
 * 10 working days. This reads an assignment's request and actual end as that deadline's status.
 * Working days are Monday to Friday minus the holidays passed in (none by default: departments'
 * holiday calendars are not recorded yet).
 */
import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  TD_EARLY_END_RESPONSE_WORKING_DAYS,
  tdEarlyEndDecisionDueOn,
  workingDaysBetween,
} from '../program-calendar/working-days.rule';

export interface EarlyEndRequestStatus {
  requestedOn: string;
  /** The last day the request may be honoured on: 10 working days after it was made. */
  dueBy: string;
  /** The actual end date once recorded, else null. */
  honouredOn: string | null;
  /** Working days from the request to the actual end (null while not honoured). */
  workingDaysTaken: number | null;
  /** Honoured after the due date, or still not honoured once it has passed. */
  late: boolean;
}

export function earlyEndRequestStatus(
  requestedOn: string | null,
  actualEndDate: string | null,
  today: string,
  holidays: ReadonlySet<string> = new Set(),
): EarlyEndRequestStatus | null {
  if (requestedOn === null) return null;
  const dueBy = tdEarlyEndDecisionDueOn(requestedOn, holidays);
  if (actualEndDate === null) {
    return {
      requestedOn,
      dueBy,
      honouredOn: null,
      workingDaysTaken: null,
      late: toDayNumber(today) > toDayNumber(dueBy),
    };
  }
  // An end recorded on or before the request day took no working days.
  const workingDaysTaken = Math.max(0, workingDaysBetween(requestedOn, actualEndDate, holidays));
  return {
    requestedOn,
    dueBy,
    honouredOn: actualEndDate,
    workingDaysTaken,
    late: workingDaysTaken > TD_EARLY_END_RESPONSE_WORKING_DAYS,
  };
}
