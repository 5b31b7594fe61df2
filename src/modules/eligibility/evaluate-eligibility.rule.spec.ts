import { InvalidIsoDateError, toDayNumber } from '../program-calendar/fiscal-year.rule';
import {
  AppointmentFact,
  EmployeeFacts,
  InvalidEmployeeFactsError,
  TdAssignmentFact,
  TrainingFact,
} from './employee-facts';
import {
  EligibilityResult,
  evaluateEligibility,
  evaluateMany,
  RequirementResult,
} from './evaluate-eligibility.rule';
import { Pattern, Requirement, RuleSet } from './rule-set';

// ---------------------------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------------------------

const CLASSES: Record<string, { occupationalGroup: string; salaryLow: number }> = {
  '1441': { occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3000 },
  '1138': { occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3500 },
  '1139': { occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3500 },
  '9928': { occupationalGroup: 'OFFICE_ALLIED', salaryLow: 3800 },
  '2183': { occupationalGroup: 'CUSTODIAL_DOMESTIC', salaryLow: 3000 },
  '5157': { occupationalGroup: 'FISCAL_MANAGEMENT_STAFF_SERVICES', salaryLow: 4800 },
};

function makeFacts(overrides: Partial<EmployeeFacts> = {}): EmployeeFacts {
  return {
    employeeId: 'e-1',
    timeBaseFraction: 1,
    educationLevel: 'HIGH_SCHOOL',
    collegeSemesterUnits: 0,
    licenses: [],
    appointments: [],
    tdAssignments: [],
    training: [],
    examLists: [],
    ...overrides,
  };
}

/** A regular appointment; `end` is exclusive (the next appointment's date), null while current. */
function appt(classCode: string, start: string, end: string | null, fraction = 1): AppointmentFact {
  return { classCode, ...CLASSES[classCode], start, end, timeBaseFraction: fraction };
}

/** A T&D assignment; `end` is inclusive. */
function td(classCode: string, start: string, end: string, fraction = 1): TdAssignmentFact {
  return { classCode, ...CLASSES[classCode], start, end, timeBaseFraction: fraction };
}

function training(overrides: Partial<TrainingFact> = {}): TrainingFact {
  return {
    title: 'Excel Basics',
    kind: 'ONLINE',
    hours: 8,
    completionDate: '2024-06-01',
    status: 'VERIFIED',
    ...overrides,
  };
}

function ruleSet(...patterns: Pattern[]): RuleSet {
  return {
    classCode: '5157',
    title: 'Staff Services Analyst',
    effectiveFrom: '2024-07-01',
    patterns,
  };
}

function pattern(id: string, ...requirements: Requirement[]): Pattern {
  return { id, label: `Pattern ${id}`, requirements };
}

/** The single requirement of a single-pattern rule set. */
function evaluateOne(
  facts: EmployeeFacts,
  requirement: Requirement,
  asOf: string,
): RequirementResult {
  return evaluateEligibility(facts, ruleSet(pattern('I', requirement)), asOf).patterns[0]
    .requirements[0];
}

function experience(months: number, inClassCodes?: string[]): Requirement {
  return inClassCodes
    ? { kind: 'experience', months, inClassCodes }
    : { kind: 'experience', months };
}

// ---------------------------------------------------------------------------------------------
// Experience
// ---------------------------------------------------------------------------------------------

