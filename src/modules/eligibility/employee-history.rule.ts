/**
 * From an employee's records as the database keeps them (appointment steps, T&D assignments,
 * training records, eligible lists) to the `EmployeeFacts` the evaluator reads, as of a date.
 *
 * Only what was on record by the as-of date is used, so that a report for a past date gives the
 * answer it would have given then: appointments effective after it, T&D assignments starting
 * after it, training completed after it and lists dated after it are left out. The appointment
 * in force on the as-of date stays open-ended (`end: null`): the evaluator counts its days up to
 * the as-of date and, for a projection, assumes it continues.
 *
 * How appointment steps become periods:
 * - Each HIRE, PROMOTION, TRANSFER or DEMOTION starts a period in its target class, which runs
 *   until the next such step or a SEPARATION (exclusive end). A SEPARATION starts nothing.
 * - TD_START and TD_END steps are not periods of their own: the regular appointment goes on
 *   underneath, and the T&D assignment itself (from td_assignments) is the experience in the
 *   class of the work.
 * - Before the first recorded step (unless it is a HIRE), from the hire date, the employee held
 *   the class that step moved them from; with no step at all, their current class. That period
 *   is at the employee's current time base (the only one known for it).
 * - A period still open when the employee's separation date (`separatedOn`) has passed ends there,
 *   for records separated without a SEPARATION step.
 *
 * The time base that projections assume: the employee's current one when nothing is recorded
 * after the as-of date (the usual case, as of today); otherwise the time base of the appointment
 * in force on the as-of date, since the current one may come from a later step.
 *
 * Pure: no Nest, no TypeORM.
 */
import type {
  AppointmentFact,
  EmployeeEducationLevel,
  EmployeeFacts,
  ExamListFact,
  TdAssignmentFact,
  TrainingFact,
  TrainingFactStatus,
} from './employee-facts';

export interface ClassInfo {
  classCode: string;
  occupationalGroup: string;
  /** Monthly. */
  salaryLow: number;
}

export type AppointmentStepType =
  'HIRE' | 'PROMOTION' | 'TRANSFER' | 'TD_START' | 'TD_END' | 'DEMOTION' | 'SEPARATION';

export interface AppointmentStep {
  effectiveDate: string;
  type: AppointmentStepType;
  fromClassificationId: string | null;
  toClassificationId: string | null;
  timeBaseFraction: number;
}

export interface TdAssignmentRecord {
  workClassificationId: string;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  timeBaseFraction: number;
}

export interface TrainingRecordRow {
  title: string;
  kind: string;
  hours: number;
  completionDate: string;
  status: TrainingFactStatus;
}

export interface ExamListRecord {
  classificationId: string;
  listDate: string;
  expiresOn: string;
}

export interface EmployeeRecord {
  id: string;
  classificationId: string;
  hireDate: string;
  separatedOn: string | null;
  timeBaseFraction: number;
  educationLevel: EmployeeEducationLevel | null;
  collegeSemesterUnits: number;
  licenses: readonly string[];
}

export interface EmployeeHistory {
  employee: EmployeeRecord;
  /** In recording order: effective date, then the order they were entered. */
  appointments: readonly AppointmentStep[];
  tdAssignments: readonly TdAssignmentRecord[];
  training: readonly TrainingRecordRow[];
  examLists: readonly ExamListRecord[];
}

export class UnknownClassificationError extends Error {
  constructor(readonly classificationId: string) {
    super(`Classification ${classificationId} is not in the catalog lookup`);
    this.name = 'UnknownClassificationError';
  }
}

const NOT_A_PERIOD: ReadonlySet<AppointmentStepType> = new Set(['TD_START', 'TD_END']);

function classOf(classes: ReadonlyMap<string, ClassInfo>, id: string): ClassInfo {
  const info = classes.get(id);
  if (!info) throw new UnknownClassificationError(id);
  return info;
}

/**
 * The facts as of `asOf` (YYYY-MM-DD; dates compare as strings). Written as plain loops: a
 * department report runs it for tens of thousands of employees.
 */
