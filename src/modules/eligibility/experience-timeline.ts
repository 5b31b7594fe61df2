/**
 * Months of qualifying experience from an employee's appointments and T&D assignments, worked
 * out on intervals (never day by day), and the date a requirement will be met if the recorded
 * periods continue.
 *
 * How a day counts:
 * - Each day is credited to at most one period, so nothing is counted twice. On a day covered
 *   by a T&D assignment whose class qualifies, the T&D assignment counts (the one with the
 *   highest time base if several overlap); otherwise the regular appointment counts if its class
 *   qualifies. Should appointments overlap (they should not: an appointment ends where the next
 *   begins), the later-starting one is in force.
 * - A day weighs the time base of the period it is credited to: a half-time day is half a day.
 * - Months are calendar months, as in `monthsBetween` (td-assignments): each unbroken run of
 *   qualifying days is laid on a month grid from its own first day, and each day weighs its time
 *   base / the length of its month on that grid. So D .. the day before D + N months, full-time,
 *   is exactly N months however it is split into records (a change of class or of time base
 *   within a run only changes the weight of its days), and separate runs simply add up.
 * - Days up to and including the as-of date count. After it, the appointment in force on the
 *   as-of date continues at the employee's current time base (`facts.timeBaseFraction`), then
 *   any later recorded appointment and planned T&D assignment as recorded, and an open-ended
 *   appointment runs on for ever: that is what a projected date assumes.
 */
import {
  CivilDate,
  civilFromDayNumber,
  isoFromDayNumber,
  MONTHS_EPSILON,
  monthsFromAnchor,
  untilReachingMonths,
} from './calendar-months';
import type { ExperiencePeriod, PreparedFacts } from './employee-facts';

/** Days with the same covering periods; slices follow each other, with gaps where none cover. */
interface Slice {
  firstDay: number;
  /** Inclusive; Infinity for the last slice of an open-ended appointment. */
  lastDay: number;
  /** After the as-of date. */
  future: boolean;
  /** Index into `periods` of the regular appointment in force, or -1. */
  appointment: number;
  /** Indexes into `periods` of the T&D assignments covering the slice. */
  tdAssignments: readonly number[];
}

export interface ExperienceTimeline {
  asOfDay: number;
  periods: ExperiencePeriod[];
  /** Time base of each period's days after the as-of date. */
  futureFractions: number[];
  slices: Slice[];
}

/** What one appointment or T&D assignment contributed, up to the as-of date. */
export interface ExperienceSource {
  type: 'APPOINTMENT' | 'TD_ASSIGNMENT';
  /** Position in the facts' `appointments` or `tdAssignments`. */
  index: number;
  classCode: string;
  /** First and last day counted (never after the as-of date). */
  start: string;
  end: string;
  /** The period runs on past the as-of date and is counted through it. */
  ongoing: boolean;
  timeBaseFraction: number;
  months: number;
}

/** Where counting stopped at the as-of date, so that a projection carries on from there. */
export interface RunState {
  /** Months counted so far. */
  total: number;
  /** First day of the run being counted, as a day number and as a date. */
  anchor: number;
  anchorDate: CivilDate;
  /** Months of that run so far, on its own month grid. */
  runMonths: number;
  lastCountedDay: number;
  /** The first slice after the as-of date. */
  nextSlice: number;
}

export interface ExperienceCount {
  /** Full-time-equivalent calendar months up to and including the as-of date. */
  months: number;
  /** In order of the first day counted. */
  sources: ExperienceSource[];
  /** For `projectExperience`. */
  readonly atAsOf: Readonly<RunState>;
}

const NO_TD_ASSIGNMENTS: readonly number[] = [];