describe('evaluateEligibility: experience', () => {
  interface Case {
    name: string;
    facts: Partial<EmployeeFacts>;
    requirement: Requirement;
    asOf: string;
    months: number;
    met: boolean;
    projectedMetOn: string | null;
  }

  it.each<Case>([
    {
      name: 'exactly 24 calendar months, full-time: met',
      facts: { appointments: [appt('1138', '2023-01-02', null)] },
      requirement: experience(24, ['1138']),
      asOf: '2025-01-01',
      months: 24,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'one day short: not met, met the next day',
      facts: { appointments: [appt('1138', '2023-01-02', null)] },
      requirement: experience(24, ['1138']),
      asOf: '2024-12-31',
      months: 23 + 30 / 31,
      met: false,
      projectedMetOn: '2025-01-01',
    },
    {
      name: 'starting on Feb 29: 12 months end the day before Feb 28 next year',
      facts: { appointments: [appt('1138', '2024-02-29', null)] },
      requirement: experience(12, ['1138']),
      asOf: '2025-02-27',
      months: 12,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'starting on Feb 29, one day short',
      facts: { appointments: [appt('1138', '2024-02-29', null)] },
      requirement: experience(12, ['1138']),
      asOf: '2025-02-26',
      // 11 months to 2025-01-29, then 29 of the 30 days from 01-29 to 02-28.
      months: 11 + 29 / 30,
      met: false,
      projectedMetOn: '2025-02-27',
    },
    {
      name: 'a year holding Feb 29 (366 days) is 12 months',
      facts: { appointments: [appt('1138', '2023-03-01', '2024-03-01')] },
      requirement: experience(12, ['1138']),
      asOf: '2024-12-31',
      months: 12,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'half-time counts half, and the projected date is twice as far',
      facts: { timeBaseFraction: 0.5, appointments: [appt('1138', '2023-01-02', null, 0.5)] },
      requirement: experience(24, ['1138']),
      asOf: '2025-01-01',
      months: 12,
      met: false,
      projectedMetOn: '2027-01-01',
    },
    {
      name: 'full-time history then half-time: the rest at half speed',
      facts: {
        timeBaseFraction: 0.5,
        appointments: [
          appt('1138', '2021-01-01', '2022-01-01'),
          appt('1138', '2022-01-01', null, 0.5),
        ],
      },
      requirement: experience(24, ['1138']),
      asOf: '2022-12-31',
      months: 18,
      met: false,
      projectedMetOn: '2023-12-31',
    },
    {
      name: 'the projection uses the current time base when it changed after the appointment',
      facts: { timeBaseFraction: 0.5, appointments: [appt('1138', '2024-01-01', null)] },
      requirement: experience(24, ['1138']),
      asOf: '2024-12-31',
      months: 12,
      met: false,
      projectedMetOn: '2026-12-31',
    },
    {
      name: 'a contiguous span split across qualifying classes still counts exactly',
      facts: {
        appointments: [appt('1138', '2023-01-02', '2023-06-15'), appt('1139', '2023-06-15', null)],
      },
      requirement: experience(24, ['1138', '1139']),
      asOf: '2025-01-01',
      months: 24,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'separate runs each count in their own calendar months',
      facts: {
        appointments: [
          appt('1138', '2020-01-31', '2021-01-31'),
          appt('2183', '2021-01-31', '2022-03-15'),
          appt('1138', '2022-03-15', null),
        ],
      },
      requirement: experience(24, ['1138']),
      asOf: '2023-03-14',
      months: 24,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'no projection once the qualifying class was left',
      facts: {
        appointments: [appt('1138', '2023-01-01', '2024-01-01'), appt('2183', '2024-01-01', null)],
      },
      requirement: experience(24, ['1138']),
      asOf: '2025-06-01',
      months: 12,
      met: false,
      projectedMetOn: null,
    },
    {
      name: 'no projection after separation',
      facts: { appointments: [appt('1138', '2023-01-01', '2024-01-01')] },
      requirement: experience(24, ['1138']),
      asOf: '2025-06-01',
      months: 12,
      met: false,
      projectedMetOn: null,
    },
    {
      name: 'a future-dated appointment counts only in the projection',
      facts: {
        appointments: [appt('2183', '2020-01-01', '2025-03-01'), appt('1138', '2025-03-01', null)],
      },
      requirement: experience(24, ['1138']),
      asOf: '2025-01-01',
      months: 0,
      met: false,
      projectedMetOn: '2027-02-28',
    },
    {
      name: 'any class qualifies when the requirement names none',
      facts: {
        appointments: [appt('2183', '2024-01-01', '2024-07-01'), appt('1441', '2024-07-01', null)],
      },
      requirement: experience(12),
      asOf: '2024-12-31',
      months: 12,
      met: true,
      projectedMetOn: null,
    },
    {
      name: 'a salary level in a group qualifies unnamed classes (1138 at 3500 does not reach 3600)',
      facts: {
        appointments: [appt('1138', '2023-01-01', '2024-01-01'), appt('9928', '2024-01-01', null)],
      },
      requirement: {
        kind: 'experience',
        months: 12,
        inOccupationalGroups: ['OFFICE_ALLIED'],
        atOrAboveSalary: 3600,
      },
      asOf: '2024-06-30',
      months: 6,
      met: false,
      projectedMetOn: '2024-12-31',
    },
    {
      name: 'named classes or the salary level: either qualifies',
      facts: {
        appointments: [appt('1138', '2023-01-01', '2024-01-01'), appt('9928', '2024-01-01', null)],
      },
      requirement: {
        kind: 'experience',
        months: 18,
        inClassCodes: ['1138'],
        inOccupationalGroups: ['OFFICE_ALLIED'],
        atOrAboveSalary: 3600,
      },
      asOf: '2024-06-30',
      months: 18,
      met: true,
      projectedMetOn: null,
    },
  ])('$name', ({ facts, requirement, asOf, months, met, projectedMetOn }) => {
    const result = evaluateOne(makeFacts(facts), requirement, asOf);
    expect(result.have.value).toBeCloseTo(months, 9);
    expect(result.met).toBe(met);
    expect(result.projectedMetOn).toBe(projectedMetOn);
    expect(result.gap).toBeCloseTo(met ? 0 : (result.need.value ?? 0) - months, 9);
  });

  it.each<[Requirement, string]>([
    [experience(6), '6 months of experience in any class'],
    [experience(12, ['1138']), '12 months of experience in class 1138'],
    [
      {
        kind: 'experience',
        months: 24,
        inClassCodes: ['1138', '1139', '9928'],
        inOccupationalGroups: ['OFFICE_ALLIED'],
        atOrAboveSalary: 3600,
      },
      '24 months of experience in class 1138, 1139 or 9928, or in a class in OFFICE_ALLIED ' +
        'with a salary low of at least 3600 a month',
    ],
  ])('states what is needed: %p', (requirement, explanation) => {
    expect(evaluateOne(makeFacts(), requirement, '2025-01-01').need.explanation).toBe(explanation);
  });

  describe('a T&D assignment overlapping the regular appointment', () => {
    const facts = makeFacts({
      appointments: [appt('1138', '2023-01-01', null)],
      tdAssignments: [td('5157', '2024-03-01', '2024-08-31')],
    });

    it.each<[string, string[], number, number, number]>([
      // [name, classes, total, months credited to the appointment, months credited to T&D]
      ['only the regular class qualifies: the regular class counts every day', ['1138'], 24, 24, 0],
      ['only the T&D class qualifies: the T&D counts', ['5157'], 6, 0, 6],
      ['both qualify: each day counts once, for the T&D', ['1138', '5157'], 24, 18, 6],
    ])('%s', (_name, classes, total, regularMonths, tdMonths) => {
      const result = evaluateOne(facts, experience(30, classes), '2024-12-31');
      expect(result.have.value).toBeCloseTo(total, 9);
      const bySource = (type: string): number =>
        result.sources
          .filter((source) => source.type === type)
          .reduce((sum, source) => sum + source.months, 0);
      expect(bySource('APPOINTMENT')).toBeCloseTo(regularMonths, 9);
      expect(bySource('TD_ASSIGNMENT')).toBeCloseTo(tdMonths, 9);
    });

    it('explains what counted and lists the sources', () => {
      const result = evaluateOne(facts, experience(24, ['1138', '5157']), '2024-12-31');
      expect(result.met).toBe(true);
      expect(result.have.explanation).toBe(
        '24 months in 1138, 5157 (appointments 2023-01-01..; T&D 2024-03-01..2024-08-31)',
      );
      expect(result.need.explanation).toBe('24 months of experience in class 1138 or 5157');
      expect(result.sources).toEqual([
        {
          type: 'APPOINTMENT',
          index: 0,
          classCode: '1138',
          start: '2023-01-01',
          end: '2024-12-31',
          ongoing: true,
          timeBaseFraction: 1,
          months: expect.closeTo(18, 9) as number,
        },
        {
          type: 'TD_ASSIGNMENT',
          index: 0,
          classCode: '5157',
          start: '2024-03-01',
          end: '2024-08-31',
          ongoing: false,
          timeBaseFraction: 1,
          months: expect.closeTo(6, 9) as number,
        },
      ]);
    });

    it('counts only the T&D time base on its days, never both', () => {
      const halfTimeTd = makeFacts({
        appointments: [appt('1138', '2024-01-01', null)],
        tdAssignments: [td('5157', '2024-01-01', '2024-06-30', 0.5)],
      });
      const result = evaluateOne(halfTimeTd, experience(24, ['1138', '5157']), '2024-12-31');
      expect(result.have.value).toBeCloseTo(3 + 6, 9);
    });

    it('projects from a planned T&D assignment in a qualifying class', () => {
      const planned = makeFacts({
        appointments: [appt('1138', '2023-01-01', null)],
        tdAssignments: [td('5157', '2025-02-01', '2026-01-31')],
      });
      const result = evaluateOne(planned, experience(6, ['5157']), '2025-01-01');
      expect(result.have.value).toBe(0);
      expect(result.have.explanation).toBe('0 months in qualifying classes');
      expect(result.projectedMetOn).toBe('2025-07-31');
    });

    it('marks a part-time period in the explanation', () => {
      const partTime = makeFacts({
        timeBaseFraction: 0.5,
        appointments: [
          appt('1138', '2024-01-01', '2024-07-01'),
          appt('1139', '2024-07-01', null, 0.5),
        ],
      });
      const result = evaluateOne(partTime, experience(24, ['1138', '1139']), '2024-12-31');
      expect(result.have.explanation).toBe(
        '9 months in 1138, 1139 (appointments 2024-01-01..2024-06-30, 2024-07-01.. at 0.5 time)',
      );
    });
  });
});

