import { ValueType } from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import {
  largeAuditPacket,
  reversedLists,
  SAMPLE_EMPLOYEES,
  sampleAuditPacket,
  sampleIntegrity,
} from '../../../../test/support/audit-packet-sample';
import { readWorkbook, sheet, sheetRows } from '../../../../test/support/report-files';
import type { SheetRow } from '../../../../test/support/report-files';
import type { AuditPacketData, PacketEmployee } from './audit-packet.types';
import { AUDIT_PACKET_SHEETS, renderAuditPacketXlsx } from './audit-packet.xlsx';

const S = AUDIT_PACKET_SHEETS;
const utc = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);
const date = (iso: string | null | undefined): Date | null => (iso ? utc(iso) : null);
const instant = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);
const yesNo = (value: boolean | null | undefined): string | null =>
  value === null || value === undefined ? null : value ? 'Yes' : 'No';
const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : value;

/** Flagged entries first, each group in the data's order. */
function flaggedFirst<T extends { flagged: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.flagged), ...items.filter((i) => !i.flagged)];
}

function who(employee: PacketEmployee, data: AuditPacketData): SheetRow {
  return data.audience === 'oversight'
    ? { 'Employee ref': employee.ref }
    : {
        'Employee ref': employee.ref,
        Name: employee.name,
        'Employee number': employee.employeeNumber,
      };
}

/** The column (1-based) under a header of the header row (row 2). */
function columnOf(worksheet: Worksheet, header: string): number {
  const headers = worksheet.getRow(2).values as unknown[];
  const column = headers.indexOf(header);
  if (column < 1) throw new Error(`no column ${header} in ${worksheet.name}`);
  return column;
}

/** A key/value sheet as a map from label to value. */
function fields(worksheet: Worksheet): Map<string, unknown> {
  return new Map(sheetRows(worksheet).map((row) => [String(row.Field), row.Value]));
}

/** The sections each referenced employee appears in, from the data's own lists. */
function expectedSections(data: AuditPacketData): Map<string, number[]> {
  const sections = new Map<string, Set<number>>();
  const add = (employee: PacketEmployee, n: number): void => {
    sections.set(employee.ref, (sections.get(employee.ref) ?? new Set()).add(n));
  };
  data.appointments.forEach((a) => add(a.employee, 1));
  data.tdAssignments.forEach((t) => add(t.employee, 2));
  data.training.records.forEach((r) => add(r.employee, 3));
  data.planDecisions.forEach((d) => add(d.employee, 4));
  return new Map([...sections].map(([ref, set]) => [ref, [...set].sort()]));
}

/** Every cell's text in the workbook. */
function allText(workbook: Workbook): string {
  const out: string[] = [];
  workbook.eachSheet((worksheet) =>
    worksheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        out.push(
          value instanceof Date
            ? value.toISOString()
            : typeof value === 'object' && value !== null
              ? JSON.stringify(value)
              : String(value),
        );
      }),
    ),
  );
  return out.join('\n');
}

const department = reversedLists(sampleAuditPacket());
const oversight = reversedLists(sampleAuditPacket({ audience: 'oversight' }));

