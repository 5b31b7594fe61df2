/**
 * 2 CCR 438: training and development (T&D) assignments may total at most 24 months within any
 * 36-month period; for part-time employees, the equivalent of 4,159.92 hours (which is 24 months
 * of a full-time 173.33-hour month). So part-time days count in proportion to the time base:
 * a half-time day is half a full-time day.
 *
 * How months are measured: in calendar months, so that a span from a date D to the day before
 * D + N calendar months is exactly N months whatever the month lengths and leap years
 * (2023-07-01..2025-06-30 is 24 months although it holds February 29, 2024, and 731 days).
 *   - Adding months keeps the day of the month and clamps it to the end of a shorter month
 *     (January 31 + 1 month = February 28), like addCalendarMonths in career-conversations.
 *   - A span counts the whole calendar months from its first day, then the days left over as a
 *     fraction of the month that follows: 2025-01-15..2025-03-01 is 1 month (to 02-14) plus
 *     15 days of the 28-day month 02-15..03-14, i.e. 1 + 15/28 months. One day past an exact
 *     number of months therefore always counts a little more than that number.
 *   - Within a 36-month window, the T&D days are counted in calendar months from the first
 *     T&D day in the window: months are laid out from that day (day, day + 1 month, ...) and
 *     each T&D day weighs its time base times 1 / the length of the month it falls in. So a
 *     single span counts exactly as above however it is split into records, a change of time
 *     base only changes the weight of its days, and the assignments in one window are all
 *     counted on the same months, so that the days a sliding window drops and gains weigh
 *     alike. (An assignment after a gap may count a few hundredths of a month more or less
 *     than on its own, depending on how its days fall on those months.)
 *   - A 36-month window starting on S runs to the day before S + 36 calendar months
 *     (1095 or 1096 days); full-time throughout, it holds exactly 36 months.
 */
import { daysInMonth, fromDayNumber, toDayNumber } from '../program-calendar/fiscal-year.rule';

export const TD_LIMIT_MONTHS = 24;
export const TD_WINDOW_MONTHS = 36;
/** 2 CCR 438's part-time wording: the same 24 months expressed in paid hours. */
export const TD_LIMIT_PART_TIME_EQUIVALENT_HOURS = 4159.92;
export const HOURS_PER_FULL_TIME_MONTH = TD_LIMIT_PART_TIME_EQUIVALENT_HOURS / TD_LIMIT_MONTHS;

const MS_PER_DAY = 86_400_000;
/** 36 calendar months never hold more than 1,096 days (three years and one February 29). */
const MAX_WINDOW_DAYS = 1096;
/**
 * How many months a span of given whole months and extra days counts depends only on the day
 * and month it starts on and on whether the February near its end, if any, is a leap one. Leap
 * years are at most 8 years apart, so any 9 years of starts show every case that ever occurs.
 */
const CALENDAR_PATTERN_DAYS = 9 * 366;
/** Fractions such as 0.6 are not exact in binary; a sum equal to the limit must still pass. */
const ROUNDING_TOLERANCE_MONTHS = 1e-9;

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
       * (the same whole calendar months plus the same extra days) and time base fits; null when
       * it can never fit because it alone exceeds the limit.
       */
      earliestFittingStart: string | null;
    };

export class InvalidTdAssignmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidTdAssignmentError';
  }
}

