import {
  cleanAuditPacket,
  largeAuditPacket,
  reversedLists,
  SAMPLE_EMPLOYEES,
  sampleAppointments,
  sampleAuditPacket,
  sampleEmployees,
  sampleIntegrity,
  sampleTrainingRecords,
} from '../../../../test/support/audit-packet-sample';
import { pdfPages } from '../../../../test/support/report-files';
import { renderJson, sha256Hex } from '../report-figures.rule';
import { formatDate, formatHours, formatInstant } from '../rendering/annual-report.pdf';
import {
  trainingKindLabel,
  AUDIT_PACKET_SUBTITLE,
  AUDIT_PACKET_TITLE,
  OVERSIGHT_AUDIENCE_NOTE,
  PDF_TRAINING_ROW_LIMIT,
  renderAuditPacketPdf,
} from './audit-packet.pdf';
import type { AuditPacketData, PacketEmployee } from './audit-packet.types';

// ---- Reading the text back ----

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Words in order, any white space between them; a line may also break after a hyphen. */
const words = (...cells: string[]): string =>
  cells
    .flatMap((cell) => cell.split(/\s+/))
    .filter((word) => word !== '')
    .map((word) => escape(word).replace(/-/g, '-\\s*'))
    .join('\\s+');
const lines = (text: string): string[] => text.split('\n').map((line) => line.trim());

/** Finds each pattern after the previous one; returns where the last match ends. */
function findInOrder(text: string, patterns: readonly string[], from = 0): number {
  let cursor = from;
  for (const pattern of patterns) {
    const regex = new RegExp(pattern, 'g');
    regex.lastIndex = cursor;
    const match = regex.exec(text);
    if (!match) {
      throw new Error(
        `Not found after offset ${cursor}: /${pattern}/\n--- text from there:\n${text.slice(cursor, cursor + 800)}`,
      );
    }
    cursor = match.index + match[0].length;
  }
  return cursor;
}

/** Where `pattern` first matches from `from`, or -1. */
function indexOf(text: string, pattern: string, from = 0): number {
  const regex = new RegExp(pattern, 'g');
  regex.lastIndex = from;
  return regex.exec(text)?.index ?? -1;
}

/** Everything after the cover and the contents, each line (the first too) after a line break. */
const bodyOf = (pages: readonly string[]): string => `\n${pages.slice(2).join('\n')}`;