describe('renderAuditPacketXlsx: the sample department, department edition', () => {
  const d = department;
  let bytes: Buffer;
  let workbook: Workbook;

  beforeAll(async () => {
    bytes = await renderAuditPacketXlsx(d);
    workbook = await readWorkbook(bytes);
  });

  it('has the sheets in order, each with a title, a frozen header and an autofilter', () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(Object.values(S));
    for (const worksheet of workbook.worksheets) {
      expect(worksheet.getCell('A1').value).toEqual(
        expect.stringContaining(`${d.header.departmentCode} ${d.header.departmentName}: compliance audit packet`),
      );
      expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      expect(worksheet.autoFilter).toBeTruthy();
    }
  });

  it('describes the packet and its summary on the About sheet, typed', () => {
    const about = fields(sheet(workbook, S.about));
    const h = d.header;
    const s = d.summary;
    expect(about.get('Department code')).toBe(h.departmentCode);
    expect(about.get('Department name')).toBe(h.departmentName);
    expect(about.get('Period start')).toEqual(utc(h.periodStart));
    expect(about.get('Period end')).toEqual(utc(h.periodEnd));
    expect(about.get('Fiscal years')).toBe(h.fiscalYears.join(', '));
    expect(about.get('Generated at (UTC)')).toEqual(new Date(h.generatedAt));
    expect(about.get('Schema version')).toBe(d.schemaVersion);
    expect(about.get('Appointments into ELTPA classes')).toBe(s.eltpaAppointments);
    expect(about.get('Appointments made while no pattern was met')).toBe(s.appointmentsFlagged);
    expect(about.get('Appointments not evaluable')).toBe(s.appointmentsNotEvaluable);
    expect(about.get('T&D assignments over 24 months in 36')).toBe(s.tdOverLimit);
    expect(about.get('Early ends not honoured within 10 working days')).toBe(s.tdEarlyEndsLate);
    expect(about.get('Training records')).toBe(s.trainingRecords);
    expect(about.get('Training hours counted without verification')).toBe(s.trainingHoursWithoutVerification);
    expect(about.get('Plans approved outside the chain or department')).toBe(s.plansApprovedOutsideChain);
    expect(about.get("Certified reports whose figures today's data would change")).toBe(
      s.certifiedReportsWithChangedFigures,
    );
    expect(about.get('Audit chain verified')).toBe('Yes');
  });

  it('lists every flag on the Findings sheet, appointments made while no pattern was met first', () => {
    const expected: [string, string | null, Date | null][] = [
      ...d.appointments
        .filter((a) => a.flagged)
        .map((a): [string, string, Date | null] => ['Appointment made while no pattern was met', a.appointmentId, date(a.effectiveDate)]),
      ...d.tdAssignments
        .filter((t) => t.overLimit)
        .map((t): [string, string, Date | null] => ['T&D assignment over 24 months in 36', t.assignmentId, date(t.startDate)]),
      ...d.tdAssignments
        .filter((t) => t.earlyEnd?.late)
        .map((t): [string, string, Date | null] => [
          'Early end not honoured within 10 working days',
          t.assignmentId,
          date(t.earlyEnd?.requestedOn),
        ]),
      ...d.training.records
        .filter((r) => r.flagged)
        .map((r): [string, string, Date | null] => ['Training counted without verification', r.trainingRecordId, date(r.completionDate)]),
      ...d.planDecisions
        .filter((p) => p.flagged)
        .map((p): [string, string, Date | null] => [
          'Plan approved outside the supervisory chain or department',
          p.planId,
          instant(p.occurredAt),
        ]),
      ...d.certifiedReports
        .filter((r) => r.changedFigures > 0)
        .map((r): [string, string, Date | null] => [
          "Certified report whose figures today's data would change",
          `${r.fiscalYear} v${r.version}`,
          instant(r.certifiedAt),
        ]),
    ];
    const rows = sheetRows(sheet(workbook, S.findings));
    expect(rows.map((row) => [row.Finding, row.Record, row.Date])).toEqual(expected);
    expect(rows.map((row) => row['No.'])).toEqual(expected.map((_, i) => i + 1));
    const appointment = d.appointments.find((a) => a.flagged);
    expect(rows[0]).toMatchObject({ Section: 1, ...who(appointment?.employee ?? d.appointments[0].employee, d) });
    expect(String(rows[0].Detail)).toContain(appointment?.evidence.find((r) => !r.met)?.need ?? '?');
  });

  it('has one row per appointment, flagged first, every figure from the data', () => {
    const rows = sheetRows(sheet(workbook, S.appointments));
    expect(rows).toEqual(
      flaggedFirst(d.appointments).map((a) => ({
        'Appointment id': a.appointmentId,
        ...who(a.employee, d),
        'Effective date': utc(a.effectiveDate),
        Type: a.appointmentType,
        'Upward mobility move': yesNo(a.isUpwardMobilityMove),
        'From class': a.from?.classCode ?? null,
        'From title': a.from?.title ?? null,
        'To class': a.to.classCode,
        'To title': a.to.title,
        'Evaluated as of': utc(a.evaluatedAsOf),
        'Rule set id': a.ruleSet?.id ?? null,
        'Rule set effective from': date(a.ruleSet?.effectiveFrom),
        'Illustrative rule set': yesNo(a.ruleSet?.illustrative),
        Outcome: a.outcome,
        Flagged: yesNo(a.flagged),
        'Eligibility status': a.status,
        'Pattern id': a.pattern?.id ?? null,
        'Pattern (met or nearest)': a.pattern?.label ?? null,
        'Pattern met': yesNo(a.pattern?.met),
        'What was missing': a.flagged
          ? a.evidence
              .filter((r) => !r.met)
              .map((r) => `${r.need} (had ${r.have})`)
              .join('; ')
          : null,
        Note: text(a.note),
      })),
    );
    expect(rows[0].Flagged).toBe('Yes');
    expect(rows[rows.length - 1].Flagged).toBe('No');
  });

  it('has one row per requirement of each appointment, and one per experience source', () => {
    const ordered = flaggedFirst(d.appointments);
    expect(sheetRows(sheet(workbook, S.evidence))).toEqual(
      ordered.flatMap((a) =>
        a.evidence.map((r, i) => ({
          'Appointment id': a.appointmentId,
          ...who(a.employee, d),
          Outcome: a.outcome,
          'Requirement no.': i + 1,
          Kind: r.kind,
          Met: yesNo(r.met),
          Have: r.have,
          Need: r.need,
          'Experience sources': r.sources.length,
        })),
      ),
    );
    const sources = ordered.flatMap((a) =>
      a.evidence.flatMap((r, i) =>
        r.sources.map((s) => ({
          'Appointment id': a.appointmentId,
          ...who(a.employee, d),
          'Requirement no.': i + 1,
          'Requirement kind': r.kind,
          Source: s.type,
          Class: s.classCode,
          Start: utc(s.start),
          End: utc(s.end),
          Months: s.months,
        })),
      ),
    );
    expect(sources.length).toBeGreaterThan(3);
    expect(sheetRows(sheet(workbook, S.sources))).toEqual(sources);
  });

  it('has one row per T&D assignment, flagged first, with dates, fractions and counts typed', () => {
    const worksheet = sheet(workbook, S.tdAssignments);
    expect(sheetRows(worksheet)).toEqual(
      flaggedFirst(d.tdAssignments).map((t) => ({
        'Assignment id': t.assignmentId,
        ...who(t.employee, d),
        'Host unit': t.hostUnit,
        'Work class': t.workClass.classCode,
        'Work class title': t.workClass.title,
        Start: utc(t.startDate),
        'Planned end': utc(t.plannedEndDate),
        'Actual end': date(t.actualEndDate),
        'Time base': t.timeBaseFraction,
        'Months in fullest 36-month window': t.monthsInFullestWindow,
        'Window start': date(t.fullestWindow?.start),
        'Window end': date(t.fullestWindow?.end),
        'Over limit': yesNo(t.overLimit),
        'Early end requested': date(t.earlyEnd?.requestedOn),
        'Early end due by': date(t.earlyEnd?.dueBy),
        'Early end honoured': date(t.earlyEnd?.honouredOn),
        'Working days taken': t.earlyEnd?.workingDaysTaken ?? null,
        'Early end late': yesNo(t.earlyEnd?.late),
        Flagged: yesNo(t.flagged),
      })),
    );
    // Row 3 is the first data row: real dates and numbers, with the layer's formats.
    const start = worksheet.getCell(3, columnOf(worksheet, 'Start'));
    expect(start.type).toBe(ValueType.Date);
    expect(start.numFmt).toBe('yyyy-mm-dd');
    const timeBase = worksheet.getCell(3, columnOf(worksheet, 'Time base'));
    expect(timeBase.type).toBe(ValueType.Number);
    expect(timeBase.numFmt).toBe('0.0%');
    expect(worksheet.getCell(3, columnOf(worksheet, 'Months in fullest 36-month window')).type).toBe(
      ValueType.Number,
    );
  });

  it('has every training record, flagged first, with the full evidence hashes', () => {
    const rows = sheetRows(sheet(workbook, S.training));
    expect(rows).toEqual(
      flaggedFirst(d.training.records).map((r) => ({
        'Training record id': r.trainingRecordId,
        ...who(r.employee, d),
        // A title that would read as a formula is neutralised by the layer.
        Title: r.title.startsWith('=') ? `'${r.title}` : r.title,
        Kind: r.kind,
        Hours: r.hours,
        Completed: utc(r.completionDate),
        'Fiscal year': r.fiscalYear,
        'Verified by': r.verifiedBy,
        'Verified at (UTC)': instant(r.verifiedAt),
        'Evidence files': text(r.evidence.map((f) => f.fileName).join('\n')),
        'Evidence SHA-256': text(r.evidence.map((f) => f.sha256).join('\n')),
        Flagged: yesNo(r.flagged),
      })),
    );
    expect(rows.some((row) => String(row.Title).startsWith("'="))).toBe(true);
    expect(sheetRows(sheet(workbook, S.byVerifier))).toEqual(
      d.training.byVerifier.map((v) => ({ 'Verified by': v.verifiedBy, Records: v.records, Hours: v.hours })),
    );
  });

  it('has every plan decision, the approval outside the chain first', () => {
    expect(sheetRows(sheet(workbook, S.planDecisions))).toEqual(
      flaggedFirst(d.planDecisions).map((p) => ({
        'Plan id': p.planId,
        ...who(p.employee, d),
        Decision: p.action,
        'Decided at (UTC)': new Date(p.occurredAt),
        'Decided by': p.decidedBy,
        Role: p.decidedByRole,
        'Recorded relation': p.recordedRelation,
        'Outside chain or department': yesNo(p.outsideChainOrDepartment),
        Flagged: yesNo(p.flagged),
        Comment: p.comment,
      })),
    );
  });

  it('has every certified report with the full hash of each rendering, and the listed changes typed', () => {
    const formats = [...new Set(d.certifiedReports.flatMap((r) => Object.keys(r.sha256)))].sort();
    expect(formats.length).toBeGreaterThan(1);
    expect(sheetRows(sheet(workbook, S.certifiedReports))).toEqual(
      d.certifiedReports.map((r) => ({
        'Fiscal year': r.fiscalYear,
        Version: r.version,
        'Certified at (UTC)': new Date(r.certifiedAt),
        'Certified by': r.certifiedBy,
        ...Object.fromEntries(formats.map((f) => [`SHA-256 (${f})`, r.sha256[f] ?? null])),
        'Changed figures': r.changedFigures,
        'Changes listed': r.changes.length,
        Flagged: yesNo(r.changedFigures > 0),
      })),
    );
    const typedValue = (value: unknown): unknown =>
      value === null ? null : typeof value === 'boolean' ? yesNo(value) : value;
    const changes = d.certifiedReports.flatMap((r) =>
      r.changes.map((c, i) => ({
        'Fiscal year': r.fiscalYear,
        Version: r.version,
        'No.': i + 1,
        Figure: c.path,
        'Certified value': typedValue(c.from),
        "Today's value": typedValue(c.to),
      })),
    );
    expect(changes.some((c) => typeof c["Today's value"] === 'number')).toBe(true);
    expect(sheetRows(sheet(workbook, S.reportChanges))).toEqual(changes);
  });

  it('gives the integrity figures, the hashes in full', () => {
    const i = d.integrity;
    const integrity = fields(sheet(workbook, S.integrity));
    expect(integrity.get('Audit chain verified')).toBe('Yes');
    expect(integrity.get('Entries in the chain')).toBe(i.chainEntries);
    expect(integrity.get('Head hash')).toBe(i.headHash);
    expect(integrity.get('First invalid entry')).toBeNull();
    expect(integrity.get("The department's entries in the period")).toBe(i.entriesInPeriod);
    expect(integrity.get('Last entry in the period')).toBe(i.lastEntryInPeriod?.id);
    expect(integrity.get('Last entry hash')).toBe(i.lastEntryInPeriod?.hash);
    expect(integrity.get('Last entry at (UTC)')).toEqual(new Date(i.lastEntryInPeriod?.occurredAt ?? ''));
  });

  it('indexes every employee referenced, by name, with the sections they appear in', () => {
    const expected = expectedSections(d);
    const rows = sheetRows(sheet(workbook, S.employeeIndex));
    const byName = [...d.employeeIndex].sort((a, b) =>
      (a.employee.name ?? '').localeCompare(b.employee.name ?? '', 'en'),
    );
    expect(rows).toEqual(
      byName.map(({ employee }) => {
        const sections = expected.get(employee.ref) ?? [];
        return {
          ...who(employee, d),
          Sections: sections.join(', '),
          'Appointments (1)': yesNo(sections.includes(1)),
          'T&D assignments (2)': yesNo(sections.includes(2)),
          'Training (3)': yesNo(sections.includes(3)),
          'Plan decisions (4)': yesNo(sections.includes(4)),
        };
      }),
    );
    expect(rows).toHaveLength(expected.size);
  });

  it('is byte-identical when rendered again', async () => {
    expect((await renderAuditPacketXlsx(reversedLists(sampleAuditPacket()))).equals(bytes)).toBe(true);
  });
});

