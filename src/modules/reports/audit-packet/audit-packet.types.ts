/**
 * The packet a department hands the State Personnel Board's compliance review for a period
 * (default: the last three complete fiscal years): were its ELTPA appointments lawful - did the
 * appointee meet the class's minimum qualifications on the day of the appointment -, were T&D
 * assignments within 24 months in 36 and early ends honoured in 10 working days, who verified
 * the training counted, who approved career plans, what was certified, and whether the audit
 * trail is intact. Never any demographic data.
 *
 * Audiences: `department` names employees (name, employee number, and a reference); `oversight`
 * (what an AUDITOR receives) shows only the reference - a stable pseudonym the department can
 * look up in its own edition - so no individual's identity leaves the department.
 */
import type { EligibilityStatus } from '../../eligibility/evaluate-eligibility.rule';

export const AUDIT_PACKET_SCHEMA_VERSION = 1;
export const AUDIT_PACKET_KIND = 'SPB_COMPLIANCE_AUDIT_PACKET';

export const AUDIT_PACKET_AUDIENCES = ['department', 'oversight'] as const;
export type AuditPacketAudience = (typeof AUDIT_PACKET_AUDIENCES)[number];

export const AUDIT_PACKET_FORMATS = ['json', 'pdf', 'xlsx'] as const;
export type AuditPacketFormat = (typeof AUDIT_PACKET_FORMATS)[number];

/** An employee as the packet names them. */
export interface PacketEmployee {
  /** Stable pseudonym, e.g. `E-3F2A91C0D4`: the same in both audiences and every packet. */
  ref: string;
  /** Department audience only; null in the oversight audience. */
  employeeNumber: string | null;
  name: string | null;
}

export interface PacketClass {
  classCode: string;
  title: string;
}

// ---- 1. Appointments into ELTPA classes ----

/** QUALIFIED: a pattern was met. NOT_QUALIFIED: none was (flagged). NOT_EVALUABLE: no rules
 * were in force for the class on the date, or the records cannot be evaluated. */
export type AppointmentOutcome = 'QUALIFIED' | 'NOT_QUALIFIED' | 'NOT_EVALUABLE';

export interface EvidenceSource {
  type: 'APPOINTMENT' | 'TD_ASSIGNMENT';
  classCode: string;
  start: string;
  end: string;
  months: number;
}

export interface RequirementEvidence {
  kind: string;
  met: boolean;
  /** What the employee had, in words (from the eligibility evaluation). */
  have: string;
  need: string;
  /** Experience counted: from which appointments and T&D assignments. */
  sources: EvidenceSource[];
}

export interface AppointmentAudit {
  appointmentId: string;
  employee: PacketEmployee;
  effectiveDate: string;
  appointmentType: string;
  isUpwardMobilityMove: boolean;
  from: PacketClass | null;
  to: PacketClass;
  /** Qualifications are those held before starting in the new class: the day before. */
  evaluatedAsOf: string;
  ruleSet: { id: string; effectiveFrom: string; illustrative: boolean } | null;
  outcome: AppointmentOutcome;
  /** NOT_QUALIFIED: made while no pattern was met. */
  flagged: boolean;
  status: EligibilityStatus | null;
  /** The pattern met (QUALIFIED) or the nearest one (NOT_QUALIFIED). */
  pattern: { id: string; label: string; met: boolean } | null;
  evidence: RequirementEvidence[];
  /** Why it could not be evaluated, or what was missing. */
  note: string | null;
}

// ---- 2. T&D assignments ----

export interface TdAssignmentAudit {
  assignmentId: string;
  employee: PacketEmployee;
  hostUnit: string;
  workClass: PacketClass;
  startDate: string;
  plannedEndDate: string;
  actualEndDate: string | null;
  timeBaseFraction: number;
  /** Full-time-equivalent months in the fullest 36-month window touching this assignment
   * (all the employee's T&D assignments counted). */
  monthsInFullestWindow: number;
  fullestWindow: { start: string; end: string } | null;
  /** Over 24 months in that window (2 CCR 438). */
  overLimit: boolean;
  earlyEnd: {
    requestedOn: string;
    dueBy: string;
    honouredOn: string | null;
    workingDaysTaken: number | null;
    /** Honoured after more than 10 working days, or not honoured past the due date. */
    late: boolean;
  } | null;
  flagged: boolean;
}