export function buildExperienceTimeline(
  prepared: PreparedFacts,
  asOfDay: number,
): ExperienceTimeline {
  const { periods } = prepared;
  const currentTimeBase = prepared.facts.timeBaseFraction;
  const futureFractions: number[] = [];
  const boundaries: number[] = [asOfDay + 1];
  for (const period of periods) {
    const current =
      period.source === 'APPOINTMENT' && period.firstDay <= asOfDay && asOfDay <= period.lastDay;
    futureFractions.push(current ? currentTimeBase : period.timeBaseFraction);
    boundaries.push(period.firstDay);
    if (period.lastDay !== Infinity) boundaries.push(period.lastDay + 1);
  }
  boundaries.sort(byNumber);

  const slices: Slice[] = [];
  for (let i = 0; i < boundaries.length; i += 1) {
    const firstDay = boundaries[i];
    if (i > 0 && firstDay === boundaries[i - 1]) continue;
    let next = i + 1;
    while (next < boundaries.length && boundaries[next] === firstDay) next += 1;
    const lastDay = next < boundaries.length ? boundaries[next] - 1 : Infinity;
    let appointment = -1;
    let tdAssignments = NO_TD_ASSIGNMENTS;
    for (let index = 0; index < periods.length; index += 1) {
      const period = periods[index];
      if (period.firstDay > firstDay || firstDay > period.lastDay) continue;
      if (period.source === 'TD_ASSIGNMENT') {
        tdAssignments = tdAssignments === NO_TD_ASSIGNMENTS ? [index] : [...tdAssignments, index];
      } else if (appointment === -1 || period.firstDay >= periods[appointment].firstDay) {
        appointment = index;
      }
    }
    if (appointment === -1 && tdAssignments.length === 0) continue;
    slices.push({ firstDay, lastDay, future: firstDay > asOfDay, appointment, tdAssignments });
  }
  return { asOfDay, periods, futureFractions, slices };
}

function byNumber(a: number, b: number): number {
  return a - b;
}

/**
 * Months credited, up to and including the as-of date, to periods whose class qualifies
 * (`qualifies[i]` for `periods[i]`). `formatDate` turns day numbers into `YYYY-MM-DD` (a batch
 * passes one that remembers).
 */
export function countExperience(
  timeline: ExperienceTimeline,
  qualifies: readonly boolean[],
  formatDate: (dayNumber: number) => string = isoFromDayNumber,
): ExperienceCount {
  const { periods, slices, asOfDay } = timeline;
  const creditedMonths: number[] = [];
  const firstCredited: number[] = [];
  const lastCredited: number[] = [];
  for (let index = 0; index < periods.length; index += 1) {
    creditedMonths.push(0);
    firstCredited.push(Infinity);
    lastCredited.push(-Infinity);
  }

  const state: RunState = {
    total: 0,
    anchor: Number.NaN,
    anchorDate: NO_DATE,
    runMonths: 0,
    lastCountedDay: Number.NaN,
    nextSlice: slices.length,
  };
  for (let i = 0; i < slices.length; i += 1) {
    const slice = slices[i];
    if (slice.future) {
      state.nextSlice = i;
      break;
    }
    const chosen = creditedPeriod(timeline, slice, qualifies);
    if (chosen === -1) continue;
    const runMonthsAtEnd = runMonthsAtEndOf(state, slice);
    const gained = periods[chosen].timeBaseFraction * (runMonthsAtEnd - state.runMonths);
    state.total += gained;
    state.runMonths = runMonthsAtEnd;
    state.lastCountedDay = slice.lastDay;
    creditedMonths[chosen] += gained;
    if (slice.firstDay < firstCredited[chosen]) firstCredited[chosen] = slice.firstDay;
    if (slice.lastDay > lastCredited[chosen]) lastCredited[chosen] = slice.lastDay;
  }

  // Sources in order of their first counted day (insertion sort: a handful of periods).
  let months = 0;
  const credited: number[] = [];
  for (let index = 0; index < periods.length; index += 1) {
    if (lastCredited[index] < firstCredited[index]) continue;
    months += creditedMonths[index];
    let at = credited.length;
    while (at > 0 && firstCredited[credited[at - 1]] > firstCredited[index]) at -= 1;
    credited.splice(at, 0, index);
  }
  const sources: ExperienceSource[] = [];
  for (const index of credited) {
    const period = periods[index];
    sources.push({
      type: period.source,
      index: period.index,
      classCode: period.classCode,
      start: formatDate(firstCredited[index]),
      end: formatDate(lastCredited[index]),
      ongoing: lastCredited[index] === asOfDay && period.lastDay > asOfDay,
      timeBaseFraction: period.timeBaseFraction,
      months: creditedMonths[index],
    });
  }
  return { months, sources, atAsOf: state };
}