describe('renderAuditPacketXlsx: the oversight edition', () => {
  let workbook: Workbook;

  beforeAll(async () => {
    workbook = await readWorkbook(await renderAuditPacketXlsx(oversight));
  });

  it('has no name or employee-number column, and no name or number of the department edition anywhere', () => {
    for (const worksheet of workbook.worksheets) {
      const headerRow = worksheet.getRow(2).values as unknown[];
      expect(headerRow).not.toContain('Name');
      expect(headerRow).not.toContain('Employee number');
    }
    const everything = allText(workbook);
    const identities = new Set<string>();
    for (const employee of [
      ...department.appointments.map((a) => a.employee),
      ...department.tdAssignments.map((t) => t.employee),
      ...department.training.records.map((r) => r.employee),
      ...department.planDecisions.map((p) => p.employee),
      ...department.employeeIndex.map((e) => e.employee),
    ]) {
      identities.add(employee.name ?? '');
      identities.add(employee.employeeNumber ?? '');
    }
    for (const employee of Object.values(SAMPLE_EMPLOYEES)) {
      identities.add(employee.name);
      identities.add(employee.employeeNumber);
    }
    identities.delete('');
    expect(identities.size).toBeGreaterThanOrEqual(18);
    for (const identity of identities) expect(everything).not.toContain(identity);
    expect(everything).not.toMatch(/null/i);
    for (const entry of department.employeeIndex) expect(everything).toContain(entry.employee.ref);
  });

  it('indexes the employees by reference', () => {
    const rows = sheetRows(sheet(workbook, S.employeeIndex));
    const expected = expectedSections(oversight);
    expect(rows.map((row) => [row['Employee ref'], row.Sections])).toEqual(
      [...expected.keys()].sort().map((ref) => [ref, (expected.get(ref) ?? []).join(', ')]),
    );
  });

  it('says the edition identifies employees by reference only', () => {
    expect(String(fields(sheet(workbook, S.about)).get('Edition'))).toContain(
      "Employees are identified by reference only; the department's edition maps references to names",
    );
  });
});

