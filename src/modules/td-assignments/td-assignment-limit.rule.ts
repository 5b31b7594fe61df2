/**
 * 2 CCR 438: training and development (T&D) assignments may total at most 24 months within any
 * 36-month period; for part-time employees, the equivalent of 4,159.92 hours (which is 24 months
 * of a full-time 173.33-hour month). So part-time days count in proportion to the time base:
 * a half-time day is half a full-time day.
 *
 * How months are measured: a month here is 1/12 of an average year, 365.25 / 12 = 30.4375 days,
 * and every figure is computed from whole days. Calendar months (28-31 days) cannot be summed
 * across several part-time, overlapping assignments without arbitrary rounding, whereas days can.
 * Consequences worth knowing:
 *   - the limit is 24 * 30.4375 = 730.5 full-time-equivalent days, so a full-time assignment can
 *     run 730 days; two calendar years that include a February 29 (731 days) are refused;
 *   - a 36-month window is 36 * 30.4375 = 1095.75 days; it holds every day that starts before the
 *     window ends, i.e. 1096 days. That is never shorter than a calendar 36-month period (1095 or
 *     1096 days), so no calendar period escapes the check.
 */
import { fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';

export const TD_LIMIT_MONTHS = 24;
export const TD_WINDOW_MONTHS = 36;
/** One month as 1/12 of an average (Julian) year, in days. See the file comment. */
export const DAYS_PER_MONTH = 365.25 / 12;
/** 2 CCR 438's part-time wording: the same 24 months expressed in paid hours. */
export const TD_LIMIT_PART_TIME_EQUIVALENT_HOURS = 4159.92;
export const HOURS_PER_FULL_TIME_MONTH = TD_LIMIT_PART_TIME_EQUIVALENT_HOURS / TD_LIMIT_MONTHS;

const LIMIT_FULL_TIME_DAYS = TD_LIMIT_MONTHS * DAYS_PER_MONTH;
const WINDOW_DAYS = Math.ceil(TD_WINDOW_MONTHS * DAYS_PER_MONTH);
/** Fractions such as 0.6 are not exact in binary; a sum equal to the limit must still pass. */
const ROUNDING_TOLERANCE_DAYS = 1e-9;

export interface TdAssignment {
  start: string;
  /** Inclusive; the planned end, or the actual one once the assignment ended early. */
  end: string;
  /** Share of a full-time time base: 1 = full-time, 0.5 = half-time. */
  timeBaseFraction: number;
}

export interface TdWindowUsage {
  months: number;
  windowStart: string;
  windowEnd: string;
}

export type TdAssignmentLimitCheck =
  | { ok: true; usedMonths: number }
  | {
      ok: false;
      limitMonths: typeof TD_LIMIT_MONTHS;
      windowMonths: typeof TD_WINDOW_MONTHS;
      /** Full-time-equivalent months in the fullest 36-month window touching the proposal. */
      usedMonths: number;
      windowStart: string;
      windowEnd: string;
      /**
       * Earliest start on or after the proposed start at which an assignment of the same length
       * and time base fits; null when it can never fit because it alone exceeds the limit.
       */
      earliestFittingStart: string | null;
    };

export class InvalidTdAssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTdAssignmentError';
  }
}

/** Months from `start` to `end`, both inclusive, at 30.4375 days a month. */
export function monthsBetween(start: string, end: string): number {
  return (toDayNumber(end) - toDayNumber(start) + 1) / DAYS_PER_MONTH;
}

/** Full-time-equivalent months of one assignment on its own: calendar months x time base. */
export function equivalentMonths(assignment: TdAssignment): number {
  assertValidAssignment(assignment);
  return monthsBetween(assignment.start, assignment.end) * assignment.timeBaseFraction;
}

export function equivalentHours(months: number): number {
  return months * HOURS_PER_FULL_TIME_MONTH;
}

/**
 * The fullest 36-month window over all assignments, or null when there are none.
 * Overlapping days count once, at the highest time base among the assignments covering them.
 */
export function maxEquivalentMonthsInAny36MonthWindow(
  assignments: readonly TdAssignment[],
): TdWindowUsage | null {
  assignments.forEach(assertValidAssignment);
  const timeline = buildTimeline(assignments);
  const best = fullestWindow(timeline, candidateWindowStarts(timeline, assignments));
  return best && toUsage(best);
}