// ---------------------------------------------------------------------------------------------
// A slow day-by-day reference for the interval arithmetic
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;

function refAddMonths(dayNumber: number, months: number): number {
  const date = new Date(dayNumber * MS_PER_DAY);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months + 1, 0));
  const day = Math.min(date.getUTCDate(), lastDay.getUTCDate());
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, day) / MS_PER_DAY;
}

interface RefPeriod {
  first: number;
  last: number;
  classCode: string;
  fraction: number;
}

/** The weight of one day: which period it is credited to, at which time base. */
function refWeigher(
  facts: EmployeeFacts,
  qualifies: Set<string>,
  asOfDay: number,
): (day: number) => number {
  const tds: RefPeriod[] = facts.tdAssignments.map((a) => ({
    first: toDayNumber(a.start),
    last: toDayNumber(a.end),
    classCode: a.classCode,
    fraction: a.timeBaseFraction,
  }));
  const appointments: RefPeriod[] = facts.appointments.map((a) => ({
    first: toDayNumber(a.start),
    last: a.end === null ? Infinity : toDayNumber(a.end) - 1,
    classCode: a.classCode,
    fraction: a.timeBaseFraction,
  }));
  return (day) => {
    let best = 0;
    for (const period of tds) {
      if (period.first <= day && day <= period.last && qualifies.has(period.classCode)) {
        best = Math.max(best, period.fraction);
      }
    }
    if (best > 0) return best;
    let inForce: RefPeriod | null = null;
    for (const period of appointments) {
      if (
        period.first <= day &&
        day <= period.last &&
        (!inForce || period.first >= inForce.first)
      ) {
        inForce = period;
      }
    }
    if (!inForce || !qualifies.has(inForce.classCode)) return 0;
    const current = inForce.first <= asOfDay && asOfDay <= inForce.last;
    return day > asOfDay && current ? facts.timeBaseFraction : inForce.fraction;
  };
}

