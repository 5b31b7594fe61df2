import {
  sampleCell as cell, sampleGoal as goal, sampleReportRaw as raw } from '../../../test/support/annual-report-sample';
import {
  buildAnnualReport,
  FiscalYearNotStartedError,
  groupsOf,
  isSuppressed,
  reportPeriod,
} from './annual-report.builder';
import type { DemographicCell, GoalRow } from './annual-report.builder';
import type { Count, DiversityTable } from './annual-report.types';

const HIDDEN = { value: null, suppressed: true };

const byGroup = (table: DiversityTable, group: string) => {
  const found = table.groups.find((g) => g.group === group);
  if (!found) throw new Error(`no group ${group}`);
  return found;
};

describe('reportPeriod', () => {
  it.each([
    // fiscal year, today, asOf, calendar year, previous, next
    ['2024-25', '2025-09-01', '2025-06-30', 2024, '2023-24', '2025-26'],
    ['2025-26', '2025-11-15', '2025-11-15', 2025, '2024-25', '2026-27'],
    ['2025-26', '2025-07-01', '2025-07-01', 2025, '2024-25', '2026-27'],
    ['2025-26', '2026-06-30', '2026-06-30', 2025, '2024-25', '2026-27'],
    ['1999-00', '2001-01-01', '2000-06-30', 1999, '1998-99', '2000-01'],
  ])('%s on %s: as of %s, calendar year %s', (fy, today, asOf, calendarYear, previous, next) => {
    const period = reportPeriod(fy, today);
    expect(period).toMatchObject({
      asOf,
      calendarYear,
      previousFiscalYear: previous,
      nextFiscalYear: next,
      calendarStart: `${calendarYear}-01-01`,
      calendarEnd: `${calendarYear}-12-31`,
    });
  });

  it('refuses a fiscal year that has not started, and a malformed one', () => {
    expect(() => reportPeriod('2026-27', '2026-06-30')).toThrow(FiscalYearNotStartedError);
    expect(() => reportPeriod('2025-27', '2026-06-30')).toThrow(/fiscal year/i);
  });
});

describe('groupsOf', () => {
  it.each<[string, Partial<DemographicCell>, string, string[]]>([
    ['one ethnicity', { ethnicities: ['HISPANIC'] }, 'ethnicity', ['HISPANIC']],
    ['two Asian subgroups count once', { ethnicities: ['ASIAN_CHINESE', 'ASIAN_KOREAN'] }, 'ethnicity', ['ASIAN']],
    ['several groups count in each', { ethnicities: ['BLACK', 'WHITE'] }, 'ethnicity', ['BLACK', 'WHITE']],
    ['Pacific Islander subgroup', { ethnicities: ['PACIFIC_ISLANDER_SAMOAN'] }, 'ethnicity', ['PACIFIC_ISLANDER']],
    ['Filipino is its own group', { ethnicities: ['FILIPINO'] }, 'ethnicity', ['FILIPINO']],
    ['declined', { ethnicities: ['DECLINED'] }, 'ethnicity', ['DECLINED']],
    ['nothing given', { ethnicities: [] }, 'ethnicity', ['NOT_PROVIDED']],
    ['gender', { gender: 'NONBINARY' }, 'gender', ['NONBINARY']],
    ['gender not given', { gender: null }, 'gender', ['NOT_PROVIDED']],
    ['disability declined', { disability: 'DECLINED' }, 'disability', ['DECLINED']],
    ['veteran', { veteran: 'YES' }, 'veteran', ['YES']],
  ])('%s', (_name, overrides, dimension, expected) => {
    expect(groupsOf(cell(overrides), dimension as 'ethnicity')).toEqual(expected);
  });
});

