/**
 * A department's annual upward mobility goals (Gov Code 19402) for each generated fiscal year,
 * set from its low-paying headcount at the move rate, a little ambitious or cautious. When the
 * move goal was missed in the two previous years, the year's record carries the explanation and
 * the two-year plan the statute then asks for (the missed-goals rule reads them there).
 */
import type { ClassMoveGoal } from '../goals/annual-goal.entity';
import type { Prng } from './prng.rule';
import type { DepartmentProfile } from './scale-catalog';
import type { FiscalYearSpan } from './training.rule';
import { TRAINING_PER_YEAR } from './training.rule';
import type { WorkforceEmployee } from './workforce.rule';
import { UM_MOVE_RATE } from './workforce.rule';

export interface GoalDraft {
  fiscalYear: string;
  moveGoal: number;
  moveGoalsByClass: ClassMoveGoal[];
  participantGoal: number;
  planGoal: number;
  trainingHoursGoal: number;
  budget: number;
  narrative: string;
  missedGoalsExplanation: string | null;
  twoYearPlan: string | null;
}

/** Moves (employees who moved up) with a move day in each fiscal year. */
export function movesByFiscalYear(
  employees: readonly WorkforceEmployee[],
  fiscalYears: readonly FiscalYearSpan[],
): number[] {
  return fiscalYears.map(
    (fy) =>
      employees.filter((e) => e.moveDay !== null && e.moveDay >= fy.start && e.moveDay <= fy.end)
        .length,
  );
}

export function buildGoals(
  employees: readonly WorkforceEmployee[],
  fiscalYears: readonly FiscalYearSpan[],
  profile: DepartmentProfile,
  prng: Prng,
): GoalDraft[] {
  const actual = movesByFiscalYear(employees, fiscalYears);
  const goals: GoalDraft[] = [];
  fiscalYears.forEach((fy, index) => {
    const lowPaying = employees.filter(
      (e) =>
        e.lowPayingFrom !== null &&
        e.lowPayingTo !== null &&
        e.lowPayingFrom <= fy.end &&
        e.lowPayingTo >= fy.start,
    ).length;
    const moveGoal = Math.round(UM_MOVE_RATE * lowPaying * prng.between(0.8, 1.3));
    // Goals by target class: the department's two main ELTPA classes share most of the goal.
    const [first, second] = [...profile.eltpa].sort((a, b) => b[1] - a[1]).map(([code]) => code);
    const firstCount = Math.floor(moveGoal * 0.6);
    const secondCount = Math.floor(moveGoal * 0.25);
    const moveGoalsByClass: ClassMoveGoal[] = [];
    if (firstCount > 0) moveGoalsByClass.push({ classCode: first, count: firstCount });
    if (secondCount > 0 && second !== undefined) {
      moveGoalsByClass.push({ classCode: second, count: secondCount });
    }
    const participantGoal = Math.round(lowPaying * 0.08);
    const missedTwice =
      index >= 2 &&
      actual[index - 1] < goals[index - 1].moveGoal &&
      actual[index - 2] < goals[index - 2].moveGoal;
    goals.push({
      fiscalYear: fy.label,
      moveGoal,
      moveGoalsByClass,
      participantGoal,
      planGoal: Math.round(participantGoal * 0.8),
      trainingHoursGoal: Math.round(employees.length * TRAINING_PER_YEAR * 6),
      budget: lowPaying * prng.int(80, 200),
      narrative: `Move ${moveGoal} employees from LPEL and bridging classes into ELTPA classes in ${fy.label}; enroll ${participantGoal} new participants.`,
      missedGoalsExplanation: missedTwice
        ? 'Fewer examinations for the target classes were held than planned, and vacancies were held open during the hiring freeze.'
        : null,
      twoYearPlan: missedTwice
        ? 'Hold two examinations a year for the target classes, expand T&D assignments, and pair each participant with a mentor.'
        : null,
    });
  });
  return goals;
}
