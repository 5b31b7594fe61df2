import {
  DEMO_ACCOUNTANT_TRAINEE,
  DEMO_IT_ASSOCIATE,
  DEMO_RESEARCH_DATA_ANALYST_I,
  DEMO_RULE_SETS,
  DEMO_STAFF_SERVICES_ANALYST,
} from './demo-rule-sets';
import { AppointmentFact, EmployeeFacts } from './employee-facts';
import { EligibilityResult, evaluateEligibility } from './evaluate-eligibility.rule';
import { validateRuleSet } from './rule-set';

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

function appt(
  classCode: string,
  start: string,
  end: string | null,
  salaryLow = 3500,
  occupationalGroup = 'OFFICE_ALLIED',
): AppointmentFact {
  return { classCode, occupationalGroup, salaryLow, start, end, timeBaseFraction: 1 };
}

function course(title: string): EmployeeFacts['training'][number] {
  return {
    title,
    kind: 'COLLEGE_COURSE',
    hours: 45,
    completionDate: '2023-05-20',
    status: 'VERIFIED',
  };
}

function summary(result: EligibilityResult): [string, string | null] {
  return [result.status, result.nearestPatternId];
}

describe('demo rule sets', () => {
  it.each(DEMO_RULE_SETS.map((ruleSet) => [ruleSet.classCode, ruleSet] as const))(
    '%s is a valid rule set marked illustrative',
    (_code, ruleSet) => {
      expect(validateRuleSet(ruleSet)).toEqual({ ok: true, ruleSet });
      expect(ruleSet.illustrative).toBe(true);
    },
  );

  it('keeps the 5157 exam list out of its minimum qualifications', () => {
    const kinds = DEMO_STAFF_SERVICES_ANALYST.patterns.flatMap((pattern) =>
      pattern.requirements.map((requirement) => requirement.kind),
    );
    expect(kinds).not.toContain('examList');
  });

  it.each<[string, Partial<EmployeeFacts>, [string, string | null]]>([
    [
      'two years as an Office Technician: Pattern I',
      {
        appointments: [
          appt('1441', '2020-01-01', '2023-01-01', 3000),
          appt('1138', '2023-01-01', null),
        ],
      },
      ['ELIGIBLE', 'I'],
    ],
    [
      '19 months as OT after Office Assistant (below the salary level): exam-eligible',
      {
        appointments: [
          appt('1441', '2020-01-01', '2023-12-01', 3000),
          appt('1138', '2023-12-01', null),
        ],
      },
      ['EXAM_ELIGIBLE', 'I'],
    ],
    [
      'a year as OT and 60 units: Pattern II',
      {
        collegeSemesterUnits: 60,
        appointments: [
          appt('1441', '2020-01-01', '2024-07-01', 3000),
          appt('1138', '2024-07-01', null),
        ],
      },
      ['ELIGIBLE', 'II'],
    ],
    [
      'a bachelor’s degree and no state experience: Pattern III',
      { educationLevel: 'BACHELOR' },
      ['ELIGIBLE', 'III'],
    ],
    [
      'a custodian with 30 units: one unmet requirement each in I and III, III has no experience gap',
      {
        collegeSemesterUnits: 30,
        appointments: [appt('2183', '2020-01-01', null, 3000, 'CUSTODIAL_DOMESTIC')],
      },
      ['NOT_YET', 'III'],
    ],
  ])('5157: %s', (_name, facts, expected) => {
    expect(
      summary(evaluateEligibility(makeFacts(facts), DEMO_STAFF_SERVICES_ANALYST, '2025-06-30')),
    ).toEqual(expected);
  });

  it('4548: an Accounting Technician with Financial Accounting qualifies under Pattern III', () => {
    const facts = makeFacts({
      appointments: [appt('1741', '2024-01-01', null, 3700)],
      training: [course('Financial Accounting')],
    });
    expect(summary(evaluateEligibility(facts, DEMO_ACCOUNTANT_TRAINEE, '2025-06-30'))).toEqual([
      'ELIGIBLE',
      'III',
    ]);
  });

  it('1401: an associate degree with half the verified IT training hours', () => {
    const facts = makeFacts({
      educationLevel: 'ASSOCIATE',
      training: [
        {
          title: 'Networking Basics',
          kind: 'ONLINE',
          hours: 20,
          completionDate: '2025-03-01',
          status: 'VERIFIED',
        },
        {
          title: 'Linux Basics',
          kind: 'ONLINE',
          hours: 12,
          completionDate: '2025-06-01',
          status: 'REPORTED',
        },
      ],
    });
    const result = evaluateEligibility(facts, DEMO_IT_ASSOCIATE, '2025-06-30');
    expect(result.status).toBe('NOT_YET');
    expect(result.illustrative).toBe(true);
    const [education, training] = result.patterns[1].requirements;
    expect(education.met).toBe(true);
    expect(training).toMatchObject({ met: false, gap: 20 });
    expect(training.have.explanation).toBe(
      '20 verified hours of CLASSROOM or ONLINE completed by 2025-06-30; ' +
        '12 more hours reported but not verified (not counted)',
    );
  });

  it('8350: a graduate with the statistics course qualifies under Pattern I', () => {
    const facts = makeFacts({
      educationLevel: 'BACHELOR',
      training: [course('Introductory Statistics')],
    });
    expect(summary(evaluateEligibility(facts, DEMO_RESEARCH_DATA_ANALYST_I, '2025-06-30'))).toEqual(
      ['ELIGIBLE', 'I'],
    );
  });
});
