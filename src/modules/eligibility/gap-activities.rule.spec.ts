import type { EmployeeFacts } from './employee-facts';
import { evaluateEligibility } from './evaluate-eligibility.rule';
import { activitiesForGaps, MAX_DESCRIPTION_LENGTH } from './gap-activities.rule';
import type { GapActivity } from './gap-activities.rule';
import type { Requirement, RuleSet } from './rule-set';

const AS_OF = '2025-01-01';

function facts(overrides: Partial<EmployeeFacts> = {}): EmployeeFacts {
  return {
    employeeId: 'e-1',
    timeBaseFraction: 1,
    educationLevel: 'HIGH_SCHOOL',
    collegeSemesterUnits: 36,
    licenses: [],
    // 1138 since 2024-01-01: 12 months and a day as of 2025-01-01.
    appointments: [
      {
        classCode: '1138',
        occupationalGroup: 'OFFICE_ALLIED',
        salaryLow: 3500,
        start: '2024-01-01',
        end: null,
        timeBaseFraction: 1,
      },
    ],
    tdAssignments: [],
    training: [
      {
        title: 'Excel Basics',
        kind: 'ONLINE',
        hours: 10,
        completionDate: '2024-05-01',
        status: 'VERIFIED',
      },
    ],
    examLists: [],
    ...overrides,
  };
}

function ruleSet(...requirements: Requirement[]): RuleSet {
  return {
    classCode: '5157',
    title: 'Staff Services Analyst',
    effectiveFrom: '2020-01-01',
    patterns: [{ id: 'I', label: 'Pattern I', requirements }],
  };
}

function gaps(rules: RuleSet, employee: EmployeeFacts = facts()): GapActivity[] {
  return activitiesForGaps(evaluateEligibility(employee, rules, AS_OF));
}

