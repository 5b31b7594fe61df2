import type { AppointmentFact, EmployeeFacts } from './employee-facts';
import { evaluateEligibility } from './evaluate-eligibility.rule';
import { factsAsOf, UnknownClassificationError } from './employee-history.rule';
import type {
  AppointmentStep,
  ClassInfo,
  EmployeeHistory,
  EmployeeRecord,
} from './employee-history.rule';

const CLASSES = new Map<string, ClassInfo>([
  ['c1441', { classCode: '1441', occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3000 }],
  ['c1138', { classCode: '1138', occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3500 }],
  ['c1139', { classCode: '1139', occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3600 }],
  [
    'c5157',
    { classCode: '5157', occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES', salaryLow: 4800 },
  ],
]);

function employee(overrides: Partial<EmployeeRecord> = {}): EmployeeRecord {
  return {
    id: 'e-1',
    classificationId: 'c1138',
    hireDate: '2020-01-06',
    separatedOn: null,
    timeBaseFraction: 1,
    educationLevel: 'HIGH_SCHOOL',
    collegeSemesterUnits: 12,
    licenses: ['CDL-A'],
    ...overrides,
  };
}

function step(
  effectiveDate: string,
  type: AppointmentStep['type'],
  from: string | null,
  to: string | null,
  timeBaseFraction = 1,
): AppointmentStep {
  return {
    effectiveDate,
    type,
    fromClassificationId: from,
    toClassificationId: to,
    timeBaseFraction,
  };
}

function history(overrides: Partial<EmployeeHistory> = {}): EmployeeHistory {
  return {
    employee: employee(),
    appointments: [],
    tdAssignments: [],
    training: [],
    examLists: [],
    ...overrides,
  };
}

/** `1138 2020-01-06..2021-01-01` style summaries of appointment facts. */
function periods(facts: EmployeeFacts): string[] {
  return facts.appointments.map(
    (fact: AppointmentFact) =>
      `${fact.classCode} ${fact.start}..${fact.end ?? ''}${fact.timeBaseFraction === 1 ? '' : ` @${fact.timeBaseFraction}`}`,
  );
}

describe('factsAsOf: appointment steps to periods', () => {
  const hired = step('2020-01-06', 'HIRE', null, 'c1441');
  const promoted = step('2021-03-01', 'PROMOTION', 'c1441', 'c1138');
  const tdStart = step('2022-01-01', 'TD_START', 'c1138', 'c5157');
  const tdEnd = step('2022-06-30', 'TD_END', 'c5157', 'c1138');
  const halfTime = step('2023-01-01', 'TRANSFER', 'c1138', 'c1139', 0.5);
  const separated = step('2024-01-01', 'SEPARATION', 'c1139', null);
  const rehired = step('2024-06-01', 'HIRE', null, 'c1138');

  it.each<{
    name: string;
    steps: AppointmentStep[];
    asOf: string;
    record?: Partial<EmployeeRecord>;
    expected: string[];
  }>([
    {
      name: 'each step starts a period ending at the next one; the last stays open',
      steps: [hired, promoted],
      asOf: '2025-01-01',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..'],
    },
    {
      name: 'TD_START and TD_END are not periods: the appointment goes on underneath',
      steps: [hired, promoted, tdStart, tdEnd],
      asOf: '2025-01-01',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..'],
    },
    {
      name: 'a period carries the time base of its step',
      steps: [hired, promoted, halfTime],
      asOf: '2025-01-01',
      expected: [
        '1441 2020-01-06..2021-03-01',
        '1138 2021-03-01..2023-01-01',
        '1139 2023-01-01.. @0.5',
      ],
    },
    {
      name: 'a separation ends the period and starts none; a rehire starts a new one',
      steps: [hired, promoted, halfTime, separated, rehired],
      asOf: '2025-01-01',
      expected: [
        '1441 2020-01-06..2021-03-01',
        '1138 2021-03-01..2023-01-01',
        '1139 2023-01-01..2024-01-01 @0.5',
        '1138 2024-06-01..',
      ],
    },
    {
      name: 'steps after the as-of date are left out, so the period in force then stays open',
      steps: [hired, promoted, halfTime],
      asOf: '2022-12-31',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..'],
    },
    {
      name: 'a step on the as-of date counts',
      steps: [hired, promoted],
      asOf: '2021-03-01',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..'],
    },
    {
      name: 'no history at all: the current class since the hire date',
      steps: [],
      asOf: '2025-01-01',
      expected: ['1138 2020-01-06..'],
    },
    {
      name: 'history starting after the hire date: the first step’s from class before it',
      steps: [promoted],
      asOf: '2025-01-01',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..'],
    },
    {
      name: 'every step after the as-of date: the class they moved the employee from, open',
      steps: [promoted],
      asOf: '2020-12-31',
      expected: ['1441 2020-01-06..'],
    },
    {
      name: 'not yet hired on the as-of date: nothing',
      steps: [],
      asOf: '2019-12-31',
      expected: [],
    },
    {
      name: 'separated without a SEPARATION step: the open period ends on the separation date',
      steps: [hired],
      asOf: '2025-01-01',
      record: { separatedOn: '2022-02-01', classificationId: 'c1441' },
      expected: ['1441 2020-01-06..2022-02-01'],
    },
    {
      name: 'a separation date after the as-of date is not known yet',
      steps: [hired],
      asOf: '2021-01-01',
      record: { separatedOn: '2022-02-01', classificationId: 'c1441' },
      expected: ['1441 2020-01-06..'],
    },
    {
      name: 'steps of one date keep their recording order, whatever order they come in',
      steps: [promoted, hired, step('2021-03-01', 'DEMOTION', 'c1138', 'c1441')],
      asOf: '2025-01-01',
      expected: ['1441 2020-01-06..2021-03-01', '1138 2021-03-01..2021-03-01', '1441 2021-03-01..'],
    },
  ])('$name', ({ steps, asOf, record, expected }) => {
    const facts = factsAsOf(
      history({ appointments: steps, employee: employee(record) }),
      CLASSES,
      asOf,
    );
    expect(periods(facts)).toEqual(expected);
  });
});

describe('factsAsOf: the time base projections assume', () => {
  const hired = step('2020-01-06', 'HIRE', null, 'c1138', 1);
  const halfTime = step('2023-01-01', 'TRANSFER', 'c1138', 'c1139', 0.5);

  it.each([
    {
      name: 'nothing recorded later: the employee’s current time base',
      asOf: '2024-01-01',
      record: 0.8,
      expected: 0.8,
    },
    {
      name: 'a later step recorded: the appointment in force then',
      asOf: '2022-06-01',
      record: 0.5,
      expected: 1,
    },
  ])('$name', ({ asOf, record, expected }) => {
    const facts = factsAsOf(
      history({
        appointments: [hired, halfTime],
        employee: employee({ timeBaseFraction: record }),
      }),
      CLASSES,
      asOf,
    );
    expect(facts.timeBaseFraction).toBe(expected);
  });
});

describe('factsAsOf: other records as of the date', () => {
  const base = history({
    appointments: [step('2020-01-06', 'HIRE', null, 'c1138')],
    tdAssignments: [
      {
        workClassificationId: 'c5157',
        startDate: '2022-01-01',
        plannedEndDate: '2022-12-31',
        actualEndDate: '2022-06-30',
        timeBaseFraction: 1,
      },
      {
        workClassificationId: 'c5157',
        startDate: '2024-01-01',
        plannedEndDate: '2024-12-31',
        actualEndDate: null,
        timeBaseFraction: 0.5,
      },
    ],
    training: [
      {
        title: 'Excel',
        kind: 'ONLINE',
        hours: 8,
        completionDate: '2021-05-01',
        status: 'VERIFIED',
      },
      {
        title: 'Writing',
        kind: 'CLASSROOM',
        hours: 16,
        completionDate: '2021-06-01',
        status: 'REPORTED',
      },
      {
        title: 'Budgets',
        kind: 'CLASSROOM',
        hours: 24,
        completionDate: '2024-02-01',
        status: 'VERIFIED',
      },
    ],
    examLists: [
      { classificationId: 'c5157', listDate: '2023-03-01', expiresOn: '2025-03-01' },
      { classificationId: 'c1139', listDate: '2021-01-01', expiresOn: '2022-01-01' },
    ],
  });

  it.each([
    {
      asOf: '2023-12-31',
      td: ['5157 2022-01-01..2022-06-30'],
      training: ['Excel'],
      lists: ['1139 2021-01-01', '5157 2023-03-01'],
    },
    {
      asOf: '2024-06-01',
      td: ['5157 2022-01-01..2022-06-30', '5157 2024-01-01..2024-12-31 @0.5'],
      training: ['Excel', 'Budgets'],
      lists: ['1139 2021-01-01', '5157 2023-03-01'],
    },
    { asOf: '2021-12-31', td: [], training: ['Excel'], lists: ['1139 2021-01-01'] },
  ])(
    'as of $asOf: T&D started by then (actual end, else planned), verified training completed by then, lists dated by then',
    ({ asOf, td, training, lists }) => {
      const facts = factsAsOf(base, CLASSES, asOf);
      expect(
        facts.tdAssignments.map(
          (a) =>
            `${a.classCode} ${a.start}..${a.end}${a.timeBaseFraction === 1 ? '' : ` @${a.timeBaseFraction}`}`,
        ),
      ).toEqual(td);
      expect(facts.training.map((t) => t.title)).toEqual(training);
      expect(facts.examLists.map((l) => `${l.classCode} ${l.listDate}`).sort()).toEqual(lists);
    },
  );

  it('copies education and licenses', () => {
    const facts = factsAsOf(base, CLASSES, '2025-01-01');
    expect(facts).toMatchObject({
      employeeId: 'e-1',
      educationLevel: 'HIGH_SCHOOL',
      collegeSemesterUnits: 12,
      licenses: ['CDL-A'],
    });
  });

  it('refuses a class missing from the lookup (a loader bug, not bad data)', () => {
    expect(() =>
      factsAsOf(
        history({ appointments: [step('2020-01-06', 'HIRE', null, 'nope')] }),
        CLASSES,
        '2025-01-01',
      ),
    ).toThrow(UnknownClassificationError);
  });

  it('gives facts the evaluator accepts, counting only what was known on the date', () => {
    const ruleSet = {
      classCode: '5157',
      title: 'Staff Services Analyst',
      effectiveFrom: '2020-01-01',
      patterns: [
        {
          id: 'I',
          label: 'Two years in 1138',
          requirements: [{ kind: 'experience' as const, months: 24, inClassCodes: ['1138'] }],
        },
      ],
    };
    const steps = [
      step('2020-01-06', 'HIRE', null, 'c1441'),
      step('2021-01-06', 'PROMOTION', 'c1441', 'c1138'),
      step('2022-01-06', 'PROMOTION', 'c1138', 'c1441'),
    ];
    // As of 2021-07-05, the move away from 1138 was not yet on record: 6 months so far, and
    // 24 months are projected for 2023-01-05 as if 1138 continued.
    const early = evaluateEligibility(
      factsAsOf(history({ appointments: steps }), CLASSES, '2021-07-05'),
      ruleSet,
      '2021-07-05',
    );
    expect(early.patterns[0].requirements[0]).toMatchObject({
      met: false,
      gap: 18,
      projectedMetOn: '2023-01-05',
    });
    const later = evaluateEligibility(
      factsAsOf(history({ appointments: steps }), CLASSES, '2023-01-05'),
      ruleSet,
      '2023-01-05',
    );
    expect(later.patterns[0].requirements[0]).toMatchObject({
      met: false,
      gap: 12,
      projectedMetOn: null,
    });
  });
});
