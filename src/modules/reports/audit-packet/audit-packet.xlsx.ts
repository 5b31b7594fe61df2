/**
 * The State Personnel Board compliance audit packet as a workbook: one sheet per part of the
 * packet, one row per record (every training record, however many), typed cells (dates as
 * dates, numbers as numbers, yes/no as the layer writes them) under a frozen, filterable header.
 *
 * The oversight edition has no name or employee-number columns at all: employees appear by
 * reference only. Flagged records come first in every sheet that lists them and carry
 * `Flagged = Yes`; the Findings sheet lists every flag in the order the PDF does.
 * Byte-identical output for the same data (the workbook's time is the packet's generation time).
 * The lists that grow with the department are handed to the layer lazily (`mapRows`), which
 * writes them row by row: a packet of 200,000 training records renders in bounded memory.
 */
import {
  addFieldSheet,
  addTableSheet,
  flatMapRows,
  mapRows,
  newWorkbook,
  typed,
  writeXlsx,
} from '../rendering/xlsx-workbook';
import type { CellInput, Field, TableColumn, XlsxWorkbook } from '../rendering/xlsx-workbook';
import {
  AUDIT_PACKET_SUBTITLE,
  AUDIT_PACKET_TITLE,
  FINDING_TITLE,
  flaggedFirst,
  indexOrder,
  OVERSIGHT_AUDIENCE_NOTE,
  packetFindings,
  whatWasMissing,
} from './audit-packet.pdf';
import type { AuditPacketData, PacketEmployee } from './audit-packet.types';

export const AUDIT_PACKET_XLSX_CREATOR = 'Upward Mobility system';

export const AUDIT_PACKET_SHEETS = {
  about: 'About',
  findings: 'Findings',
  appointments: 'Appointments',
  evidence: 'Requirement evidence',
  sources: 'Experience sources',
  tdAssignments: 'T&D assignments',
  training: 'Training trail',
  byVerifier: 'Training by verifier',
  planDecisions: 'Plan decisions',
  certifiedReports: 'Certified reports',
  reportChanges: 'Report changes',
  integrity: 'Integrity',
  employeeIndex: 'Employee index',
} as const;

const NARRATIVE_WIDTH = 90;

type EmployeeKey = 'ref' | 'name' | 'employeeNumber';

/**
 * Reference, then name and number in the department edition only. Fixed widths, the same in
 * every sheet (the layer would fit an unsized column to each sheet's first rows).
 */
function employeeColumns(data: AuditPacketData): TableColumn<EmployeeKey>[] {
  const ref: TableColumn<EmployeeKey> = {
    header: 'Employee ref',
    key: 'ref',
    type: 'text',
    width: 15,
  };
  if (data.audience === 'oversight') return [ref];
  return [
    ref,
    { header: 'Name', key: 'name', type: 'text', width: 28 },
    { header: 'Employee number', key: 'employeeNumber', type: 'text', width: 17 },
  ];
}

function employeeCells(employee: PacketEmployee): Record<EmployeeKey, CellInput> {
  return { ref: employee.ref, name: employee.name, employeeNumber: employee.employeeNumber };
}

export async function renderAuditPacketXlsx(data: AuditPacketData): Promise<Buffer> {
  const h = data.header;
  const workbook = newWorkbook({
    at: new Date(h.generatedAt),
    creator: AUDIT_PACKET_XLSX_CREATOR,
    title: `${AUDIT_PACKET_TITLE} ${h.departmentCode} ${h.periodStart} to ${h.periodEnd}`,
    subject: `${h.departmentName} (${data.audience} edition)`,
  });
  addAbout(workbook, data);
  addFindings(workbook, data);
  addAppointments(workbook, data);
  addEvidence(workbook, data);
  addSources(workbook, data);
  addTdAssignments(workbook, data);
  addTraining(workbook, data);
  addByVerifier(workbook, data);
  addPlanDecisions(workbook, data);
  addCertifiedReports(workbook, data);
  addReportChanges(workbook, data);
  addIntegrity(workbook, data);
  addEmployeeIndex(workbook, data);
  return writeXlsx(workbook);
}

