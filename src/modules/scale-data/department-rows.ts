/**
 * One generated department's rows in PostgreSQL's COPY text format, table by table, with the
 * class ids resolved and every appointment's designations and move flag judged exactly as the
 * appointments service judges them (designationAt, isUpwardMobilityAppointmentOfType).
 */
import { isUpwardMobilityAppointmentOfType } from '../appointments/class-history.rule';
import { designationAt } from '../appointments/upward-move.rule';
import type { ClassDesignation, UmDesignation } from '../appointments/upward-move.rule';
import { fiscalYearOf } from '../program-calendar/fiscal-year.rule';
import {
  copyArray,
  copyDate,
  copyJson,
  copyRow,
  copyText,
  copyTimestamp,
  copyValue,
  COPY_NULL,
  isoDate,
} from './copy-format';
import { buildGoals } from './goals.rule';
import { prngFor } from './prng.rule';
import type { Prng } from './prng.rule';
import { SELECTION_CRITERIA } from './program.rule';
import type { Instant, PlanEventRecord, ProgramRecords } from './program.rule';
import { SCALE_DESIGNATIONS } from './scale-catalog';
import type { PlannedDepartment, ScalePlan } from './scale-plan.rule';
import type { TrainingRecordDraft } from './training.rule';
import type { AppointmentStep, WorkforceEmployee } from './workforce.rule';

/** The columns each COPY fills; the others keep their defaults. */
export const COLUMNS = {
  classifications: [
    'id',
    'class_code',
    'title',
    'occupational_group',
    'salary_low',
    'salary_high',
    'eeo4_category',
    'version',
  ],
  departments: [
    'id',
    'code',
    'name',
    'report_due_month_day',
    'state_time_training_cap_hours',
    'small_cell_threshold',
    'version',
  ],
  um_designations: [
    'id',
    'department_id',
    'fiscal_year',
    'classification_id',
    'designation',
    'ladder_target_class_codes',
  ],
  selection_criteria_sets: [
    'id',
    'department_id',
    'version',
    'effective_from',
    'criteria',
    'created_at',
  ],
  employees: [
    'id',
    'department_id',
    'employee_number',
    'first_name',
    'last_name',
    'work_email',
    'classification_id',
    'position_number',
    'time_base',
    'time_base_fraction',
    'hire_date',
    'supervisor_id',
    'status',
    'separated_on',
    'education_level',
    'college_semester_units',
    'ethnicities',
    'gender',
    'disability',
    'veteran',
    'version',
  ],
  users: ['id', 'email', 'display_name', 'role', 'department_id', 'employee_id', 'version'],
  appointments: [
    'id',
    'employee_id',
    'department_id',
    'effective_date',
    'type',
    'from_classification_id',
    'to_classification_id',
    'time_base_fraction',
    'from_designation',
    'to_designation',
    'is_upward_mobility_move',
    'notes',
    'created_at',
  ],
  exam_list_eligibilities: [
    'id',
    'employee_id',
    'classification_id',
    'list_date',
    'expires_on',
    'created_at',
  ],
  program_applications: [
    'id',
    'department_id',
    'employee_id',
    'target_classification_id',
    'interests',
    'statement',
    'submitted_on',
    'supervisor_acknowledged_at',
    'supervisor_acknowledged_by',
    'status',
    'criteria_set_id',
    'scores',
    'total_score',
    'decision_reason',
    'decided_on',
    'decided_by',
    'created_at',
    'updated_at',
    'version',
  ],
  program_participations: [
    'id',
    'department_id',
    'employee_id',
    'application_id',
    'started_on',
    'withdrawn_on',
    'withdrawal_reason',
    'created_at',
  ],
  career_plans: [
    'id',
    'department_id',
    'employee_id',
    'participation_id',
    'target_class_codes',
    'goals',
    'state',
    'submitted_at',
    'approved_at',
    'approved_by',
    'last_comment',
    'created_at',
    'updated_at',
    'version',
  ],
  career_plan_events: [
    'id',
    'plan_id',
    'action',
    'from_state',
    'to_state',
    'actor_user_id',
    'actor_role',
    'actor_relation',
    'comment',
    'occurred_at',
  ],
  career_plan_activities: [
    'id',
    'plan_id',
    'kind',
    'description',
    'target_date',
    'planned_hours',
    'status',
  ],
  career_conversations: [
    'id',
    'department_id',
    'employee_id',
    'held_on',
    'held_by_user_id',
    'summary',
    'next_steps',
    'created_at',
  ],
  td_assignments: [
    'id',
    'department_id',
    'employee_id',
    'host_unit',
    'host_department',
    'work_classification_id',
    'start_date',
    'planned_end_date',
    'actual_end_date',
    'time_base_fraction',
    'early_end_requested_on',
    'created_at',
    'updated_at',
    'version',
  ],
  training_records: [
    'id',
    'department_id',
    'employee_id',
    'title',
    'provider',
    'kind',
    'hours',
    'semester_units',
    'start_date',
    'completion_date',
    'fiscal_year',
    'on_state_time',
    'cost',
    'status',
    'reported_by',
    'verified_by',
    'verified_at',
    'rejection_reason',
    'exceeds_state_time_cap',
    'created_at',
    'updated_at',
    'version',
  ],
  annual_goals: [
    'id',
    'department_id',
    'fiscal_year',
    'move_goal',
    'move_goals_by_class',
    'participant_goal',
    'plan_goal',
    'training_hours_goal',
    'budget',
    'narrative',
    'missed_goals_explanation',
    'two_year_plan',
    'created_at',
    'updated_at',
    'version',
  ],
} as const;

