/**
 * Gov Code 19402: when a department missed its upward mobility goals two fiscal years in a row,
 * its report must explain why and say what it needs to meet them in the next two fiscal years.
 *
 * Here a year's move goal is missed when fewer employees made upward mobility moves that fiscal
 * year than its goal said. A year without a recorded goal is not missed (there was nothing to
 * miss). Pure: the service supplies the goals and the counted moves.
 */
import { previousFiscalYear } from '../program-calendar/fiscal-year.rule';

export interface MoveGoalYear {
  fiscalYear: string;
  /** Null when the department recorded no goal that year. */
  moveGoal: number | null;
  /** Upward mobility moves with an effective date in that fiscal year. */
  actualMoves: number;
}

export interface MissedGoalsResponse {
  missedGoalsExplanation?: string | null;
  twoYearPlan?: string | null;
}

export interface GoalProblem {
  field: string;
  message: string;
}

export function moveGoalMissed(year: MoveGoalYear): boolean {
  return year.moveGoal !== null && year.actualMoves < year.moveGoal;
}

/** The two fiscal years before `fiscalYear`, the nearer first: `2025-26` -> 2024-25, 2023-24. */
export function twoPreviousFiscalYears(fiscalYear: string): [string, string] {
  const previous = previousFiscalYear(fiscalYear);
  return [previous, previousFiscalYear(previous)];
}

/** Both of the two previous fiscal years missed (their order does not matter). */
export function missedBothPreviousYears(
  previousYears: readonly [MoveGoalYear, MoveGoalYear],
): boolean {
  return previousYears.every(moveGoalMissed);
}

const isBlank = (text: string | null | undefined): boolean => !text || text.trim().length === 0;

/**
 * What a goal record must add when both previous years were missed: an explanation and a plan
 * for the next two fiscal years, each non-blank. Every missing one is named.
 */
export function missedGoalsProblems(
  missedBoth: boolean,
  response: MissedGoalsResponse,
): GoalProblem[] {
  if (!missedBoth) return [];
  const problems: GoalProblem[] = [];
  if (isBlank(response.missedGoalsExplanation)) {
    problems.push({
      field: 'missedGoalsExplanation',
      message:
        'is required: the move goals of the two previous fiscal years were missed (Gov Code 19402)',
    });
  }
  if (isBlank(response.twoYearPlan)) {
    problems.push({
      field: 'twoYearPlan',
      message:
        'is required: say what is needed to meet the goals in the next two fiscal years (Gov Code 19402)',
    });
  }
  return problems;
}
