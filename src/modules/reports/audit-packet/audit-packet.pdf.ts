/**
 * The printable State Personnel Board compliance audit packet of a department and period, for
 * one audience, from the packet data (`AuditPacketData`): a cover, the contents, the findings
 * (every flag, appointments made while no pattern was met first), then one section per part of
 * the packet and an index of the employees named or referenced.
 *
 * Decisions:
 * - The oversight edition identifies employees by their reference only: the name and employee
 *   number are null there and nothing is printed in their place (never "null").
 * - Flagged records come first wherever the packet lists records of one kind, and the FLAG mark
 *   sits in the first column of every table that holds them.
 * - A large department has hundreds of thousands of training records: the PDF prints the first
 *   1,500 (flagged first) and says where the complete list is (the XLSX edition).
 * - Dates are printed as stored (YYYY-MM-DD) in tables, so that they fit and sort; instants in
 *   UTC to the minute.
 * - Byte-identical output for the same data: the PDF's dates are the packet's generation instant.
 *
 * The finding texts (`packetFindings`) and the small formatters are exported for the XLSX edition,
 * so both editions say the same thing the same way.
 */
import {
  formatDate,
  formatHours,
  formatInstant,
  NOT_APPLICABLE,
  yesNo,
} from '../rendering/annual-report.pdf';
import { formatDecimal, formatInteger, ReportPdf } from '../rendering/pdf-document';
import type { DataTable, KeyValue, TableRow } from '../rendering/pdf-document';
import type {
  AppointmentAudit,
  AppointmentOutcome,
  AuditPacketData,
  CertifiedReportAudit,
  EmployeeIndexEntry,
  PacketClass,
  PacketEmployee,
  TdAssignmentAudit,
  TrainingTrailEntry,
} from './audit-packet.types';

export interface AuditPacketPdfOptions {
  /** SHA-256 (hex) of the packet's JSON rendering of the same audience. */
  dataSha256: string;
}

export const AUDIT_PACKET_TITLE = 'Upward Mobility Program - Compliance Audit Packet';
export const AUDIT_PACKET_SUBTITLE = 'for the State Personnel Board compliance review';
export const OVERSIGHT_AUDIENCE_NOTE =
  "Employees are identified by reference only; the department's edition maps references to names";
/** Training records printed at most; the XLSX edition has them all. */
export const PDF_TRAINING_ROW_LIMIT = 1500;
/** Figure changes printed under each certified report whose figures would change. */
export const PDF_CHANGES_LISTED = 10;
/** Marks a record listed in the findings. */
export const FLAG_MARK = 'FLAG';
/** Not recorded, or does not apply. */
export const NONE = '-';

export const SECTION_TITLES = {
  findings: 'Findings',
  appointments: '1. Appointments into ELTPA classes',
  appointmentsFlagged: '1.1 Made while no pattern was met',
  appointmentsOther: '1.2 Other appointments',
  tdAssignments: '2. Training and development (T&D) assignments',
  training: '3. Training verification trail',
  planDecisions: '4. Career plan decisions',
  certifiedReports: '5. Certified annual reports',
  integrity: '6. Integrity of the audit trail',
  index: 'Index of employees',
} as const;

// ---------------------------------------------------------------------------------------------
// Formatting shared with the XLSX edition
// ---------------------------------------------------------------------------------------------