describe('buildAnnualReport, department audience (every count shown)', () => {
  const report = buildAnnualReport(raw(), 'department');

  it('header', () => {
    expect(report).toMatchObject({ schemaVersion: 2, audience: 'department' });
    expect(report.disclosure).toEqual({ smallCellThreshold: 3, suppressionApplied: false });
    expect(report.header).toEqual({
      departmentId: 'dept-1',
      departmentCode: 'DGS',
      departmentName: 'Department of General Services',
      fiscalYear: '2024-25',
      periodStart: '2024-07-01',
      periodEnd: '2025-06-30',
      asOf: '2025-06-30',
      statutoryCalendarYear: 2024,
      coordinatorName: 'Pat Coordinator',
      generatedAt: '2025-09-01T17:00:00.000Z',
      status: 'DRAFT',
      version: null,
      certifiedAt: null,
      certifiedByName: null,
    });
  });

  it('a certified build says so', () => {
    const certified = buildAnnualReport(
      raw({
        certification: { version: 2, certifiedAt: '2025-09-02T10:00:00.000Z', certifiedByName: 'Pat' },
      }),
      'department',
    );
    expect(certified.header).toMatchObject({
      status: 'CERTIFIED',
      version: 2,
      certifiedAt: '2025-09-02T10:00:00.000Z',
      certifiedByName: 'Pat',
    });
  });

  it('classes and headcounts by designation', () => {
    expect(report.classes.classes.map((c) => [c.classCode, c.activeEmployees])).toEqual([
      ['1441', 10],
      ['1379', 2],
      ['1138', 4],
      ['5157', 6],
      ['4800', 1],
    ]);
    expect(report.classes.activeEmployees).toEqual({
      LPEL: 12,
      BRIDGING: 4,
      ELTPA: 7,
      allDesignated: 23,
    });
  });

  it('participation', () => {
    expect(report.participation).toEqual({
      employeesInLpelOrBridging: { onAsOf: 16, duringYear: 12 },
      applications: { received: 7, accepted: 4, waitlisted: 1, declined: 2 },
      participants: { duringYear: 6, withdrawnInYear: 1, withApprovedPlan: 3 },
      careerConversations: { held: 9, employees: 5 },
      training: {
        people: 5,
        records: 8,
        verifiedHours: 42.75,
        stateTimeHours: 30.5,
        ownTimeHours: 12.25,
        hoursByKind: [
          { kind: 'CLASSROOM', hours: 30.5 },
          { kind: 'ONLINE', hours: 12.25 },
          { kind: 'COLLEGE_COURSE', hours: 0 },
          { kind: 'OJT', hours: 0 },
          { kind: 'MENTORING', hours: 0 },
          { kind: 'CONFERENCE', hours: 0 },
        ],
      },
      tdAssignments: { active: 2, employees: 2 },
      budget: { budget: 5000, spending: 1234.5, remaining: 3765.5 },
    });
  });

  it('goals against results, with every class that has a goal or a move', () => {
    expect(report.goalsVsResults).toEqual({
      goalRecorded: true,
      moves: {
        goal: 4,
        fiscalYear: { moves: 2, employees: 2, met: false },
        calendarYear: { year: 2024, moves: 1, employees: 1 },
        byTargetClass: [
          { classCode: '4800', title: 'Program Technician', goal: 1, fiscalYearMoves: 0, calendarYearMoves: 0 },
          { classCode: '5157', title: 'Staff Services Analyst', goal: 3, fiscalYearMoves: 2, calendarYearMoves: 1 },
        ],
      },
      participants: { goal: 3, actual: 6, met: true },
      plans: { goal: 2, actual: 3, met: true },
      trainingHours: { goal: 20, actual: 42.75, met: true },
    });
  });

  it('without goals: nothing met or missed', () => {
    const none = buildAnnualReport(
      raw({ goals: { previous: null, current: null, next: null } }),
      'department',
    );
    expect(none.goalsVsResults.goalRecorded).toBe(false);
    expect(none.goalsVsResults.moves.fiscalYear.met).toBeNull();
    expect(none.goalsVsResults.participants).toEqual({ goal: null, actual: 6, met: null });
    expect(none.participation.budget).toEqual({ budget: null, spending: 1234.5, remaining: null });
    expect(none.missedGoals.missedTwoYearsInARow).toBe(false);
    expect(none.nextYearGoals.recorded).toBe(false);
  });

  it.each<[string, GoalRow | null, string[]]>([
    ['no goal record for the next year', null, [
      'goals[2025-26].missedGoalsExplanation',
      'goals[2025-26].twoYearPlan',
    ]],
    ['a next-year record without the response', goal('2025-26'), [
      'goals[2025-26].missedGoalsExplanation',
      'goals[2025-26].twoYearPlan',
    ]],
    ['only the explanation', goal('2025-26', { missedGoalsExplanation: 'Hiring freeze' }), [
      'goals[2025-26].twoYearPlan',
    ]],
    [
      'explanation and plan',
      goal('2025-26', { missedGoalsExplanation: 'Hiring freeze', twoYearPlan: 'Two exams a year' }),
      [],
    ],
  ])('two missed years (4 > 2 this year, 3 > 1 last year): %s', (_name, next, fields) => {
    const report = buildAnnualReport(raw({ goals: { ...raw().goals, next } }), 'department');
    expect(report.missedGoals).toMatchObject({
      years: [
        { fiscalYear: '2024-25', moveGoal: 4, actualMoves: 2, missed: true },
        { fiscalYear: '2023-24', moveGoal: 3, actualMoves: 1, missed: true },
      ],
      missedTwoYearsInARow: true,
      responseFiscalYear: '2025-26',
      explanation: next?.missedGoalsExplanation ?? null,
      twoYearPlan: next?.twoYearPlan ?? null,
    });
    expect(report.missedGoals.problems.map((p) => p.field)).toEqual(fields);
  });

  it('last year met: no response needed', () => {
    const report = buildAnnualReport(
      raw({ goals: { ...raw().goals, previous: goal('2023-24', { moveGoal: 1 }) } }),
      'department',
    );
    expect(report.missedGoals.years[1].missed).toBe(false);
    expect(report.missedGoals.missedTwoYearsInARow).toBe(false);
    expect(report.missedGoals.problems).toEqual([]);
  });

  it('next year goals', () => {
    const next = goal('2025-26', {
      moveGoal: 5,
      moveGoalsByClass: [{ classCode: '5157', count: 5 }],
      apprenticeGoal: 1,
      budget: 6000,
      narrative: 'More analysts',
    });
    const report = buildAnnualReport(raw({ goals: { ...raw().goals, next } }), 'department');
    expect(report.nextYearGoals).toEqual({
      fiscalYear: '2025-26',
      recorded: true,
      moveGoal: 5,
      moveGoalsByClass: [{ classCode: '5157', count: 5 }],
      participantGoal: 3,
      planGoal: 2,
      trainingHoursGoal: 20,
      apprenticeGoal: 1,
      budget: 6000,
      narrative: 'More analysts',
    });
  });

  it('pipeline: counts per ELTPA class, none where no rules are in force', () => {
    expect(report.pipeline).toEqual([
      {
        classCode: '5157',
        title: 'Staff Services Analyst',
        rulesInForce: true,
        evaluated: 16,
        eligible: 4,
        examEligible: 2,
        within3Months: 1,
        within6Months: 3,
        within12Months: 7,
        unusableRecords: 0,
      },
      {
        classCode: '4800',
        title: 'Program Technician',
        rulesInForce: false,
        evaluated: 0,
        eligible: 0,
        examEligible: 0,
        within3Months: 0,
        within6Months: 0,
        within12Months: 0,
        unusableRecords: 0,
      },
    ]);
  });

  describe('diversity: trained (verified training) by ethnicity', () => {
    const table = report.diversity.decisions.trainingVerified.byDimension.ethnicity;

    it('a person with several groups counts in each; Asian subgroups once', () => {
      // Hispanic: 4 (3 trained) + the Hispanic-and-White person (not trained) = 3 of 5.
      expect(byGroup(table, 'HISPANIC')).toMatchObject({ selected: 3, total: 5, rate: 0.6 });
      expect(byGroup(table, 'WHITE')).toMatchObject({ selected: 1, total: 5, rate: 0.2 });
      expect(byGroup(table, 'ASIAN')).toMatchObject({ selected: 1, total: 1, rate: 1 });
      expect(byGroup(table, 'NOT_PROVIDED')).toMatchObject({ selected: 0, total: 2, rate: 0 });
      expect(byGroup(table, 'BLACK')).toMatchObject({ selected: 0, total: 0, rate: null });
      // Memberships, not people: 5 + 5 + 1 + 2 = 13 for 12 people.
      expect(table.totals).toEqual({ selected: 5, notSelected: 8, total: 13 });
    });

    it('four-fifths against the highest rate, with Fisher’s exact test', () => {
      expect(table.referenceGroup).toBe('ASIAN');
      expect(table.referenceRate).toBe(1);
      expect(byGroup(table, 'ASIAN')).toMatchObject({
        isReference: true,
        impactRatio: 1,
        fourFifthsFlag: false,
        test: null,
        pValue: null,
      });
      // 3/5 vs 1/1: P(3) = C(5,3)C(1,1)/C(6,4) = 2/3, P(4) = 1/3; both <= 2/3, p = 1.
      expect(byGroup(table, 'HISPANIC')).toMatchObject({
        impactRatio: 0.6,
        fourFifthsFlag: true,
        test: 'FISHER',
        pValue: 1,
        significant: false,
      });
      // 1/5 vs 1/1: P(1) = C(5,1)/C(6,2) = 1/3, P(2) = 2/3; p = 1/3.
      expect(byGroup(table, 'WHITE')).toMatchObject({
        impactRatio: 0.2,
        fourFifthsFlag: true,
        pValue: 0.333333,
        significant: false,
      });
      expect(byGroup(table, 'NOT_PROVIDED')).toMatchObject({ impactRatio: 0, fourFifthsFlag: true });
      expect(byGroup(table, 'BLACK')).toMatchObject({ impactRatio: null, fourFifthsFlag: false });
    });
  });

  it.each<[string, string, string, number, number]>([
    // decision, dimension, group, selected, total
    ['acceptedIntoProgram', 'gender', 'FEMALE', 2, 3],
    ['acceptedIntoProgram', 'gender', 'MALE', 1, 2],
    ['acceptedIntoProgram', 'ethnicity', 'ASIAN', 0, 1],
    ['approvedPlan', 'gender', 'FEMALE', 2, 2],
    ['approvedPlan', 'gender', 'MALE', 0, 1],
    ['trainingVerified', 'gender', 'FEMALE', 4, 5],
    ['trainingVerified', 'gender', 'NOT_PROVIDED', 0, 1],
    ['trainingVerified', 'gender', 'DECLINED', 0, 2],
    ['trainingVerified', 'disability', 'NO', 4, 8],
    ['trainingVerified', 'disability', 'DECLINED', 1, 1],
    ['trainingVerified', 'veteran', 'YES', 1, 4],
    ['tdAssignment', 'veteran', 'NO', 1, 5],
    ['appointedToEltpa', 'ethnicity', 'HISPANIC', 2, 5],
    ['appointedToEltpa', 'ethnicity', 'WHITE', 1, 5],
    ['appointedToEltpa', 'gender', 'NOT_PROVIDED', 1, 1],
  ])('%s by %s: %s %i of %i', (decision, dimension, group, selected, total) => {
    const table =
      report.diversity.decisions[decision as 'approvedPlan'].byDimension[dimension as 'gender'];
    expect(byGroup(table, group)).toMatchObject({ selected, total, suppressed: false });
  });

  it('every group of each dimension is listed, in a fixed order', () => {
    const gender = report.diversity.decisions.tdAssignment.byDimension.gender;
    expect(gender.groups.map((g) => g.group)).toEqual([
      'FEMALE',
      'MALE',
      'NONBINARY',
      'DECLINED',
      'NOT_PROVIDED',
    ]);
    expect(report.diversity.decisions.tdAssignment.byDimension.ethnicity.groups).toHaveLength(10);
  });

  it('nobody selected: no reference, nothing flagged', () => {
    const table = report.diversity.decisions.approvedPlan.byDimension.veteran;
    // YES: the White man (participant, no plan); NO: two Hispanic participants with plans.
    expect(table.referenceGroup).toBe('NO');
    const none = buildAnnualReport(raw({ demographics: [cell({ employees: 3 })] }), 'department');
    const t = none.diversity.decisions.appointedToEltpa.byDimension.gender;
    expect(t.referenceGroup).toBeNull();
    expect(t.groups.every((g) => g.impactRatio === null && g.fourFifthsFlag === false)).toBe(true);
  });
});

