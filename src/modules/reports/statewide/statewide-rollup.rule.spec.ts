import { sampleReportRaw } from '../../../../test/support/annual-report-sample';
import { buildAnnualReport } from '../annual-report.builder';
import type { AnnualReportData, Count } from '../annual-report.types';
import { buildStatewideRollup, reportDueDate, timelinessOf } from './statewide-rollup.rule';
import type { StatewideDepartmentRaw } from './statewide-rollup.rule';

const HIDDEN = { value: null, suppressed: true };

/** A certified department report whose headline counts are set as given. */
function certifiedData(counts: {
  fiscalYearMoves: number;
  participants: number;
  moveGoal?: number;
}): AnnualReportData {
  const raw = sampleReportRaw();
  // The sample's twelve people, ten times over: groups large enough to show statewide.
  const scale = (value: number) => value * 10;
  const data = buildAnnualReport(
    {
      ...raw,
      program: { ...raw.program, participantsDuringYear: counts.participants },
      movesByClass: [
        {
          classCode: '5157',
          title: 'Staff Services Analyst',
          fiscalYearMoves: counts.fiscalYearMoves,
          calendarYearMoves: counts.fiscalYearMoves,
        },
      ],
      moveTotals: { ...raw.moveTotals, fiscalYearMoves: counts.fiscalYearMoves },
      demographics: raw.demographics.map((cell) => ({
        ...cell,
        employees: scale(cell.employees),
        applicants: scale(cell.applicants),
        accepted: scale(cell.accepted),
        participants: scale(cell.participants),
        withApprovedPlan: scale(cell.withApprovedPlan),
        trained: scale(cell.trained),
        tdAssigned: scale(cell.tdAssigned),
        appointed: scale(cell.appointed),
      })),
      goals: {
        ...raw.goals,
        current: raw.goals.current && { ...raw.goals.current, moveGoal: counts.moveGoal ?? 4 },
      },
    },
    'department',
  );
  return data;
}

function department(
  code: string,
  certified: { on: string; data: AnnualReportData } | null,
  overrides: Partial<StatewideDepartmentRaw> = {},
): StatewideDepartmentRaw {
  return {
    code,
    name: `Department ${code}`,
    reportDueMonthDay: '07-01',
    smallCellThreshold: 5,
    certified: certified && { version: 1, certifiedOn: certified.on, data: certified.data },
    ...overrides,
  };
}

const rollup = (departments: StatewideDepartmentRaw[], today = '2026-08-15') =>
  buildStatewideRollup({
    fiscalYear: '2025-26',
    periodStart: '2025-07-01',
    periodEnd: '2026-06-30',
    today,
    generatedAt: '2026-08-15T16:00:00.000Z',
    departments,
  });

describe('reportDueDate', () => {
  it.each([
    ['2026-06-30', '07-01', '2026-07-01'],
    ['2026-06-30', '06-01', '2027-06-01'],
    ['2026-06-30', '06-30', '2027-06-30'],
    ['2026-06-30', '12-31', '2026-12-31'],
  ])('FY ending %s, due %s -> %s', (periodEnd, monthDay, due) => {
    expect(reportDueDate(periodEnd, monthDay)).toBe(due);
  });

  it('refuses a month-day that is not MM-DD', () => {
    expect(() => reportDueDate('2026-06-30', '7-1')).toThrow(RangeError);
  });
});

describe('timelinessOf', () => {
  it.each([
    ['2026-07-01', '2026-06-20', '2026-08-01', 'ON_TIME'],
    ['2026-07-01', '2026-07-01', '2026-08-01', 'ON_TIME'],
    ['2026-07-01', '2026-07-02', '2026-08-01', 'LATE'],
    ['2026-07-01', null, '2026-07-02', 'OVERDUE'],
    ['2026-07-01', null, '2026-07-01', 'NOT_YET_DUE'],
  ])('due %s, certified %s, today %s -> %s', (due, certifiedOn, today, expected) => {
    expect(timelinessOf(due, certifiedOn, today)).toBe(expected);
  });
});

