/**
 * The audit packet's rules: who is flagged and why, the default period, the pseudonymous
 * employee references, and the assembly of the packet for an audience. Pure (hashing aside).
 */
import { createHash } from 'node:crypto';
import type { EligibilityResult } from '../../eligibility/evaluate-eligibility.rule';
import { addDays, fiscalYearLabel, fiscalYearOf, parseFiscalYear } from '../../program-calendar/fiscal-year.rule';
import { earlyEndRequestStatus } from '../../td-assignments/early-end.rule';
import { checkTdAssignmentLimit } from '../../td-assignments/td-assignment-limit.rule';
import type { TdAssignment } from '../../td-assignments/td-assignment-limit.rule';
import { AUDIT_PACKET_KIND, AUDIT_PACKET_SCHEMA_VERSION } from './audit-packet.types';
import type {
  AppointmentAudit,
  AuditPacketAudience,
  AuditPacketData,
  CertifiedReportAudit,
  EmployeeIndexEntry,
  IntegritySection,
  PacketClass,
  PacketEmployee,
  PlanDecisionAudit,
  TdAssignmentAudit,
  TrainingTrailEntry,
} from './audit-packet.types';

/** A stable pseudonym for an employee: the same in every packet, meaningless without the
 * department's edition (the id it is derived from is a random UUID). */
export function employeeRef(employeeId: string): string {
  return `E-${createHash('sha256').update(`um-audit-packet:${employeeId}`).digest('hex').slice(0, 10).toUpperCase()}`;
}

/** The SPB reviews on a three-year cycle: the last three complete fiscal years before today. */
export function defaultAuditPeriod(today: string): { from: string; to: string } {
  const current = parseFiscalYear(fiscalYearOf(today));
  return {
    from: parseFiscalYear(fiscalYearLabel(current.startYear - 3)).start,
    to: addDays(current.start, -1),
  };
}

/** Every fiscal year the period touches, in order. */
export function fiscalYearsOf(from: string, to: string): string[] {
  const first = parseFiscalYear(fiscalYearOf(from)).startYear;
  const last = parseFiscalYear(fiscalYearOf(to)).startYear;
  const years: string[] = [];
  for (let year = first; year <= last; year++) years.push(fiscalYearLabel(year));
  return years;
}

// ---- 1. Appointments ----

export interface AppointmentEvaluation {
  ruleSet: { id: string; effectiveFrom: string; illustrative: boolean } | null;
  result: EligibilityResult | null;
  /** Why there is no result (no rules in force, records that cannot be evaluated). */
  problem: string | null;
}

export interface AppointmentFacts {
  appointmentId: string;
  employeeId: string;
  effectiveDate: string;
  appointmentType: string;
  isUpwardMobilityMove: boolean;
  from: PacketClass | null;
  to: PacketClass;
}

/** Qualifications are those held on the day before the appointment takes effect. */
export function evaluationDateFor(effectiveDate: string): string {
  return addDays(effectiveDate, -1);
}

export function appointmentAudit(
  appointment: AppointmentFacts,
  employee: PacketEmployee,
  evaluation: AppointmentEvaluation,
): AppointmentAudit {
  const base = {
    appointmentId: appointment.appointmentId,
    employee,
    effectiveDate: appointment.effectiveDate,
    appointmentType: appointment.appointmentType,
    isUpwardMobilityMove: appointment.isUpwardMobilityMove,
    from: appointment.from,
    to: appointment.to,
    evaluatedAsOf: evaluationDateFor(appointment.effectiveDate),
    ruleSet: evaluation.ruleSet,
  };
  const result = evaluation.result;
  if (result === null) {
    return {
      ...base,
      outcome: 'NOT_EVALUABLE',
      flagged: false,
      status: null,
      pattern: null,
      evidence: [],
      note: evaluation.problem,
    };
  }
  const qualified = result.status === 'ELIGIBLE';
  const pattern = result.patterns.find((p) => p.patternId === result.nearestPatternId) ?? null;
  const missing = pattern?.requirements.filter((r) => !r.met) ?? [];
  return {
    ...base,
    outcome: qualified ? 'QUALIFIED' : 'NOT_QUALIFIED',
    flagged: !qualified,
    status: result.status,
    pattern: pattern && { id: pattern.patternId, label: pattern.label, met: pattern.met },
    evidence: (pattern?.requirements ?? []).map((requirement) => ({
      kind: requirement.kind,
      met: requirement.met,
      have: requirement.have.explanation,
      need: requirement.need.explanation,
      sources: requirement.sources.map((source) => ({
        type: source.type,
        classCode: source.classCode,
        start: source.start,
        end: source.end,
        months: Math.round(source.months * 100) / 100,
      })),
    })),
    note: qualified
      ? null
      : pattern === null
        ? 'The rule set has no patterns'
        : `No pattern was met; nearest "${pattern.label}" lacked: ${missing
            .map((r) => `${r.need.explanation} (had ${r.have.explanation})`)
            .join('; ')}`,
  };
}

