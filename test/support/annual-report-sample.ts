/**
 * A small, hand-checkable department for report tests: the raw figures the annual report is
 * built from (twelve LPEL/bridging employees in five demographic combinations, two ELTPA
 * targets, goals for two years). Renderer tests build their report data from it.
 */
import { reportPeriod } from '../../src/modules/reports/annual-report.builder';
import type {
  AnnualReportRaw,
  DemographicCell,
  GoalRow,
} from '../../src/modules/reports/annual-report.builder';

export function sampleCell(overrides: Partial<DemographicCell>): DemographicCell {
  return {
    ethnicities: [],
    gender: null,
    disability: null,
    veteran: null,
    employees: 0,
    applicants: 0,
    accepted: 0,
    participants: 0,
    withApprovedPlan: 0,
    trained: 0,
    tdAssigned: 0,
    appointed: 0,
    ...overrides,
  };
}

export function sampleGoal(fiscalYear: string, overrides: Partial<GoalRow> = {}): GoalRow {
  return {
    fiscalYear,
    moveGoal: 4,
    moveGoalsByClass: [],
    participantGoal: 3,
    planGoal: 2,
    trainingHoursGoal: 20,
    apprenticeGoal: null,
    budget: null,
    narrative: '',
    missedGoalsExplanation: null,
    twoYearPlan: null,
    ...overrides,
  };
}

/**
 * Twelve LPEL/bridging employees in five answer combinations (one of them with two Asian
 * subgroups, one Hispanic and White), numbers small enough to compute by hand.
 */
export const SAMPLE_CELLS: DemographicCell[] = [
  sampleCell({
    ethnicities: ['HISPANIC'],
    gender: 'FEMALE',
    disability: 'NO',
    veteran: 'NO',
    employees: 4,
    applicants: 2,
    accepted: 2,
    participants: 2,
    withApprovedPlan: 2,
    trained: 3,
    tdAssigned: 1,
    appointed: 1,
  }),
  sampleCell({
    ethnicities: ['WHITE'],
    gender: 'MALE',
    disability: 'NO',
    veteran: 'YES',
    employees: 4,
    applicants: 2,
    accepted: 1,
    participants: 1,
    trained: 1,
  }),
  sampleCell({
    ethnicities: ['ASIAN_CHINESE', 'ASIAN_KOREAN'],
    gender: 'FEMALE',
    disability: 'DECLINED',
    veteran: 'NO',
    employees: 1,
    applicants: 1,
    trained: 1,
  }),
  sampleCell({ ethnicities: ['HISPANIC', 'WHITE'], employees: 1, appointed: 1 }),
  sampleCell({ gender: 'DECLINED', disability: 'YES', veteran: 'DECLINED', employees: 2 }),
];

export function sampleReportRaw(overrides: Partial<AnnualReportRaw> = {}): AnnualReportRaw {
  return {
    period: reportPeriod('2024-25', '2025-09-01'),
    generatedAt: '2025-09-01T17:00:00.000Z',
    certification: null,
    department: {
      id: 'dept-1',
      code: 'DGS',
      name: 'Department of General Services',
      coordinatorName: 'Pat Coordinator',
      smallCellThreshold: 3,
    },
    classes: [
      {
        classCode: '1441',
        title: 'Office Assistant',
        designation: 'LPEL',
        ladderTargetClassCodes: ['5157'],
        activeEmployees: 10,
      },
      {
        classCode: '1379',
        title: 'Office Assistant (Typing)',
        designation: 'LPEL',
        ladderTargetClassCodes: [],
        activeEmployees: 2,
      },
      {
        classCode: '1138',
        title: 'Office Technician',
        designation: 'BRIDGING',
        ladderTargetClassCodes: ['5157'],
        activeEmployees: 4,
      },
      {
        classCode: '5157',
        title: 'Staff Services Analyst',
        designation: 'ELTPA',
        ladderTargetClassCodes: [],
        activeEmployees: 6,
      },
      {
        classCode: '4800',
        title: 'Program Technician',
        designation: 'ELTPA',
        ladderTargetClassCodes: [],
        activeEmployees: 1,
      },
    ],
    program: {
      applicationsReceived: 7,
      applicationsAccepted: 4,
      applicationsWaitlisted: 1,
      applicationsDeclined: 2,
      participantsDuringYear: 6,
      participantsWithdrawn: 1,
      participantsWithApprovedPlan: 3,
      conversationsHeld: 9,
      conversationEmployees: 5,
      trainingPeople: 5,
      trainingRecords: 8,
      trainingHours: 42.75,
      trainingStateTimeHours: 30.5,
      trainingOwnTimeHours: 12.25,
      trainingCost: 1234.5,
      tdAssignments: 2,
      tdEmployees: 2,
    },
    trainingHoursByKind: [
      { kind: 'ONLINE', hours: 12.25 },
      { kind: 'CLASSROOM', hours: 30.5 },
    ],
    movesByClass: [
      {
        classCode: '5157',
        title: 'Staff Services Analyst',
        fiscalYearMoves: 2,
        calendarYearMoves: 1,
      },
    ],
    moveTotals: {
      fiscalYearMoves: 2,
      fiscalYearEmployees: 2,
      calendarYearMoves: 1,
      calendarYearEmployees: 1,
      previousFiscalYearMoves: 1,
    },
    goals: {
      previous: sampleGoal('2023-24', { moveGoal: 3 }),
      current: sampleGoal('2024-25', {
        moveGoal: 4,
        moveGoalsByClass: [
          { classCode: '5157', count: 3 },
          { classCode: '4800', count: 1 },
        ],
        budget: 5000,
      }),
      next: null,
    },
    pipeline: [
      {
        classCode: '5157',
        title: 'Staff Services Analyst',
        counts: {
          evaluated: 16,
          eligible: 4,
          examEligible: 2,
          within3Months: 1,
          within6Months: 3,
          within12Months: 7,
          unusable: 0,
        },
      },
      { classCode: '4800', title: 'Program Technician', counts: null },
    ],
    demographics: SAMPLE_CELLS,
    ...overrides,
  };
}