function refExperience(
  facts: EmployeeFacts,
  classes: string[],
  target: number,
  asOf: string,
): { months: number; projectedMetOn: string | null } {
  const asOfDay = toDayNumber(asOf);
  const weightOf = refWeigher(facts, new Set(classes), asOfDay);
  const from = Math.min(
    ...facts.appointments.map((a) => toDayNumber(a.start)),
    ...facts.tdAssignments.map((a) => toDayNumber(a.start)),
  );
  // Targets are at most 36 months, time bases at least 0.5, and the last appointment starts before 2028.
  const horizon = toDayNumber('2036-12-31');
  let total = 0;
  let runStart = Number.NaN;
  let monthStart = 0;
  let nextMonthStart = 0;
  let monthIndex = 0;
  let months: number | null = null;
  for (let day = from; day <= horizon; day += 1) {
    if (day === asOfDay + 1) {
      months = total;
      if (total >= target - 1e-9) return { months, projectedMetOn: null };
    }
    const weight = weightOf(day);
    if (weight === 0) {
      runStart = Number.NaN;
      continue;
    }
    if (Number.isNaN(runStart)) {
      runStart = day;
      monthIndex = 0;
      monthStart = day;
      nextMonthStart = refAddMonths(runStart, 1);
    }
    while (nextMonthStart <= day) {
      monthIndex += 1;
      monthStart = nextMonthStart;
      nextMonthStart = refAddMonths(runStart, monthIndex + 1);
    }
    total += weight / (nextMonthStart - monthStart);
    if (day > asOfDay && total >= target - 1e-9) {
      return {
        months: months ?? 0,
        projectedMetOn: new Date(day * MS_PER_DAY).toISOString().slice(0, 10),
      };
    }
  }
  return { months: months ?? total, projectedMetOn: null };
}

function randomFacts(
  seed: number,
  count: number,
): { facts: EmployeeFacts; asOf: string; target: number }[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const iso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  const base = toDayNumber('2019-01-01');
  return Array.from({ length: count }, (_, index) => {
    const appointments: AppointmentFact[] = [];
    let start = base + Math.floor(next() * 400);
    const steps = 1 + Math.floor(next() * 4);
    for (let step = 0; step < steps; step += 1) {
      const end = start + 20 + Math.floor(next() * 700);
      const last = step === steps - 1;
      appointments.push(
        appt(
          pick(['1138', '1441', '1139']),
          iso(start),
          last && next() < 0.7 ? null : iso(end),
          pick([1, 1, 0.5, 0.75]),
        ),
      );
      start = end + (next() < 0.3 ? Math.floor(next() * 200) : 0);
    }
    const tdAssignments = Array.from({ length: Math.floor(next() * 3) }, () => {
      const tdStart = base + Math.floor(next() * 2200);
      return td(
        pick(['5157', '1139']),
        iso(tdStart),
        iso(tdStart + Math.floor(next() * 400)),
        pick([1, 0.5]),
      );
    });
    return {
      facts: makeFacts({
        employeeId: `e-${index}`,
        timeBaseFraction: pick([1, 0.5, 0.75]),
        appointments,
        tdAssignments,
      }),
      asOf: iso(base + 300 + Math.floor(next() * 2000)),
      target: pick([6, 12, 18, 24, 36]),
    };
  });
}