describe('activitiesForGaps', () => {
  it.each<{
    name: string;
    requirement: Requirement;
    employee?: EmployeeFacts;
    expected: GapActivity;
  }>([
    {
      name: 'experience time will bring: on the job, dated when it is met',
      requirement: { kind: 'experience', months: 24, inClassCodes: ['1138', '1139'] },
      expected: {
        kind: 'OJT',
        description:
          '12 more months of experience in 1138/1139 (on the job; met on 2025-12-31 if the current assignment continues)',
        targetDate: '2025-12-31',
        plannedHours: null,
        sourceRequirement: '5157:I:0:experience',
      },
    },
    {
      name: 'experience the current class does not give: a T&D assignment, no date',
      requirement: {
        kind: 'experience',
        months: 6,
        inOccupationalGroups: ['FISCAL_MANAGEMENT_STAFF_SERVICES'],
        atOrAboveSalary: 4000,
      },
      expected: {
        kind: 'TD_ASSIGNMENT',
        description:
          '6 more months of experience in a class in FISCAL_MANAGEMENT_STAFF_SERVICES with a salary low of at least 4000 (e.g. a T&D assignment in one of these classes)',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:experience',
      },
    },
    {
      name: 'a fraction of a month is rounded up to a tenth',
      requirement: { kind: 'experience', months: 12.25, inClassCodes: ['1138'] },
      expected: {
        kind: 'OJT',
        description:
          '0.3 more months of experience in 1138 (on the job; met on 2025-01-08 if the current assignment continues)',
        targetDate: '2025-01-08',
        plannedHours: null,
        sourceRequirement: '5157:I:0:experience',
      },
    },
    {
      name: 'semester units',
      requirement: { kind: 'education', semesterUnits: 60 },
      expected: {
        kind: 'COLLEGE_COURSE',
        description: '24 more semester units',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:education',
      },
    },
    {
      name: 'a degree with a unit equivalent and experience that may stand in, dated',
      requirement: {
        kind: 'education',
        level: 'BACHELOR',
        experienceSubstitution: {
          monthsPerYear: 12,
          maxYears: 4,
          qualifyingOccupationalGroups: ['OFFICE_ALLIED'],
        },
      },
      expected: {
        kind: 'COLLEGE_COURSE',
        description:
          '54 more semester units toward a bachelor’s degree, or qualifying experience until 2026-10-19',
        targetDate: '2026-10-19',
        plannedHours: null,
        sourceRequirement: '5157:I:0:education',
      },
    },
    {
      name: 'a degree without a unit equivalent',
      requirement: { kind: 'education', level: 'MASTER' },
      expected: {
        kind: 'COLLEGE_COURSE',
        description: 'Complete a master’s degree',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:education',
      },
    },
    {
      name: 'training hours and courses, with the hours planned',
      requirement: {
        kind: 'training',
        hours: 40,
        kinds: ['CLASSROOM', 'ONLINE'],
        courses: ['Excel Basics', 'Budgeting 101'],
      },
      expected: {
        kind: 'TRAINING',
        description: '30 more verified hours of CLASSROOM/ONLINE training; complete Budgeting 101',
        targetDate: null,
        plannedHours: 30,
        sourceRequirement: '5157:I:0:training',
      },
    },
    {
      name: 'training of a kind only',
      requirement: { kind: 'training', kinds: ['MENTORING'] },
      expected: {
        kind: 'TRAINING',
        description: 'At least one verified MENTORING training',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:training',
      },
    },
    {
      name: 'an eligible list',
      requirement: { kind: 'examList', classCode: '5157' },
      expected: {
        kind: 'EXAM',
        description: 'Exam for 5157 (to be placed on its eligible list)',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:examList',
      },
    },
    {
      name: 'an eligible list that takes effect later: dated',
      requirement: { kind: 'examList', classCode: '5157' },
      employee: facts({
        examLists: [{ classCode: '5157', listDate: '2025-03-01', expiresOn: '2027-03-01' }],
      }),
      expected: {
        kind: 'EXAM',
        description: 'Exam for 5157 (to be placed on its eligible list)',
        targetDate: '2025-03-01',
        plannedHours: null,
        sourceRequirement: '5157:I:0:examList',
      },
    },
    {
      name: 'a license, with its label',
      requirement: { kind: 'license', code: 'CDL-A', label: 'Commercial driver license' },
      expected: {
        kind: 'OTHER',
        description: 'Obtain license Commercial driver license (CDL-A)',
        targetDate: null,
        plannedHours: null,
        sourceRequirement: '5157:I:0:license',
      },
    },
  ])('$name', ({ requirement, employee, expected }) => {
    expect(gaps(ruleSet(requirement), employee)).toEqual([expected]);
  });

  it('one activity per unmet requirement of the nearest pattern only, keyed by its index', () => {
    const rules: RuleSet = {
      classCode: '4548',
      title: 'Accountant Trainee',
      effectiveFrom: '2020-01-01',
      patterns: [
        {
          id: 'far',
          label: 'Far',
          requirements: [
            { kind: 'education', level: 'DOCTORATE' },
            { kind: 'license', code: 'CPA' },
            { kind: 'examList', classCode: '4548' },
          ],
        },
        {
          id: 'near',
          label: 'Near',
          requirements: [
            { kind: 'experience', months: 6, inClassCodes: ['1138'] },
            { kind: 'license', code: 'CPA' },
            { kind: 'training', courses: ['Excel Basics'] },
            { kind: 'education', semesterUnits: 40 },
          ],
        },
      ],
    };
    expect(gaps(rules).map((activity) => activity.sourceRequirement)).toEqual([
      '4548:near:1:license',
      '4548:near:3:education',
    ]);
  });

  it('nothing for an eligible employee', () => {
    expect(gaps(ruleSet({ kind: 'experience', months: 6, inClassCodes: ['1138'] }))).toEqual([]);
  });

  it('keeps descriptions within the column', () => {
    const codes = Array.from({ length: 200 }, (_, i) => String(1000 + i));
    const [activity] = gaps(ruleSet({ kind: 'experience', months: 60, inClassCodes: codes }));
    expect(activity.description.length).toBe(MAX_DESCRIPTION_LENGTH);
    expect(activity.description.endsWith('…')).toBe(true);
  });
});
