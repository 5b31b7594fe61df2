import {
  conversationOverdue,
  moveGoalStatus,
  overStateTimeCap,
  participationByTimeBase,
  staleReportedTraining,
  tdAssignmentsNearLimit,
  tdEarlyEndsNotHonoured,
  withoutApprovedPlan,
} from './exceptions.rule';
import type { DesignatedEmployee, TdAssignmentRow } from './exceptions.rule';

const ref = (employeeId: string) => ({
  employeeId,
  employeeNumber: `N-${employeeId}`,
  name: `Name ${employeeId}`,
  classCode: '1139',
});

const designated = (
  id: string,
  facts: Partial<DesignatedEmployee> = {},
): DesignatedEmployee => ({
  ...ref(id),
  designation: 'LPEL',
  timeBaseFraction: 1,
  hasApprovedPlan: false,
  participating: false,
  ...facts,
});

describe('withoutApprovedPlan', () => {
  it('keeps only employees without an approved plan', () => {
    const rows = [designated('a'), designated('b', { hasApprovedPlan: true })];
    expect(withoutApprovedPlan(rows).map((r) => r.employeeId)).toEqual(['a']);
  });
});

describe('conversationOverdue', () => {
  it.each([
    [null, '2025-10-15', true],
    ['2025-04-15', '2025-10-15', false], // exactly six calendar months before: still recent
    ['2025-04-14', '2025-10-15', true],
    ['2025-10-01', '2025-10-15', false],
    ['2025-02-28', '2025-08-31', false], // Aug 31 - 6 months clamps to Feb 28
    ['2025-02-27', '2025-08-31', true],
  ])('last %s as of %s -> %s', (last, asOf, expected) => {
    expect(conversationOverdue(last, asOf)).toBe(expected);
  });
});

describe('staleReportedTraining', () => {
  it.each([
    ['2025-09-15', '2025-10-15', false], // exactly 30 days
    ['2025-09-14', '2025-10-15', true], // 31 days
    ['2025-10-15', '2025-10-15', false],
  ])('reported %s as of %s -> stale %s', (reportedOn, asOf, stale) => {
    const rows = [{ ...ref('a'), trainingRecordId: 't', title: 'x', reportedOn }];
    expect(staleReportedTraining(rows, asOf).length).toBe(stale ? 1 : 0);
  });

  it('says how many days the record has waited', () => {
    const rows = [{ ...ref('a'), trainingRecordId: 't', title: 'x', reportedOn: '2025-09-01' }];
    expect(staleReportedTraining(rows, '2025-10-15')[0].daysWaiting).toBe(44);
  });
});

describe('overStateTimeCap', () => {
  it.each([
    [40, 40, 0],
    [40.5, 40, 1],
    [10, null, 0],
    [0, 0, 0],
  ])('%s hours with cap %s -> %s flagged', (hours, cap, flagged) => {
    const result = overStateTimeCap([{ ...ref('a'), hours }], cap);
    expect(result.length).toBe(flagged);
    if (flagged) expect(result[0].capHours).toBe(cap);
  });
});

const td = (
  employeeId: string,
  assignmentId: string,
  startDate: string,
  plannedEndDate: string,
  extra: Partial<TdAssignmentRow> = {},
): TdAssignmentRow => ({
  ...ref(employeeId),
  assignmentId,
  startDate,
  plannedEndDate,
  actualEndDate: null,
  timeBaseFraction: 1,
  earlyEndRequestedOn: null,
  ...extra,
});