/** Morning in California, as a timestamp on the given day. */
const noonish = (day: number): Instant => ({ day, second: 17 * 3600 });
const fraction = (value: number) => value.toFixed(3);
export const money = (value: number | null) => (value === null ? COPY_NULL : value.toFixed(2));

/** Every table's rows for one department, the class ids resolved. */
export class DepartmentRows {
  readonly coordinatorUserId: string;
  readonly userOf = new Map<number, string>();
  readonly criteriaSetId: string;
  private readonly designationMemo = new Map<string, UmDesignation>();

  constructor(
    readonly seed: number,
    readonly plan: ScalePlan,
    readonly department: PlannedDepartment,
    readonly classIds: ReadonlyMap<string, string>,
    readonly designations: readonly ClassDesignation[],
    readonly employees: readonly WorkforceEmployee[],
    readonly program: ProgramRecords,
  ) {
    const users = prngFor(seed, department.code, 'users');
    this.coordinatorUserId = users.uuid();
    for (const need of program.usersNeeded) this.userOf.set(need.employeeIndex, users.uuid());
    this.criteriaSetId = prngFor(seed, department.code, 'criteria').uuid();
  }

  classId(code: string): string {
    const id = this.classIds.get(code);
    if (id === undefined) throw new Error(`class ${code} is not in the catalog`);
    return id;
  }

  /** The department's designation of a class on a day, exactly as the app decides it. */
  designation(code: string | null, day: number): UmDesignation {
    if (code === null) return 'NONE';
    const fiscalYear = fiscalYearOf(isoDate(day));
    const key = `${code}|${fiscalYear}`;
    let designation = this.designationMemo.get(key);
    if (designation === undefined) {
      designation = designationAt(this.designations, code, isoDate(day));
      this.designationMemo.set(key, designation);
    }
    return designation;
  }

  employeeId(index: number): string {
    return this.employees[index].id;
  }

  userId(employeeIndex: number | null): string {
    if (employeeIndex === null) return this.coordinatorUserId;
    return this.userOf.get(employeeIndex) ?? this.coordinatorUserId;
  }

  *users(): Generator<string> {
    const domain = `${this.department.code.toLowerCase()}.example.ca.gov`;
    yield copyRow([
      this.coordinatorUserId,
      `um-coordinator@${domain}`,
      copyText(`UM Coordinator, ${this.department.code}`),
      'COORDINATOR',
      this.department.id,
      COPY_NULL,
      '1',
    ]);
    for (const need of this.program.usersNeeded) {
      const e = this.employees[need.employeeIndex];
      yield copyRow([
        this.userOf.get(need.employeeIndex)!,
        copyText(e.workEmail ?? `${e.employeeNumber.toLowerCase()}@${domain}`),
        copyText(`${e.firstName} ${e.lastName}`),
        need.role,
        this.department.id,
        e.id,
        '1',
      ]);
    }
  }

  *designationRows(): Generator<string> {
    const ids = prngFor(this.seed, this.department.code, 'designations');
    for (const fy of this.plan.fiscalYears) {
      for (const entry of SCALE_DESIGNATIONS) {
        yield copyRow([
          ids.uuid(),
          this.department.id,
          fy.label,
          this.classId(entry.classCode),
          entry.designation,
          copyArray(entry.ladderTargetClassCodes),
        ]);
      }
    }
  }