function sheetTitle(data: AuditPacketData, part: string): string {
  const h = data.header;
  return `${h.departmentCode} ${h.departmentName}: compliance audit packet ${h.periodStart} to ${h.periodEnd}, ${part}`;
}

function addAbout(workbook: XlsxWorkbook, data: AuditPacketData): void {
  const h = data.header;
  const s = data.summary;
  const count = (label: string, value: number, unit: string): Field => ({
    label,
    value,
    type: 'integer',
    unit,
  });
  const fields: Field[] = [
    { label: 'Packet', value: `${AUDIT_PACKET_TITLE} ${AUDIT_PACKET_SUBTITLE}` },
    { label: 'Kind', value: data.kind },
    { label: 'Schema version', value: data.schemaVersion, type: 'integer' },
    { label: 'Department code', value: h.departmentCode },
    { label: 'Department name', value: h.departmentName },
    { label: 'Period start', value: h.periodStart, type: 'date' },
    { label: 'Period end', value: h.periodEnd, type: 'date' },
    { label: 'Fiscal years', value: h.fiscalYears.join(', ') },
    { label: 'Generated at (UTC)', value: h.generatedAt, type: 'datetime' },
    {
      label: 'Edition',
      value:
        data.audience === 'oversight'
          ? `oversight: ${OVERSIGHT_AUDIENCE_NOTE}.`
          : 'department: employees are named (name, employee number and reference); for use ' +
            'in the department. The oversight edition identifies them by reference only.',
    },
    count('Appointments into ELTPA classes', s.eltpaAppointments, 'appointments'),
    count('Appointments made while no pattern was met', s.appointmentsFlagged, 'appointments'),
    count('Appointments not evaluable', s.appointmentsNotEvaluable, 'appointments'),
    count('T&D assignments', s.tdAssignments, 'assignments'),
    count('T&D assignments over 24 months in 36', s.tdOverLimit, 'assignments'),
    count('Early ends not honoured within 10 working days', s.tdEarlyEndsLate, 'assignments'),
    count('Training records', s.trainingRecords, 'records'),
    {
      label: 'Training hours counted without verification',
      value: s.trainingHoursWithoutVerification,
      type: 'decimal',
      unit: 'hours',
    },
    count('Career plan decisions', s.planDecisions, 'decisions'),
    count('Plans approved outside the chain or department', s.plansApprovedOutsideChain, 'decisions'),
    count('Certified annual reports', s.certifiedReports, 'reports'),
    count(
      "Certified reports whose figures today's data would change",
      s.certifiedReportsWithChangedFigures,
      'reports',
    ),
    { label: 'Audit chain verified', value: s.auditChainVerified, type: 'boolean' },
    {
      label: 'Flagged',
      value: '"Yes" marks a record listed in the Findings sheet; flagged records come first.',
    },
    { label: 'Empty cells', value: 'Not recorded, or does not apply.' },
  ];
  addFieldSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.about,
    title: sheetTitle(data, 'about this packet'),
    fields,
    valueWidth: NARRATIVE_WIDTH,
  });
}

function addFindings(workbook: XlsxWorkbook, data: AuditPacketData): void {
  const findings = packetFindings(data);
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.findings,
    title: sheetTitle(data, findings.length === 0 ? 'findings: none' : 'findings'),
    columns: [
      { header: 'No.', key: 'number', type: 'integer' },
      { header: 'Finding', key: 'finding', type: 'text' },
      { header: 'Section', key: 'section', type: 'integer' },
      { header: 'Record', key: 'record', type: 'text' },
      ...employeeColumns(data),
      { header: 'Date', key: 'date', type: 'date' },
      { header: 'Detail', key: 'detail', type: 'text', width: NARRATIVE_WIDTH },
    ],
    rows: findings.map((finding, index) => ({
      number: index + 1,
      finding: FINDING_TITLE[finding.kind],
      section: finding.section,
      record: finding.recordId,
      ...(finding.employee
        ? employeeCells(finding.employee)
        : { ref: null, name: null, employeeNumber: null }),
      date: finding.date ? typed(finding.date.type, finding.date.value) : null,
      detail: finding.detail,
    })),
  });
}