describe('buildStatewideRollup', () => {
  const big = certifiedData({ fiscalYearMoves: 40, participants: 60, moveGoal: 30 });
  const mid = certifiedData({ fiscalYearMoves: 12, participants: 25, moveGoal: 20 });
  const small = certifiedData({ fiscalYearMoves: 2, participants: 30, moveGoal: 1 });

  it('lists every department with its certification and timeliness', () => {
    const data = rollup([
      department('B', { on: '2026-07-03', data: mid }),
      department('A', { on: '2026-06-15', data: big }),
      department('C', null),
      department('D', null, { reportDueMonthDay: '12-31' }),
    ]);
    expect(data.departments.map((row) => [row.departmentCode, row.timeliness])).toEqual([
      ['A', 'ON_TIME'],
      ['B', 'LATE'],
      ['C', 'OVERDUE'],
      ['D', 'NOT_YET_DUE'],
    ]);
    expect(data.summary.byTimeliness).toEqual({ ON_TIME: 1, LATE: 1, OVERDUE: 1, NOT_YET_DUE: 1 });
    expect(data.summary.certified).toBe(2);
    expect(data.departments[2].counts).toBeNull();
    expect(data.summary.moveGoal).toBe(30 + 20);
    expect(data.summary.departmentsMeetingMoveGoal).toBe(1);
    expect(data.summary.departmentsMissingMoveGoal).toBe(1);
  });

  it('shows large counts and their totals as they are', () => {
    const data = rollup([
      department('A', { on: '2026-06-15', data: big }),
      department('B', { on: '2026-06-16', data: mid }),
    ]);
    expect(data.departments.map((row) => row.counts?.fiscalYearMoves)).toEqual([40, 12]);
    expect(data.summary.counts.fiscalYearMoves).toBe(52);
    expect(data.summary.counts.participants).toBe(85);
  });

  it('hides a small department count, and a second one so the total does not give it away', () => {
    const data = rollup([
      department('A', { on: '2026-06-15', data: big }),
      department('B', { on: '2026-06-16', data: mid }),
      department('C', { on: '2026-06-17', data: small }),
    ]);
    const moves = data.departments.map((row) => row.counts?.fiscalYearMoves);
    expect(moves[2]).toEqual(HIDDEN);
    // 52 + 2 is shown as the total, so one more department must be hidden (the smaller one).
    expect(moves[1]).toEqual(HIDDEN);
    expect(moves[0]).toBe(40);
    expect(data.summary.counts.fiscalYearMoves).toBe(54);
  });

  it('uses the strictest threshold of the departments', () => {
    const data = rollup([
      department('A', { on: '2026-06-15', data: big }, { smallCellThreshold: 3 }),
      department('B', { on: '2026-06-16', data: mid }, { smallCellThreshold: 15 }),
    ]);
    expect(data.disclosure.smallCellThreshold).toBe(15);
    expect(data.departments[1].counts?.fiscalYearMoves).toEqual(HIDDEN);
  });

  it('adds up the diversity counts of the certified departments before testing them', () => {
    const data = rollup([
      department('A', { on: '2026-06-15', data: big }),
      department('B', { on: '2026-06-16', data: mid }),
      department('C', null),
    ]);
    const sum = (report: AnnualReportData, group: string): [Count, Count] => {
      const found = report.diversity.decisions.trainingVerified.byDimension.gender.groups.find(
        (g) => g.group === group,
      );
      return [found!.selected, found!.total];
    };
    const female = data.diversity.decisions.trainingVerified.byDimension.gender.groups.find(
      (g) => g.group === 'FEMALE',
    );
    const [bigSelected, bigTotal] = sum(big, 'FEMALE') as [number, number];
    const [midSelected, midTotal] = sum(mid, 'FEMALE') as [number, number];
    expect(female?.selected).toBe(bigSelected + midSelected);
    expect(female?.total).toBe(bigTotal + midTotal);
    // Groups too small statewide stay hidden; "decline to state" is kept as a group.
    const genders = data.diversity.decisions.trainingVerified.byDimension.gender.groups;
    expect(genders.map((g) => g.group)).toContain('DECLINED');
    for (const group of genders) {
      if (typeof group.total === 'number' && group.total > 0 && group.total < 5) {
        throw new Error(`group ${group.group} shows a small total`);
      }
    }
  });

  it('is empty but well-formed when no department has certified', () => {
    const data = rollup([department('A', null)]);
    expect(data.summary.counts.fiscalYearMoves).toBe(0);
    expect(data.summary.certified).toBe(0);
    expect(data.diversity.decisions.approvedPlan.byDimension.veteran.totals.total).toBe(0);
  });
});