// ---- 2. T&D assignments ----

export interface TdAssignmentFacts {
  assignmentId: string;
  employeeId: string;
  hostUnit: string;
  workClass: PacketClass;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  timeBaseFraction: number;
  earlyEndRequestedOn: string | null;
}

const asLimitSpan = (a: TdAssignmentFacts): TdAssignment => ({
  start: a.startDate,
  end: a.actualEndDate ?? a.plannedEndDate,
  timeBaseFraction: a.timeBaseFraction,
});

/**
 * Each assignment with the fullest 36-month window touching it (the employee's other
 * assignments counted too) and its early-end request, if any. `all` holds every assignment of
 * the employees concerned, also those outside the period, since they share windows.
 */
export function tdAssignmentAudit(
  assignment: TdAssignmentFacts,
  all: readonly TdAssignmentFacts[],
  employee: PacketEmployee,
  today: string,
): TdAssignmentAudit {
  const others = all.filter(
    (other) =>
      other.employeeId === assignment.employeeId && other.assignmentId !== assignment.assignmentId,
  );
  const check = checkTdAssignmentLimit(others.map(asLimitSpan), asLimitSpan(assignment));
  const earlyEnd = earlyEndRequestStatus(
    assignment.earlyEndRequestedOn,
    assignment.actualEndDate,
    today,
  );
  const overLimit = !check.ok;
  return {
    assignmentId: assignment.assignmentId,
    employee,
    hostUnit: assignment.hostUnit,
    workClass: assignment.workClass,
    startDate: assignment.startDate,
    plannedEndDate: assignment.plannedEndDate,
    actualEndDate: assignment.actualEndDate,
    timeBaseFraction: assignment.timeBaseFraction,
    monthsInFullestWindow: Math.round(check.usedMonths * 100) / 100,
    fullestWindow: check.ok ? null : { start: check.windowStart, end: check.windowEnd },
    overLimit,
    earlyEnd,
    flagged: overLimit || (earlyEnd?.late ?? false),
  };
}

// ---- 4. Plan decisions ----

export interface PlanDecisionFacts {
  planId: string;
  employeeId: string;
  planDepartmentId: string;
  action: 'APPROVE' | 'RETURN';
  occurredAt: string;
  decidedBy: string;
  decidedByRole: string;
  decidedByDepartmentId: string | null;
  decidedByEmployeeId: string | null;
  recordedRelation: string;
  comment: string | null;
  /** The employee's supervisors, nearest first (their employee ids). */
  supervisoryChain: readonly string[];
}

/**
 * An approval is in order when it comes from the employee's supervisory chain or from a
 * coordinator of the plan's department. Anyone else - another department's staff, a
 * system administrator - is outside the chain and the department, and flagged.
 */
export function approvedOutsideChain(decision: PlanDecisionFacts): boolean {
  if (decision.action !== 'APPROVE') return false;
  const inChain =
    decision.decidedByEmployeeId !== null &&
    decision.supervisoryChain.includes(decision.decidedByEmployeeId);
  const departmentCoordinator =
    decision.decidedByRole === 'COORDINATOR' &&
    decision.decidedByDepartmentId === decision.planDepartmentId;
  return !inChain && !departmentCoordinator;
}

export function planDecisionAudit(
  decision: PlanDecisionFacts,
  employee: PacketEmployee,
): PlanDecisionAudit {
  const outside = approvedOutsideChain(decision);
  return {
    planId: decision.planId,
    employee,
    action: decision.action,
    occurredAt: decision.occurredAt,
    decidedBy: decision.decidedBy,
    decidedByRole: decision.decidedByRole,
    recordedRelation: decision.recordedRelation,
    outsideChainOrDepartment: outside,
    flagged: outside,
    comment: decision.comment,
  };
}

// ---- Assembly ----

export interface EmployeeIdentity {
  id: string;
  employeeNumber: string;
  name: string;
}

export interface AuditPacketRaw {
  department: { code: string; name: string };
  periodStart: string;
  periodEnd: string;
  generatedAt: string;
  /** Employees already shown as the audience may see them (`packetEmployee`). */
  appointments: AppointmentAudit[];
  tdAssignments: TdAssignmentAudit[];
  training: TrainingTrailEntry[];
  planDecisions: PlanDecisionAudit[];
  certifiedReports: CertifiedReportAudit[];
  integrity: IntegritySection;
}

/** The employee as the audience may see them. */
export function packetEmployee(
  employeeId: string,
  identity: EmployeeIdentity | undefined,
  audience: AuditPacketAudience,
): PacketEmployee {
  const named = audience === 'department' && identity !== undefined;
  return {
    ref: employeeRef(employeeId),
    employeeNumber: named ? identity.employeeNumber : null,
    name: named ? identity.name : null,
  };
}