function addAppointments(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.appointments,
    title: sheetTitle(data, 'appointments into ELTPA classes'),
    columns: [
      { header: 'Appointment id', key: 'id', type: 'text' },
      ...employeeColumns(data),
      { header: 'Effective date', key: 'effectiveDate', type: 'date' },
      { header: 'Type', key: 'type', type: 'text' },
      { header: 'Upward mobility move', key: 'move', type: 'boolean' },
      { header: 'From class', key: 'fromClass', type: 'text' },
      { header: 'From title', key: 'fromTitle', type: 'text' },
      { header: 'To class', key: 'toClass', type: 'text' },
      { header: 'To title', key: 'toTitle', type: 'text' },
      { header: 'Evaluated as of', key: 'evaluatedAsOf', type: 'date' },
      { header: 'Rule set id', key: 'ruleSetId', type: 'text' },
      { header: 'Rule set effective from', key: 'ruleSetFrom', type: 'date' },
      { header: 'Illustrative rule set', key: 'illustrative', type: 'boolean' },
      { header: 'Outcome', key: 'outcome', type: 'text' },
      { header: 'Flagged', key: 'flagged', type: 'boolean' },
      { header: 'Eligibility status', key: 'status', type: 'text' },
      { header: 'Pattern id', key: 'patternId', type: 'text' },
      { header: 'Pattern (met or nearest)', key: 'pattern', type: 'text' },
      { header: 'Pattern met', key: 'patternMet', type: 'boolean' },
      { header: 'What was missing', key: 'missing', type: 'text', width: 60 },
      { header: 'Note', key: 'note', type: 'text', width: 60 },
    ],
    rows: mapRows(flaggedFirst(data.appointments), (a) => ({
      id: a.appointmentId,
      ...employeeCells(a.employee),
      effectiveDate: a.effectiveDate,
      type: a.appointmentType,
      move: a.isUpwardMobilityMove,
      fromClass: a.from?.classCode ?? null,
      fromTitle: a.from?.title ?? null,
      toClass: a.to.classCode,
      toTitle: a.to.title,
      evaluatedAsOf: a.evaluatedAsOf,
      ruleSetId: a.ruleSet?.id ?? null,
      ruleSetFrom: a.ruleSet?.effectiveFrom ?? null,
      illustrative: a.ruleSet?.illustrative ?? null,
      outcome: a.outcome,
      flagged: a.flagged,
      status: a.status,
      patternId: a.pattern?.id ?? null,
      pattern: a.pattern?.label ?? null,
      patternMet: a.pattern?.met ?? null,
      missing: a.flagged ? whatWasMissing(a) : null,
      note: a.note,
    })),
  });
}

function addEvidence(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.evidence,
    title: sheetTitle(data, 'requirement evidence of each appointment (met or nearest pattern)'),
    columns: [
      { header: 'Appointment id', key: 'id', type: 'text' },
      ...employeeColumns(data),
      { header: 'Outcome', key: 'outcome', type: 'text' },
      { header: 'Requirement no.', key: 'number', type: 'integer' },
      { header: 'Kind', key: 'kind', type: 'text' },
      { header: 'Met', key: 'met', type: 'boolean' },
      { header: 'Have', key: 'have', type: 'text', width: 50 },
      { header: 'Need', key: 'need', type: 'text', width: 50 },
      { header: 'Experience sources', key: 'sources', type: 'integer' },
    ],
    rows: flatMapRows(flaggedFirst(data.appointments), (a) =>
      a.evidence.map((r, index) => ({
        id: a.appointmentId,
        ...employeeCells(a.employee),
        outcome: a.outcome,
        number: index + 1,
        kind: r.kind,
        met: r.met,
        have: r.have,
        need: r.need,
        sources: r.sources.length,
      })),
    ),
  });
}

