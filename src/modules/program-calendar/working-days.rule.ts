/**
 * Working days: Monday to Friday, minus the holidays the caller passes in.
 *
 * Holidays come from the caller (a department's holiday calendar) rather than a built-in list:
 * state holidays move (observed dates, new holidays by statute), and a pure rule must not
 * silently go stale. Holidays are `YYYY-MM-DD` strings; they are validated so that a typo such
 * as `2025-7-4` fails loudly instead of being ignored.
 */
import { dayOfWeek, fromDayNumber, parseIsoDate, toDayNumber } from './fiscal-year.rule';

/**
 * 2 CCR 438: an employee's written request to end a training and development assignment early
 * must be granted within this many working days.
 */
export const TD_EARLY_END_RESPONSE_WORKING_DAYS = 10;

const SUNDAY = 0;
const SATURDAY = 6;
const NO_HOLIDAYS: ReadonlySet<string> = new Set();

export function isWorkingDay(date: string, holidays: ReadonlySet<string> = NO_HOLIDAYS): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== SUNDAY && weekday !== SATURDAY && !holidays.has(date);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). `date` itself is
 * never counted, so it may be a weekend or holiday: a request received on a Saturday still gets
 * its full 10 working days, starting Monday. `n = 0` returns `date` unchanged.
 */
export function addWorkingDays(
  date: string,
  n: number,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): string {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
  assertValidHolidays(holidays);
  const step = n < 0 ? -1 : 1;
  let dayNumber = toDayNumber(date);
  let remaining = Math.abs(n);
  while (remaining > 0) {
    dayNumber += step;
    if (isWorkingDay(fromDayNumber(dayNumber), holidays)) remaining -= 1;
  }
  return fromDayNumber(dayNumber);
}

/**
 * Working days after `from`, up to and including `to`. Counting this way makes it the inverse of
 * addWorkingDays: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for any n >= 0. When `to`
 * is before `from` the result is `-workingDaysBetween(to, from)`, so "how late is this" can be
 * compared with a limit without special cases.
 */
export function workingDaysBetween(
  from: string,
  to: string,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): number {
  assertValidHolidays(holidays);
  const fromDay = toDayNumber(from);
  const toDay = toDayNumber(to);
  if (toDay < fromDay) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  for (let dayNumber = fromDay + 1; dayNumber <= toDay; dayNumber += 1) {
    if (isWorkingDay(fromDayNumber(dayNumber), holidays)) count += 1;
  }
  return count;
}

/** Last day on which an early-end request for a T&D assignment may be granted (2 CCR 438). */
export function tdEarlyEndDecisionDueOn(
  requestReceivedOn: string,
  holidays: ReadonlySet<string> = NO_HOLIDAYS,
): string {
  return addWorkingDays(requestReceivedOn, TD_EARLY_END_RESPONSE_WORKING_DAYS, holidays);
}

function assertValidHolidays(holidays: ReadonlySet<string>): void {
  for (const holiday of holidays) parseIsoDate(holiday);
}
