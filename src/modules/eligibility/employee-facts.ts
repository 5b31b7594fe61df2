/**
 * What eligibility is decided from: one employee's history as plain values, gathered by a
 * service from appointments, T&D assignments, training records and exam lists. Pure: no Nest,
 * no TypeORM; the evaluator never reads a database.
 */
import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import type { EducationLevel } from './rule-set';

/** The employee record's levels, which include NONE. */
export type EmployeeEducationLevel = EducationLevel | 'NONE';

export type TrainingFactStatus = 'REPORTED' | 'VERIFIED' | 'REJECTED';

/** A period in a class under a regular appointment. */
export interface AppointmentFact {
  classCode: string;
  occupationalGroup: string;
  /** Monthly salaryLow of the class. */
  salaryLow: number;
  start: string;
  /** Exclusive: the date of the next appointment; null while it is the current one. */
  end: string | null;
  /** Share of full time: 1 = full-time, 0.5 = half-time. */
  timeBaseFraction: number;
}

/** A training and development assignment: experience in the class of the work (2 CCR 438). */
export interface TdAssignmentFact {
  classCode: string;
  occupationalGroup: string;
  salaryLow: number;
  start: string;
  /** Inclusive: the actual end, or the planned one while it runs or before it starts. */
  end: string;
  timeBaseFraction: number;
}

export interface TrainingFact {
  title: string;
  kind: string;
  hours: number;
  completionDate: string;
  /** Only VERIFIED training counts. */
  status: TrainingFactStatus;
}

export interface ExamListFact {
  classCode: string;
  listDate: string;
  /** Inclusive: the last day the list can be used. */
  expiresOn: string;
}

export interface EmployeeFacts {
  employeeId: string;
  /** The current time base; projections assume it continues. */
  timeBaseFraction: number;
  educationLevel: EmployeeEducationLevel | null;
  collegeSemesterUnits: number;
  licenses: string[];
  appointments: AppointmentFact[];
  tdAssignments: TdAssignmentFact[];
  training: TrainingFact[];
  examLists: ExamListFact[];
}

export interface FactsProblem {
  /** e.g. `appointments[2].end` */
  path: string;
  message: string;
}

export class InvalidEmployeeFactsError extends Error {
  constructor(
    readonly employeeId: string,
    readonly problems: FactsProblem[],
  ) {
    super(
      `Employee ${employeeId} has unusable eligibility facts: ` +
        problems.map((problem) => `${problem.path} ${problem.message}`).join('; '),
    );
    this.name = 'InvalidEmployeeFactsError';
  }
}

/** An appointment or T&D assignment with its dates as day numbers. */
export interface ExperiencePeriod {
  source: 'APPOINTMENT' | 'TD_ASSIGNMENT';
  /** Position in `appointments` or `tdAssignments`. */
  index: number;
  classCode: string;
  occupationalGroup: string;
  salaryLow: number;
  firstDay: number;
  /** Inclusive; Infinity for the current appointment. */
  lastDay: number;
  timeBaseFraction: number;
}

/** The facts with every date read once, as day numbers. */
export interface PreparedFacts {
  facts: EmployeeFacts;
  /** Appointments (empty ones left out) then T&D assignments. */
  periods: ExperiencePeriod[];
  /** Completion day of `facts.training[i]`. */
  trainingCompletionDays: number[];
  examLists: { fact: ExamListFact; listDay: number; expiresDay: number }[];
}

export type FactsPreparation =
  { ok: true; prepared: PreparedFacts } | { ok: false; problems: FactsProblem[] };

/** Reads a `YYYY-MM-DD` date as a day number, or NaN when it is not a real date. */
export type DateReader = (date: string) => number;

/**
 * A date reader that remembers what it read: across a department's employees the same dates
 * (hire dates, list dates, fiscal-year starts) come up again and again. Meant for one batch.
 */
export function createDateReader(): DateReader {
  const cache = new Map<string, number>();
  return (date) => {
    let day = cache.get(date);
    if (day === undefined) {
      try {
        day = toDayNumber(date);
      } catch {
        day = Number.NaN;
      }
      cache.set(date, day);
    }
    return day;
  };
}

/**
 * Reads every date and checks what the evaluator relies on, reporting each problem with its
 * path. An appointment ending on its own start date (superseded the same day) is empty, not
 * wrong; one ending before it starts is wrong. Written as plain loops that build a path only
 * for a problem: it runs once per employee in batches of tens of thousands.
 */