/** 200000 -> 200,000. */
export function groupThousands(value: number): string {
  return formatInteger(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The name and employee number the audience may see (none in the oversight edition). */
function identityOf(employee: PacketEmployee): string[] {
  return [employee.name, employee.employeeNumber].filter(
    (part): part is string => part !== null && part.trim() !== '',
  );
}

/** In running text: "Maria Garcia (E4810327, E-3F2A91C0D4)", or the reference alone. */
export function employeeLabel(employee: PacketEmployee): string {
  const [first, ...rest] = identityOf(employee);
  return first === undefined ? employee.ref : `${first} (${[...rest, employee.ref].join(', ')})`;
}

/** In a table cell: the reference, then the name and number on the next line. */
export function employeeCell(employee: PacketEmployee): string {
  const identity = identityOf(employee);
  return identity.length === 0 ? employee.ref : `${employee.ref}\n${identity.join(', ')}`;
}

export function classLabel(packetClass: PacketClass | null): string {
  return packetClass === null ? 'none' : `${packetClass.classCode} ${packetClass.title}`;
}

/** The first 16 hex digits and "...": enough to tell files apart on paper. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 16)}...` : sha256;
}

/** Flagged entries first, each group in its original order. */
export function flaggedFirst<T extends { flagged: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((item) => item.flagged), ...items.filter((item) => !item.flagged)];
}

export const OUTCOME_TEXT: Record<AppointmentOutcome, string> = {
  QUALIFIED: 'qualified',
  NOT_QUALIFIED: 'NOT QUALIFIED',
  NOT_EVALUABLE: 'not evaluable',
};

/** What the appointee lacked: the unmet requirements of the nearest pattern, else the note. */
export function whatWasMissing(appointment: AppointmentAudit): string {
  const unmet = appointment.evidence.filter((requirement) => !requirement.met);
  if (unmet.length > 0) return unmet.map((r) => `${r.need} (had ${r.have})`).join('; ');
  return appointment.note ?? 'not recorded';
}

export function formatTimeBase(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`;
}

export function formatMonths(months: number): string {
  return formatDecimal(months, 2);
}

/** A figure of a certified report as compared: "n/a" for a figure without a value. */
export function formatFigureValue(value: unknown): string {
  if (value === null || value === undefined) return NOT_APPLICABLE;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const TRAINING_KIND_LABEL: Record<string, string> = {
  CLASSROOM: 'Classroom',
  ONLINE: 'Online',
  COLLEGE_COURSE: 'College course',
  OJT: 'On-the-job training',
  MENTORING: 'Mentoring',
  CONFERENCE: 'Conference',
};

/** A training kind in words; a kind outside the known list prints as recorded. */
export function trainingKindLabel(kind: string): string {
  return TRAINING_KIND_LABEL[kind] ?? kind;
}

/** The end of a T&D assignment as it stands: actual, else planned. */
function tdEnd(assignment: TdAssignmentAudit): string {
  return assignment.actualEndDate ?? `${assignment.plannedEndDate} (planned)`;
}

// ---------------------------------------------------------------------------------------------
// Findings
// ---------------------------------------------------------------------------------------------

export const FINDING_KINDS = [
  'APPOINTMENT_NOT_QUALIFIED',
  'TD_OVER_LIMIT',
  'TD_EARLY_END_LATE',
  'TRAINING_NOT_VERIFIED',
  'PLAN_OUTSIDE_CHAIN',
  'REPORT_FIGURES_CHANGED',
  'AUDIT_CHAIN_NOT_VERIFIED',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const FINDING_TITLE: Record<FindingKind, string> = {
  APPOINTMENT_NOT_QUALIFIED: 'Appointment made while no pattern was met',
  TD_OVER_LIMIT: 'T&D assignment over 24 months in 36',
  TD_EARLY_END_LATE: 'Early end not honoured within 10 working days',
  TRAINING_NOT_VERIFIED: 'Training counted without verification',
  PLAN_OUTSIDE_CHAIN: 'Plan approved outside the supervisory chain or department',
  REPORT_FIGURES_CHANGED: "Certified report whose figures today's data would change",
  AUDIT_CHAIN_NOT_VERIFIED: 'Audit chain not verified',
};

export interface Finding {
  kind: FindingKind;
  /** The packet section the record is in (1-6). */
  section: number;
  /** The appointment, assignment, training record, plan, report ("2023-24 v2") or audit entry. */
  recordId: string | null;
  employee: PacketEmployee | null;
  /** When it happened: a calendar date or an instant. */
  date: { type: 'date' | 'datetime'; value: string } | null;
  /** What is wrong, without the employee (who has their own column in the XLSX edition). */
  detail: string;
}

/** Every flag of the packet, in the order the findings list them. */
export function packetFindings(data: AuditPacketData): Finding[] {
  const findings: Finding[] = [];
  for (const a of data.appointments.filter((appointment) => appointment.flagged)) {
    const pattern = a.pattern ? `nearest pattern "${a.pattern.label}"` : 'no pattern in the rule set';
    findings.push({
      kind: 'APPOINTMENT_NOT_QUALIFIED',
      section: 1,
      recordId: a.appointmentId,
      employee: a.employee,
      date: { type: 'date', value: a.effectiveDate },
      detail:
        `${a.appointmentType} on ${a.effectiveDate} from ${classLabel(a.from)} to ` +
        `${classLabel(a.to)}; ${pattern}; missing: ${whatWasMissing(a)}`,
    });
  }
  for (const t of data.tdAssignments.filter((assignment) => assignment.overLimit)) {
    const window = t.fullestWindow
      ? `in the 36 months from ${t.fullestWindow.start} to ${t.fullestWindow.end}`
      : 'in its fullest 36-month window';
    findings.push({
      kind: 'TD_OVER_LIMIT',
      section: 2,
      recordId: t.assignmentId,
      employee: t.employee,
      date: { type: 'date', value: t.startDate },
      detail:
        `${formatMonths(t.monthsInFullestWindow)} full-time months ${window} (limit 24); ` +
        `assignment in ${classLabel(t.workClass)} from ${t.startDate} to ${tdEnd(t)}`,
    });
  }
  for (const t of data.tdAssignments) {
    const early = t.earlyEnd;
    if (!early?.late) continue;
    const outcome =
      early.honouredOn === null
        ? 'not honoured yet'
        : `honoured on ${early.honouredOn} after ${early.workingDaysTaken ?? NONE} working days`;
    findings.push({
      kind: 'TD_EARLY_END_LATE',
      section: 2,
      recordId: t.assignmentId,
      employee: t.employee,
      date: { type: 'date', value: early.requestedOn },
      detail:
        `T&D assignment in ${classLabel(t.workClass)}: early end requested on ` +
        `${early.requestedOn}, due by ${early.dueBy}, ${outcome}`,
    });
  }
  for (const r of data.training.records.filter((record) => record.flagged)) {
    const lacking = [r.verifiedBy === null && 'verifier', r.verifiedAt === null && 'verification date']
      .filter((part): part is string => typeof part === 'string')
      .join(' or ');
    findings.push({
      kind: 'TRAINING_NOT_VERIFIED',
      section: 3,
      recordId: r.trainingRecordId,
      employee: r.employee,
      date: { type: 'date', value: r.completionDate },
      detail:
        `"${r.title}" (${trainingKindLabel(r.kind)}, ${formatHours(r.hours)} hours, completed ${r.completionDate}) ` +
        `counted as verified with no ${lacking || 'verification'} on record`,
    });
  }
  for (const d of data.planDecisions.filter((decision) => decision.flagged)) {
    findings.push({
      kind: 'PLAN_OUTSIDE_CHAIN',
      section: 4,
      recordId: d.planId,
      employee: d.employee,
      date: { type: 'datetime', value: d.occurredAt },
      detail:
        `plan approved on ${formatInstant(d.occurredAt)} by ${d.decidedBy} (${d.decidedByRole}, ` +
        `recorded as ${d.recordedRelation})`,
    });
  }
  for (const r of data.certifiedReports.filter((report) => report.changedFigures > 0)) {
    findings.push({
      kind: 'REPORT_FIGURES_CHANGED',
      section: 5,
      recordId: reportLabel(r),
      employee: null,
      date: { type: 'datetime', value: r.certifiedAt },
      detail:
        `FY ${r.fiscalYear} version ${r.version}, certified on ${formatInstant(r.certifiedAt)} by ` +
        `${r.certifiedBy}: ${groupThousands(r.changedFigures)} figures would change`,
    });
  }
  const integrity = data.integrity;
  if (!integrity.chainVerified) {
    findings.push({
      kind: 'AUDIT_CHAIN_NOT_VERIFIED',
      section: 6,
      recordId: integrity.firstInvalidEntryId,
      employee: null,
      date: null,
      detail: integrity.firstInvalidEntryId
        ? `the chain breaks at entry ${integrity.firstInvalidEntryId}`
        : 'the chain could not be verified',
    });
  }
  return findings;
}

export function reportLabel(report: CertifiedReportAudit): string {
  return `${report.fiscalYear} v${report.version}`;
}

/** A finding as one line of the findings list. */
export function findingText(finding: Finding): string {
  const who = finding.employee ? `${employeeLabel(finding.employee)}: ` : '';
  return `${FINDING_TITLE[finding.kind]} - ${who}${finding.detail}.`;
}

/** The index in print order: by name in the department edition, by reference in the other. */
export function indexOrder(data: AuditPacketData): EmployeeIndexEntry[] {
  const byRef = (a: EmployeeIndexEntry, b: EmployeeIndexEntry): number =>
    a.employee.ref < b.employee.ref ? -1 : a.employee.ref > b.employee.ref ? 1 : 0;
  if (data.audience === 'oversight') return [...data.employeeIndex].sort(byRef);
  return [...data.employeeIndex].sort(
    (a, b) =>
      (a.employee.name ?? a.employee.ref).localeCompare(b.employee.name ?? b.employee.ref, 'en') ||
      byRef(a, b),
  );
}

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export async function renderAuditPacketPdf(
  data: AuditPacketData,
  options: AuditPacketPdfOptions,
): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/i.test(options.dataSha256)) {
    throw new RangeError('renderAuditPacketPdf: dataSha256 must be 64 hex digits');
  }
  const h = data.header;
  const pdf = new ReportPdf({
    title: `${AUDIT_PACKET_TITLE} - ${h.departmentCode} - ${h.periodStart} to ${h.periodEnd}`,
    author: h.departmentName,
    subject: `State Personnel Board compliance audit packet (${data.audience} edition)`,
    keywords: `upward mobility; compliance audit; ${h.departmentCode}; ${h.fiscalYears.join(', ')}`,
    timestamp: new Date(h.generatedAt),
    footer: {
      // The footer's left part is narrow (half a line): the period goes on the right.
      left: `${h.departmentCode} - Compliance audit packet`,
      right: `${h.periodStart} to ${h.periodEnd}`,
      secondLine: `SHA-256 of packet data: ${options.dataSha256.toLowerCase()}`,
    },
  });
  coverPage(pdf, data);
  findingsSection(pdf, data);
  appointmentsSection(pdf, data);
  tdSection(pdf, data);
  trainingSection(pdf, data);
  planDecisionsSection(pdf, data);
  certifiedReportsSection(pdf, data);
  integritySection(pdf, data);
  indexSection(pdf, data);
  return pdf.toBuffer();
}

function coverPage(pdf: ReportPdf, data: AuditPacketData): void {
  const h = data.header;
  const oversight = data.audience === 'oversight';
  pdf.cover({
    title: AUDIT_PACKET_TITLE,
    subtitle: [AUDIT_PACKET_SUBTITLE, `${h.departmentName} (${h.departmentCode})`],
    fields: [
      { key: 'Department', value: `${h.departmentName} (${h.departmentCode})` },
      { key: 'Period', value: `${formatDate(h.periodStart)} to ${formatDate(h.periodEnd)}` },
      { key: 'Fiscal years', value: h.fiscalYears.join(', ') },
      { key: 'Generated at', value: formatInstant(h.generatedAt) },
      {
        key: 'Edition',
        value: oversight ? 'Oversight (employees by reference)' : 'Department (employees named)',
      },
      { key: 'Packet data schema', value: `version ${data.schemaVersion}` },
    ],
    notes: [
      oversight
        ? `${OVERSIGHT_AUDIENCE_NOTE}.`
        : 'Employees are named, with their employee number and reference: this edition stays ' +
          'in the department. The oversight edition identifies them by reference only.',
      `Notation: "${FLAG_MARK}" marks a record listed in the findings; "${NONE}" = not ` +
        'recorded or does not apply. Dates are calendar dates (YYYY-MM-DD); times are UTC.',
      "Every page footer gives the SHA-256 of this packet's JSON data file (same edition): the " +
        'printed figures can be checked against it. The packet holds no demographic data.',
    ],
  });
}

// ---- Findings ----

function findingsSection(pdf: ReportPdf, data: AuditPacketData): void {
  const s = data.summary;
  const counted = (count: number, of: number): string => `${groupThousands(count)} of ${groupThousands(of)}`;
  pdf.section(SECTION_TITLES.findings);
  pdf.keyValues(
    [
      { key: 'Appointments into ELTPA classes', value: groupThousands(s.eltpaAppointments) },
      {
        key: 'Made while no pattern was met',
        value: counted(s.appointmentsFlagged, s.eltpaAppointments),
      },
      { key: 'Not evaluable', value: counted(s.appointmentsNotEvaluable, s.eltpaAppointments) },
      { key: 'T&D assignments', value: groupThousands(s.tdAssignments) },
      { key: 'Over 24 months in 36', value: counted(s.tdOverLimit, s.tdAssignments) },
      {
        key: 'Early ends not honoured within 10 working days',
        value: counted(s.tdEarlyEndsLate, s.tdAssignments),
      },
      { key: 'Training records', value: groupThousands(s.trainingRecords) },
      {
        key: 'Training hours counted without verification',
        value: formatHours(s.trainingHoursWithoutVerification),
      },
      { key: 'Career plan decisions', value: groupThousands(s.planDecisions) },
      {
        key: 'Plans approved outside the chain or department',
        value: counted(s.plansApprovedOutsideChain, s.planDecisions),
      },
      { key: 'Certified annual reports', value: groupThousands(s.certifiedReports) },
      {
        key: "With figures today's data would change",
        value: counted(s.certifiedReportsWithChangedFigures, s.certifiedReports),
      },
      { key: 'Audit chain verified', value: yesNo(s.auditChainVerified) },
    ],
    { title: 'Summary', keyWidth: 0.6 },
  );
  const findings = packetFindings(data);
  if (findings.length === 0) {
    pdf.heading('No findings');
    pdf.paragraph(
      'Every appointment was made while a pattern was met (or could not be evaluated), no T&D ' +
        'assignment went over the limit, every early end was honoured in time, all training ' +
        'counted was verified, every plan was approved within the chain or department, no ' +
        "certified report's figures would change, and the audit chain verified.",
    );
    return;
  }
  pdf.heading(`Flags (${groupThousands(findings.length)})`);
  pdf.bullets(findings.map(findingText));
}

// ---- 1. Appointments ----

function appointmentsSection(pdf: ReportPdf, data: AuditPacketData): void {
  const flagged = data.appointments.filter((a) => a.flagged);
  const others = data.appointments.filter((a) => !a.flagged);
  pdf.section(SECTION_TITLES.appointments, { newPage: true });
  pdf.paragraph(
    "Each appointment into an ELTPA class is measured against the class's minimum " +
      'qualifications (the rule set) in force when it took effect, with the qualifications held ' +
      'the day before. It is lawful when a pattern of the rule set was met; otherwise it is ' +
      'flagged, with the nearest pattern and what was missing. The evidence shows each ' +
      'requirement of that pattern and the appointments and T&D assignments counted as experience.',
    { style: 'note' },
  );
  pdf.section(`${SECTION_TITLES.appointmentsFlagged} (${groupThousands(flagged.length)})`, {
    level: 2,
  });
  if (flagged.length === 0) {
    pdf.paragraph('None: no appointment was made while no pattern was met.', { style: 'emphasis' });
  }
  flagged.forEach((a) => appointmentBlock(pdf, a));
  pdf.section(`${SECTION_TITLES.appointmentsOther} (${groupThousands(others.length)})`, {
    level: 2,
    newPage: flagged.length > 0,
  });
  if (others.length === 0) pdf.paragraph('None.', { style: 'emphasis' });
  others.forEach((a) => appointmentBlock(pdf, a));
}

/** Points per line of an appointment's heading (bold 10.5 with its line gap). */
const HEADING_LINE_HEIGHT = 14;
/** Characters of a heading line, on the safe side. */
const HEADING_LINE_CHARS = 80;
const HEADING_SPACING = 7;

function appointmentBlock(pdf: ReportPdf, a: AppointmentAudit): void {
  const title =
    `${a.flagged ? `${FLAG_MARK} ` : ''}${employeeLabel(a.employee)} - ${a.effectiveDate} - ` +
    `${a.appointmentType} - ${classLabel(a.from)} -> ${classLabel(a.to)}: ${OUTCOME_TEXT[a.outcome]}`;
  const ruleSet = a.ruleSet
    ? `effective from ${a.ruleSet.effectiveFrom}${a.ruleSet.illustrative ? ' (illustrative)' : ''}`
    : `none in force on ${a.evaluatedAsOf}`;
  const patternKey = a.pattern === null ? 'Pattern' : a.pattern.met ? 'Pattern met' : 'Nearest pattern';
  const patternValue =
    a.pattern === null ? NONE : a.pattern.met ? a.pattern.label : `${a.pattern.label} (not met)`;
  const details: DataTable = {
    showHeader: false,
    fontSize: 8,
    columns: [
      { header: '', width: 0.8 },
      { header: '', width: 1.7, bold: true },
      { header: '', width: 0.9 },
      { header: '', width: 1.1, bold: true },
    ],
    rows: [
      ['Appointment', a.appointmentId, 'Upward mobility move', yesNo(a.isUpwardMobilityMove)],
      ['Rule set', ruleSet, 'Evaluated as of', a.evaluatedAsOf],
      [patternKey, patternValue, 'Eligibility status', a.status ?? NONE],
    ],
  };
  const tables: DataTable[] = [details];
  if (a.flagged) {
    tables.push(noteTable('What was missing', whatWasMissing(a)));
  } else if (a.note) {
    tables.push(noteTable('Note', a.note));
  }
  if (a.evidence.length > 0) {
    tables.push({
      fontSize: 7.5,
      columns: [
        { header: 'Requirement', width: 0.9 },
        { header: 'Met', width: 0.45, align: 'center' },
        { header: 'Have', width: 2.3 },
        { header: 'Need', width: 2.3 },
      ],
      rows: a.evidence.map(
        (r): TableRow => ({ cells: [r.kind, yesNo(r.met), r.have, r.need], bold: !r.met }),
      ),
    });
  }
  const sources = a.evidence.flatMap((r) => r.sources.map((source) => ({ kind: r.kind, source })));
  if (sources.length > 0) {
    tables.push({
      fontSize: 7.5,
      columns: [
        { header: 'Experience counted for', width: 1.1 },
        { header: 'Source', width: 1.1 },
        { header: 'Class', width: 0.7 },
        { header: 'Start', width: 0.9 },
        { header: 'End', width: 0.9 },
        { header: 'Months', width: 0.7, align: 'right' },
      ],
      rows: sources.map(({ kind, source }) => [
        kind,
        source.type === 'TD_ASSIGNMENT' ? 'T&D assignment' : 'Appointment',
        source.classCode,
        source.start,
        source.end,
        formatMonths(source.months),
      ]),
    });
  }
  const headingHeight =
    HEADING_SPACING + Math.ceil(title.length / HEADING_LINE_CHARS) * HEADING_LINE_HEIGHT;
  pdf.keepTogether(headingHeight + tables.reduce((sum, table) => sum + pdf.measureTable(table), 0));
  pdf.heading(title);
  tables.forEach((table) => pdf.table(table));
}

function noteTable(key: string, text: string): DataTable {
  return {
    showHeader: false,
    fontSize: 8,
    columns: [
      { header: '', width: 0.8 },
      { header: '', width: 3.7 },
    ],
    rows: [[key, text]],
  };
}

// ---- 2. T&D assignments ----

function tdSection(pdf: ReportPdf, data: AuditPacketData): void {
  const assignments = flaggedFirst(data.tdAssignments);
  pdf.section(SECTION_TITLES.tdAssignments, { newPage: true });
  pdf.paragraph(
    'A T&D assignment may last up to 24 full-time-equivalent months in any 36 (2 CCR 438): ' +
      "the months are those of the fullest 36-month window touching the assignment, the employee's " +
      'other assignments included; the window is shown when the limit is exceeded. A request to ' +
      'end an assignment early must be honoured within 10 working days.',
    { style: 'note' },
  );
  pdf.table({
    title: 'Assignments',
    fontSize: 7,
    columns: [
      { header: 'Flag', width: 26 },
      { header: 'Employee', width: 110 },
      { header: 'Work class', width: 30 },
      { header: 'Start', width: 44 },
      { header: 'Planned end', width: 44 },
      { header: 'Actual end', width: 44 },
      { header: 'Time base', width: 30, align: 'right' },
      { header: 'Months in window', width: 36, align: 'right' },
      { header: 'Window start', width: 44 },
      { header: 'Window end', width: 44 },
      { header: 'Over 24', width: 26, align: 'center' },
    ],
    rows: assignments.map(
      (t): TableRow => ({
        cells: [
          t.flagged ? FLAG_MARK : '',
          employeeCell(t.employee),
          t.workClass.classCode,
          t.startDate,
          t.plannedEndDate,
          t.actualEndDate ?? NONE,
          formatTimeBase(t.timeBaseFraction),
          formatMonths(t.monthsInFullestWindow),
          t.fullestWindow?.start ?? NONE,
          t.fullestWindow?.end ?? NONE,
          yesNo(t.overLimit),
        ],
        bold: t.flagged,
      }),
    ),
    emptyText: 'No T&D assignments in the period.',
  });
  const early = assignments.filter((t) => t.earlyEnd !== null);
  pdf.table({
    title: 'Requests to end an assignment early',
    fontSize: 7,
    columns: [
      { header: 'Flag', width: 26 },
      { header: 'Employee', width: 110 },
      { header: 'Work class', width: 40 },
      { header: 'Requested', width: 50 },
      { header: 'Due by', width: 50 },
      { header: 'Honoured', width: 60 },
      { header: 'Working days', width: 45, align: 'right' },
      { header: 'Late', width: 30, align: 'center' },
    ],
    rows: early.map((t): TableRow => {
      const e = t.earlyEnd;
      return {
        cells: [
          e?.late ? FLAG_MARK : '',
          employeeCell(t.employee),
          t.workClass.classCode,
          e?.requestedOn ?? NONE,
          e?.dueBy ?? NONE,
          e?.honouredOn ?? 'not honoured',
          e?.workingDaysTaken === null || e?.workingDaysTaken === undefined
            ? NONE
            : formatInteger(e.workingDaysTaken),
          yesNo(e?.late ?? null),
        ],
        bold: e?.late ?? false,
      };
    }),
    emptyText: 'No request to end an assignment early.',
  });
}

// ---- 3. Training ----

function trainingSection(pdf: ReportPdf, data: AuditPacketData): void {
  const t = data.training;
  const total = t.records.length;
  pdf.section(SECTION_TITLES.training, { newPage: true });
  pdf.keyValues(
    [
      { key: 'Training records counted', value: groupThousands(total) },
      { key: 'Verified hours', value: formatHours(t.verifiedHours) },
      { key: 'Hours counted without verification', value: formatHours(t.hoursWithoutVerification) },
    ],
    { keyWidth: 0.6 },
  );
  pdf.table({
    title: 'By verifier',
    columns: [
      { header: 'Verified by', width: 3 },
      { header: 'Records', width: 1, align: 'right' },
      { header: 'Hours', width: 1, align: 'right' },
    ],
    rows: t.byVerifier.map((v) => [v.verifiedBy, groupThousands(v.records), formatHours(v.hours)]),
    emptyText: 'No training records.',
  });
  const printed = flaggedFirst(t.records).slice(0, PDF_TRAINING_ROW_LIMIT);
  pdf.heading('Training records');
  pdf.paragraph(
    total > printed.length
      ? `Flagged records first. The first ${groupThousands(printed.length)} records are printed; ` +
          `see the complete list of ${groupThousands(total)} records in the XLSX edition.`
      : `Flagged records first; all ${groupThousands(total)} records are printed. Evidence: the ` +
          'first 16 hex digits of the SHA-256 of each file.',
    { style: 'note' },
  );
  pdf.table({
    fontSize: 7,
    columns: [
      { header: 'Flag', width: 26 },
      { header: 'Employee', width: 80 },
      { header: 'Title', width: 84 },
      { header: 'Kind', width: 50 },
      { header: 'Hours', width: 28, align: 'right' },
      { header: 'Completed', width: 44 },
      { header: 'Verified by', width: 60 },
      { header: 'Verified at', width: 56 },
      { header: 'Evidence SHA-256', width: 76 },
    ],
    rows: printed.map((r: TrainingTrailEntry): TableRow => ({
      cells: [
        r.flagged ? FLAG_MARK : '',
        employeeCell(r.employee),
        r.title,
        trainingKindLabel(r.kind),
        formatHours(r.hours),
        r.completionDate,
        r.verifiedBy ?? 'none',
        r.verifiedAt === null ? 'none' : formatInstant(r.verifiedAt),
        r.evidence.length === 0 ? 'none' : r.evidence.map((file) => shortHash(file.sha256)).join('\n'),
      ],
      bold: r.flagged,
    })),
    emptyText: 'No training records in the period.',
  });
}

// ---- 4. Plan decisions ----

function planDecisionsSection(pdf: ReportPdf, data: AuditPacketData): void {
  pdf.section(SECTION_TITLES.planDecisions, { newPage: true });
  pdf.paragraph(
    "A career plan is approved by someone in the employee's supervisory chain or by a " +
      'coordinator of the department; an approval by anyone else is flagged. The relation is ' +
      'the one recorded when the decision was made.',
    { style: 'note' },
  );
  pdf.table({
    fontSize: 7,
    columns: [
      { header: 'Flag', width: 26 },
      { header: 'Employee', width: 84 },
      { header: 'Decision', width: 46 },
      { header: 'Decided at', width: 50 },
      { header: 'Decided by', width: 62 },
      { header: 'Role', width: 60 },
      { header: 'Recorded relation', width: 60 },
      { header: 'Outside chain or department', width: 46, align: 'center' },
      { header: 'Comment', width: 76 },
    ],
    rows: flaggedFirst(data.planDecisions).map(
      (d): TableRow => ({
        cells: [
          d.flagged ? FLAG_MARK : '',
          employeeCell(d.employee),
          d.action,
          formatInstant(d.occurredAt),
          d.decidedBy,
          d.decidedByRole,
          d.recordedRelation,
          yesNo(d.outsideChainOrDepartment),
          d.comment ?? '',
        ],
        bold: d.flagged,
      }),
    ),
    emptyText: 'No career plan decisions in the period.',
  });
}

// ---- 5. Certified reports ----

function certifiedReportsSection(pdf: ReportPdf, data: AuditPacketData): void {
  const reports = data.certifiedReports;
  pdf.section(SECTION_TITLES.certifiedReports, { newPage: true });
  pdf.paragraph(
    'The annual reports certified in the period, with the SHA-256 of each stored rendering of ' +
      "this edition's audience (first 16 hex digits), and how many of their figures today's data " +
      'would change.',
    { style: 'note' },
  );
  pdf.table({
    fontSize: 7.5,
    columns: [
      { header: 'Flag', width: 26 },
      { header: 'Fiscal year', width: 40 },
      { header: 'Version', width: 34, align: 'right' },
      { header: 'Certified at', width: 56 },
      { header: 'Certified by', width: 80 },
      { header: 'SHA-256 by format', width: 100 },
      { header: 'Changed figures', width: 44, align: 'right' },
    ],
    rows: reports.map(
      (r): TableRow => ({
        cells: [
          r.changedFigures > 0 ? FLAG_MARK : '',
          r.fiscalYear,
          formatInteger(r.version),
          formatInstant(r.certifiedAt),
          r.certifiedBy,
          Object.keys(r.sha256)
            .sort()
            .map((format) => `${format} ${shortHash(r.sha256[format])}`)
            .join('\n') || NONE,
          groupThousands(r.changedFigures),
        ],
        bold: r.changedFigures > 0,
      }),
    ),
    emptyText: 'No annual report was certified in the period.',
  });
  for (const r of reports.filter((report) => report.changedFigures > 0)) {
    const listed = r.changes.slice(0, PDF_CHANGES_LISTED);
    const shown =
      listed.length < r.changedFigures ? `; the first ${listed.length} are listed` : '';
    pdf.heading(
      `FY ${r.fiscalYear} version ${r.version}: ${groupThousands(r.changedFigures)} figures ` +
        `today's data would change${shown}`,
    );
    if (listed.length === 0) {
      pdf.paragraph('The changes are not listed in the packet data.', { style: 'emphasis' });
    } else {
      pdf.bullets(
        listed.map(
          (change) =>
            `${change.path}: ${formatFigureValue(change.from)} -> ${formatFigureValue(change.to)}`,
        ),
      );
    }
  }
}