describe('evaluateEligibility: experience against a day-by-day reference', () => {
  it('gives the same months and projected dates for random histories', () => {
    const wrong: string[] = [];
    const outcomes = { met: 0, projected: 0, never: 0 };
    for (const { facts, asOf, target } of randomFacts(20_250_101, 300)) {
      const classes = ['1138', '5157'];
      const result = evaluateOne(facts, experience(target, classes), asOf);
      const expected = refExperience(facts, classes, target, asOf);
      if (result.met) outcomes.met += 1;
      else if (result.projectedMetOn) outcomes.projected += 1;
      else outcomes.never += 1;
      const months = result.have.value ?? Number.NaN;
      if (
        Math.abs(months - expected.months) > 1e-9 ||
        result.projectedMetOn !== expected.projectedMetOn
      ) {
        wrong.push(
          `${facts.employeeId} as of ${asOf}, ${target} months: got ${months} / ${result.projectedMetOn}, ` +
            `expected ${expected.months} / ${expected.projectedMetOn}`,
        );
      }
    }
    expect(wrong).toEqual([]);
    // The scenarios exercise every outcome, not just one.
    expect(Math.min(outcomes.met, outcomes.projected, outcomes.never)).toBeGreaterThan(20);
  });
});

// ---------------------------------------------------------------------------------------------
// Education
// ---------------------------------------------------------------------------------------------

