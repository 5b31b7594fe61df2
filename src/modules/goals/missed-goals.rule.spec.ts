import {
  missedBothPreviousYears,
  missedGoalsProblems,
  moveGoalMissed,
  twoPreviousFiscalYears,
} from './missed-goals.rule';
import type { MoveGoalYear } from './missed-goals.rule';

const year = (fiscalYear: string, moveGoal: number | null, actualMoves: number): MoveGoalYear => ({
  fiscalYear,
  moveGoal,
  actualMoves,
});

describe('moveGoalMissed', () => {
  it.each<[string, MoveGoalYear, boolean]>([
    ['fewer moves than the goal', year('2024-25', 5, 4), true],
    ['no moves against a goal', year('2024-25', 1, 0), true],
    ['exactly the goal', year('2024-25', 5, 5), false],
    ['more than the goal', year('2024-25', 5, 9), false],
    ['a goal of zero cannot be missed', year('2024-25', 0, 0), false],
    ['no goal recorded is not missed', year('2024-25', null, 0), false],
  ])('%s', (_name, outcome, expected) => {
    expect(moveGoalMissed(outcome)).toBe(expected);
  });
});

describe('twoPreviousFiscalYears', () => {
  it.each([
    ['2025-26', ['2024-25', '2023-24']],
    ['2000-01', ['1999-00', '1998-99']],
  ])('%s -> %p', (fiscalYear, expected) => {
    expect(twoPreviousFiscalYears(fiscalYear)).toEqual(expected);
  });
});

describe('missedBothPreviousYears', () => {
  it.each<[string, [MoveGoalYear, MoveGoalYear], boolean]>([
    ['both missed', [year('2024-25', 4, 1), year('2023-24', 3, 2)], true],
    ['only the nearer missed', [year('2024-25', 4, 1), year('2023-24', 3, 3)], false],
    ['only the earlier missed', [year('2024-25', 4, 4), year('2023-24', 3, 0)], false],
    ['neither missed', [year('2024-25', 4, 6), year('2023-24', 3, 3)], false],
    [
      'a year without a goal breaks the streak',
      [year('2024-25', 4, 1), year('2023-24', null, 0)],
      false,
    ],
    ['no goals at all', [year('2024-25', null, 0), year('2023-24', null, 0)], false],
  ])('%s', (_name, years, expected) => {
    expect(missedBothPreviousYears(years)).toBe(expected);
  });
});

describe('missedGoalsProblems', () => {
  const explanation = expect.objectContaining({ field: 'missedGoalsExplanation' });
  const plan = expect.objectContaining({ field: 'twoYearPlan' });

  it.each<[string, boolean, object, unknown[]]>([
    ['nothing needed when not missed twice', false, {}, []],
    [
      'both given',
      true,
      { missedGoalsExplanation: 'Hiring freeze', twoYearPlan: 'Bridging classes' },
      [],
    ],
    ['both missing: both named', true, {}, [explanation, plan]],
    [
      'both null: both named',
      true,
      { missedGoalsExplanation: null, twoYearPlan: null },
      [explanation, plan],
    ],
    [
      'blank text does not count',
      true,
      { missedGoalsExplanation: '  \n', twoYearPlan: 'Plan' },
      [explanation],
    ],
    ['plan missing', true, { missedGoalsExplanation: 'Why' }, [plan]],
  ])('%s', (_name, missedBoth, response, expected) => {
    expect(missedGoalsProblems(missedBoth, response)).toEqual(expected);
  });
});
