/**
 * Calendar-month arithmetic on UTC day numbers (days since 1970-01-01, as `toDayNumber` in
 * program-calendar), tuned for evaluating tens of thousands of employees at once.
 *
 * The measure is exactly the one `monthsBetween` in td-assignments uses (its spec here checks
 * that, day by day): the days `anchor .. until - 1` count the whole calendar months from
 * `anchor` (same day of the month, clamped to the end of a shorter month), then the days left
 * over as a share of the month that follows on the same grid. So D .. the day before D + N
 * months is exactly N months, whatever the month lengths and leap years.
 *
 * Why not call `monthsBetween` itself: it takes ISO strings and builds `Date` objects for every
 * step, which costs microseconds per call; here the conversion is integer arithmetic
 * (Howard Hinnant's civil-date algorithms), so a batch of 60,000 employees stays well under a
 * second.
 */

export interface CivilDate {
  year: number;
  /** 1 = January. */
  month: number;
  day: number;
}

const DAYS_FROM_0000_03_01_TO_EPOCH = 719_468;
const DAYS_PER_ERA = 146_097;
/** Floating-point slack when comparing month totals such as 23.999999999 with 24. */
export const MONTHS_EPSILON = 1e-9;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInCalendarMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function civilFromDayNumber(dayNumber: number): CivilDate {
  const packed = packedCivil(dayNumber);
  const monthIndex = Math.floor(packed / 32);
  const year = Math.floor(monthIndex / 12);
  return { year, month: monthIndex - year * 12 + 1, day: packed - monthIndex * 32 };
}

/** Months since year 0 (year * 12 + month - 1) of a day, without allocating a date object. */
export function monthIndexOfDayNumber(dayNumber: number): number {
  return Math.floor(packedCivil(dayNumber) / 32);
}

/** (year * 12 + month - 1) * 32 + day: one number, so hot loops allocate nothing. */
function packedCivil(dayNumber: number): number {
  const z = dayNumber + DAYS_FROM_0000_03_01_TO_EPOCH;
  const era = Math.floor(z / DAYS_PER_ERA);
  const dayOfEra = z - era * DAYS_PER_ERA;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return (year * 12 + month - 1) * 32 + day;
}

export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * DAYS_PER_ERA + dayOfEra - DAYS_FROM_0000_03_01_TO_EPOCH;
}

/** `YYYY-MM-DD` for a day number, without building a Date. */
export function isoFromDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The day `months` calendar months after `date`, same day of the month, clamped. */
export function addMonthsToCivil(date: CivilDate, months: number): number {
  const monthIndex = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return dayNumberFromCivil(year, month, Math.min(date.day, daysInCalendarMonth(year, month)));
}

/**
 * Months in the days `anchor .. until - 1` on the month grid laid out from `anchor`
 * (0 when `until <= anchor`). `anchorDate` is `civilFromDayNumber(anchor)`, passed in so that a
 * caller measuring many spans from one anchor converts it once.
 */
export function monthsFromAnchor(anchor: number, anchorDate: CivilDate, until: number): number {
  if (until <= anchor) return 0;
  let wholeMonths = monthIndexOfDayNumber(until) - (anchorDate.year * 12 + anchorDate.month - 1);
  let monthStart = addMonthsToCivil(anchorDate, wholeMonths);
  if (monthStart > until) {
    wholeMonths -= 1;
    monthStart = addMonthsToCivil(anchorDate, wholeMonths);
  }
  const nextMonthStart = addMonthsToCivil(anchorDate, wholeMonths + 1);
  return wholeMonths + (until - monthStart) / (nextMonthStart - monthStart);
}

/** Calendar months from `first` to `last`, both inclusive: the same value as `monthsBetween`. */
export function monthsInclusive(first: number, last: number): number {
  return monthsFromAnchor(first, civilFromDayNumber(first), last + 1);
}

/**
 * The smallest `until` with `monthsFromAnchor(anchor, anchorDate, until) >= months` (within
 * rounding), i.e. the day after the last day needed. `months` must be positive.
 */
export function untilReachingMonths(anchorDate: CivilDate, months: number): number {
  const wholeMonths = Math.floor(months + MONTHS_EPSILON);
  const monthStart = addMonthsToCivil(anchorDate, wholeMonths);
  const share = Math.max(0, months - wholeMonths);
  if (share === 0) return monthStart;
  const monthLength = addMonthsToCivil(anchorDate, wholeMonths + 1) - monthStart;
  // A share that is a whole number of days up to rounding (e.g. 15/28 * 28) must not round up.
  return monthStart + Math.max(0, Math.ceil(share * monthLength - 1e-6));
}