function addSources(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.sources,
    title: sheetTitle(data, 'experience counted for each requirement'),
    columns: [
      { header: 'Appointment id', key: 'id', type: 'text' },
      ...employeeColumns(data),
      { header: 'Requirement no.', key: 'number', type: 'integer' },
      { header: 'Requirement kind', key: 'kind', type: 'text' },
      { header: 'Source', key: 'type', type: 'text' },
      { header: 'Class', key: 'classCode', type: 'text' },
      { header: 'Start', key: 'start', type: 'date' },
      { header: 'End', key: 'end', type: 'date' },
      { header: 'Months', key: 'months', type: 'decimal' },
    ],
    rows: flatMapRows(flaggedFirst(data.appointments), (a) =>
      a.evidence.flatMap((r, index) =>
        r.sources.map((source) => ({
          id: a.appointmentId,
          ...employeeCells(a.employee),
          number: index + 1,
          kind: r.kind,
          type: source.type,
          classCode: source.classCode,
          start: source.start,
          end: source.end,
          months: source.months,
        })),
      ),
    ),
  });
}

function addTdAssignments(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.tdAssignments,
    title: sheetTitle(data, 'T&D assignments (24 months in 36; early ends in 10 working days)'),
    columns: [
      { header: 'Assignment id', key: 'id', type: 'text' },
      ...employeeColumns(data),
      { header: 'Host unit', key: 'hostUnit', type: 'text' },
      { header: 'Work class', key: 'classCode', type: 'text' },
      { header: 'Work class title', key: 'classTitle', type: 'text' },
      { header: 'Start', key: 'start', type: 'date' },
      { header: 'Planned end', key: 'plannedEnd', type: 'date' },
      { header: 'Actual end', key: 'actualEnd', type: 'date' },
      { header: 'Time base', key: 'timeBase', type: 'percent' },
      { header: 'Months in fullest 36-month window', key: 'months', type: 'decimal' },
      { header: 'Window start', key: 'windowStart', type: 'date' },
      { header: 'Window end', key: 'windowEnd', type: 'date' },
      { header: 'Over limit', key: 'overLimit', type: 'boolean' },
      { header: 'Early end requested', key: 'requested', type: 'date' },
      { header: 'Early end due by', key: 'dueBy', type: 'date' },
      { header: 'Early end honoured', key: 'honoured', type: 'date' },
      { header: 'Working days taken', key: 'workingDays', type: 'integer' },
      { header: 'Early end late', key: 'late', type: 'boolean' },
      { header: 'Flagged', key: 'flagged', type: 'boolean' },
    ],
    rows: mapRows(flaggedFirst(data.tdAssignments), (t) => ({
      id: t.assignmentId,
      ...employeeCells(t.employee),
      hostUnit: t.hostUnit,
      classCode: t.workClass.classCode,
      classTitle: t.workClass.title,
      start: t.startDate,
      plannedEnd: t.plannedEndDate,
      actualEnd: t.actualEndDate,
      timeBase: t.timeBaseFraction,
      months: t.monthsInFullestWindow,
      windowStart: t.fullestWindow?.start ?? null,
      windowEnd: t.fullestWindow?.end ?? null,
      overLimit: t.overLimit,
      requested: t.earlyEnd?.requestedOn ?? null,
      dueBy: t.earlyEnd?.dueBy ?? null,
      honoured: t.earlyEnd?.honouredOn ?? null,
      workingDays: t.earlyEnd?.workingDaysTaken ?? null,
      late: t.earlyEnd ? t.earlyEnd.late : null,
      flagged: t.flagged,
    })),
  });
}

