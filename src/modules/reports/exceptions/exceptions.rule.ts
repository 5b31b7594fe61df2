/**
 * The compliance exceptions report for a department's coordinator: which rows of the program's
 * records need attention on a date. The service loads the candidate rows with a few set-based
 * queries; this file decides, without any database, which of them are exceptions.
 */
import { addCalendarMonths } from '../../career-conversations/conversation-due.rule';
import { addDays, toDayNumber } from '../../program-calendar/fiscal-year.rule';
import { earlyEndRequestStatus } from '../../td-assignments/early-end.rule';
import {
  maxEquivalentMonthsInAny36MonthWindow,
  TD_LIMIT_MONTHS,
} from '../../td-assignments/td-assignment-limit.rule';

/** A conversation is due at least every six calendar months (see conversation-due.rule). */
export const CONVERSATION_LOOKBACK_MONTHS = 6;
/** A reported training record should be verified or rejected within this many days. */
export const UNVERIFIED_TRAINING_MAX_DAYS = 30;
/** Flag T&D usage from this many months in any 36 (3 months before the 24-month limit). */
export const TD_WARNING_MONTHS = TD_LIMIT_MONTHS - 3;

export interface EmployeeRef {
  employeeId: string;
  employeeNumber: string;
  name: string;
  classCode: string;
}

export interface ExceptionList<T> {
  count: number;
  items: T[];
}

export function listOf<T>(items: T[]): ExceptionList<T> {
  return { count: items.length, items };
}

// ---- 1. LPEL / bridging employees without an approved plan ----

export interface DesignatedEmployee extends EmployeeRef {
  designation: 'LPEL' | 'BRIDGING';
  timeBaseFraction: number;
  hasApprovedPlan: boolean;
  participating: boolean;
}

export function withoutApprovedPlan(rows: readonly DesignatedEmployee[]): DesignatedEmployee[] {
  return rows.filter((row) => !row.hasApprovedPlan);
}

// ---- 2. Approved plans without a recent career conversation ----

export interface ApprovedPlanRow extends EmployeeRef {
  planId: string;
  /** The latest conversation held on or before the as-of date, else null. */
  lastConversationOn: string | null;
}

/** The first day a conversation must have been held on to count as recent. */
export function conversationCutoff(asOf: string): string {
  return addCalendarMonths(asOf, -CONVERSATION_LOOKBACK_MONTHS);
}

export function conversationOverdue(lastConversationOn: string | null, asOf: string): boolean {
  if (lastConversationOn === null) return true;
  return toDayNumber(lastConversationOn) < toDayNumber(conversationCutoff(asOf));
}

export function plansWithoutRecentConversation(
  rows: readonly ApprovedPlanRow[],
  asOf: string,
): ApprovedPlanRow[] {
  return rows.filter((row) => conversationOverdue(row.lastConversationOn, asOf));
}

// ---- 3. Training reported but not verified for more than 30 days ----

export interface ReportedTrainingRow extends EmployeeRef {
  trainingRecordId: string;
  title: string;
  /** The Pacific calendar date the record was reported (created). */
  reportedOn: string;
}

export interface StaleTraining extends ReportedTrainingRow {
  daysWaiting: number;
}

export function staleReportedTraining(
  rows: readonly ReportedTrainingRow[],
  asOf: string,
): StaleTraining[] {
  const cutoff = toDayNumber(addDays(asOf, -UNVERIFIED_TRAINING_MAX_DAYS));
  return rows
    .filter((row) => toDayNumber(row.reportedOn) < cutoff)
    .map((row) => ({
      ...row,
      daysWaiting: toDayNumber(asOf) - toDayNumber(row.reportedOn),
    }));
}

// ---- 4. State-time training hours above the department's cap ----

export interface StateTimeHoursRow extends EmployeeRef {
  hours: number;
}

export interface OverCap extends StateTimeHoursRow {
  capHours: number;
}

/** No cap set (null): nobody is over it. Exactly at the cap is within it. */
export function overStateTimeCap(
  rows: readonly StateTimeHoursRow[],
  capHours: number | null,
): OverCap[] {
  if (capHours === null) return [];
  return rows.filter((row) => row.hours > capHours).map((row) => ({ ...row, capHours }));
}

// ---- 5. T&D assignments near or past the 24-in-36 limit; early ends not honoured in time ----

export interface TdAssignmentRow extends EmployeeRef {
  assignmentId: string;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  timeBaseFraction: number;
  earlyEndRequestedOn: string | null;
}

export interface TdNearLimit extends EmployeeRef {
  assignmentId: string;
  usedMonths: number;
  windowStart: string;
  windowEnd: string;
  pastLimit: boolean;
}

export interface TdLateEarlyEnd extends EmployeeRef {
  assignmentId: string;
  requestedOn: string;
  dueBy: string;
  honouredOn: string | null;
}

/** Recorded facts as known on the as-of date: an end recorded for a later day is not yet. */
function endOn(row: TdAssignmentRow): string {
  return row.actualEndDate ?? row.plannedEndDate;
}

function activeOn(row: TdAssignmentRow, asOf: string): boolean {
  const day = toDayNumber(asOf);
  return toDayNumber(row.startDate) <= day && day <= toDayNumber(endOn(row));
}

/**
 * Assignments active on the as-of date whose employee has used 21 months or more in some
 * 36-month window over all their assignments (planned ends count as scheduled).
 */