// ---- 6. Integrity ----

function integritySection(pdf: ReportPdf, data: AuditPacketData): void {
  const i = data.integrity;
  pdf.section(SECTION_TITLES.integrity, { newPage: true });
  const rows: KeyValue[] = [
    { key: 'Audit chain verified', value: yesNo(i.chainVerified) },
    { key: 'Entries in the chain', value: groupThousands(i.chainEntries) },
    { key: 'Head hash', value: i.headHash ?? 'none (empty chain)' },
  ];
  if (!i.chainVerified) {
    rows.push({ key: 'First invalid entry', value: i.firstInvalidEntryId ?? 'not identified' });
  }
  rows.push({ key: "The department's entries in the period", value: groupThousands(i.entriesInPeriod) });
  const last = i.lastEntryInPeriod;
  rows.push(
    { key: 'Last entry in the period', value: last?.id ?? 'none' },
    { key: 'Its hash', value: last?.hash ?? NONE },
    { key: 'Its time', value: last ? formatInstant(last.occurredAt) : NONE },
  );
  pdf.keyValues(rows, { keyWidth: 0.3 });
  pdf.paragraph(
    'Every audit entry carries a SHA-256 over its content and the hash of the entry before it, ' +
      `so changing or removing an entry breaks every later link. The chain was verified from its ` +
      `first entry when this packet was generated (${formatInstant(data.header.generatedAt)}). To ` +
      'check later that nothing recorded up to then has changed, verify the chain again (GET ' +
      '/audit/verify, as an administrator or auditor): it must still verify' +
      (last
        ? `, and entry ${last.id} must still carry the hash ${last.hash}.`
        : '.') +
      ' The head hash above is the chain as a whole at generation time.',
  );
}