describe('buildAnnualReport, oversight audience (small cells hidden, threshold 3)', () => {
  const report = buildAnnualReport(raw(), 'oversight');
  const counts = (values: Count[]) => values.map((v) => (isSuppressed(v) ? 'x' : v));

  it('says suppression was applied', () => {
    expect(report.audience).toBe('oversight');
    expect(report.disclosure).toEqual({ smallCellThreshold: 3, suppressionApplied: true });
  });

  it('counts below the threshold are hidden on their own; zeros and larger counts shown', () => {
    expect(report.participation.applications).toEqual({
      received: 7,
      accepted: 4,
      waitlisted: HIDDEN,
      declined: HIDDEN,
    });
    expect(report.participation.participants.withdrawnInYear).toEqual(HIDDEN);
    expect(report.participation.tdAssignments).toEqual({ active: HIDDEN, employees: HIDDEN });
    expect(report.participation.careerConversations).toEqual({ held: 9, employees: 5 });
    expect(report.pipeline[0]).toMatchObject({
      evaluated: 16,
      within3Months: HIDDEN,
      within6Months: 3,
      unusableRecords: 0,
    });
  });

  it('hours, money and goals are not counts of people: always shown', () => {
    expect(report.participation.training.verifiedHours).toBe(42.75);
    expect(report.participation.budget).toEqual({ budget: 5000, spending: 1234.5, remaining: 3765.5 });
    expect(report.goalsVsResults.moves.goal).toBe(4);
  });

  it('class headcounts: a hidden class cannot be worked out from its designation total', () => {
    // LPEL: 10 and 2 with 12 shown; 2 is hidden, so 10 must be too.
    expect(counts(report.classes.classes.map((c) => c.activeEmployees))).toEqual([
      'x',
      'x',
      4,
      'x',
      'x',
    ]);
    expect(report.classes.activeEmployees).toEqual({
      LPEL: 12,
      BRIDGING: 4,
      ELTPA: 7,
      allDesignated: 23,
    });
  });

  it('moves by class: small counts hidden and the totals beside them protected', () => {
    const moves = report.goalsVsResults.moves;
    expect(moves.byTargetClass.map((m) => [m.classCode, m.fiscalYearMoves, m.calendarYearMoves])).toEqual([
      ['4800', 0, 0],
      ['5157', HIDDEN, HIDDEN],
    ]);
    expect(moves.fiscalYear.moves).toEqual(HIDDEN);
    expect(moves.calendarYear.moves).toEqual(HIDDEN);
    expect(report.missedGoals.years[0].actualMoves).toEqual(HIDDEN);
    // "Not met" beside a hidden count would narrow it down (goal 2, not met: 1): hidden too.
    expect(moves.fiscalYear.met).toBeNull();
    // The statutory two-missed-years status stays: oversight must know it (Gov Code 19402).
    expect(report.missedGoals.years[0].missed).toBe(true);
  });

  it('diversity: hidden groups hide their rate, ratio, flag and test too', () => {
    const table = report.diversity.decisions.trainingVerified.byDimension.gender;
    const male = byGroup(table, 'MALE'); // 1 of 4
    expect(male).toEqual({
      group: 'MALE',
      selected: HIDDEN,
      total: expect.anything() as unknown,
      rate: null,
      isReference: false,
      impactRatio: null,
      fourFifthsFlag: null,
      test: null,
      pValue: null,
      significant: null,
      suppressed: true,
    });
  });

  it.each(['acceptedIntoProgram', 'approvedPlan', 'trainingVerified', 'tdAssignment', 'appointedToEltpa'])(
    '%s: no count from 1 to 2 is shown, and no hidden count follows from a total',
    (decision) => {
      for (const table of Object.values(
        report.diversity.decisions[decision as 'approvedPlan'].byDimension,
      )) {
        const shown = [
          ...table.groups.flatMap((g) => [g.selected, g.total]),
          table.totals.selected,
          table.totals.notSelected,
          table.totals.total,
        ];
        expect(shown.filter((v) => !isSuppressed(v) && v > 0 && v < 3)).toEqual([]);
        // The column of selected counts with its total: never exactly one unknown.
        const selected = [...table.groups.map((g) => g.selected), table.totals.selected];
        expect(selected.filter(isSuppressed).length).not.toBe(1);
        const totals = [...table.groups.map((g) => g.total), table.totals.total];
        expect(totals.filter(isSuppressed).length).not.toBe(1);
        for (const group of table.groups) {
          if (group.suppressed) expect([group.rate, group.pValue]).toEqual([null, null]);
        }
      }
    },
  );

  it('the department audience of the same data hides nothing', () => {
    const department = JSON.stringify(buildAnnualReport(raw(), 'department'));
    expect(department).not.toContain('"suppressed":true');
    expect(JSON.stringify(report)).toContain('"suppressed":true');
  });
});