describe('renderAuditPacketXlsx: other packets', () => {
  it('lists an audit chain that does not verify as the last finding', async () => {
    const broken = sampleAuditPacket({
      integrity: sampleIntegrity({ chainVerified: false, firstInvalidEntryId: '31337' }),
    });
    const workbook = await readWorkbook(await renderAuditPacketXlsx(broken));
    const findings = sheetRows(sheet(workbook, S.findings));
    expect(findings[findings.length - 1]).toMatchObject({
      Finding: 'Audit chain not verified',
      Section: 6,
      Record: '31337',
    });
    expect(fields(sheet(workbook, S.integrity)).get('First invalid entry')).toBe('31337');
  });
});

const perf = process.env.AUDIT_PACKET_PERF === '1' ? describe : describe.skip;
perf('renderAuditPacketXlsx: a large department (AUDIT_PACKET_PERF=1)', () => {
  it('renders 2,000 appointments, 500 T&D assignments and 200,000 training records', async () => {
    const data = largeAuditPacket({
      employees: 10_000,
      appointments: 2_000,
      tdAssignments: 500,
      trainingRecords: 200_000,
      planDecisions: 1_000,
    });
    const before = Math.round(process.memoryUsage().rss / 1e6);
    const started = Date.now();
    const xlsx = await renderAuditPacketXlsx(data);
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(
      `audit packet XLSX: ${Date.now() - started} ms, ${xlsx.length} bytes, rss before ${before} MB, ` +
        `peak ${peak} MB\n`,
    );
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  }, 1_200_000);
});