// ---- Index ----

function indexSection(pdf: ReportPdf, data: AuditPacketData): void {
  const department = data.audience === 'department';
  const entries = indexOrder(data);
  pdf.section(SECTION_TITLES.index, { newPage: true });
  pdf.paragraph(
    'Sections: 1 appointments, 2 T&D assignments, 3 training (training records beyond the ' +
      'printed ones are in the XLSX edition), 4 career plan decisions. ' +
      (department
        ? 'Sorted by name.'
        : `Sorted by reference. ${OVERSIGHT_AUDIENCE_NOTE}.`),
    { style: 'note' },
  );
  pdf.table({
    fontSize: 7.5,
    columns: department
      ? [
          { header: 'Reference', width: 1.2 },
          { header: 'Name', width: 2.4 },
          { header: 'Employee number', width: 1.2 },
          { header: 'Sections', width: 1 },
        ]
      : [
          { header: 'Reference', width: 1.2 },
          { header: 'Sections', width: 1 },
        ],
    rows: entries.map((entry) => {
      const sections = entry.sections.join(', ');
      return department
        ? [entry.employee.ref, entry.employee.name ?? '', entry.employee.employeeNumber ?? '', sections]
        : [entry.employee.ref, sections];
    }),
    emptyText: 'No employee is referenced.',
  });
}