export function tdAssignmentsNearLimit(
  rows: readonly TdAssignmentRow[],
  asOf: string,
): TdNearLimit[] {
  const byEmployee = new Map<string, TdAssignmentRow[]>();
  for (const row of rows) {
    byEmployee.set(row.employeeId, [...(byEmployee.get(row.employeeId) ?? []), row]);
  }
  const result: TdNearLimit[] = [];
  for (const assignments of byEmployee.values()) {
    const usage = maxEquivalentMonthsInAny36MonthWindow(
      assignments.map((a) => ({
        start: a.startDate,
        end: endOn(a),
        timeBaseFraction: a.timeBaseFraction,
      })),
    );
    if (usage === null || usage.months < TD_WARNING_MONTHS) continue;
    for (const active of assignments.filter((a) => activeOn(a, asOf))) {
      result.push({
        employeeId: active.employeeId,
        employeeNumber: active.employeeNumber,
        name: active.name,
        classCode: active.classCode,
        assignmentId: active.assignmentId,
        usedMonths: Math.round(usage.months * 100) / 100,
        windowStart: usage.windowStart,
        windowEnd: usage.windowEnd,
        pastLimit: usage.months > TD_LIMIT_MONTHS,
      });
    }
  }
  return result;
}

/**
 * Early-end requests made on or before the as-of date and not honoured within 10 working days:
 * still pending past their due date, or honoured late within the `sinceOn`..asOf period (the
 * fiscal year), so that long-settled history does not stay on the list forever.
 */
export function tdEarlyEndsNotHonoured(
  rows: readonly TdAssignmentRow[],
  asOf: string,
  sinceOn: string,
): TdLateEarlyEnd[] {
  const day = toDayNumber(asOf);
  const result: TdLateEarlyEnd[] = [];
  for (const row of rows) {
    if (row.earlyEndRequestedOn === null || toDayNumber(row.earlyEndRequestedOn) > day) continue;
    const honouredOn =
      row.actualEndDate !== null && toDayNumber(row.actualEndDate) <= day
        ? row.actualEndDate
        : null;
    const status = earlyEndRequestStatus(row.earlyEndRequestedOn, honouredOn, asOf);
    if (status === null || !status.late) continue;
    if (honouredOn !== null && toDayNumber(honouredOn) < toDayNumber(sinceOn)) continue;
    result.push({
      employeeId: row.employeeId,
      employeeNumber: row.employeeNumber,
      name: row.name,
      classCode: row.classCode,
      assignmentId: row.assignmentId,
      requestedOn: status.requestedOn,
      dueBy: status.dueBy,
      honouredOn: status.honouredOn,
    });
  }
  return result;
}

// ---- 6. Part-time vs full-time participation among LPEL / bridging employees ----

export interface ParticipationGroup {
  employees: number;
  participants: number;
  /** participants / employees, rounded to 4 decimals; null when there are no employees. */
  rate: number | null;
}

export interface ParticipationByTimeBase {
  partTime: ParticipationGroup;
  fullTime: ParticipationGroup;
}

function group(rows: readonly DesignatedEmployee[]): ParticipationGroup {
  const participants = rows.filter((row) => row.participating).length;
  return {
    employees: rows.length,
    participants,
    rate: rows.length === 0 ? null : Math.round((participants / rows.length) * 10_000) / 10_000,
  };
}

export function participationByTimeBase(
  rows: readonly DesignatedEmployee[],
): ParticipationByTimeBase {
  return {
    partTime: group(rows.filter((row) => row.timeBaseFraction < 1)),
    fullTime: group(rows.filter((row) => row.timeBaseFraction >= 1)),
  };
}

// ---- 7. Goals at risk ----

export type GoalOutlook = 'NO_GOAL' | 'MET' | 'ON_TRACK' | 'AT_RISK';

export interface GoalStatus {
  /** The FY's upward mobility move goal, null when no goal is recorded. */
  moveGoal: number | null;
  /** Upward mobility moves effective from the FY's first day to the as-of date. */
  actualMoves: number;
  /** The FY's last day: the projection's horizon. */
  yearEnd: string;
  /** LPEL/bridging employees eligible now, or projected to be by the FY's end, for at least one
   * ELTPA class (each counted once): the moves the pipeline could still supply. */
  eligibleByYearEnd: number;
  /** actualMoves + eligibleByYearEnd: the most the year can reach from today's pipeline. */
  projectedMoves: number;
  outlook: GoalOutlook;
  /** The goal is not met and even the whole pipeline would not reach it. */
  atRisk: boolean;
}

/**
 * A move goal is at risk when it is not met yet and the moves so far plus everyone the pipeline
 * makes eligible before the FY ends still fall short: the projection is an upper bound (not every
 * eligible employee applies, is appointed, or has a vacancy), so "on track" means "possible",
 * and "at risk" means "cannot be met without people the pipeline does not show".
 */
export function moveGoalStatus(
  moveGoal: number | null,
  actualMoves: number,
  eligibleByYearEnd: number,
  yearEnd: string,
): GoalStatus {
  const projectedMoves = actualMoves + eligibleByYearEnd;
  const outlook: GoalOutlook =
    moveGoal === null
      ? 'NO_GOAL'
      : actualMoves >= moveGoal
        ? 'MET'
        : projectedMoves >= moveGoal
          ? 'ON_TRACK'
          : 'AT_RISK';
  return {
    moveGoal,
    actualMoves,
    yearEnd,
    eligibleByYearEnd,
    projectedMoves,
    outlook,
    atRisk: outlook === 'AT_RISK',
  };
}