/** Calendar months from `start` to `end`, both inclusive (see the file comment). */
export function monthsBetween(start: string, end: string): number {
  const firstDay = toDayNumber(start);
  const lastDay = toDayNumber(end);
  if (lastDay < firstDay) {
    throw new InvalidTdAssignmentError(`Period ends (${end}) before it starts (${start})`);
  }
  return monthsFrom(firstDay, lastDay + 1);
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
 * Among equally full windows, the one starting earliest on a T&D day is reported.
 */
export function maxEquivalentMonthsInAny36MonthWindow(
  assignments: readonly TdAssignment[],
): TdWindowUsage | null {
  const timeline = buildTimeline(assignments.map(toSpan));
  const best = fullestWindow(timeline, -Infinity, Infinity);
  return best && toUsage(best);
}

/** Would `proposed` keep the employee within 24 months in every 36-month window it touches? */
export function checkTdAssignmentLimit(
  existing: readonly TdAssignment[],
  proposed: TdAssignment,
): TdAssignmentLimitCheck {
  const existingSpans = existing.map(toSpan);
  const proposedSpan = toSpan(proposed);

  const usage = fullestWindowTouching(
    buildTimeline([...existingSpans, proposedSpan]),
    proposedSpan,
  );
  if (usage.months <= TD_LIMIT_MONTHS + ROUNDING_TOLERANCE_MONTHS) {
    return { ok: true, usedMonths: usage.months };
  }
  const { months: usedMonths, windowStart, windowEnd } = toUsage(usage);
  return {
    ok: false,
    limitMonths: TD_LIMIT_MONTHS,
    windowMonths: TD_WINDOW_MONTHS,
    usedMonths,
    windowStart,
    windowEnd,
    earliestFittingStart: findEarliestFittingStart(existingSpans, proposedSpan),
  };
}

// ---------------------------------------------------------------------------------------------
// Internals: calendar months on day numbers.
// ---------------------------------------------------------------------------------------------

interface CalendarDay {
  year: number;
  /** 0 = January, as in Date.UTC. */
  monthIndex: number;
  day: number;
}

function calendarDay(dayNumber: number): CalendarDay {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return { year: utc.getUTCFullYear(), monthIndex: utc.getUTCMonth(), day: utc.getUTCDate() };
}

/** Same day of the month, `months` later, clamped to the end of a shorter month. */
function addMonths(date: CalendarDay, months: number): number {
  const totalMonths = date.year * 12 + date.monthIndex + months;
  const year = Math.floor(totalMonths / 12);
  const monthIndex = totalMonths - year * 12;
  const day = Math.min(date.day, daysInMonth(year, monthIndex + 1));
  return Date.UTC(year, monthIndex, day) / MS_PER_DAY;
}

function windowLastDay(windowFirstDay: number): number {
  return addMonths(calendarDay(windowFirstDay), TD_WINDOW_MONTHS) - 1;
}

/**
 * Months from the start of day `anchor` to the start of day `until` (so the days anchor ..
 * until - 1): whole calendar months counted from `anchor`, then the remaining days as a share
 * of the next month on the same grid (from anchor + k months to anchor + k + 1 months).
 */
function monthsFrom(anchor: number, until: number): number {
  const { wholeMonths, extraDays, nextMonthDays } = wholeMonthsAndDays(anchor, until);
  return wholeMonths + extraDays / nextMonthDays;
}

function wholeMonthsAndDays(
  anchor: number,
  until: number,
): { wholeMonths: number; extraDays: number; nextMonthDays: number } {
  const from = calendarDay(anchor);
  const to = calendarDay(until);
  let wholeMonths = (to.year - from.year) * 12 + (to.monthIndex - from.monthIndex);
  let monthStart = addMonths(from, wholeMonths);
  if (monthStart > until) {
    wholeMonths -= 1;
    monthStart = addMonths(from, wholeMonths);
  }
  const nextMonthStart = addMonths(from, wholeMonths + 1);
  return {
    wholeMonths,
    extraDays: until - monthStart,
    nextMonthDays: nextMonthStart - monthStart,
  };
}

// ---------------------------------------------------------------------------------------------
// Internals: assignments as spans of day numbers, merged into a timeline of non-overlapping
// segments.
// ---------------------------------------------------------------------------------------------

interface Span {
  firstDay: number;
  lastDay: number;
  fraction: number;
}

interface Window {
  firstDay: number;
  months: number;
}

function toSpan(assignment: TdAssignment): Span {
  assertValidAssignment(assignment);
  return {
    firstDay: toDayNumber(assignment.start),
    lastDay: toDayNumber(assignment.end),
    fraction: assignment.timeBaseFraction,
  };
}

/**
 * Merges spans into non-overlapping, sorted segments. Where assignments overlap, the day counts
 * once at the highest time base: an employee cannot be on more than one full time base at once,
 * and overlapping records are usually an extension entered on top of the original.
 */
function buildTimeline(spans: readonly Span[]): Span[] {
  const boundaries = [...new Set(spans.flatMap((span) => [span.firstDay, span.lastDay + 1]))].sort(
    (a, b) => a - b,
  );

  const timeline: Span[] = [];
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

/** Full-time-equivalent months in the window starting on `windowFirstDay` (file comment). */
function monthsInWindow(timeline: readonly Span[], windowFirstDay: number): number {
  const lastDayInWindow = windowLastDay(windowFirstDay);
  let total = 0;
  let firstTdDay: number | null = null;
  for (const segment of timeline) {
    const firstDay = Math.max(segment.firstDay, windowFirstDay);
    const lastDay = Math.min(segment.lastDay, lastDayInWindow);
    if (firstDay > lastDay) continue;
    firstTdDay ??= firstDay;
    total +=
      segment.fraction * (monthsFrom(firstTdDay, lastDay + 1) - monthsFrom(firstTdDay, firstDay));
  }
  return total;
}

/**
 * Which windows are tried: every window starting on a T&D day between `fromDay` and `toDay`.
 *
 * Trying only windows that start at an assignment start or end at an assignment end is not
 * enough with calendar months: a window is counted from its first day, and how much the days
 * weigh depends on where that day falls in the calendar (for instance 01-28..02-27 and
 * 01-31..02-27 are both exactly one month), so the fullest window can start on any day inside
 * an assignment. A window starting on a day without T&D, on the other hand, never needs trying:
 * it is counted from its first T&D day, like the window starting on that day, which ends no
 * earlier and so holds all it holds (and that day is still in range as long as `toDay` is
 * itself a T&D day or beyond the last one). That is one window per T&D day, each summed over a
 * handful of segments: fast enough for one employee's assignments.
 */
function windowStarts(timeline: readonly Span[], fromDay: number, toDay: number): number[] {
  const starts: number[] = [];
  for (const segment of timeline) {
    const last = Math.min(segment.lastDay, toDay);
    for (let day = Math.max(segment.firstDay, fromDay); day <= last; day += 1) starts.push(day);
  }
  return starts;
}

/** The fullest window; the earliest-starting of equally full ones, so reports are stable. */
function fullestWindow(timeline: readonly Span[], fromDay: number, toDay: number): Window | null {
  let best: Window | null = null;
  for (const firstDay of windowStarts(timeline, fromDay, toDay)) {
    const months = monthsInWindow(timeline, firstDay);
    if (!best || months > best.months + ROUNDING_TOLERANCE_MONTHS) best = { firstDay, months };
  }
  return best;
}

/**
 * Only windows that contain at least one day of the proposal matter: an old overrun elsewhere in
 * the history is not a reason to refuse this assignment. Those are the windows starting from
 * the first one that reaches the proposal's first day (window ends never move back as starts
 * move on) to the one starting on the proposal's last day, which is a T&D day.
 */
function windowsTouching(proposed: Span): { fromDay: number; toDay: number } {
  let fromDay = proposed.firstDay - MAX_WINDOW_DAYS + 1;
  while (windowLastDay(fromDay) < proposed.firstDay) fromDay += 1;
  return { fromDay, toDay: proposed.lastDay };
}

function fullestWindowTouching(timeline: readonly Span[], proposed: Span): Window {
  const { fromDay, toDay } = windowsTouching(proposed);
  // The window starting with the proposal touches it, so a window is always found.
  return fullestWindow(timeline, fromDay, toDay) as Window;
}

/**
 * A window touching the proposal that is over the limit, or null. Windows are tried outwards
 * from `hint` (the one found for the previous start), where one is most likely to be found.
 */
function windowOverLimit(
  timeline: readonly Span[],
  proposed: Span,
  hint: number | null,
): number | null {
  const { fromDay, toDay } = windowsTouching(proposed);
  const starts = windowStarts(timeline, fromDay, toDay);
  const isOver = (firstDay: number): boolean =>
    monthsInWindow(timeline, firstDay) > TD_LIMIT_MONTHS + ROUNDING_TOLERANCE_MONTHS;
  let after = hint === null ? 0 : starts.findIndex((firstDay) => firstDay >= hint);
  if (after === -1) after = starts.length;
  for (let before = after - 1; before >= 0 || after < starts.length; before -= 1, after += 1) {
    if (after < starts.length && isOver(starts[after])) return starts[after];
    if (before >= 0 && isOver(starts[before])) return starts[before];
  }
  return null;
}

/**
 * The proposal moved to start on `firstDay`, keeping its length in calendar terms: the same
 * whole months from its start, then the same number of extra days.
 */
function shiftedProposal(proposed: Span): (firstDay: number) => Span {
  const { wholeMonths, extraDays } = wholeMonthsAndDays(proposed.firstDay, proposed.lastDay + 1);
  return (firstDay) => ({
    firstDay,
    lastDay: addMonths(calendarDay(firstDay), wholeMonths) + extraDays - 1,
    fraction: proposed.fraction,
  });
}

/**
 * Whether a span fits on its own. Its fullest window is the one starting with it: counted from
 * its own first day, a span never weighs less than any later part of it counted from that
 * part's first day, and any window it fills weighs exactly 36 months.
 */
function fitsAlone(span: Span): boolean {
  const lastDay = Math.min(span.lastDay, windowLastDay(span.firstDay));
  const months = monthsFrom(span.firstDay, lastDay + 1) * span.fraction;
  return months <= TD_LIMIT_MONTHS + ROUNDING_TOLERANCE_MONTHS;
}

/**
 * Tries each later start, one day at a time. Whether a start fits is not monotone (moving later
 * can run into another planned assignment), so the first fitting day has to be found by looking.
 * The window that was over the limit for one start is tried first for the next, so a refused
 * start usually costs a single window. The search is bounded: once the proposal starts more
 * than a window after every existing assignment has ended, no window holds both, and only its
 * own length matters. That depends on where it falls in the calendar (a February in its last
 * month, for instance), but any 9 years of starts show every case, so searching 9 more years
 * settles whether it can ever fit.
 */
function findEarliestFittingStart(existing: readonly Span[], proposed: Span): string | null {
  const shiftTo = shiftedProposal(proposed);
  // Assignments that ended a full window before the proposal starts can never share a window.
  const relevant = existing.filter((span) => span.lastDay + MAX_WINDOW_DAYS > proposed.firstDay);
  const aloneFromDay =
    Math.max(proposed.firstDay, ...relevant.map((span) => span.lastDay)) + MAX_WINDOW_DAYS;

  let hint: number | null = null;
  for (
    let firstDay = proposed.firstDay;
    firstDay < aloneFromDay + CALENDAR_PATTERN_DAYS;
    firstDay += 1
  ) {
    const shifted = shiftTo(firstDay);
    if (!fitsAlone(shifted)) continue;
    if (firstDay >= aloneFromDay) return fromDayNumber(firstDay);
    hint = windowOverLimit(buildTimeline([...relevant, shifted]), shifted, hint);
    if (hint === null) return fromDayNumber(firstDay);
  }
  return null;
}

function toUsage(window: Window): TdWindowUsage {
  return {
    months: window.months,
    windowStart: fromDayNumber(window.firstDay),
    windowEnd: fromDayNumber(windowLastDay(window.firstDay)),
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