  criteriaRow(): string {
    const effective = this.plan.windowStart - 365;
    return copyRow([
      this.criteriaSetId,
      this.department.id,
      '1',
      copyDate(effective),
      copyJson(SELECTION_CRITERIA),
      copyTimestamp(noonish(effective - 14)),
    ]);
  }

  employeeLine(e: WorkforceEmployee): string {
    return copyRow([
      e.id,
      this.department.id,
      e.employeeNumber,
      copyText(e.firstName),
      copyText(e.lastName),
      copyText(e.workEmail),
      this.classId(e.classCode),
      e.positionNumber,
      e.timeBase,
      fraction(e.timeBaseFraction),
      isoDate(e.hireDay),
      e.supervisorIndex === null ? COPY_NULL : this.employeeId(e.supervisorIndex),
      e.separatedDay === null ? 'ACTIVE' : 'SEPARATED',
      copyDate(e.separatedDay),
      e.educationLevel,
      e.collegeSemesterUnits.toFixed(1),
      copyArray(e.ethnicities),
      copyText(e.gender),
      copyText(e.disability),
      copyText(e.veteran),
      '1',
    ]);
  }

  appointmentLine(e: WorkforceEmployee, step: AppointmentStep, id: string): string {
    const from = this.designation(step.fromCode, step.day);
    const to = this.designation(step.toCode, step.day);
    return copyRow([
      id,
      e.id,
      this.department.id,
      isoDate(step.day),
      step.type,
      step.fromCode === null ? COPY_NULL : this.classId(step.fromCode),
      step.toCode === null ? COPY_NULL : this.classId(step.toCode),
      fraction(e.timeBaseFraction),
      from,
      to,
      copyValue(isUpwardMobilityAppointmentOfType(step.type, from, to)),
      COPY_NULL,
      copyTimestamp(noonish(step.day)),
    ]);
  }

  *appointmentRows(): Generator<string> {
    const ids = prngFor(this.seed, this.department.code, 'appointments');
    for (const e of this.employees) {
      for (const step of e.steps) yield this.appointmentLine(e, step, ids.uuid());
    }
  }

  *examListRows(): Generator<string> {
    for (const record of this.program.examLists) {
      yield copyRow([
        record.id,
        this.employeeId(record.employeeIndex),
        this.classId(record.classCode),
        isoDate(record.listDay),
        isoDate(record.expiresDay),
        copyTimestamp(noonish(record.listDay)),
      ]);
    }
  }

  *applicationRows(): Generator<string> {
    for (const a of this.program.applications) {
      const decided: Instant | null = a.decidedDay === null ? null : noonish(a.decidedDay);
      yield copyRow([
        a.id,
        this.department.id,
        this.employeeId(a.employeeIndex),
        this.classId(a.targetClassCode),
        copyText(a.interests),
        copyText(a.statement),
        isoDate(a.submittedDay),
        copyTimestamp(a.acknowledgedAt),
        a.acknowledgedAt === null ? COPY_NULL : this.userId(a.acknowledgedByEmployeeIndex),
        a.status,
        a.scores === null ? COPY_NULL : this.criteriaSetId,
        copyJson(a.scores),
        a.totalScore ?? COPY_NULL,
        copyText(a.decisionReason),
        copyDate(a.decidedDay),
        a.decidedDay === null ? COPY_NULL : this.coordinatorUserId,
        copyTimestamp(noonish(a.submittedDay)),
        copyTimestamp(decided ?? noonish(a.submittedDay)),
        '1',
      ]);
    }
  }

  *participationRows(): Generator<string> {
    for (const p of this.program.participations) {
      yield copyRow([
        p.id,
        this.department.id,
        this.employeeId(p.employeeIndex),
        p.applicationId,
        isoDate(p.startedDay),
        copyDate(p.withdrawnDay),
        copyText(p.withdrawalReason),
        copyTimestamp(noonish(p.startedDay)),
      ]);
    }
  }

  private actorUser(plan: { employeeIndex: number }, event: PlanEventRecord): string {
    if (event.actor === 'OWNER') return this.userId(plan.employeeIndex);
    if (event.actor === 'SUPERVISOR') {
      return this.userId(this.employees[plan.employeeIndex].supervisorIndex);
    }
    return this.coordinatorUserId;
  }