export function prepareEmployeeFacts(
  facts: EmployeeFacts,
  readDate: DateReader = createDateReader(),
): FactsPreparation {
  const problems: FactsProblem[] = [];
  // Paths are built only for a problem: (list, index, field), or just the field at the top.
  const pathOf = (list: string, index: number, field: string): string =>
    list === '' ? field : `${list}[${index}].${field}`;
  const day = (date: string, list: string, index: number, field: string): number => {
    const value = readDate(date);
    if (Number.isNaN(value)) {
      problems.push({
        path: pathOf(list, index, field),
        message: `must be a real date written YYYY-MM-DD, got "${date}"`,
      });
    }
    return value;
  };
  const checkFraction = (value: number, list: string, index: number, field: string): void => {
    if (!(value >= 0 && value <= 1)) {
      problems.push({
        path: pathOf(list, index, field),
        message: `must be between 0 and 1, got ${value}`,
      });
    }
  };
  const checkNonNegative = (value: number, list: string, index: number, field: string): void => {
    if (!(value >= 0 && value < Infinity)) {
      problems.push({
        path: pathOf(list, index, field),
        message: `must be a number of at least 0, got ${value}`,
      });
    }
  };

  checkFraction(facts.timeBaseFraction, '', 0, 'timeBaseFraction');
  checkNonNegative(facts.collegeSemesterUnits, '', 0, 'collegeSemesterUnits');

  const periods: ExperiencePeriod[] = [];
  const appointments = facts.appointments;
  for (let index = 0; index < appointments.length; index += 1) {
    const appointment = appointments[index];
    const list = 'appointments';
    const firstDay = day(appointment.start, list, index, 'start');
    const endDay = appointment.end === null ? Infinity : day(appointment.end, list, index, 'end');
    checkFraction(appointment.timeBaseFraction, list, index, 'timeBaseFraction');
    checkNonNegative(appointment.salaryLow, list, index, 'salaryLow');
    if (endDay < firstDay) {
      problems.push({ path: pathOf(list, index, 'end'), message: 'is before the start' });
    } else if (endDay > firstDay) {
      periods.push(periodOf(appointment, 'APPOINTMENT', index, firstDay, endDay - 1));
    }
  }
  const tdAssignments = facts.tdAssignments;
  for (let index = 0; index < tdAssignments.length; index += 1) {
    const assignment = tdAssignments[index];
    const list = 'tdAssignments';
    const firstDay = day(assignment.start, list, index, 'start');
    const lastDay = day(assignment.end, list, index, 'end');
    checkFraction(assignment.timeBaseFraction, list, index, 'timeBaseFraction');
    checkNonNegative(assignment.salaryLow, list, index, 'salaryLow');
    if (lastDay < firstDay) {
      problems.push({ path: pathOf(list, index, 'end'), message: 'is before the start' });
    } else {
      periods.push(periodOf(assignment, 'TD_ASSIGNMENT', index, firstDay, lastDay));
    }
  }

  const trainingCompletionDays: number[] = [];
  for (let index = 0; index < facts.training.length; index += 1) {
    const training = facts.training[index];
    checkNonNegative(training.hours, 'training', index, 'hours');
    trainingCompletionDays.push(day(training.completionDate, 'training', index, 'completionDate'));
  }

  const examLists: PreparedFacts['examLists'] = [];
  for (let index = 0; index < facts.examLists.length; index += 1) {
    const list = facts.examLists[index];
    const listDay = day(list.listDate, 'examLists', index, 'listDate');
    const expiresDay = day(list.expiresOn, 'examLists', index, 'expiresOn');
    if (expiresDay < listDay) {
      problems.push({
        path: pathOf('examLists', index, 'expiresOn'),
        message: 'is before the list date',
      });
    }
    examLists.push({ fact: list, listDay, expiresDay });
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, prepared: { facts, periods, trainingCompletionDays, examLists } };
}

function periodOf(
  fact: AppointmentFact | TdAssignmentFact,
  source: ExperiencePeriod['source'],
  index: number,
  firstDay: number,
  lastDay: number,
): ExperiencePeriod {
  return {
    source,
    index,
    classCode: fact.classCode,
    occupationalGroup: fact.occupationalGroup,
    salaryLow: fact.salaryLow,
    firstDay,
    lastDay,
    timeBaseFraction: fact.timeBaseFraction,
  };
}