/** The text of a section: from its heading line to the next section's heading line. */
function section(body: string, title: string, next: string | null): string {
  const start = indexOf(body, `\\n${escape(title)}[^\\n]*\\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = next === null ? body.length : indexOf(body, `\\n${escape(next)}[^\\n]*\\n`, start + 1);
  return body.slice(start, end < 0 ? body.length : end);
}

// ---- What the packet should show, worked out from the data ----

const sha = (data: AuditPacketData): string => sha256Hex(renderJson(data));
const render = (data: AuditPacketData): Promise<Buffer> =>
  renderAuditPacketPdf(data, { dataSha256: sha(data) });

const yes = (value: boolean): string => (value ? 'yes' : 'no');
const hex16 = (hash: string): string => `${hash.slice(0, 16)}...`;

/** How a department-edition entry names the employee in running text. */
function named(employee: PacketEmployee): string {
  return employee.name === null
    ? employee.ref
    : `${employee.name} (${employee.employeeNumber ?? ''}, ${employee.ref})`;
}

/** An employee's table cell: reference, then name and number (department edition). */
function cell(employee: PacketEmployee): string {
  return employee.name === null
    ? employee.ref
    : `${employee.ref} ${employee.name}, ${employee.employeeNumber ?? ''}`;
}

/** Every flagged entry's row comes before every other's. */
function expectFlaggedFirst(entries: readonly { flagged: boolean }[], rows: readonly number[]): void {
  const flagged = rows.filter((_, i) => entries[i].flagged);
  const others = rows.filter((_, i) => !entries[i].flagged);
  expect(flagged.length).toBeGreaterThan(0);
  expect(others.length).toBeGreaterThan(0);
  expect(Math.max(...flagged)).toBeLessThan(Math.min(...others));
}

/** Everyone the packet refers to, with the sections (1-4) they appear in. */
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

/** Every employee of the data, wherever they appear. */
function everyone(data: AuditPacketData): PacketEmployee[] {
  return [
    ...data.appointments.map((a) => a.employee),
    ...data.tdAssignments.map((t) => t.employee),
    ...data.training.records.map((r) => r.employee),
    ...data.planDecisions.map((d) => d.employee),
    ...data.employeeIndex.map((e) => e.employee),
  ];
}

const department = reversedLists(sampleAuditPacket());
const oversight = reversedLists(sampleAuditPacket({ audience: 'oversight' }));

describe('renderAuditPacketPdf: the sample department, department edition', () => {
  let pdf: Buffer;
  let pages: string[];
  let body: string;

  beforeAll(async () => {
    pdf = await render(department);
    pages = await pdfPages(pdf);
    body = bodyOf(pages);
  });

  it('the sample has a flag of every kind (else these tests prove little)', () => {
    const s = department.summary;
    expect(s.appointmentsFlagged).toBeGreaterThanOrEqual(2);
    expect(s.appointmentsNotEvaluable).toBeGreaterThanOrEqual(1);
    expect(s.tdOverLimit).toBeGreaterThanOrEqual(1);
    expect(s.tdEarlyEndsLate).toBeGreaterThanOrEqual(2);
    expect(department.training.records.filter((r) => r.flagged).length).toBeGreaterThanOrEqual(2);
    expect(s.plansApprovedOutsideChain).toBeGreaterThanOrEqual(1);
    expect(s.certifiedReportsWithChangedFigures).toBeGreaterThanOrEqual(1);
    // Flagged entries come last in the data given, so the renderer's order is tested.
    expect(department.appointments[0].flagged).toBe(false);
    expect(department.appointments.at(-1)?.flagged).toBe(true);
  });

  it('numbers every page "Page X of N" and carries the footer and the data hash on each', () => {
    const h = department.header;
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(`${h.departmentCode} - Compliance audit packet`);
      expect(page).toContain(`${h.periodStart} to ${h.periodEnd}`);
      expect(page).toContain(`SHA-256 of packet data: ${sha(department)}`);
    });
  });

  it('has a cover with the title, department, period, fiscal years, time and edition', () => {
    const h = department.header;
    const cover = pages[0];
    expect(cover).toMatch(new RegExp(words(AUDIT_PACKET_TITLE)));
    expect(cover).toMatch(new RegExp(words(AUDIT_PACKET_SUBTITLE)));
    expect(cover).toMatch(new RegExp(words('Department', `${h.departmentName} (${h.departmentCode})`)));
    expect(cover).toMatch(
      new RegExp(words('Period', formatDate(h.periodStart), 'to', formatDate(h.periodEnd))),
    );
    expect(cover).toMatch(new RegExp(words('Fiscal years', h.fiscalYears.join(', '))));
    expect(cover).toMatch(new RegExp(words('Generated at', formatInstant(h.generatedAt))));
    expect(cover).toMatch(/Edition\s+Department \(employees named\)/);
    expect(cover).not.toMatch(new RegExp(words(OVERSIGHT_AUDIENCE_NOTE)));
  });

  it('lists the sections in the contents with the pages their headings are on', () => {
    const listed = lines(pages[1])
      .slice(1)
      .map((line) => /^(.*\S)\s+(\d+)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ title: match[1], page: Number(match[2]) }));
    expect(listed.map((entry) => entry.title)).toEqual([
      'Findings',
      '1. Appointments into ELTPA classes',
      `1.1 Made while no pattern was met (${department.summary.appointmentsFlagged})`,
      `1.2 Other appointments (${department.appointments.filter((a) => !a.flagged).length})`,
      '2. Training and development (T&D) assignments',
      '3. Training verification trail',
      '4. Career plan decisions',
      '5. Certified annual reports',
      '6. Integrity of the audit trail',
      'Index of employees',
    ]);
    for (const entry of listed) {
      const headingPage = pages.findIndex((page, i) => i > 1 && lines(page).includes(entry.title));
      expect({ title: entry.title, page: headingPage + 1 }).toEqual(entry);
    }
  });

  it('opens the findings with the summary figures of the data', () => {
    const s = department.summary;
    const findings = section(body, 'Findings', '1. Appointments into ELTPA classes');
    findInOrder(findings, [
      words('Appointments into ELTPA classes', String(s.eltpaAppointments)),
      words('Made while no pattern was met', `${s.appointmentsFlagged} of ${s.eltpaAppointments}`),
      words('Not evaluable', `${s.appointmentsNotEvaluable} of ${s.eltpaAppointments}`),
      words('T&D assignments', String(s.tdAssignments)),
      words('Over 24 months in 36', `${s.tdOverLimit} of ${s.tdAssignments}`),
      words('Early ends not honoured within 10 working days', `${s.tdEarlyEndsLate} of ${s.tdAssignments}`),
      words('Training records', String(s.trainingRecords)),
      words('Training hours counted without verification', formatHours(s.trainingHoursWithoutVerification)),
      words('Career plan decisions', String(s.planDecisions)),
      words('Plans approved outside the chain or department', `${s.plansApprovedOutsideChain} of ${s.planDecisions}`),
      words('Certified annual reports', String(s.certifiedReports)),
      words("With figures today's data would change", `${s.certifiedReportsWithChangedFigures} of ${s.certifiedReports}`),
      words('Audit chain verified', yes(s.auditChainVerified)),
    ]);
  });

  it('lists every flag, appointments made while no pattern was met first, in the order of the brief', () => {
    const d = department;
    const findings = section(body, 'Findings', '1. Appointments into ELTPA classes');
    const bullets = findings.split('•').slice(1);
    const expected: string[] = [
      ...d.appointments
        .filter((a) => a.flagged)
        .map((a) =>
          words(
            'Appointment made while no pattern was met -',
            `${named(a.employee)}: ${a.appointmentType} on ${a.effectiveDate} from`,
            a.from ? `${a.from.classCode} ${a.from.title}` : 'none',
            `to ${a.to.classCode} ${a.to.title}; nearest pattern "${a.pattern?.label ?? ''}"; missing:`,
            a.evidence
              .filter((r) => !r.met)
              .map((r) => `${r.need} (had ${r.have})`)
              .join('; '),
          ),
        ),
      ...d.tdAssignments
        .filter((t) => t.overLimit)
        .map((t) =>
          words(
            'T&D assignment over 24 months in 36 -',
            `${named(t.employee)}: ${t.monthsInFullestWindow} full-time months in the 36 months from`,
            `${t.fullestWindow?.start ?? ''} to ${t.fullestWindow?.end ?? ''}`,
          ),
        ),
      ...d.tdAssignments
        .filter((t) => t.earlyEnd?.late)
        .map((t) =>
          words(
            'Early end not honoured within 10 working days -',
            `${named(t.employee)}: T&D assignment in ${t.workClass.classCode} ${t.workClass.title}: early end requested on`,
            `${t.earlyEnd?.requestedOn ?? ''}, due by ${t.earlyEnd?.dueBy ?? ''},`,
            t.earlyEnd?.honouredOn
              ? `honoured on ${t.earlyEnd.honouredOn} after ${t.earlyEnd.workingDaysTaken ?? ''} working days`
              : 'not honoured yet',
          ),
        ),
      ...d.training.records
        .filter((r) => r.flagged)
        .map((r) =>
          words(
            'Training counted without verification -',
            `${named(r.employee)}: "${r.title}" (${trainingKindLabel(r.kind)},`,
            `${formatHours(r.hours)} hours, completed ${r.completionDate}) counted as verified with no`,
            r.verifiedBy === null ? 'verifier' : 'verification date',
          ),
        ),
      ...d.planDecisions
        .filter((p) => p.flagged)
        .map((p) =>
          words(
            'Plan approved outside the supervisory chain or department -',
            `${named(p.employee)}: plan approved on ${formatInstant(p.occurredAt)} by ${p.decidedBy} (${p.decidedByRole},`,
            `recorded as ${p.recordedRelation})`,
          ),
        ),
      ...d.certifiedReports
        .filter((r) => r.changedFigures > 0)
        .map((r) =>
          words(
            "Certified report whose figures today's data would change -",
            `FY ${r.fiscalYear} version ${r.version}, certified on ${formatInstant(r.certifiedAt)}`,
            `by ${r.certifiedBy}: ${r.changedFigures} figures would change.`,
          ),
        ),
    ];
    expect(bullets).toHaveLength(expected.length);
    bullets.forEach((bullet, index) => expect(bullet).toMatch(new RegExp(expected[index])));
    expect(findings).toContain(`Flags (${expected.length})`);
  });

  it('shows the appointments made while no pattern was met first, each with its rule set, pattern and evidence', () => {
    const appointments = section(body, '1. Appointments into ELTPA classes', '2. Training and development');
    const other = indexOf(appointments, words('1.2 Other appointments'));
    const position = (id: string): number => appointments.indexOf(id);
    for (const a of department.appointments) {
      expect(position(a.appointmentId)).toBeGreaterThan(0);
      expect(position(a.appointmentId) < other).toBe(a.flagged);
    }
    for (const a of department.appointments) {
      const start = indexOf(
        appointments,
        words(
          ...(a.flagged ? ['FLAG'] : []),
          named(a.employee),
          `- ${a.effectiveDate} - ${a.appointmentType} -`,
          a.from ? `${a.from.classCode} ${a.from.title}` : 'none',
          `-> ${a.to.classCode} ${a.to.title}:`,
          { QUALIFIED: 'qualified', NOT_QUALIFIED: 'NOT QUALIFIED', NOT_EVALUABLE: 'not evaluable' }[a.outcome],
        ),
      );
      expect(start).toBeGreaterThanOrEqual(0);
      findInOrder(
        appointments,
        [
          words('Appointment', a.appointmentId, 'Upward mobility move', yes(a.isUpwardMobilityMove)),
          a.ruleSet
            ? words(
                'Rule set effective from',
                a.ruleSet.effectiveFrom,
                ...(a.ruleSet.illustrative ? ['(illustrative)'] : []),
              )
            : words('Rule set none in force on', a.evaluatedAsOf),
          words('Evaluated as of', a.evaluatedAsOf),
          a.pattern ? words(a.pattern.label) : words('Pattern', '-'),
          words('Eligibility status', a.status ?? '-'),
          ...(a.flagged
            ? [words('What was missing', ...a.evidence.filter((r) => !r.met).map((r) => `${r.need} (had ${r.have})`))]
            : a.note
              ? [words('Note', a.note)]
              : []),
          ...(a.evidence.length > 0 ? [words('Requirement Met Have Need')] : []),
          ...a.evidence.map((r) => words(r.kind, yes(r.met), r.have, r.need)),
          ...(a.evidence.some((r) => r.sources.length > 0)
            ? [words('Experience counted for Source Class Start End Months')]
            : []),
          ...a.evidence.flatMap((r) =>
            r.sources.map((s) =>
              words(
                r.kind,
                s.type === 'TD_ASSIGNMENT' ? 'T&D assignment' : 'Appointment',
                s.classCode,
                s.start,
                s.end,
                String(s.months),
              ),
            ),
          ),
        ],
        start,
      );
    }
  });

  it('shows every T&D assignment with its window figures, flagged ones first and marked', () => {
    const td = section(body, '2. Training and development (T&D) assignments', '3. Training verification trail');
    const early = td.indexOf('Requests to end an assignment early');
    const rows = department.tdAssignments.map((t) =>
      indexOf(
        td,
        `\\n${t.flagged ? 'FLAG\\s+' : ''}${words(
          cell(t.employee),
          t.workClass.classCode,
          t.startDate,
          t.plannedEndDate,
          t.actualEndDate ?? '-',
          `${t.timeBaseFraction * 100}%`,
          String(t.monthsInFullestWindow),
          t.fullestWindow?.start ?? '-',
          t.fullestWindow?.end ?? '-',
          yes(t.overLimit),
        )}\\n`,
      ),
    );
    rows.forEach((row) => expect(row).toBeGreaterThan(0));
    rows.forEach((row) => expect(row).toBeLessThan(early));
    expectFlaggedFirst(department.tdAssignments, rows);

    const requests = department.tdAssignments.filter((t) => t.earlyEnd !== null);
    expect(requests.length).toBeGreaterThanOrEqual(3);
    const requestRows = requests.map((t) => {
      const e = t.earlyEnd;
      return indexOf(
        td,
        `\\n${e?.late ? 'FLAG\\s+' : ''}${words(
          cell(t.employee),
          t.workClass.classCode,
          e?.requestedOn ?? '',
          e?.dueBy ?? '',
          e?.honouredOn ?? 'not honoured',
          e?.workingDaysTaken === null || e?.workingDaysTaken === undefined ? '-' : String(e.workingDaysTaken),
          yes(e?.late ?? false),
        )}\\n`,
        early,
      );
    });
    requestRows.forEach((row) => expect(row).toBeGreaterThan(early));
    expectFlaggedFirst(
      requests.map((t) => ({ flagged: t.earlyEnd?.late ?? false })),
      requestRows,
    );
  });

  it('shows the training trail: totals, verifiers, and every record, flagged ones first', () => {
    const t = department.training;
    const training = section(body, '3. Training verification trail', '4. Career plan decisions');
    findInOrder(training, [
      words('Training records counted', String(t.records.length)),
      words('Verified hours', formatHours(t.verifiedHours)),
      words('Hours counted without verification', formatHours(t.hoursWithoutVerification)),
      words('By verifier'),
      ...t.byVerifier.map((v) => words(v.verifiedBy, String(v.records), formatHours(v.hours))),
      words(`Flagged records first; all ${t.records.length} records are printed.`),
    ]);
    const rows = t.records.map((r) =>
      indexOf(
        training,
        `\\n${r.flagged ? 'FLAG\\s+' : ''}${words(
          cell(r.employee),
          r.title,
          trainingKindLabel(r.kind),
          formatHours(r.hours),
          r.completionDate,
          r.verifiedBy ?? 'none',
          r.verifiedAt === null ? 'none' : formatInstant(r.verifiedAt),
          ...(r.evidence.length === 0 ? ['none'] : r.evidence.map((file) => hex16(file.sha256))),
        )}\\n`,
      ),
    );
    rows.forEach((row) => expect(row).toBeGreaterThan(0));
    expectFlaggedFirst(t.records, rows);
    expect(training).not.toContain('XLSX edition');
  });

  it('shows every plan decision, the approval outside the chain first and marked', () => {
    const plans = section(body, '4. Career plan decisions', '5. Certified annual reports');
    const rows = department.planDecisions.map((d) =>
      indexOf(
        plans,
        `\\n${d.flagged ? 'FLAG\\s+' : ''}${words(
          cell(d.employee),
          d.action,
          formatInstant(d.occurredAt),
          d.decidedBy,
          d.decidedByRole,
          d.recordedRelation,
          yes(d.outsideChainOrDepartment),
          d.comment ?? '',
        )}\\n`,
      ),
    );
    rows.forEach((row) => expect(row).toBeGreaterThan(0));
    expect(department.planDecisions.some((d) => d.flagged)).toBe(true);
    expectFlaggedFirst(department.planDecisions, rows);
  });

  it('shows every certified report with the hash of each rendering, and the first 10 changes of each changed one', () => {
    const reports = section(body, '5. Certified annual reports', '6. Integrity of the audit trail');
    let cursor = 0;
    for (const r of department.certifiedReports) {
      cursor = findInOrder(
        reports,
        [
          `${r.changedFigures > 0 ? 'FLAG ' : ''}${words(r.fiscalYear, String(r.version), formatInstant(r.certifiedAt).slice(0, 16))}`,
          ...Object.keys(r.sha256)
            .sort()
            .map((format) => words(format, hex16(r.sha256[format]))),
          `\\s${r.changedFigures}\\s`,
        ],
        cursor,
      );
    }
    for (const r of department.certifiedReports.filter((report) => report.changedFigures > 0)) {
      const listed = Math.min(10, r.changes.length);
      const start = findInOrder(reports, [
        words(`FY ${r.fiscalYear} version ${r.version}: ${r.changedFigures} figures today's data would change`) +
          (listed < r.changedFigures ? words(`; the first ${listed} are listed`) : '\\n'),
      ]);
      const block = reports.slice(start).split(/\nFY /)[0];
      expect(block.split('•').slice(1)).toHaveLength(listed);
      findInOrder(
        block,
        r.changes.slice(0, listed).map((c) => {
          const show = (v: unknown): string =>
            v === null
              ? 'n/a'
              : typeof v === 'boolean'
                ? yes(v)
                : typeof v === 'number' || typeof v === 'string'
                  ? String(v)
                  : JSON.stringify(v);
          return `•\\s*${words(`${c.path}: ${show(c.from)} -> ${show(c.to)}`)}(\\n|$)`;
        }),
      );
      for (const c of r.changes.slice(listed)) expect(block).not.toContain(c.path);
    }
  });

  it('shows the integrity of the audit trail, the head hash in full, and how to check it later', () => {
    const i = department.integrity;
    const integrity = section(body, '6. Integrity of the audit trail', 'Index of employees');
    findInOrder(integrity, [
      words('Audit chain verified', yes(i.chainVerified)),
      words('Entries in the chain', i.chainEntries.toLocaleString('en-US')),
      words('Head hash', i.headHash ?? ''),
      words("The department's entries in the period", i.entriesInPeriod.toLocaleString('en-US')),
      words('Last entry in the period', i.lastEntryInPeriod?.id ?? ''),
      words('Its hash', i.lastEntryInPeriod?.hash ?? ''),
      words('Its time', formatInstant(i.lastEntryInPeriod?.occurredAt ?? '')),
      words('GET /audit/verify'),
      words(`entry ${i.lastEntryInPeriod?.id ?? ''} must still carry the hash ${i.lastEntryInPeriod?.hash ?? ''}`),
    ]);
  });

  it('indexes every employee referenced, by name, with the sections they appear in', () => {
    const index = section(body, 'Index of employees', null);
    const expected = expectedSections(department);
    const byName = [...department.employeeIndex].sort((a, b) =>
      (a.employee.name ?? '').localeCompare(b.employee.name ?? '', 'en'),
    );
    expect(byName).toHaveLength(expected.size);
    const positions = byName.map(({ employee }) =>
      indexOf(
        index,
        `\\n${words(employee.ref, employee.name ?? '', employee.employeeNumber ?? '', (expected.get(employee.ref) ?? []).join(', '))}\\n`,
      ),
    );
    positions.forEach((position) => expect(position).toBeGreaterThan(0));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('is byte-identical when rendered again, and dated by the packet', async () => {
    const again = await render(reversedLists(sampleAuditPacket()));
    expect(again.equals(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toContain('(D:20250915173000Z)');
  });

  it('refuses a data hash that is not 64 hex digits', async () => {
    await expect(renderAuditPacketPdf(department, { dataSha256: 'abc' })).rejects.toThrow(RangeError);
  });
});

describe('renderAuditPacketPdf: the oversight edition', () => {
  let pages: string[];
  let text: string;

  beforeAll(async () => {
    pages = await pdfPages(await render(oversight));
    text = pages.join('\n');
  });

  it('never shows a name or an employee number of the department edition, nor "null"', () => {
    const identities = everyone(department).flatMap((e) => [e.name ?? '', e.employeeNumber ?? '']);
    for (const employee of Object.values(SAMPLE_EMPLOYEES)) {
      identities.push(employee.name, employee.employeeNumber);
    }
    const distinct = [...new Set(identities)].filter((identity) => identity !== '');
    expect(distinct.length).toBeGreaterThanOrEqual(18);
    for (const identity of distinct) expect(text).not.toContain(identity);
    for (const identity of distinct) expect(text).not.toContain(identity.split(' ')[1] ?? identity);
    expect(text).not.toMatch(/null/i);
  });

  it('says so on the cover, and refers to employees by the same references', () => {
    expect(pages[0]).toMatch(new RegExp(words(OVERSIGHT_AUDIENCE_NOTE)));
    expect(pages[0]).toMatch(/Edition\s+Oversight \(employees by reference\)/);
    for (const employee of everyone(department)) expect(text).toContain(employee.ref);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
      expect(page).toContain(`SHA-256 of packet data: ${sha(oversight)}`);
    });
  });

  it('lists the flags with references only, appointments first', () => {
    const body = bodyOf(pages);
    const findings = section(body, 'Findings', '1. Appointments into ELTPA classes');
    const bullets = findings.split('•').slice(1);
    const flagged = oversight.appointments.filter((a) => a.flagged);
    bullets.slice(0, flagged.length).forEach((bullet, i) => {
      expect(bullet).toMatch(
        new RegExp(words(`Appointment made while no pattern was met - ${flagged[i].employee.ref}: ${flagged[i].appointmentType} on ${flagged[i].effectiveDate}`)),
      );
    });
  });

  it('indexes the employees by reference, with the sections they appear in', () => {
    const index = section(bodyOf(pages), 'Index of employees', null);
    const expected = expectedSections(oversight);
    const refs = [...expected.keys()].sort();
    const positions = refs.map((ref) =>
      indexOf(index, `\\n${words(ref, (expected.get(ref) ?? []).join(', '))}\\n`),
    );
    positions.forEach((position) => expect(position).toBeGreaterThan(0));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});

describe('renderAuditPacketPdf: other packets', () => {
  it('says "No findings" when there are none, and marks nothing', async () => {
    const clean = cleanAuditPacket();
    expect(clean.appointments.length).toBeGreaterThan(0);
    const pages = await pdfPages(await render(clean));
    const body = bodyOf(pages);
    const findings = section(body, 'Findings', '1. Appointments into ELTPA classes');
    expect(findings).toMatch(/\nNo findings\n/);
    expect(findings).not.toContain('•');
    expect(body).not.toMatch(/\bFLAG\b/);
    expect(body).toMatch(new RegExp(words('None: no appointment was made while no pattern was met.')));
  });

  it('lists an audit chain that does not verify as the last finding, and in section 6', async () => {
    const broken = sampleAuditPacket({
      integrity: sampleIntegrity({ chainVerified: false, firstInvalidEntryId: '31337' }),
    });
    const body = bodyOf(await pdfPages(await render(broken)));
    const bullets = section(body, 'Findings', '1. Appointments').split('•');
    expect(bullets[bullets.length - 1]).toMatch(
      new RegExp(`^\\s*${words('Audit chain not verified - the chain breaks at entry 31337.')}`),
    );
    findInOrder(section(body, '6. Integrity of the audit trail', 'Index of employees'), [
      words('Audit chain verified no'),
      words('First invalid entry 31337'),
    ]);
  });

  it(`prints at most ${PDF_TRAINING_ROW_LIMIT} training records, flagged first, and points to the XLSX edition`, async () => {
    const employees = sampleEmployees(40);
    const records = sampleTrainingRecords(PDF_TRAINING_ROW_LIMIT + 100, employees);
    const data = reversedLists(sampleAuditPacket({ training: records }));
    expect(data.training.records[0].flagged).toBe(false);
    const body = bodyOf(await pdfPages(await render(data)));
    const training = section(body, '3. Training verification trail', '4. Career plan decisions');
    expect(training).toMatch(
      new RegExp(words(`complete list of ${(PDF_TRAINING_ROW_LIMIT + 100).toLocaleString('en-US')} records in the XLSX edition`)),
    );
    const rows = lines(training).filter((line) => /^(FLAG )?E-[0-9A-F]{10}$/.test(line));
    expect(rows).toHaveLength(PDF_TRAINING_ROW_LIMIT);
    const flagged = records.filter((r) => r.flagged);
    expect(flagged.length).toBeGreaterThan(0);
    expect(rows.slice(0, flagged.length).every((row) => row.startsWith('FLAG '))).toBe(true);
    expect(rows.slice(flagged.length).some((row) => row.startsWith('FLAG '))).toBe(false);
  });

  it('keeps each appointment block on one page', async () => {
    const employees = sampleEmployees(30);
    const data = sampleAuditPacket({ appointments: sampleAppointments(30, employees) });
    const pages = await pdfPages(await render(data));
    let continued = 0;
    for (const a of data.appointments) {
      const page = pages.find((p) => p.includes(a.appointmentId));
      expect(page).toBeDefined();
      const text = page ?? '';
      const source = a.evidence.flatMap((r) => r.sources).at(-1);
      const after = text.slice(text.indexOf(a.appointmentId));
      if (source) expect(after).toMatch(new RegExp(words(source.start, source.end)));
      // The heading, above the id.
      expect(text.slice(0, text.indexOf(a.appointmentId))).toMatch(
        new RegExp(words(named(a.employee), '-', a.effectiveDate)),
      );
      if (!after.includes('Requirement Met Have Need') && a.evidence.length > 0) continued += 1;
    }
    expect(continued).toBe(0);
    expect(pages.length).toBeGreaterThan(12);
  });
});

const perf = process.env.AUDIT_PACKET_PERF === '1' ? describe : describe.skip;
perf('renderAuditPacketPdf: a large department (AUDIT_PACKET_PERF=1)', () => {
  it('renders 2,000 appointments, 500 T&D assignments and 200,000 training records', async () => {
    const data = largeAuditPacket({
      employees: 10_000,
      appointments: 2_000,
      tdAssignments: 500,
      trainingRecords: 200_000,
      planDecisions: 1_000,
    });
    const started = Date.now();
    const pdf = await render(data);
    const elapsed = Date.now() - started;
    process.stdout.write(
      `audit packet PDF: ${elapsed} ms, ${pdf.length} bytes, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`,
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 600_000);
});