  *planRows(): Generator<string> {
    for (const plan of this.program.plans) {
      const last = (action: string) => [...plan.events].reverse().find((e) => e.action === action);
      const submitted = last('SUBMIT');
      const approved = last('APPROVE');
      const returned = last('RETURN');
      const updated = plan.events.length > 0 ? plan.events[plan.events.length - 1].at : null;
      yield copyRow([
        plan.id,
        this.department.id,
        this.employeeId(plan.employeeIndex),
        plan.participationId,
        copyArray(plan.targetClassCodes),
        copyText(plan.goals),
        plan.state,
        copyTimestamp(submitted?.at ?? null),
        copyTimestamp(approved?.at ?? null),
        approved === undefined ? COPY_NULL : this.actorUser(plan, approved),
        copyText(returned?.comment ?? null),
        copyTimestamp(noonish(plan.createdDay)),
        copyTimestamp(updated ?? noonish(plan.createdDay)),
        '1',
      ]);
    }
  }

  *planEventRows(): Generator<string> {
    const roles = { OWNER: 'EMPLOYEE', SUPERVISOR: 'SUPERVISOR', COORDINATOR: 'COORDINATOR' };
    for (const plan of this.program.plans) {
      for (const event of plan.events) {
        yield copyRow([
          event.id,
          plan.id,
          event.action,
          event.fromState,
          event.toState,
          this.actorUser(plan, event),
          roles[event.actor],
          event.actor,
          copyText(event.comment),
          copyTimestamp(event.at),
        ]);
      }
    }
  }

  *activityRows(): Generator<string> {
    for (const plan of this.program.plans) {
      for (const activity of plan.activities) {
        yield copyRow([
          activity.id,
          plan.id,
          activity.kind,
          copyText(activity.description),
          isoDate(activity.targetDay),
          money(activity.plannedHours),
          activity.status,
        ]);
      }
    }
  }

  *conversationRows(): Generator<string> {
    for (const c of this.program.conversations) {
      yield copyRow([
        c.id,
        this.department.id,
        this.employeeId(c.employeeIndex),
        isoDate(c.heldDay),
        this.userId(c.heldBySupervisorIndex),
        copyText(c.summary),
        copyText(c.nextSteps),
        copyTimestamp(noonish(c.heldDay)),
      ]);
    }
  }

  *tdRows(): Generator<string> {
    for (const td of this.program.tdAssignments) {
      const updated = td.actualEndDay ?? td.earlyEndRequestedDay ?? td.createdDay;
      yield copyRow([
        td.id,
        this.department.id,
        this.employeeId(td.employeeIndex),
        copyText(td.hostUnit),
        copyText(td.hostDepartment),
        this.classId(td.workClassCode),
        isoDate(td.startDay),
        isoDate(td.plannedEndDay),
        copyDate(td.actualEndDay),
        fraction(td.timeBaseFraction),
        copyDate(td.earlyEndRequestedDay),
        copyTimestamp(noonish(td.createdDay)),
        copyTimestamp(noonish(Math.min(updated, this.plan.today - 1))),
        '1',
      ]);
    }
  }

  trainingLine(t: TrainingRecordDraft): string {
    return copyRow([
      t.id,
      this.department.id,
      this.employeeId(t.employeeIndex),
      copyText(t.title),
      copyText(t.provider),
      t.kind,
      t.hours.toFixed(2),
      t.semesterUnits === null ? COPY_NULL : t.semesterUnits.toFixed(1),
      isoDate(t.startDay),
      isoDate(t.completionDay),
      t.fiscalYear,
      copyValue(t.onStateTime),
      money(t.cost),
      t.status,
      this.coordinatorUserId,
      t.verifiedAt === null ? COPY_NULL : this.coordinatorUserId,
      copyTimestamp(t.verifiedAt),
      copyText(t.rejectionReason),
      copyValue(t.exceedsStateTimeCap),
      copyTimestamp(t.reportedAt),
      copyTimestamp(t.verifiedAt ?? t.reportedAt),
      '1',
    ]);
  }

  *goalRows(prng: Prng): Generator<string> {
    const ids = prngFor(this.seed, this.department.code, 'goal-ids');
    const goals = buildGoals(this.employees, this.plan.fiscalYears, this.department.profile, prng);
    for (const [index, goal] of goals.entries()) {
      const set = noonish(Math.min(this.plan.fiscalYears[index].start - 30, this.plan.today - 1));
      yield copyRow([
        ids.uuid(),
        this.department.id,
        goal.fiscalYear,
        String(goal.moveGoal),
        copyJson(goal.moveGoalsByClass),
        String(goal.participantGoal),
        String(goal.planGoal),
        goal.trainingHoursGoal.toFixed(2),
        money(goal.budget),
        copyText(goal.narrative),
        copyText(goal.missedGoalsExplanation),
        copyText(goal.twoYearPlan),
        copyTimestamp(set),
        copyTimestamp(set),
        '1',
      ]);
    }
  }
}
