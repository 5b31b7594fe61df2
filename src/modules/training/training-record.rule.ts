/**
 * What a training record must satisfy before it is saved, and the department's state-time cap.
 * Pure: no Nest, no TypeORM; the service turns the problems into a 400 naming each field.
 */
import { parseIsoDate, toDayNumber } from '../program-calendar/fiscal-year.rule';

export const MAX_TRAINING_HOURS = 2000;
/** Hours are reported in quarter hours (15 minutes), as on a timesheet. */
export const HOURS_STEP = 0.25;
/** numeric(4,1): a college course carries at most 999.9 semester units; sensible courses far less. */
export const MAX_SEMESTER_UNITS = 99.9;
/** Binary floating point cannot hold 0.1 exactly: compare multiples with a small tolerance. */
const EPSILON = 1e-9;

export interface TrainingProblem {
  field: string;
  message: string;
}

export interface TrainingRecordInput {
  kind: string;
  hours: number;
  semesterUnits?: number | null;
  startDate: string;
  completionDate: string;
}

function isMultipleOf(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) < EPSILON;
}

/** Null when the hours are acceptable, else why not. */
export function hoursProblem(hours: number): string | null {
  if (!Number.isFinite(hours) || hours <= 0) return 'must be more than 0';
  if (hours > MAX_TRAINING_HOURS + EPSILON) return `must be at most ${MAX_TRAINING_HOURS}`;
  if (!isMultipleOf(hours, HOURS_STEP)) {
    return 'must be in quarter hours (e.g. 1, 1.25, 1.5 or 1.75)';
  }
  return null;
}

function semesterUnitsProblem(kind: string, units: number | null | undefined): string | null {
  const given = units !== undefined && units !== null;
  if (kind !== 'COLLEGE_COURSE') {
    return given ? 'only a COLLEGE_COURSE carries semester units' : null;
  }
  if (!given) return 'is required for a COLLEGE_COURSE';
  if (!Number.isFinite(units) || units <= 0) return 'must be more than 0';
  if (units > MAX_SEMESTER_UNITS + EPSILON) return `must be at most ${MAX_SEMESTER_UNITS}`;
  if (!isMultipleOf(units, 0.1)) return 'must have at most one decimal place';
  return null;
}

function isRealDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every problem with the input, field by field. `today` is the current date in California: a
 * training record reports something already completed, so it cannot complete in the future.
 */
export function trainingRecordProblems(
  input: TrainingRecordInput,
  today: string,
): TrainingProblem[] {
  const problems: TrainingProblem[] = [];
  const hours = hoursProblem(input.hours);
  if (hours) problems.push({ field: 'hours', message: hours });
  const units = semesterUnitsProblem(input.kind, input.semesterUnits);
  if (units) problems.push({ field: 'semesterUnits', message: units });
  const startValid = isRealDate(input.startDate);
  const completionValid = isRealDate(input.completionDate);
  if (!startValid) problems.push({ field: 'startDate', message: 'must be a real date' });
  if (!completionValid) problems.push({ field: 'completionDate', message: 'must be a real date' });
  if (startValid && completionValid) {
    if (toDayNumber(input.completionDate) < toDayNumber(input.startDate)) {
      problems.push({ field: 'completionDate', message: 'must not be before startDate' });
    } else if (toDayNumber(input.completionDate) > toDayNumber(today)) {
      problems.push({
        field: 'completionDate',
        message: `must not be in the future (today is ${today})`,
      });
    }
  }
  return problems;
}

/**
 * Whether this record takes the employee's state-time (paid) training hours for the fiscal year
 * past the department's cap. `otherStateTimeHours` are the employee's other state-time hours that
 * fiscal year that still count (REPORTED or VERIFIED, never REJECTED). A null cap means none.
 * Exceeding the cap is allowed: the record is flagged for the coordinator, not refused.
 */
export function exceedsStateTimeCap(
  capHours: number | null,
  otherStateTimeHours: number,
  record: { hours: number; onStateTime: boolean },
): boolean {
  if (!record.onStateTime || capHours === null) return false;
  return otherStateTimeHours + record.hours > capHours + EPSILON;
}