export function factsAsOf(
  history: EmployeeHistory,
  classes: ReadonlyMap<string, ClassInfo>,
  asOf: string,
): EmployeeFacts {
  const { employee } = history;
  const steps = inDateOrder(history.appointments);
  const { appointments, inForceTimeBase } = appointmentPeriods(employee, steps, classes, asOf);
  const laterRecorded = steps.length > 0 && steps[steps.length - 1].effectiveDate > asOf;

  const tdAssignments: TdAssignmentFact[] = [];
  for (const assignment of history.tdAssignments) {
    if (assignment.startDate > asOf) continue;
    const work = classOf(classes, assignment.workClassificationId);
    tdAssignments.push({
      classCode: work.classCode,
      occupationalGroup: work.occupationalGroup,
      salaryLow: work.salaryLow,
      start: assignment.startDate,
      end: assignment.actualEndDate ?? assignment.plannedEndDate,
      timeBaseFraction: assignment.timeBaseFraction,
    });
  }

  // A training record already has the shape of a training fact: it is used as it is.
  const training: TrainingFact[] = [];
  for (const record of history.training) {
    if (record.status === 'VERIFIED' && record.completionDate <= asOf) training.push(record);
  }

  const examLists: ExamListFact[] = [];
  for (const list of history.examLists) {
    if (list.listDate > asOf) continue;
    examLists.push({
      classCode: classOf(classes, list.classificationId).classCode,
      listDate: list.listDate,
      expiresOn: list.expiresOn,
    });
  }

  return {
    employeeId: employee.id,
    timeBaseFraction:
      laterRecorded && inForceTimeBase !== null ? inForceTimeBase : employee.timeBaseFraction,
    educationLevel: employee.educationLevel,
    collegeSemesterUnits: employee.collegeSemesterUnits,
    licenses: [...employee.licenses],
    appointments,
    tdAssignments,
    training,
    examLists,
  };
}

/** The steps by effective date; steps of one date keep the order they were recorded in. */
function inDateOrder(steps: readonly AppointmentStep[]): readonly AppointmentStep[] {
  for (let i = 1; i < steps.length; i += 1) {
    if (steps[i - 1].effectiveDate > steps[i].effectiveDate) {
      // Stable sort, only when the caller did not already order them.
      return [...steps].sort((a, b) =>
        a.effectiveDate === b.effectiveDate ? 0 : a.effectiveDate < b.effectiveDate ? -1 : 1,
      );
    }
  }
  return steps;
}

function periodOf(
  info: ClassInfo,
  start: string,
  end: string | null,
  timeBaseFraction: number,
): AppointmentFact {
  return {
    classCode: info.classCode,
    occupationalGroup: info.occupationalGroup,
    salaryLow: info.salaryLow,
    start,
    end,
    timeBaseFraction,
  };
}

function appointmentPeriods(
  employee: EmployeeRecord,
  steps: readonly AppointmentStep[],
  classes: ReadonlyMap<string, ClassInfo>,
  asOf: string,
): { appointments: AppointmentFact[]; inForceTimeBase: number | null } {
  const periods: AppointmentFact[] = [];
  let first: AppointmentStep | undefined;
  for (const step of steps) {
    if (!NOT_A_PERIOD.has(step.type)) {
      first = step;
      break;
    }
  }

  // Before the first step: the class it moved the employee from, from the hire date.
  let open: AppointmentFact | null = null;
  if (
    employee.hireDate <= asOf &&
    (first === undefined || (first.type !== 'HIRE' && first.effectiveDate > employee.hireDate))
  ) {
    const held =
      first?.fromClassificationId ?? steps[0]?.fromClassificationId ?? employee.classificationId;
    open = periodOf(classOf(classes, held), employee.hireDate, null, employee.timeBaseFraction);
    periods.push(open);
  }

  // Each step on or before the as-of date ends the open period and (unless a separation)
  // opens the next one.
  for (const step of steps) {
    if (step.effectiveDate > asOf) break;
    if (NOT_A_PERIOD.has(step.type)) continue;
    if (open !== null) open.end = step.effectiveDate;
    open = null;
    if (step.type === 'SEPARATION' || step.toClassificationId === null) continue;
    open = periodOf(
      classOf(classes, step.toClassificationId),
      step.effectiveDate,
      null,
      step.timeBaseFraction,
    );
    periods.push(open);
  }

  // Separated without a SEPARATION step: the open period ends on the separation date.
  const separatedOn = employee.separatedOn;
  if (open !== null && separatedOn !== null && separatedOn <= asOf) {
    open.end = separatedOn < open.start ? open.start : separatedOn;
    open = null;
  }
  return { appointments: periods, inForceTimeBase: open === null ? null : open.timeBaseFraction };
}