describe('tdAssignmentsNearLimit', () => {
  it.each([
    // 21 months exactly, active on asOf -> flagged
    [[td('a', 'x', '2024-01-01', '2025-09-30')], '2025-06-01', ['x']],
    // 20 months -> not flagged
    [[td('a', 'x', '2024-01-01', '2025-08-31')], '2025-06-01', []],
    // 21 months but half-time = 10.5 -> not flagged
    [[td('a', 'x', '2024-01-01', '2025-09-30', { timeBaseFraction: 0.5 })], '2025-06-01', []],
    // near the limit but not active on asOf (ended early) -> not flagged
    [[td('a', 'x', '2024-01-01', '2025-09-30', { actualEndDate: '2025-05-31' })], '2025-06-01', []],
    // earlier assignment counts toward the window; only the active one is listed
    [
      [td('a', 'old', '2023-01-01', '2023-12-31'), td('a', 'new', '2024-06-01', '2025-06-30')],
      '2025-06-01',
      ['new'],
    ],
  ])('case %#', (rows, asOf, expected) => {
    expect(tdAssignmentsNearLimit(rows, asOf).map((r) => r.assignmentId)).toEqual(expected);
  });

  it('marks usage over 24 months as past the limit', () => {
    const [row] = tdAssignmentsNearLimit([td('a', 'x', '2023-01-01', '2025-06-30')], '2025-06-01');
    expect(row.pastLimit).toBe(true);
    expect(row.usedMonths).toBe(30);
  });
});

describe('tdEarlyEndsNotHonoured', () => {
  const FY_START = '2025-07-01';
  it.each([
    // requested Mon 2025-09-01; due 10 working days later (2025-09-15)
    ['pending, past due', '2025-09-01', null, '2025-09-20', true],
    ['pending, not yet due', '2025-09-01', null, '2025-09-10', false],
    ['honoured in time', '2025-09-01', '2025-09-12', '2025-10-15', false],
    ['honoured late', '2025-09-01', '2025-09-25', '2025-10-15', true],
    ['end recorded after asOf counts as pending', '2025-09-01', '2025-09-25', '2025-09-20', true],
    ['honoured late before the FY', '2025-05-01', '2025-06-20', '2025-10-15', false],
    ['requested after asOf', '2025-10-20', null, '2025-10-15', false],
  ])('%s', (_label, requested, actualEnd, asOf, expected) => {
    const row = td('a', 'x', '2025-01-01', '2026-06-30', {
      earlyEndRequestedOn: requested,
      actualEndDate: actualEnd,
    });
    expect(tdEarlyEndsNotHonoured([row], asOf, FY_START).length).toBe(expected ? 1 : 0);
  });

  it('ignores assignments without a request', () => {
    expect(tdEarlyEndsNotHonoured([td('a', 'x', '2025-01-01', '2026-06-30')], '2025-10-15', FY_START)).toEqual([]);
  });
});

describe('participationByTimeBase', () => {
  it('splits part-time and full-time and computes rates', () => {
    const rows = [
      designated('a', { timeBaseFraction: 0.5, participating: true }),
      designated('b', { timeBaseFraction: 0.5 }),
      designated('c', { timeBaseFraction: 0.75 }),
      designated('d', { timeBaseFraction: 1, participating: true }),
    ];
    expect(participationByTimeBase(rows)).toEqual({
      partTime: { employees: 3, participants: 1, rate: 0.3333 },
      fullTime: { employees: 1, participants: 1, rate: 1 },
    });
  });

  it('has no rate for an empty group', () => {
    expect(participationByTimeBase([]).partTime).toEqual({
      employees: 0,
      participants: 0,
      rate: null,
    });
  });
});

describe('moveGoalStatus', () => {
  it.each([
    // goal, moves so far, eligible by year end -> outlook
    [5, 3, 0, 'AT_RISK'],
    [5, 3, 1, 'AT_RISK'],
    [5, 3, 2, 'ON_TRACK'],
    [5, 3, 9, 'ON_TRACK'],
    [5, 5, 0, 'MET'],
    [5, 6, 0, 'MET'],
    [0, 0, 0, 'MET'],
    [null, 0, 4, 'NO_GOAL'],
  ] as const)('goal %s, %s moves, %s eligible by year end -> %s', (goal, actual, eligible, outlook) => {
    const status = moveGoalStatus(goal, actual, eligible, '2026-06-30');
    expect(status).toEqual({
      moveGoal: goal,
      actualMoves: actual,
      yearEnd: '2026-06-30',
      eligibleByYearEnd: eligible,
      projectedMoves: actual + eligible,
      outlook,
      atRisk: outlook === 'AT_RISK',
    });
  });
});