const byFlagThenDate =
  <T extends { flagged: boolean }>(date: (item: T) => string) =>
  (a: T, b: T): number =>
    Number(b.flagged) - Number(a.flagged) || date(a).localeCompare(date(b));

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function buildAuditPacket(
  raw: AuditPacketRaw,
  audience: AuditPacketAudience,
): AuditPacketData {
  const appointments = [...raw.appointments].sort(
    byFlagThenDate((a: AppointmentAudit) => a.effectiveDate),
  );
  const tdAssignments = [...raw.tdAssignments].sort(
    byFlagThenDate((a: TdAssignmentAudit) => a.startDate),
  );
  const training = [...raw.training].sort(
    byFlagThenDate((t: TrainingTrailEntry) => t.completionDate),
  );
  const planDecisions = [...raw.planDecisions].sort(
    byFlagThenDate((d: PlanDecisionAudit) => d.occurredAt),
  );

  const verifiers = new Map<string, { records: number; hours: number }>();
  for (const record of training) {
    const key = record.verifiedBy ?? '(no verifier on record)';
    const entry = verifiers.get(key) ?? { records: 0, hours: 0 };
    entry.records += 1;
    entry.hours += record.hours;
    verifiers.set(key, entry);
  }

  // The index: every employee referenced, with the sections they appear in.
  const sections = new Map<string, { employee: PacketEmployee; sections: Set<number> }>();
  const note = (employee: PacketEmployee, section: number): void => {
    const entry = sections.get(employee.ref) ?? { employee, sections: new Set<number>() };
    entry.sections.add(section);
    sections.set(employee.ref, entry);
  };
  appointments.forEach((a) => note(a.employee, 1));
  tdAssignments.forEach((a) => note(a.employee, 2));
  training.forEach((t) => note(t.employee, 3));
  planDecisions.forEach((d) => note(d.employee, 4));
  const employeeIndex: EmployeeIndexEntry[] = [...sections.values()]
    .map(({ employee, sections: found }) => ({
      employee,
      sections: [...found].sort((a, b) => a - b),
    }))
    .sort((a, b) =>
      audience === 'department'
        ? (a.employee.name ?? '').localeCompare(b.employee.name ?? '') ||
          a.employee.ref.localeCompare(b.employee.ref)
        : a.employee.ref.localeCompare(b.employee.ref),
    );

  return {
    schemaVersion: AUDIT_PACKET_SCHEMA_VERSION,
    kind: AUDIT_PACKET_KIND,
    audience,
    header: {
      departmentCode: raw.department.code,
      departmentName: raw.department.name,
      periodStart: raw.periodStart,
      periodEnd: raw.periodEnd,
      fiscalYears: fiscalYearsOf(raw.periodStart, raw.periodEnd),
      generatedAt: raw.generatedAt,
    },
    summary: {
      eltpaAppointments: appointments.length,
      appointmentsFlagged: appointments.filter((a) => a.flagged).length,
      appointmentsNotEvaluable: appointments.filter((a) => a.outcome === 'NOT_EVALUABLE').length,
      tdAssignments: tdAssignments.length,
      tdOverLimit: tdAssignments.filter((a) => a.overLimit).length,
      tdEarlyEndsLate: tdAssignments.filter((a) => a.earlyEnd?.late === true).length,
      trainingRecords: training.length,
      trainingHoursWithoutVerification: round2(
        training.filter((t) => t.flagged).reduce((sum, t) => sum + t.hours, 0),
      ),
      planDecisions: planDecisions.length,
      plansApprovedOutsideChain: planDecisions.filter((d) => d.outsideChainOrDepartment).length,
      certifiedReports: raw.certifiedReports.length,
      certifiedReportsWithChangedFigures: raw.certifiedReports.filter((r) => r.changedFigures > 0)
        .length,
      auditChainVerified: raw.integrity.chainVerified,
    },
    appointments,
    tdAssignments,
    training: {
      records: training,
      // Only hours with their verification on record: the others are counted without one.
      verifiedHours: round2(training.filter((t) => !t.flagged).reduce((sum, t) => sum + t.hours, 0)),
      hoursWithoutVerification: round2(
        training.filter((t) => t.flagged).reduce((sum, t) => sum + t.hours, 0),
      ),
      byVerifier: [...verifiers]
        .map(([verifiedBy, entry]) => ({
          verifiedBy,
          records: entry.records,
          hours: round2(entry.hours),
        }))
        .sort((a, b) => a.verifiedBy.localeCompare(b.verifiedBy)),
    },
    planDecisions,
    certifiedReports: raw.certifiedReports,
    integrity: raw.integrity,
    employeeIndex,
  };
}