function addTraining(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.training,
    title: sheetTitle(data, 'training verification trail (every record counted)'),
    columns: [
      { header: 'Training record id', key: 'id', type: 'text', width: 38 },
      ...employeeColumns(data),
      { header: 'Title', key: 'title', type: 'text', width: 40 },
      { header: 'Kind', key: 'kind', type: 'text', width: 16 },
      { header: 'Hours', key: 'hours', type: 'decimal', width: 10 },
      { header: 'Completed', key: 'completed', type: 'date', width: 12 },
      { header: 'Fiscal year', key: 'fiscalYear', type: 'text', width: 12 },
      { header: 'Verified by', key: 'verifiedBy', type: 'text', width: 24 },
      { header: 'Verified at (UTC)', key: 'verifiedAt', type: 'datetime', width: 20 },
      { header: 'Evidence files', key: 'files', type: 'text', width: 30 },
      { header: 'Evidence SHA-256', key: 'sha256', type: 'text', width: 66 },
      { header: 'Flagged', key: 'flagged', type: 'boolean', width: 9 },
    ],
    rows: mapRows(flaggedFirst(data.training.records), (r) => ({
      id: r.trainingRecordId,
      ...employeeCells(r.employee),
      title: r.title,
      kind: r.kind,
      hours: r.hours,
      completed: r.completionDate,
      fiscalYear: r.fiscalYear,
      verifiedBy: r.verifiedBy,
      verifiedAt: r.verifiedAt,
      files: r.evidence.map((file) => file.fileName).join('\n'),
      sha256: r.evidence.map((file) => file.sha256).join('\n'),
      flagged: r.flagged,
    })),
  });
}

function addByVerifier(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.byVerifier,
    title: sheetTitle(data, 'training by verifier'),
    columns: [
      { header: 'Verified by', key: 'verifiedBy', type: 'text' },
      { header: 'Records', key: 'records', type: 'integer' },
      { header: 'Hours', key: 'hours', type: 'decimal' },
    ],
    rows: data.training.byVerifier.map((v) => ({
      verifiedBy: v.verifiedBy,
      records: v.records,
      hours: v.hours,
    })),
  });
}

function addPlanDecisions(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.planDecisions,
    title: sheetTitle(data, 'career plan decisions'),
    columns: [
      { header: 'Plan id', key: 'id', type: 'text' },
      ...employeeColumns(data),
      { header: 'Decision', key: 'action', type: 'text' },
      { header: 'Decided at (UTC)', key: 'occurredAt', type: 'datetime' },
      { header: 'Decided by', key: 'decidedBy', type: 'text' },
      { header: 'Role', key: 'role', type: 'text' },
      { header: 'Recorded relation', key: 'relation', type: 'text' },
      { header: 'Outside chain or department', key: 'outside', type: 'boolean' },
      { header: 'Flagged', key: 'flagged', type: 'boolean' },
      { header: 'Comment', key: 'comment', type: 'text', width: 60 },
    ],
    rows: mapRows(flaggedFirst(data.planDecisions), (d) => ({
      id: d.planId,
      ...employeeCells(d.employee),
      action: d.action,
      occurredAt: d.occurredAt,
      decidedBy: d.decidedBy,
      role: d.decidedByRole,
      relation: d.recordedRelation,
      outside: d.outsideChainOrDepartment,
      flagged: d.flagged,
      comment: d.comment,
    })),
  });
}

/** The formats any certified report has a stored rendering in, sorted. */
function renderingFormats(data: AuditPacketData): string[] {
  return [...new Set(data.certifiedReports.flatMap((r) => Object.keys(r.sha256)))].sort();
}

function addCertifiedReports(workbook: XlsxWorkbook, data: AuditPacketData): void {
  const formats = renderingFormats(data);
  const shaKey = (format: string): string => `sha256:${format}`;
  addTableSheet<string>(workbook, {
    name: AUDIT_PACKET_SHEETS.certifiedReports,
    title: sheetTitle(data, 'certified annual reports'),
    columns: [
      { header: 'Fiscal year', key: 'fiscalYear', type: 'text' },
      { header: 'Version', key: 'version', type: 'integer' },
      { header: 'Certified at (UTC)', key: 'certifiedAt', type: 'datetime' },
      { header: 'Certified by', key: 'certifiedBy', type: 'text' },
      ...formats.map(
        (format): TableColumn => ({
          header: `SHA-256 (${format})`,
          key: shaKey(format),
          type: 'text',
          width: 66,
        }),
      ),
      { header: 'Changed figures', key: 'changedFigures', type: 'integer' },
      { header: 'Changes listed', key: 'changesListed', type: 'integer' },
      { header: 'Flagged', key: 'flagged', type: 'boolean' },
    ],
    rows: data.certifiedReports.map((r) => ({
      fiscalYear: r.fiscalYear,
      version: r.version,
      certifiedAt: r.certifiedAt,
      certifiedBy: r.certifiedBy,
      ...Object.fromEntries(formats.map((format) => [shaKey(format), r.sha256[format] ?? null])),
      changedFigures: r.changedFigures,
      changesListed: r.changes.length,
      flagged: r.changedFigures > 0,
    })),
  });
}

