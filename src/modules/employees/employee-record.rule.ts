/**
 * Consistency rules of an employee record that are not a single field's format: the time base
 * and its fraction, and employment status with its separation date. Pure functions: they return
 * the problems (field + message) and the service turns them into a 400.
 */
import type { EmployeeStatus, TimeBase } from './employee.entity';

export interface RecordProblem {
  field: string;
  message: string;
}

export type TimeBaseResult = { ok: true; fraction: number } | { ok: false; problem: RecordProblem };

/**
 * The fraction a time base implies: FULL_TIME is 1 and INTERMITTENT 0 (either may be sent, but
 * only with that value); PART_TIME needs the fraction itself, strictly between 0 and 1.
 */
export function resolveTimeBase(timeBase: TimeBase, fraction: number | undefined): TimeBaseResult {
  const field = 'timeBaseFraction';
  switch (timeBase) {
    case 'FULL_TIME':
      if (fraction !== undefined && fraction !== 1) {
        return { ok: false, problem: { field, message: 'must be 1 for FULL_TIME' } };
      }
      return { ok: true, fraction: 1 };
    case 'INTERMITTENT':
      if (fraction !== undefined && fraction !== 0) {
        return { ok: false, problem: { field, message: 'must be 0 for INTERMITTENT' } };
      }
      return { ok: true, fraction: 0 };
    case 'PART_TIME':
      if (fraction === undefined) {
        return { ok: false, problem: { field, message: 'is required for PART_TIME' } };
      }
      if (!(fraction > 0 && fraction < 1)) {
        return {
          ok: false,
          problem: { field, message: 'must be between 0 and 1 (exclusive) for PART_TIME' },
        };
      }
      return { ok: true, fraction };
  }
}

/** The time base a fraction stands for (an appointment gives only the fraction). */
export function timeBaseForFraction(fraction: number): TimeBase {
  if (fraction >= 1) return 'FULL_TIME';
  if (fraction <= 0) return 'INTERMITTENT';
  return 'PART_TIME';
}

/**
 * A SEPARATED employee has a separation date, on or after the hire date; an ACTIVE one has none.
 * Dates are `YYYY-MM-DD`, so they compare as text.
 */
export function employmentStatusProblems(record: {
  status: EmployeeStatus;
  separatedOn: string | null;
  hireDate: string;
}): RecordProblem[] {
  if (record.status === 'ACTIVE') {
    return record.separatedOn === null
      ? []
      : [{ field: 'separatedOn', message: 'must be empty while the employee is ACTIVE' }];
  }
  if (record.separatedOn === null) {
    return [{ field: 'separatedOn', message: 'is required when status is SEPARATED' }];
  }
  if (record.separatedOn < record.hireDate) {
    return [{ field: 'separatedOn', message: 'must not be before hireDate' }];
  }
  return [];
}
