/**
 * ILLUSTRATIVE rule sets for demos and tests. They are shaped like California class
 * specifications (alternative patterns of experience, education and training) but are NOT the
 * official minimum qualifications of these classes: the patterns, class lists, salary levels and
 * course titles below were simplified or made up. Every one is marked `illustrative: true`, and
 * results computed from them carry that flag. A department must record the real specification
 * (from CalHR's class specifications) before any decision rests on it.
 */
import type { RuleSet } from './rule-set';

/**
 * Office Technician / Program Technician-type classes whose experience the illustrative Staff
 * Services Analyst patterns accept (1138 Office Technician (General), 1139 Office Technician
 * (Typing), and further technician classes).
 */
export const DEMO_OFFICE_TECHNICIAN_CLASSES = [
  '1138',
  '1139',
  '9928',
  '9927',
  '1741',
  '5278',
  '1303',
];

/**
 * Staff Services Analyst (General), the classic entry TPA class of upward mobility. Passing the
 * exam and being on the list is how a candidate is appointed, but it is not a minimum
 * qualification, so no examList requirement appears here.
 */
export const DEMO_STAFF_SERVICES_ANALYST: RuleSet = {
  classCode: '5157',
  title: 'Staff Services Analyst (General)',
  effectiveFrom: '2024-07-01',
  illustrative: true,
  patterns: [
    {
      id: 'I',
      label: 'Pattern I: two years of office or technical experience',
      requirements: [
        {
          kind: 'experience',
          months: 24,
          inClassCodes: DEMO_OFFICE_TECHNICIAN_CLASSES,
          // "...or in an office class at a level of responsibility at least equivalent".
          inOccupationalGroups: ['OFFICE_ALLIED'],
          atOrAboveSalary: 3600,
        },
      ],
    },
    {
      id: 'II',
      label: 'Pattern II: one year of office or technical experience and two years of college',
      requirements: [
        {
          kind: 'experience',
          months: 12,
          inClassCodes: DEMO_OFFICE_TECHNICIAN_CLASSES,
          inOccupationalGroups: ['OFFICE_ALLIED'],
          atOrAboveSalary: 3600,
        },
        { kind: 'education', semesterUnits: 60 },
      ],
    },
    {
      id: 'III',
      label: 'Pattern III: equivalent to graduation from college',
      requirements: [
        {
          kind: 'education',
          level: 'BACHELOR',
          // Up to two years of office experience may stand in for the last two years of college.
          experienceSubstitution: {
            monthsPerYear: 12,
            maxYears: 2,
            qualifyingOccupationalGroups: ['OFFICE_ALLIED'],
          },
        },
      ],
    },
  ],
};

/**
 * Accountant Trainee. The real specification asks for accounting coursework in semester units;
 * the facts here do not record a course's subject, so the accounting part is modelled as named
 * courses from the employee's (verified) training records.
 */
export const DEMO_ACCOUNTANT_TRAINEE: RuleSet = {
  classCode: '4548',
  title: 'Accountant Trainee',
  effectiveFrom: '2024-07-01',
  illustrative: true,
  patterns: [
    {
      id: 'I',
      label: 'Pattern I: college degree including accounting',
      requirements: [
        { kind: 'education', level: 'BACHELOR' },
        { kind: 'training', courses: ['Financial Accounting', 'Managerial Accounting'] },
      ],
    },
    {
      id: 'II',
      label: 'Pattern II: two years of college including accounting coursework',
      requirements: [
        { kind: 'education', semesterUnits: 60 },
        {
          kind: 'training',
          courses: [
            'Financial Accounting',
            'Managerial Accounting',
            'Intermediate Accounting I',
            'Cost Accounting',
          ],
        },
      ],
    },
    {
      id: 'III',
      label: 'Pattern III: one year as an Accounting Technician and an accounting course',
      requirements: [
        { kind: 'experience', months: 12, inClassCodes: ['1741'] },
        { kind: 'training', courses: ['Financial Accounting'] },
      ],
    },
  ],
};

export const DEMO_IT_ASSOCIATE: RuleSet = {
  classCode: '1401',
  title: 'Information Technology Associate',
  effectiveFrom: '2024-07-01',
  illustrative: true,
  patterns: [
    {
      id: 'I',
      label: 'Pattern I: equivalent to graduation from college',
      requirements: [{ kind: 'education', level: 'BACHELOR' }],
    },
    {
      id: 'II',
      label: 'Pattern II: associate degree and IT training',
      requirements: [
        { kind: 'education', level: 'ASSOCIATE' },
        { kind: 'training', hours: 40, kinds: ['CLASSROOM', 'ONLINE'] },
      ],
    },
    {
      id: 'III',
      label: 'Pattern III: one year of office experience at a technical level and an IT course',
      requirements: [
        {
          kind: 'experience',
          months: 12,
          inOccupationalGroups: ['OFFICE_ALLIED'],
          atOrAboveSalary: 3400,
        },
        { kind: 'training', courses: ['IT Fundamentals'] },
      ],
    },
  ],
};

export const DEMO_RESEARCH_DATA_ANALYST_I: RuleSet = {
  classCode: '8350',
  title: 'Research Data Analyst I',
  effectiveFrom: '2024-07-01',
  illustrative: true,
  patterns: [
    {
      id: 'I',
      label: 'Pattern I: college degree and a statistics course',
      requirements: [
        { kind: 'education', level: 'BACHELOR' },
        { kind: 'training', courses: ['Introductory Statistics'] },
      ],
    },
    {
      id: 'II',
      label: 'Pattern II: two years of staff services experience, college and statistics',
      requirements: [
        {
          kind: 'experience',
          months: 24,
          inOccupationalGroups: ['FISCAL_MANAGEMENT_STAFF_SERVICES'],
        },
        {
          kind: 'education',
          semesterUnits: 60,
          // Additional staff services experience beyond the 24 months may replace college.
          experienceSubstitution: {
            monthsPerYear: 12,
            maxYears: 2,
            qualifyingOccupationalGroups: ['FISCAL_MANAGEMENT_STAFF_SERVICES'],
          },
        },
        { kind: 'training', courses: ['Introductory Statistics'] },
      ],
    },
  ],
};

export const DEMO_RULE_SETS: readonly RuleSet[] = [
  DEMO_STAFF_SERVICES_ANALYST,
  DEMO_ACCOUNTANT_TRAINEE,
  DEMO_IT_ASSOCIATE,
  DEMO_RESEARCH_DATA_ANALYST_I,
];