/** Would `proposed` keep the employee within 24 months in every 36-month window it touches? */
export function checkTdAssignmentLimit(
  existing: readonly TdAssignment[],
  proposed: TdAssignment,
): TdAssignmentLimitCheck {
  existing.forEach(assertValidAssignment);
  assertValidAssignment(proposed);
  const proposedFirstDay = toDayNumber(proposed.start);
  const proposedLastDay = toDayNumber(proposed.end);

  const usage = fullestWindowTouching(existing, proposed);
  if (usage.fullTimeDays <= LIMIT_FULL_TIME_DAYS + ROUNDING_TOLERANCE_DAYS) {
    return { ok: true, usedMonths: usage.fullTimeDays / DAYS_PER_MONTH };
  }
  return {
    ok: false,
    limitMonths: TD_LIMIT_MONTHS,
    windowMonths: TD_WINDOW_MONTHS,
    ...toUsageFields(usage),
    earliestFittingStart: findEarliestFittingStart(
      existing,
      proposed,
      proposedLastDay - proposedFirstDay,
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Internals: a timeline of non-overlapping segments, measured in day numbers.
// ---------------------------------------------------------------------------------------------

interface Segment {
  firstDay: number;
  lastDay: number;
  fraction: number;
}

interface Window {
  firstDay: number;
  fullTimeDays: number;
}

/**
 * Merges assignments into non-overlapping segments. Where assignments overlap, the day counts
 * once at the highest time base: an employee cannot be on more than one full time base at once,
 * and overlapping records are usually an extension entered on top of the original.
 */
function buildTimeline(assignments: readonly TdAssignment[]): Segment[] {
  const spans = assignments.map((assignment) => ({
    firstDay: toDayNumber(assignment.start),
    lastDay: toDayNumber(assignment.end),
    fraction: assignment.timeBaseFraction,
  }));
  const boundaries = [...new Set(spans.flatMap((span) => [span.firstDay, span.lastDay + 1]))].sort(
    (a, b) => a - b,
  );

  const timeline: Segment[] = [];
  for (let i = 0; i < boundaries.length - 1; i += 1) {
    const firstDay = boundaries[i];
    const lastDay = boundaries[i + 1] - 1;
    const fraction = Math.max(
      0,
      ...spans
        .filter((span) => span.firstDay <= firstDay && firstDay <= span.lastDay)
        .map((span) => span.fraction),
    );
    if (fraction === 0) continue;
    const previous = timeline[timeline.length - 1];
    if (previous && previous.lastDay + 1 === firstDay && previous.fraction === fraction) {
      previous.lastDay = lastDay;
    } else {
      timeline.push({ firstDay, lastDay, fraction });
    }
  }
  return timeline;
}

function fullTimeDaysInWindow(timeline: readonly Segment[], windowFirstDay: number): number {
  const windowLastDay = windowFirstDay + WINDOW_DAYS - 1;
  let total = 0;
  for (const segment of timeline) {
    const overlap =
      Math.min(segment.lastDay, windowLastDay) - Math.max(segment.firstDay, windowFirstDay) + 1;
    if (overlap > 0) total += overlap * segment.fraction;
  }
  return total;
}

/**
 * Why these candidates are enough: sliding a window one day later adds the day after it and
 * drops its first day. Take the latest start at which the total is at its maximum. Sliding one
 * day later loses, so its first day weighs more than the day after the window. Sliding one day
 * earlier does not gain, so its last day weighs at least as much as the day before the window.
 * If the time base does not rise on its first day (no assignment starts there), the day before
 * weighs at least as much as the first day; chaining these, the last day weighs more than the
 * day after the window: the time base falls right after it, which only happens where an
 * assignment ends. So some fullest window starts at an assignment start or ends at an
 * assignment end, and checking those 2n windows replaces sliding through every day.
 * Start-aligned candidates come first so that ties report the window that starts with an
 * assignment, which is easier to read.
 */
function candidateWindowStarts(
  timeline: readonly Segment[],
  assignments: readonly TdAssignment[],
): number[] {
  if (timeline.length === 0) return [];
  const startAligned = assignments.map((assignment) => toDayNumber(assignment.start));
  const endAligned = assignments.map((assignment) => toDayNumber(assignment.end) - WINDOW_DAYS + 1);
  return [...new Set([...startAligned.sort((a, b) => a - b), ...endAligned.sort((a, b) => a - b)])];
}

function fullestWindow(
  timeline: readonly Segment[],
  windowStarts: readonly number[],
): Window | null {
  let best: Window | null = null;
  for (const firstDay of windowStarts) {
    const fullTimeDays = fullTimeDaysInWindow(timeline, firstDay);
    if (!best || fullTimeDays > best.fullTimeDays) best = { firstDay, fullTimeDays };
  }
  return best;
}

/**
 * Only windows that contain at least one day of the proposal matter: an old overrun elsewhere in
 * the history is not a reason to refuse this assignment. Restricting the windows to the range
 * that touches the proposal adds two more candidates (the argument above can stop at either edge
 * of that range): the window ending on the proposal's first day and the one starting on its last.
 */
function fullestWindowTouching(existing: readonly TdAssignment[], proposed: TdAssignment): Window {
  const all = [...existing, proposed];
  const timeline = buildTimeline(all);
  const proposedFirstDay = toDayNumber(proposed.start);
  const proposedLastDay = toDayNumber(proposed.end);
  const touchesProposal = (windowFirstDay: number): boolean =>
    windowFirstDay <= proposedLastDay && windowFirstDay + WINDOW_DAYS - 1 >= proposedFirstDay;
  const candidates = [
    ...candidateWindowStarts(timeline, all),
    proposedFirstDay - WINDOW_DAYS + 1,
    proposedLastDay,
  ].filter(touchesProposal);
  // The proposal's own start is always a candidate that touches it, so a window is always found.
  return fullestWindow(timeline, candidates) as Window;
}

/**
 * Tries each later start, one day at a time. Whether a start fits is not monotone (moving later
 * can run into another planned assignment), so the first fitting day has to be found by looking.
 * The search is bounded: once the proposal starts a full window after every existing assignment
 * has ended, no window can contain both, and only the proposal's own length matters.
 */
function findEarliestFittingStart(
  existing: readonly TdAssignment[],
  proposed: TdAssignment,
  lengthInDaysMinusOne: number,
): string | null {
  const ownFullestWindowDays =
    Math.min(lengthInDaysMinusOne + 1, WINDOW_DAYS) * proposed.timeBaseFraction;
  if (ownFullestWindowDays > LIMIT_FULL_TIME_DAYS + ROUNDING_TOLERANCE_DAYS) return null;

  const firstCandidate = toDayNumber(proposed.start);
  // Assignments that ended a full window before the proposal starts can never share a window.
  const relevant = existing.filter(
    (assignment) => toDayNumber(assignment.end) + WINDOW_DAYS > firstCandidate,
  );
  const latestExistingEnd = Math.max(
    firstCandidate,
    ...relevant.map((assignment) => toDayNumber(assignment.end)),
  );
  for (let firstDay = firstCandidate; firstDay <= latestExistingEnd + WINDOW_DAYS; firstDay += 1) {
    const shifted: TdAssignment = {
      start: fromDayNumber(firstDay),
      end: fromDayNumber(firstDay + lengthInDaysMinusOne),
      timeBaseFraction: proposed.timeBaseFraction,
    };
    const usage = fullestWindowTouching(relevant, shifted);
    if (usage.fullTimeDays <= LIMIT_FULL_TIME_DAYS + ROUNDING_TOLERANCE_DAYS) {
      return shifted.start;
    }
  }
  // Unreachable: past the loop bound the proposal shares no window with any existing assignment.
  throw new Error('T&D limit search ended without a fitting start');
}

function toUsage(window: Window): TdWindowUsage {
  const { usedMonths, windowStart, windowEnd } = toUsageFields(window);
  return { months: usedMonths, windowStart, windowEnd };
}

function toUsageFields(window: Window): {
  usedMonths: number;
  windowStart: string;
  windowEnd: string;
} {
  return {
    usedMonths: window.fullTimeDays / DAYS_PER_MONTH,
    windowStart: fromDayNumber(window.firstDay),
    windowEnd: fromDayNumber(window.firstDay + WINDOW_DAYS - 1),
  };
}

function assertValidAssignment(assignment: TdAssignment): void {
  if (toDayNumber(assignment.end) < toDayNumber(assignment.start)) {
    throw new InvalidTdAssignmentError(
      `T&D assignment ends (${assignment.end}) before it starts (${assignment.start})`,
    );
  }
  const fraction = assignment.timeBaseFraction;
  if (!Number.isFinite(fraction) || fraction <= 0 || fraction > 1) {
    throw new InvalidTdAssignmentError(
      `T&D assignment time base must be more than 0 and at most 1 (full-time), got ${fraction}`,
    );
  }
}
