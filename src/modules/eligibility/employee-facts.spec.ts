import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  AppointmentFact,
  EmployeeFacts,
  InvalidEmployeeFactsError,
  prepareEmployeeFacts,
  TdAssignmentFact,
} from './employee-facts';

function makeFacts(overrides: Partial<EmployeeFacts> = {}): EmployeeFacts {
  return {
    employeeId: 'e-1',
    timeBaseFraction: 1,
    educationLevel: null,
    collegeSemesterUnits: 0,
    licenses: [],
    appointments: [],
    tdAssignments: [],
    training: [],
    examLists: [],
    ...overrides,
  };
}

function appointment(start: string, end: string | null, classCode = '1138'): AppointmentFact {
  return {
    classCode,
    occupationalGroup: 'OFFICE_ALLIED',
    salaryLow: 3500,
    start,
    end,
    timeBaseFraction: 1,
  };
}

function td(start: string, end: string, classCode = '5157'): TdAssignmentFact {
  return {
    classCode,
    occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES',
    salaryLow: 4500,
    start,
    end,
    timeBaseFraction: 1,
  };
}

describe('prepareEmployeeFacts', () => {
  it('reads appointment ends as exclusive, T&D ends as inclusive, and drops empty appointments', () => {
    const result = prepareEmployeeFacts(
      makeFacts({
        appointments: [
          appointment('2020-01-01', '2021-01-01', '1441'),
          appointment('2021-01-01', '2021-01-01', '1379'),
          appointment('2021-01-01', null),
        ],
        tdAssignments: [td('2022-03-01', '2022-08-31')],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(
      result.prepared.periods.map(({ source, index, classCode, firstDay, lastDay }) => ({
        source,
        index,
        classCode,
        firstDay,
        lastDay,
      })),
    ).toEqual([
      {
        source: 'APPOINTMENT',
        index: 0,
        classCode: '1441',
        firstDay: toDayNumber('2020-01-01'),
        lastDay: toDayNumber('2020-12-31'),
      },
      {
        source: 'APPOINTMENT',
        index: 2,
        classCode: '1138',
        firstDay: toDayNumber('2021-01-01'),
        lastDay: Infinity,
      },
      {
        source: 'TD_ASSIGNMENT',
        index: 0,
        classCode: '5157',
        firstDay: toDayNumber('2022-03-01'),
        lastDay: toDayNumber('2022-08-31'),
      },
    ]);
  });

  it('reports every problem with its path', () => {
    const result = prepareEmployeeFacts(
      makeFacts({
        timeBaseFraction: 1.5,
        collegeSemesterUnits: -1,
        appointments: [
          appointment('2020-01-01', '2019-12-31'),
          { ...appointment('2020-02-30', null), timeBaseFraction: -0.5 },
        ],
        tdAssignments: [td('2022-03-01', '2022-02-28')],
        training: [
          {
            title: 'Excel',
            kind: 'ONLINE',
            hours: Number.NaN,
            completionDate: '2024-13-01',
            status: 'VERIFIED',
          },
        ],
        examLists: [{ classCode: '5157', listDate: '2024-05-01', expiresOn: '2024-04-30' }],
      }),
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'timeBaseFraction', message: 'must be between 0 and 1, got 1.5' },
        { path: 'collegeSemesterUnits', message: 'must be a number of at least 0, got -1' },
        { path: 'appointments[0].end', message: 'is before the start' },
        {
          path: 'appointments[1].start',
          message: 'must be a real date written YYYY-MM-DD, got "2020-02-30"',
        },
        { path: 'appointments[1].timeBaseFraction', message: 'must be between 0 and 1, got -0.5' },
        { path: 'tdAssignments[0].end', message: 'is before the start' },
        { path: 'training[0].hours', message: 'must be a number of at least 0, got NaN' },
        {
          path: 'training[0].completionDate',
          message: 'must be a real date written YYYY-MM-DD, got "2024-13-01"',
        },
        { path: 'examLists[0].expiresOn', message: 'is before the list date' },
      ],
    });
  });

  it('names the employee and each problem in the error the evaluator throws', () => {
    const error = new InvalidEmployeeFactsError('e-9', [
      { path: 'appointments[0].end', message: 'is before the start' },
    ]);
    expect(error.message).toBe(
      'Employee e-9 has unusable eligibility facts: appointments[0].end is before the start',
    );
  });
});
