/**
 * Training records of the scale data set: about TRAINING_PER_YEAR records per employee and year
 * on the rolls (online courses, classes, college courses, on-the-job training, mentoring,
 * conferences), mostly verified by the coordinator, some still reported, a few rejected. Each
 * record satisfies the training record rules (training-record.rule.ts): quarter hours, semester
 * units only and always for a college course, completion not before the start nor after
 * yesterday; the state-time cap flag is computed as the training service computes it.
 * Generated lazily, one employee after another, so a department's records stream.
 */
import type { TrainingKind, TrainingStatus } from '../training/training-record.entity';
import { exceedsStateTimeCap } from '../training/training-record.rule';
import type { Instant } from './program.rule';
import type { Prng, Weighted } from './prng.rule';
import type { WorkforceEmployee } from './workforce.rule';

/**
 * Records per employee and year on the rolls. Three fiscal years ending with the current one
 * (about 40% elapsed in late November) are ~2.4 years of data: ~1.5 million records for 230,000
 * employees, i.e. about 2 per employee for each of the three fiscal years.
 */
export const TRAINING_PER_YEAR = 3.1;

export interface FiscalYearSpan {
  label: string;
  start: number;
  end: number;
}

export interface TrainingRecordDraft {
  id: string;
  employeeIndex: number;
  title: string;
  provider: string;
  kind: TrainingKind;
  hours: number;
  semesterUnits: number | null;
  startDay: number;
  completionDay: number;
  fiscalYear: string;
  onStateTime: boolean;
  cost: number | null;
  status: TrainingStatus;
  reportedAt: Instant;
  verifiedAt: Instant | null;
  rejectionReason: string | null;
  exceedsStateTimeCap: boolean;
}

export interface TrainingInput {
  employees: readonly WorkforceEmployee[];
  fiscalYears: readonly FiscalYearSpan[];
  today: number;
  /** The department's paid training hours cap per employee and year; null = none. */
  stateTimeCapHours: number | null;
}

const KIND_WEIGHTS: Weighted<TrainingKind> = [
  ['ONLINE', 45],
  ['CLASSROOM', 28],
  ['OJT', 9],
  ['CONFERENCE', 7],
  ['COLLEGE_COURSE', 6],
  ['MENTORING', 5],
];

const TITLES: Record<TrainingKind, readonly string[]> = {
  ONLINE: [
    'Sexual Harassment Prevention',
    'Information Security Awareness',
    'Ethics Orientation',
    'Defensive Driver Training',
    'Excel Basics',
    'Microsoft Teams Essentials',
    'Workplace Violence Prevention',
    'Implicit Bias',
    'Records Management',
    'Digital Accessibility Basics',
  ],
  CLASSROOM: [
    'Business Writing',
    'Excel Intermediate',
    'Customer Service Excellence',
    'Effective Communication',
    'Budgeting Basics',
    'Analytical Thinking',
    'Project Management Fundamentals',
    'Preparing for the Staff Services Analyst Exam',
    'Conflict Resolution',
    'Leadership Essentials',
  ],
  COLLEGE_COURSE: [
    'ENGL 1A College Composition',
    'STAT 1 Elementary Statistics',
    'ACCT 301 Financial Accounting',
    'BUS 110 Introduction to Business',
    'PSYC 300 General Psychology',
    'CISA 305 Database Fundamentals',
    'POLS 301 American Government',
  ],
  OJT: [
    'Desk procedures: purchasing',
    'Cross-training: personnel transactions',
    'Cross-training: budget tracking',
    'Shadowing: program analysis',
  ],
  MENTORING: ['Mentoring program: career development', 'Mentoring: analyst skills'],
  CONFERENCE: [
    'Upward Mobility Symposium',
    'Government Technology Conference',
    'Women in Public Service Conference',
    'Statewide Training Summit',
  ],
};

const PROVIDERS: Record<TrainingKind, readonly string[]> = {
  ONLINE: ['CalHR Learning Management System', 'LinkedIn Learning', 'Department Training Office'],
  CLASSROOM: [
    'CalHR Statewide Training',
    'Department Training Office',
    'Sacramento State College of Continuing Education',
    'UC Davis Continuing and Professional Education',
  ],
  COLLEGE_COURSE: [
    'Sacramento City College',
    'American River College',
    'California State University, Sacramento',
    'Cosumnes River College',
    'Los Angeles City College',
    'San Diego Mesa College',
  ],
  OJT: ['Department'],
  MENTORING: ['Department Mentoring Program'],
  CONFERENCE: ['CalHR', 'Government Technology', 'California Public Employees Forum'],
};

const REJECTION_REASONS = [
  'No certificate of completion was provided.',
  'Duplicate of an earlier record.',
  'Not job-related training.',
];

interface Shape {
  hours: number;
  semesterUnits: number | null;
  days: number;
  onStateTime: boolean;
  cost: number | null;
}