describe('evaluateEligibility: education', () => {
  const officeYears = (months: number): AppointmentFact[] => [
    appt(
      '1138',
      '2020-01-01',
      months === Infinity ? null : toIso(toDayNumber('2020-01-01'), months),
    ),
  ];
  function toIso(startDay: number, months: number): string {
    return new Date(refAddMonths(startDay, months) * MS_PER_DAY).toISOString().slice(0, 10);
  }
  const substitution = {
    monthsPerYear: 12,
    maxYears: 2,
    qualifyingOccupationalGroups: ['OFFICE_ALLIED'],
  };

  interface Case {
    name: string;
    facts: Partial<EmployeeFacts>;
    requirement: Requirement;
    met: boolean;
    have: number;
    gap: number | null;
    projectedMetOn?: string | null;
  }

  it.each<Case>([
    {
      name: 'a bachelor’s degree meets BACHELOR',
      facts: { educationLevel: 'BACHELOR' },
      requirement: { kind: 'education', level: 'BACHELOR' },
      met: true,
      have: 120,
      gap: 0,
    },
    {
      name: 'a master’s degree meets BACHELOR',
      facts: { educationLevel: 'MASTER' },
      requirement: { kind: 'education', level: 'BACHELOR' },
      met: true,
      have: 120,
      gap: 0,
    },
    {
      name: '120 units without the degree are its equivalent',
      facts: { educationLevel: 'HIGH_SCHOOL', collegeSemesterUnits: 120 },
      requirement: { kind: 'education', level: 'BACHELOR' },
      met: true,
      have: 120,
      gap: 0,
    },
    {
      name: '45 units are 15 short of 60',
      facts: { collegeSemesterUnits: 45 },
      requirement: { kind: 'education', semesterUnits: 60 },
      met: false,
      have: 45,
      gap: 15,
    },
    {
      name: 'an associate degree counts 60 units',
      facts: { educationLevel: 'ASSOCIATE', collegeSemesterUnits: 12 },
      requirement: { kind: 'education', semesterUnits: 60 },
      met: true,
      have: 60,
      gap: 0,
    },
    {
      name: 'a master’s degree has no unit equivalent',
      facts: { educationLevel: 'BACHELOR', collegeSemesterUnits: 160 },
      requirement: { kind: 'education', level: 'MASTER' },
      met: false,
      have: 160,
      gap: null,
    },
    {
      name: 'no level recorded does not meet HIGH_SCHOOL',
      facts: { educationLevel: null },
      requirement: { kind: 'education', level: 'HIGH_SCHOOL' },
      met: false,
      have: 0,
      gap: null,
    },
    {
      name: 'experience replaces missing years: 60 units + 24 months = a bachelor’s',
      facts: { collegeSemesterUnits: 60, appointments: officeYears(24) },
      requirement: { kind: 'education', level: 'BACHELOR', experienceSubstitution: substitution },
      met: true,
      have: 120,
      gap: 0,
    },
    {
      name: 'partial years count in proportion: 18 months = 45 units',
      facts: { collegeSemesterUnits: 60, appointments: officeYears(18) },
      requirement: { kind: 'education', level: 'BACHELOR', experienceSubstitution: substitution },
      met: false,
      have: 105,
      gap: 15,
      projectedMetOn: null,
    },
    {
      name: 'at most maxYears: 48 months still replace only 2 years, never to be met by time',
      facts: { collegeSemesterUnits: 30, appointments: officeYears(Infinity) },
      requirement: { kind: 'education', level: 'BACHELOR', experienceSubstitution: substitution },
      met: false,
      have: 90,
      gap: 30,
      projectedMetOn: null,
    },
    {
      name: 'experience outside the qualifying group does not substitute',
      facts: { collegeSemesterUnits: 60, appointments: [appt('2183', '2020-01-01', null)] },
      requirement: { kind: 'education', level: 'BACHELOR', experienceSubstitution: substitution },
      met: false,
      have: 60,
      gap: 60,
      projectedMetOn: null,
    },
    {
      name: 'the current qualifying appointment projects the substitution',
      facts: { collegeSemesterUnits: 90, appointments: [appt('1138', '2023-07-01', null)] },
      requirement: { kind: 'education', level: 'BACHELOR', experienceSubstitution: substitution },
      met: false,
      have: 90 + 15,
      gap: 15,
      projectedMetOn: '2024-06-30',
    },
  ])('$name', ({ facts, requirement, met, have, gap, projectedMetOn }) => {
    const result = evaluateOne(makeFacts(facts), requirement, '2023-12-31');
    expect(result.met).toBe(met);
    expect(result.have.value).toBeCloseTo(have, 9);
    if (gap === null) expect(result.gap).toBeNull();
    else expect(result.gap).toBeCloseTo(gap, 9);
    if (projectedMetOn !== undefined) expect(result.projectedMetOn).toBe(projectedMetOn);
  });

  it('sets aside the months the pattern requires as experience before substituting', () => {
    const rules = ruleSet(
      pattern('II', experience(12, ['1138']), {
        kind: 'education',
        semesterUnits: 60,
        experienceSubstitution: { monthsPerYear: 12, maxYears: 2 },
      }),
    );
    const facts = makeFacts({
      collegeSemesterUnits: 30,
      appointments: [appt('1138', '2022-07-01', null)],
    });
    // 18 months: 12 for the experience requirement, 6 additional = 15 units.
    const [experienceResult, educationResult] = evaluateEligibility(facts, rules, '2023-12-31')
      .patterns[0].requirements;
    expect(experienceResult.met).toBe(true);
    expect(educationResult.met).toBe(false);
    expect(educationResult.have.value).toBeCloseTo(45, 9);
    expect(educationResult.projectedMetOn).toBe('2024-06-30');
    expect(educationResult.have.explanation).toBe(
      'a high-school diploma; 30 semester units + 15 units replaced by experience: ' +
        '18 months in 1138 (appointments 2022-07-01..), less the 12 months this pattern requires as experience',
    );
    expect(educationResult.need.explanation).toBe(
      '60 semester units; each 12 months of additional experience in any class may replace a year ' +
        '(30 units), up to 2 years',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Training, exam lists, licenses
// ---------------------------------------------------------------------------------------------

describe('evaluateEligibility: training', () => {
  it.each<[string, TrainingFact[], Requirement, boolean, number, string[]]>([
    [
      'verified hours count',
      [training({ hours: 40 })],
      { kind: 'training', hours: 40 },
      true,
      40,
      [],
    ],
    [
      'reported (unverified) hours do not count',
      [training({ hours: 32 }), training({ hours: 8, status: 'REPORTED' })],
      { kind: 'training', hours: 40 },
      false,
      32,
      [],
    ],
    [
      'rejected hours do not count',
      [training({ hours: 40, status: 'REJECTED' })],
      { kind: 'training', hours: 40 },
      false,
      0,
      [],
    ],
    [
      'training completed after the as-of date does not count',
      [training({ hours: 40, completionDate: '2025-01-02' })],
      { kind: 'training', hours: 40 },
      false,
      0,
      [],
    ],
    [
      'only the named kinds count towards hours',
      [training({ hours: 30, kind: 'CLASSROOM' }), training({ hours: 30, kind: 'MENTORING' })],
      { kind: 'training', hours: 40, kinds: ['CLASSROOM', 'ONLINE'] },
      false,
      30,
      [],
    ],
    [
      'courses match whatever their case and spacing',
      [training({ title: '  financial   ACCOUNTING ' })],
      { kind: 'training', courses: ['Financial Accounting', 'Managerial Accounting'] },
      false,
      8,
      ['Managerial Accounting'],
    ],
    [
      'an unverified course is missing',
      [training({ title: 'Managerial Accounting', status: 'REPORTED' })],
      { kind: 'training', courses: ['Managerial Accounting'] },
      false,
      0,
      ['Managerial Accounting'],
    ],
    [
      'kinds alone need one training of those kinds',
      [training({ kind: 'COLLEGE_COURSE' })],
      { kind: 'training', kinds: ['COLLEGE_COURSE'] },
      true,
      8,
      [],
    ],
  ])('%s', (_name, records, requirement, met, hours, missing) => {
    const result = evaluateOne(makeFacts({ training: records }), requirement, '2025-01-01');
    expect(result.met).toBe(met);
    expect(result.have.value).toBe(hours);
    expect(result.missing).toEqual(missing);
  });

  it('says which hours were left out and why', () => {
    const result = evaluateOne(
      makeFacts({
        training: [training({ hours: 32 }), training({ hours: 8, status: 'REPORTED' })],
      }),
      { kind: 'training', hours: 40 },
      '2025-01-01',
    );
    expect(result.gap).toBe(8);
    expect(result.have.explanation).toBe(
      '32 verified hours completed by 2025-01-01; 8 more hours reported but not verified (not counted)',
    );
  });
});

describe('evaluateEligibility: exam lists and licenses', () => {
  const list = { classCode: '5157', listDate: '2024-05-01', expiresOn: '2025-04-30' };

  it.each<[string, string, boolean, string | null, string]>([
    [
      'on the list date',
      '2024-05-01',
      true,
      null,
      'on the 5157 list dated 2024-05-01, expiring 2025-04-30',
    ],
    [
      'on the expiry date',
      '2025-04-30',
      true,
      null,
      'on the 5157 list dated 2024-05-01, expiring 2025-04-30',
    ],
    [
      'the day after it expired',
      '2025-05-01',
      false,
      null,
      'the 5157 list the employee was on expired 2025-04-30',
    ],
    [
      'before the list date',
      '2024-04-30',
      false,
      '2024-05-01',
      'on a 5157 list that takes effect 2024-05-01',
    ],
  ])('%s (%s)', (_name, asOf, met, projectedMetOn, explanation) => {
    const result = evaluateOne(
      makeFacts({ examLists: [list] }),
      { kind: 'examList', classCode: '5157' },
      asOf,
    );
    expect(result.met).toBe(met);
    expect(result.projectedMetOn).toBe(projectedMetOn);
    expect(result.have.explanation).toBe(explanation);
  });

  it('does not take a list for another class', () => {
    const facts = makeFacts({ examLists: [{ ...list, classCode: '4548' }] });
    const result = evaluateOne(facts, { kind: 'examList', classCode: '5157' }, '2024-06-01');
    expect(result.met).toBe(false);
    expect(result.have.explanation).toBe('not on a 5157 eligible list');
  });

  it.each<[string[], boolean]>([
    [['CDL-A'], true],
    [['cdl-a'], true],
    [['CDL-B'], false],
    [[], false],
  ])('license CDL-A with %p: %p', (licenses, met) => {
    const result = evaluateOne(
      makeFacts({ licenses }),
      { kind: 'license', code: 'CDL-A' },
      '2025-01-01',
    );
    expect(result.met).toBe(met);
    expect(result.missing).toEqual(met ? [] : ['CDL-A']);
  });
});

// ---------------------------------------------------------------------------------------------
// Overall status and the nearest pattern
// ---------------------------------------------------------------------------------------------

describe('evaluateEligibility: status', () => {
  const onList = { classCode: '5157', listDate: '2024-01-01', expiresOn: '2026-12-31' };

  interface Case {
    name: string;
    facts: Partial<EmployeeFacts>;
    patterns: Pattern[];
    asOf: string;
    status: EligibilityResult['status'];
    nearestPatternId: string;
  }

  it.each<Case>([
    {
      name: 'ELIGIBLE when some pattern is fully met (the first met one is named)',
      facts: { educationLevel: 'BACHELOR', appointments: [appt('1138', '2022-01-01', null)] },
      patterns: [
        pattern('I', experience(36, ['1138'])),
        pattern('II', experience(24, ['1138'])),
        pattern('III', { kind: 'education', level: 'BACHELOR' }),
      ],
      asOf: '2024-06-30',
      status: 'ELIGIBLE',
      nearestPatternId: 'II',
    },
    {
      name: 'EXAM_ELIGIBLE when the experience is met within six months',
      facts: { appointments: [appt('1138', '2023-07-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']))],
      asOf: '2024-12-31',
      status: 'EXAM_ELIGIBLE',
      nearestPatternId: 'I',
    },
    {
      name: 'EXAM_ELIGIBLE on the last day of the six months (projected exactly as-of + 6 months)',
      facts: { appointments: [appt('1138', '2023-07-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']))],
      asOf: '2024-12-30',
      status: 'EXAM_ELIGIBLE',
      nearestPatternId: 'I',
    },
    {
      name: 'NOT_YET a day before that',
      facts: { appointments: [appt('1138', '2023-07-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']))],
      asOf: '2024-12-29',
      status: 'NOT_YET',
      nearestPatternId: 'I',
    },
    {
      name: 'NOT_YET part-time: 3 months short is 6 months and more away at half time',
      facts: { timeBaseFraction: 0.5, appointments: [appt('1138', '2021-01-01', null, 0.5)] },
      patterns: [pattern('I', experience(24, ['1138']))],
      asOf: '2024-06-30',
      status: 'NOT_YET',
      nearestPatternId: 'I',
    },
    {
      name: 'NOT_YET when the current class does not add experience, however small the gap',
      facts: {
        appointments: [appt('1138', '2022-01-01', '2023-12-01'), appt('2183', '2023-12-01', null)],
      },
      patterns: [pattern('I', experience(24, ['1138']))],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'I',
    },
    {
      name: 'an unmet exam list does not block EXAM_ELIGIBLE',
      facts: { appointments: [appt('1138', '2023-07-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']), { kind: 'examList', classCode: '5157' })],
      asOf: '2024-12-31',
      status: 'EXAM_ELIGIBLE',
      nearestPatternId: 'I',
    },
    {
      name: 'an exam list is the only thing missing: EXAM_ELIGIBLE',
      facts: { appointments: [appt('1138', '2022-01-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']), { kind: 'examList', classCode: '5157' })],
      asOf: '2024-12-31',
      status: 'EXAM_ELIGIBLE',
      nearestPatternId: 'I',
    },
    {
      name: 'on the list: ELIGIBLE',
      facts: { appointments: [appt('1138', '2022-01-01', null)], examLists: [onList] },
      patterns: [pattern('I', experience(24, ['1138']), { kind: 'examList', classCode: '5157' })],
      asOf: '2024-12-31',
      status: 'ELIGIBLE',
      nearestPatternId: 'I',
    },
    {
      name: 'anything else unmet blocks EXAM_ELIGIBLE',
      facts: { appointments: [appt('1138', '2023-07-01', null)] },
      patterns: [pattern('I', experience(24, ['1138']), { kind: 'license', code: 'CDL-A' })],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'I',
    },
    {
      name: 'nearest: fewest unmet requirements first, even if further away',
      facts: { appointments: [appt('1138', '2024-01-01', null)] },
      patterns: [
        pattern('A', experience(13, ['1138']), { kind: 'license', code: 'CDL-A' }),
        pattern('B', experience(48, ['1138'])),
      ],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'B',
    },
    {
      name: 'nearest: then the earliest projected date',
      facts: { appointments: [appt('1138', '2024-01-01', null)] },
      patterns: [
        pattern('A', experience(48, ['1138'])),
        pattern('B', experience(36, ['1138'])),
        pattern('C', { kind: 'education', semesterUnits: 60 }),
      ],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'B',
    },
    {
      name: 'nearest: then the smallest experience gap when nothing can be projected',
      facts: {
        appointments: [appt('1138', '2022-01-01', '2024-01-01'), appt('2183', '2024-01-01', null)],
      },
      patterns: [
        pattern('A', experience(48, ['1138'])),
        pattern('B', experience(30, ['1138'])),
        pattern('C', experience(36, ['1138'])),
      ],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'B',
    },
    {
      name: 'nearest: rule-set order on a full tie',
      facts: {},
      patterns: [
        pattern('A', { kind: 'license', code: 'CDL-A' }),
        pattern('B', { kind: 'license', code: 'CDL-B' }),
      ],
      asOf: '2024-12-31',
      status: 'NOT_YET',
      nearestPatternId: 'A',
    },
  ])('$name', ({ facts, patterns, asOf, status, nearestPatternId }) => {
    const result = evaluateEligibility(makeFacts(facts), ruleSet(...patterns), asOf);
    expect(result.status).toBe(status);
    expect(result.nearestPatternId).toBe(nearestPatternId);
  });

  it('summarises each pattern', () => {
    const result = evaluateEligibility(
      makeFacts({ appointments: [appt('1138', '2024-01-01', null)] }),
      ruleSet(
        pattern('A', experience(18, ['1138']), { kind: 'examList', classCode: '5157' }),
        pattern('B', experience(12, ['1138'])),
      ),
      '2024-10-31',
    );
    expect(result).toMatchObject({
      employeeId: 'e-1',
      classCode: '5157',
      asOf: '2024-10-31',
      illustrative: false,
      status: 'EXAM_ELIGIBLE',
      nearestPatternId: 'B',
    });
    expect(
      result.patterns.map(({ patternId, met, examEligible, unmetCount, projectedMetOn }) => ({
        patternId,
        met,
        examEligible,
        unmetCount,
        projectedMetOn,
      })),
    ).toEqual([
      { patternId: 'A', met: false, examEligible: false, unmetCount: 2, projectedMetOn: null },
      {
        patternId: 'B',
        met: false,
        examEligible: true,
        unmetCount: 1,
        projectedMetOn: '2024-12-31',
      },
    ]);
    expect(result.patterns[1].experienceGapMonths).toBeCloseTo(2, 9);
  });
});

describe('evaluateMany', () => {
  it('evaluates each employee as evaluateEligibility would, in order', () => {
    const rules = ruleSet(
      pattern('I', experience(24, ['1138', '5157'])),
      pattern('II', { kind: 'education', level: 'BACHELOR' }),
    );
    const batch = randomFacts(7, 50).map(({ facts }) => facts);
    expect(evaluateMany(batch, rules, '2024-12-31')).toEqual(
      batch.map((facts) => evaluateEligibility(facts, rules, '2024-12-31')),
    );
  });

  it('refuses facts it cannot read, naming the employee', () => {
    const bad = makeFacts({
      employeeId: 'e-7',
      appointments: [appt('1138', '2024-02-01', '2024-01-01')],
    });
    expect(() =>
      evaluateMany([makeFacts(), bad], ruleSet(pattern('I', experience(1))), '2024-12-31'),
    ).toThrow(
      new InvalidEmployeeFactsError('e-7', [
        { path: 'appointments[0].end', message: 'is before the start' },
      ]),
    );
  });

  it('refuses an as-of date that is not a real date', () => {
    expect(() => evaluateMany([], ruleSet(pattern('I', experience(1))), '2024-02-30')).toThrow(
      InvalidIsoDateError,
    );
  });
});