/**
 * The first day after the as-of date on which `targetMonths` is reached if the recorded periods
 * continue (see the file comment), or null if they never reach it. `count` is what
 * `countExperience` returned for the same `qualifies`.
 */
export function projectExperience(
  timeline: ExperienceTimeline,
  qualifies: readonly boolean[],
  count: ExperienceCount,
  targetMonths: number,
  formatDate: (dayNumber: number) => string = isoFromDayNumber,
): string | null {
  const state: RunState = { ...count.atAsOf };
  const slices = timeline.slices;
  for (let i = state.nextSlice; i < slices.length; i += 1) {
    if (!stillNeeded(state.total, targetMonths)) return null;
    const slice = slices[i];
    const chosen = creditedPeriod(timeline, slice, qualifies);
    if (chosen === -1) continue;
    const weight = timeline.futureFractions[chosen];
    const runMonthsAtEnd = runMonthsAtEndOf(state, slice);
    const gained = weight * (runMonthsAtEnd - state.runMonths);
    if (state.total + gained >= targetMonths - MONTHS_EPSILON) {
      // Reached within this slice: on the day the run's own months reach the rest.
      const runMonths = state.runMonths + (targetMonths - state.total) / weight;
      const until = untilReachingMonths(state.anchorDate, runMonths);
      return formatDate(Math.min(Math.max(until - 1, slice.firstDay), slice.lastDay));
    }
    state.total += gained;
    state.runMonths = runMonthsAtEnd;
    state.lastCountedDay = slice.lastDay;
  }
  return null;
}

const NO_DATE: CivilDate = { year: 0, month: 1, day: 1 };

/**
 * The run's months at the end of a slice (Infinity for an open-ended one). A slice that does not
 * follow the last counted day starts a new run, laid on its own month grid.
 */
function runMonthsAtEndOf(state: RunState, slice: Slice): number {
  if (slice.firstDay !== state.lastCountedDay + 1) {
    state.anchor = slice.firstDay;
    state.anchorDate = civilFromDayNumber(slice.firstDay);
    state.runMonths = 0;
  }
  return slice.lastDay === Infinity
    ? Infinity
    : monthsFromAnchor(state.anchor, state.anchorDate, slice.lastDay + 1);
}

function stillNeeded(total: number, targetMonths: number): boolean {
  return total < targetMonths - MONTHS_EPSILON;
}

/** The period a slice's days are credited to, or -1 (see the file comment). */
function creditedPeriod(
  timeline: ExperienceTimeline,
  slice: Slice,
  qualifies: readonly boolean[],
): number {
  const periods = timeline.periods;
  const fractions = timeline.futureFractions;
  const future = slice.future;
  let best = -1;
  let bestFraction = 0;
  for (const index of slice.tdAssignments) {
    const fraction = future ? fractions[index] : periods[index].timeBaseFraction;
    if (qualifies[index] && fraction > bestFraction) {
      best = index;
      bestFraction = fraction;
    }
  }
  if (best !== -1) return best;
  const appointment = slice.appointment;
  if (appointment === -1 || !qualifies[appointment]) return -1;
  const fraction = future ? fractions[appointment] : periods[appointment].timeBaseFraction;
  return fraction > 0 ? appointment : -1;
}