function shapeOf(prng: Prng, kind: TrainingKind): Shape {
  switch (kind) {
    case 'ONLINE':
      return {
        hours: prng.int(2, 32) / 4,
        semesterUnits: null,
        days: 0,
        onStateTime: prng.chance(0.95),
        cost: prng.chance(0.8) ? null : prng.int(20, 150),
      };
    case 'CLASSROOM':
      return {
        hours: prng.item([4, 6, 7, 8, 12, 14, 16, 21, 24]),
        semesterUnits: null,
        days: prng.int(0, 4),
        onStateTime: prng.chance(0.92),
        cost: prng.int(150, 900),
      };
    case 'COLLEGE_COURSE': {
      const units = prng.item([3, 3, 3, 4, 1.5]);
      return {
        hours: units * 16,
        semesterUnits: units,
        days: prng.int(100, 120),
        onStateTime: prng.chance(0.4),
        cost: Math.round(units * 46 + prng.int(40, 220)),
      };
    }
    case 'OJT':
      return {
        hours: prng.int(8, 80),
        semesterUnits: null,
        days: prng.int(7, 60),
        onStateTime: true,
        cost: null,
      };
    case 'MENTORING':
      return {
        hours: prng.int(4, 48) / 2,
        semesterUnits: null,
        days: prng.int(60, 180),
        onStateTime: prng.chance(0.95),
        cost: null,
      };
    case 'CONFERENCE':
      return {
        hours: prng.item([8, 12, 16, 24]),
        semesterUnits: null,
        days: prng.int(0, 2),
        onStateTime: prng.chance(0.9),
        cost: prng.int(300, 1800),
      };
  }
}

function workHour(prng: Prng, day: number): Instant {
  return { day, second: prng.int(16 * 3600, 23 * 3600 + 59 * 60) };
}

/** The training records of a department's employees, in employee order, lazily. */
export function* trainingRecords(
  input: TrainingInput,
  prng: Prng,
  ids: Prng,
): Generator<TrainingRecordDraft> {
  const lastDay = input.today - 1;
  for (const e of input.employees) {
    const rate = TRAINING_PER_YEAR * (e.timeBase === 'INTERMITTENT' ? 0.5 : 1);
    // The import's key (employee + title + dates) is never repeated for one employee.
    const keys = new Set<string>();
    for (const fy of input.fiscalYears) {
      const from = Math.max(fy.start, e.hireDay);
      const to = Math.min(fy.end, lastDay, e.separatedDay === null ? lastDay : e.separatedDay - 1);
      if (to < from) continue;
      const count = prng.poisson((rate * (to - from + 1)) / 365);
      if (count === 0) continue;
      const completions: number[] = [];
      for (let i = 0; i < count; i++) completions.push(prng.int(from, to));
      completions.sort((a, b) => a - b);
      // State-time hours that still count toward the cap (reported or verified), in order.
      let stateHours = 0;
      for (const completionDay of completions) {
        const kind = prng.pick(KIND_WEIGHTS);
        const shape = shapeOf(prng, kind);
        const recent = lastDay - completionDay < 30;
        const status: TrainingStatus =
          recent && prng.chance(0.7)
            ? 'REPORTED'
            : prng.pick<TrainingStatus>([
                ['VERIFIED', 93],
                ['REPORTED', 4],
                ['REJECTED', 3],
              ]);
        const reportedAt = workHour(prng, Math.min(lastDay, completionDay + prng.int(0, 10)));
        const verifiedAt =
          status === 'REPORTED'
            ? null
            : workHour(prng, Math.min(lastDay, reportedAt.day + prng.int(1, 21)));
        const startDay = Math.max(e.hireDay, completionDay - shape.days);
        const titles = TITLES[kind];
        const first = prng.int(0, titles.length - 1);
        let title = titles[first];
        for (let k = 1; keys.has(`${title}|${startDay}|${completionDay}`); k++) {
          title =
            k < titles.length ? titles[(first + k) % titles.length] : `${titles[first]} (${k})`;
        }
        keys.add(`${title}|${startDay}|${completionDay}`);
        const record = { hours: shape.hours, onStateTime: shape.onStateTime };
        const exceeds = exceedsStateTimeCap(input.stateTimeCapHours, stateHours, record);
        if (status !== 'REJECTED' && shape.onStateTime) stateHours += shape.hours;
        yield {
          id: ids.uuid(),
          employeeIndex: e.index,
          title,
          provider: prng.item(PROVIDERS[kind]),
          kind,
          hours: shape.hours,
          semesterUnits: shape.semesterUnits,
          startDay,
          completionDay,
          fiscalYear: fy.label,
          onStateTime: shape.onStateTime,
          cost: shape.cost,
          status,
          reportedAt,
          verifiedAt:
            verifiedAt !== null && verifiedAt.day === reportedAt.day
              ? { day: verifiedAt.day, second: Math.max(verifiedAt.second, reportedAt.second) }
              : verifiedAt,
          rejectionReason: status === 'REJECTED' ? prng.item(REJECTION_REASONS) : null,
          exceedsStateTimeCap: exceeds,
        };
      }
    }
  }
}