// ---- 3. Training verification trail ----

export interface TrainingTrailEntry {
  trainingRecordId: string;
  employee: PacketEmployee;
  title: string;
  kind: string;
  hours: number;
  completionDate: string;
  fiscalYear: string;
  verifiedBy: string | null;
  verifiedAt: string | null;
  evidence: { fileName: string; sha256: string }[];
  /** VERIFIED but with no verifier or date on record: counted without verification. */
  flagged: boolean;
}

export interface TrainingTrailSection {
  records: TrainingTrailEntry[];
  /** Hours of the records whose verifier and date are on record. */
  verifiedHours: number;
  hoursWithoutVerification: number;
  byVerifier: { verifiedBy: string; records: number; hours: number }[];
}

// ---- 4. Career plan decisions ----

export interface PlanDecisionAudit {
  planId: string;
  employee: PacketEmployee;
  action: 'APPROVE' | 'RETURN';
  occurredAt: string;
  decidedBy: string;
  decidedByRole: string;
  /** As recorded when the decision was made. */
  recordedRelation: string;
  /** APPROVE by someone neither in the employee's supervisory chain nor a coordinator of the
   * department (should be none). */
  outsideChainOrDepartment: boolean;
  flagged: boolean;
  comment: string | null;
}

// ---- 5. Certified reports: of the period's fiscal years, or certified during the period ----

export interface CertifiedReportAudit {
  fiscalYear: string;
  version: number;
  certifiedAt: string;
  certifiedBy: string;
  /** SHA-256 of each stored rendering of the packet's audience, by format. */
  sha256: Record<string, string>;
  /** Figures that today's data would change, in the packet's audience. */
  changedFigures: number;
  /** The first changes (at most 25): the figure's path, certified value, value today. */
  changes: { path: string; from: string | number | boolean | null; to: string | number | boolean | null }[];
}

// ---- 6. Integrity ----

export interface IntegritySection {
  /** The whole audit chain, verified from its first entry when the packet was generated. */
  chainVerified: boolean;
  chainEntries: number;
  headHash: string | null;
  firstInvalidEntryId: string | null;
  /** The department's entries dated in the period. */
  entriesInPeriod: number;
  lastEntryInPeriod: { id: string; hash: string; occurredAt: string } | null;
}

export interface EmployeeIndexEntry {
  employee: PacketEmployee;
  /** The sections (1-4) the employee appears in. */
  sections: number[];
}

export interface AuditPacketData {
  schemaVersion: typeof AUDIT_PACKET_SCHEMA_VERSION;
  kind: typeof AUDIT_PACKET_KIND;
  audience: AuditPacketAudience;
  header: {
    departmentCode: string;
    departmentName: string;
    periodStart: string;
    periodEnd: string;
    fiscalYears: string[];
    generatedAt: string;
  };
  summary: {
    eltpaAppointments: number;
    appointmentsFlagged: number;
    appointmentsNotEvaluable: number;
    tdAssignments: number;
    tdOverLimit: number;
    tdEarlyEndsLate: number;
    trainingRecords: number;
    trainingHoursWithoutVerification: number;
    planDecisions: number;
    plansApprovedOutsideChain: number;
    certifiedReports: number;
    certifiedReportsWithChangedFigures: number;
    auditChainVerified: boolean;
  };
  appointments: AppointmentAudit[];
  tdAssignments: TdAssignmentAudit[];
  training: TrainingTrailSection;
  planDecisions: PlanDecisionAudit[];
  certifiedReports: CertifiedReportAudit[];
  integrity: IntegritySection;
  employeeIndex: EmployeeIndexEntry[];
}