/** A compared figure as a typed cell: numbers stay numbers, yes/no as the layer writes them. */
function figureCell(value: unknown): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return typed('decimal', value, 'General');
  if (typeof value === 'boolean') return typed('boolean', value);
  if (typeof value === 'string') return typed('text', value);
  return typed('text', JSON.stringify(value));
}

function addReportChanges(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.reportChanges,
    title: sheetTitle(data, "figures of certified reports today's data would change (as listed)"),
    columns: [
      { header: 'Fiscal year', key: 'fiscalYear', type: 'text' },
      { header: 'Version', key: 'version', type: 'integer' },
      { header: 'No.', key: 'number', type: 'integer' },
      { header: 'Figure', key: 'path', type: 'text', width: 50 },
      { header: 'Certified value', key: 'from', type: 'text' },
      { header: "Today's value", key: 'to', type: 'text' },
    ],
    rows: data.certifiedReports.flatMap((r) =>
      r.changes.map((change, index) => ({
        fiscalYear: r.fiscalYear,
        version: r.version,
        number: index + 1,
        path: change.path,
        from: figureCell(change.from),
        to: figureCell(change.to),
      })),
    ),
  });
}

function addIntegrity(workbook: XlsxWorkbook, data: AuditPacketData): void {
  const i = data.integrity;
  const last = i.lastEntryInPeriod;
  addFieldSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.integrity,
    title: sheetTitle(data, 'integrity of the audit trail'),
    valueWidth: NARRATIVE_WIDTH,
    fields: [
      { label: 'Audit chain verified', value: i.chainVerified, type: 'boolean' },
      { label: 'Entries in the chain', value: i.chainEntries, type: 'integer' },
      { label: 'Head hash', value: i.headHash },
      { label: 'First invalid entry', value: i.firstInvalidEntryId },
      { label: "The department's entries in the period", value: i.entriesInPeriod, type: 'integer' },
      { label: 'Last entry in the period', value: last?.id ?? null },
      { label: 'Last entry hash', value: last?.hash ?? null },
      { label: 'Last entry at (UTC)', value: last?.occurredAt ?? null, type: 'datetime' },
      {
        label: 'How to check later',
        value:
          'Verify the audit chain again (GET /audit/verify, as an administrator or auditor): it ' +
          'must still verify, and the last entry in the period must still carry the hash above.',
      },
    ],
  });
}

function addEmployeeIndex(workbook: XlsxWorkbook, data: AuditPacketData): void {
  addTableSheet(workbook, {
    name: AUDIT_PACKET_SHEETS.employeeIndex,
    title: sheetTitle(
      data,
      data.audience === 'oversight' ? 'employees by reference' : 'employees by name',
    ),
    columns: [
      ...employeeColumns(data),
      { header: 'Sections', key: 'sections', type: 'text' },
      { header: 'Appointments (1)', key: 'appointments', type: 'boolean' },
      { header: 'T&D assignments (2)', key: 'td', type: 'boolean' },
      { header: 'Training (3)', key: 'training', type: 'boolean' },
      { header: 'Plan decisions (4)', key: 'plans', type: 'boolean' },
    ],
    rows: mapRows(indexOrder(data), (entry) => ({
      ...employeeCells(entry.employee),
      sections: entry.sections.join(', '),
      appointments: entry.sections.includes(1),
      td: entry.sections.includes(2),
      training: entry.sections.includes(3),
      plans: entry.sections.includes(4),
    })),
  });
}
