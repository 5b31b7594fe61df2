/**
 * Audit packets for tests: a small department whose every finding can be checked by hand
 * (`sampleAuditPacket`), and generators of N appointments, T&D assignments, training records
 * and plan decisions for large packets (`largeAuditPacket`).
 *
 * The packet is assembled by the production `buildAuditPacket` (ordering, summary, verifier
 * totals, employee index) from department-edition entries; the oversight edition is the same
 * entries with every name and employee number removed, as `packetEmployee` does. T&D windows and
 * early-end deadlines, and approvals outside the chain, come from the production rules too.
 * Nothing is random: the same call always gives the same packet.
 */
import { createHash } from 'node:crypto';
import { addDays, fiscalYearOf } from '../../src/modules/program-calendar/fiscal-year.rule';
import {
  buildAuditPacket,
  packetEmployee,
  planDecisionAudit,
  tdAssignmentAudit,
} from '../../src/modules/reports/audit-packet/audit-packet.rule';
import type {
  AuditPacketRaw,
  PlanDecisionFacts,
  TdAssignmentFacts,
} from '../../src/modules/reports/audit-packet/audit-packet.rule';
import type {
  AppointmentAudit,
  AuditPacketAudience,
  AuditPacketData,
  CertifiedReportAudit,
  EvidenceSource,
  IntegritySection,
  PacketClass,
  PacketEmployee,
  PlanDecisionAudit,
  RequirementEvidence,
  TdAssignmentAudit,
  TrainingTrailEntry,
} from '../../src/modules/reports/audit-packet/audit-packet.types';

/** The day the sample packets are generated (T&D early ends are judged against it). */
export const SAMPLE_TODAY = '2025-09-15';
export const SAMPLE_GENERATED_AT = '2025-09-15T17:30:00.000Z';
export const SAMPLE_DEPARTMENT = { code: 'DGS', name: 'Department of General Services' };
export const SAMPLE_PERIOD = { start: '2022-07-01', end: '2025-06-30' };
const DEPARTMENT_ID = 'a1d7c3e2-0000-4000-8000-000000000001';

export interface SampleEmployee {
  id: string;
  name: string;
  employeeNumber: string;
}

/** Staff who verify, decide and certify: never employees of the sample (so never in an index). */
export const SAMPLE_STAFF = {
  coordinator: 'Karen Lopez',
  trainingOfficer: 'Michael Chen',
  supervisor: 'Denise Walker',
  administrator: 'Alex Administrator',
  otherDepartmentCoordinator: 'Victor Haines',
} as const;

export const CLASSES = {
  officeAssistant: { classCode: '1379', title: 'Office Assistant (General)' },
  officeTechnician: { classCode: '1139', title: 'Office Technician (General)' },
  programTechnician: { classCode: '9928', title: 'Program Technician II' },
  staffServicesAnalyst: { classCode: '5157', title: 'Staff Services Analyst (General)' },
  itAssociate: { classCode: '1402', title: 'Information Technology Associate' },
} as const satisfies Record<string, PacketClass>;

const uuid = (scope: number, index: number): string =>
  `${scope.toString(16).padStart(8, '0')}-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;

/** A SHA-256 (hex) derived from a label: stable and realistic-looking. */
export const sampleSha256 = (label: string): string =>
  createHash('sha256').update(label).digest('hex');

/** Nine employees of the hand-checkable sample; the accented and quoted names are deliberate. */
export const SAMPLE_EMPLOYEES = {
  maria: { id: uuid(1, 1), name: 'Maria Garcia', employeeNumber: 'E4810327' },
  james: { id: uuid(1, 2), name: 'James Nguyen', employeeNumber: 'E4810551' },
  aisha: { id: uuid(1, 3), name: 'Aisha Robinson', employeeNumber: 'E4811204' },
  daniel: { id: uuid(1, 4), name: 'Daniel Kim', employeeNumber: 'E4811876' },
  rosa: { id: uuid(1, 5), name: 'Rosa Martinez', employeeNumber: 'E4812093' },
  thomas: { id: uuid(1, 6), name: "Thomas O'Brien", employeeNumber: 'E4812740' },
  zoe: { id: uuid(1, 7), name: 'Zoë Fernández', employeeNumber: 'E4813318' },
  priya: { id: uuid(1, 8), name: 'Priya Patel', employeeNumber: 'E4813965' },
  samuel: { id: uuid(1, 9), name: 'Samuel Wright', employeeNumber: 'E4814402' },
} as const satisfies Record<string, SampleEmployee>;

/** The employee as the department edition names them. */
export function samplePerson(employee: SampleEmployee): PacketEmployee {
  return packetEmployee(employee.id, employee, 'department');
}

/** The same employee as the oversight edition shows them: the reference only. */
export function withoutIdentity(employee: PacketEmployee): PacketEmployee {
  return { ref: employee.ref, employeeNumber: null, name: null };
}

// ---------------------------------------------------------------------------------------------
// Single entries
// ---------------------------------------------------------------------------------------------

export function experienceSource(overrides: Partial<EvidenceSource> = {}): EvidenceSource {
  return {
    type: 'APPOINTMENT',
    classCode: CLASSES.officeTechnician.classCode,
    start: '2021-03-01',
    end: '2023-02-28',
    months: 24,
    ...overrides,
  };
}

export function requirementEvidence(
  overrides: Partial<RequirementEvidence> = {},
): RequirementEvidence {
  return {
    kind: 'experience',
    met: true,
    have: '24 months in 1139',
    need: '12 months in 1139 or 1379',
    sources: [experienceSource()],
    ...overrides,
  };
}

/** The note `appointmentAudit` writes for an appointment made while no pattern was met. */
export function notQualifiedNote(
  patternLabel: string,
  unmet: readonly RequirementEvidence[],
): string {
  return `No pattern was met; nearest "${patternLabel}" lacked: ${unmet
    .map((r) => `${r.need} (had ${r.have})`)
    .join('; ')}`;
}

/**
 * An appointment into an ELTPA class, QUALIFIED unless the outcome says otherwise: a
 * NOT_QUALIFIED one is flagged with the nearest pattern and the note of what was missing, a
 * NOT_EVALUABLE one has no rule set, pattern or evidence.
 */
export function sampleAppointment(
  employee: PacketEmployee,
  overrides: Partial<AppointmentAudit> = {},
): AppointmentAudit {
  const outcome = overrides.outcome ?? 'QUALIFIED';
  const effectiveDate = overrides.effectiveDate ?? '2023-03-01';
  const base: AppointmentAudit = {
    appointmentId: uuid(2, 1),
    employee,
    effectiveDate,
    appointmentType: 'PROMOTION',
    isUpwardMobilityMove: true,
    from: CLASSES.officeTechnician,
    to: CLASSES.staffServicesAnalyst,
    evaluatedAsOf: addDays(effectiveDate, -1),
    ruleSet: { id: uuid(3, 5157), effectiveFrom: '2020-07-01', illustrative: false },
    outcome,
    flagged: false,
    status: 'ELIGIBLE',
    pattern: { id: 'SSA-1', label: 'Pattern I: one year as Office Technician', met: true },
    evidence: [requirementEvidence()],
    note: null,
  };
  if (outcome === 'NOT_QUALIFIED') {
    const evidence = overrides.evidence ?? [
      requirementEvidence({
        met: false,
        have: '7.5 months in 1139',
        need: '12 months in 1139 or 1379',
        sources: [experienceSource({ start: '2022-05-16', end: '2022-12-31', months: 7.5 })],
      }),
      requirementEvidence({
        kind: 'training',
        met: true,
        have: '40 hours',
        need: '24 hours',
        sources: [],
      }),
    ];
    const label = overrides.pattern?.label ?? 'Pattern I: one year as Office Technician';
    return {
      ...base,
      status: 'NOT_YET',
      pattern: { id: 'SSA-1', label, met: false },
      evidence,
      note: notQualifiedNote(
        label,
        evidence.filter((r) => !r.met),
      ),
      ...overrides,
      flagged: true,
    };
  }
  if (outcome === 'NOT_EVALUABLE') {
    return {
      ...base,
      ruleSet: null,
      status: null,
      pattern: null,
      evidence: [],
      note: `No minimum qualification rules in force for class ${base.to.classCode} on ${base.evaluatedAsOf}`,
      ...overrides,
      flagged: false,
    };
  }
  return { ...base, ...overrides, flagged: false };
}

export function sampleTrainingRecord(
  employee: PacketEmployee,
  overrides: Partial<TrainingTrailEntry> = {},
): TrainingTrailEntry {
  const completionDate = overrides.completionDate ?? '2023-10-12';
  const verifiedBy =
    overrides.verifiedBy === undefined ? SAMPLE_STAFF.trainingOfficer : overrides.verifiedBy;
  const verifiedAt =
    overrides.verifiedAt === undefined
      ? `${addDays(completionDate, 6)}T16:05:00.000Z`
      : overrides.verifiedAt;
  const id = overrides.trainingRecordId ?? uuid(4, 1);
  return {
    trainingRecordId: id,
    employee,
    title: 'Business Writing for State Analysts',
    kind: 'CLASSROOM',
    hours: 16,
    completionDate,
    fiscalYear: fiscalYearOf(completionDate),
    evidence: [{ fileName: 'certificate.pdf', sha256: sampleSha256(`evidence:${id}`) }],
    ...overrides,
    verifiedBy,
    verifiedAt,
    flagged: verifiedBy === null || verifiedAt === null,
  };
}

export function tdFacts(
  employee: SampleEmployee,
  overrides: Partial<TdAssignmentFacts> = {},
): TdAssignmentFacts {
  return {
    assignmentId: uuid(5, 1),
    employeeId: employee.id,
    hostUnit: 'Office of Business and Acquisition Services',
    workClass: CLASSES.staffServicesAnalyst,
    startDate: '2023-09-01',
    plannedEndDate: '2024-08-31',
    actualEndDate: null,
    timeBaseFraction: 1,
    earlyEndRequestedOn: null,
    ...overrides,
  };
}

/** T&D assignments as the packet shows them: each against all of its employee's assignments. */
export function tdAudits(
  employees: readonly SampleEmployee[],
  facts: readonly TdAssignmentFacts[],
  listed: (fact: TdAssignmentFacts) => boolean = () => true,
): TdAssignmentAudit[] {
  const byId = new Map(employees.map((e) => [e.id, e]));
  const byEmployee = new Map<string, TdAssignmentFacts[]>();
  for (const fact of facts)
    byEmployee.set(fact.employeeId, [...(byEmployee.get(fact.employeeId) ?? []), fact]);
  return facts.filter(listed).map((fact) => {
    const employee = byId.get(fact.employeeId);
    if (!employee) throw new Error(`no sample employee ${fact.employeeId}`);
    return tdAssignmentAudit(
      fact,
      byEmployee.get(fact.employeeId) ?? [],
      samplePerson(employee),
      SAMPLE_TODAY,
    );
  });
}

export function planDecisionFacts(
  employee: SampleEmployee,
  overrides: Partial<PlanDecisionFacts> = {},
): PlanDecisionFacts {
  return {
    planId: uuid(6, 1),
    employeeId: employee.id,
    planDepartmentId: DEPARTMENT_ID,
    action: 'APPROVE',
    occurredAt: '2023-01-20T18:42:00.000Z',
    decidedBy: SAMPLE_STAFF.supervisor,
    decidedByRole: 'SUPERVISOR',
    decidedByDepartmentId: DEPARTMENT_ID,
    decidedByEmployeeId: uuid(9, 1),
    recordedRelation: 'SUPERVISOR',
    comment: null,
    supervisoryChain: [uuid(9, 1), uuid(9, 2)],
    ...overrides,
  };
}

export function samplePlanDecision(
  employee: SampleEmployee,
  overrides: Partial<PlanDecisionFacts> = {},
): PlanDecisionAudit {
  return planDecisionAudit(planDecisionFacts(employee, overrides), samplePerson(employee));
}

export function sampleCertifiedReport(
  overrides: Partial<CertifiedReportAudit> = {},
): CertifiedReportAudit {
  const fiscalYear = overrides.fiscalYear ?? '2022-23';
  const version = overrides.version ?? 1;
  return {
    fiscalYear,
    version,
    certifiedAt: '2023-09-28T20:15:00.000Z',
    certifiedBy: SAMPLE_STAFF.coordinator,
    sha256: Object.fromEntries(
      ['csv', 'json', 'pdf', 'xlsx'].map((format) => [
        format,
        sampleSha256(`report:${fiscalYear}:${version}:${format}`),
      ]),
    ),
    changedFigures: 0,
    changes: [],
    ...overrides,
  };
}

/** `count` figure changes with realistic paths (the service lists at most 25 of them). */
export function sampleFigureChanges(count: number): CertifiedReportAudit['changes'] {
  const paths = [
    { path: 'participation.applications.received', from: 12, to: 13 },
    { path: 'participation.training.verifiedHours', from: 412.5, to: 428.5 },
    { path: 'participation.training.records', from: 31, to: 33 },
    { path: 'goalsVsResults.moves.fiscalYear.moves', from: 3, to: 4 },
    { path: 'goalsVsResults.moves.fiscalYear.met', from: false, to: true },
    { path: 'participation.budget.remaining', from: null, to: 1250 },
    { path: 'pipeline.5157.eligible', from: 'SUPPRESSED', to: 3 },
  ];
  return Array.from({ length: count }, (_, i) => {
    const change = paths[i % paths.length];
    const round = Math.floor(i / paths.length);
    return round === 0 ? change : { ...change, path: `${change.path}.${round}` };
  });
}

export function sampleIntegrity(overrides: Partial<IntegritySection> = {}): IntegritySection {
  return {
    chainVerified: true,
    chainEntries: 48213,
    headHash: sampleSha256('audit-head'),
    firstInvalidEntryId: null,
    entriesInPeriod: 12877,
    lastEntryInPeriod: {
      id: '40981',
      hash: sampleSha256('audit-entry:40981'),
      occurredAt: '2025-06-30T23:41:07.000Z',
    },
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// The hand-checkable packet
// ---------------------------------------------------------------------------------------------

/**
 * The sample department's raw packet (department edition): two appointments made while no
 * pattern was met, one not evaluable, three lawful; a T&D assignment over 24 months in 36, an
 * early end honoured late and one not honoured past its due date; two training records counted
 * without verification; a plan approved by an administrator outside the chain; a certified
 * report whose figures today's data would change 14 times and one 2 times.
 */
export function sampleAuditPacketRaw(): AuditPacketRaw {
  const e = SAMPLE_EMPLOYEES;
  const p = samplePerson;
  const appointments: AppointmentAudit[] = [
    sampleAppointment(p(e.maria), {
      appointmentId: uuid(2, 1),
      effectiveDate: '2022-10-03',
      evidence: [
        requirementEvidence({
          have: '19 months in 1139',
          need: '12 months in 1139 or 1379',
          sources: [
            experienceSource({ start: '2020-07-01', end: '2021-06-30', months: 12 }),
            experienceSource({
              type: 'TD_ASSIGNMENT',
              classCode: '5157',
              start: '2021-07-01',
              end: '2022-01-31',
              months: 7,
            }),
          ],
        }),
      ],
    }),
    sampleAppointment(p(e.james), {
      appointmentId: uuid(2, 2),
      effectiveDate: '2023-08-15',
      outcome: 'NOT_QUALIFIED',
      from: CLASSES.officeAssistant,
    }),
    sampleAppointment(p(e.aisha), {
      appointmentId: uuid(2, 3),
      effectiveDate: '2024-01-02',
      to: CLASSES.itAssociate,
      ruleSet: { id: uuid(3, 1402), effectiveFrom: '2023-07-01', illustrative: true },
      pattern: { id: 'ITA-2', label: 'Pattern II: 30 semester units and 6 months', met: true },
      evidence: [
        requirementEvidence({
          kind: 'education',
          have: '36 semester units',
          need: '30 semester units',
          sources: [],
        }),
        requirementEvidence({
          have: '8 months in 1139',
          need: '6 months in any class',
          sources: [experienceSource({ start: '2023-04-03', end: '2023-12-01', months: 8 })],
        }),
      ],
    }),
    sampleAppointment(p(e.daniel), {
      appointmentId: uuid(2, 4),
      effectiveDate: '2024-05-01',
      outcome: 'NOT_EVALUABLE',
      to: CLASSES.programTechnician,
      note: 'No minimum qualification rules in force for class 9928 on 2024-04-30',
    }),
    sampleAppointment(p(e.rosa), {
      appointmentId: uuid(2, 5),
      effectiveDate: '2024-11-18',
      outcome: 'NOT_QUALIFIED',
      appointmentType: 'HIRE',
      isUpwardMobilityMove: false,
      from: null,
      status: 'EXAM_ELIGIBLE',
      pattern: { id: 'SSA-3', label: 'Pattern III: on the SSA eligible list', met: false },
      evidence: [
        requirementEvidence({
          kind: 'examList',
          met: false,
          have: 'not on the list',
          need: 'SSA eligible list',
          sources: [],
        }),
      ],
    }),
    sampleAppointment(p(e.thomas), {
      appointmentId: uuid(2, 6),
      effectiveDate: '2025-02-03',
      to: CLASSES.itAssociate,
      ruleSet: { id: uuid(3, 1402), effectiveFrom: '2023-07-01', illustrative: true },
    }),
  ];

  const tdFactsList: TdAssignmentFacts[] = [
    // Maria: 24 months before the period, then ten more in the same 36 months.
    tdFacts(e.maria, {
      assignmentId: uuid(5, 1),
      startDate: '2020-09-01',
      plannedEndDate: '2022-08-31',
      actualEndDate: '2022-08-31',
    }),
    tdFacts(e.maria, {
      assignmentId: uuid(5, 2),
      startDate: '2022-09-01',
      plannedEndDate: '2023-06-30',
      actualEndDate: '2023-06-30',
      workClass: CLASSES.programTechnician,
    }),
    // James: asked to return on 2024-02-01, released 17 working days later.
    tdFacts(e.james, {
      assignmentId: uuid(5, 3),
      startDate: '2023-09-01',
      plannedEndDate: '2024-08-31',
      actualEndDate: '2024-02-26',
      earlyEndRequestedOn: '2024-02-01',
    }),
    // Aisha: half time, early end honoured in 5 working days.
    tdFacts(e.aisha, {
      assignmentId: uuid(5, 4),
      startDate: '2024-02-01',
      plannedEndDate: '2025-01-31',
      actualEndDate: '2024-06-10',
      timeBaseFraction: 0.5,
      earlyEndRequestedOn: '2024-06-03',
      hostUnit: 'Enterprise Technology Solutions',
      workClass: CLASSES.itAssociate,
    }),
    // Zoë: asked on 2025-06-02 and still not released.
    tdFacts(e.zoe, {
      assignmentId: uuid(5, 5),
      startDate: '2024-09-03',
      plannedEndDate: '2025-09-02',
      earlyEndRequestedOn: '2025-06-02',
    }),
  ];
  const tdAssignments = tdAudits(
    Object.values(e),
    tdFactsList,
    (fact) => fact.assignmentId !== uuid(5, 1),
  );

  const training: TrainingTrailEntry[] = [
    sampleTrainingRecord(p(e.maria), {
      trainingRecordId: uuid(4, 1),
      completionDate: '2022-09-14',
    }),
    sampleTrainingRecord(p(e.james), {
      trainingRecordId: uuid(4, 2),
      title: 'Introduction to State Budgeting',
      kind: 'ONLINE',
      hours: 6.5,
      completionDate: '2023-02-07',
      verifiedBy: SAMPLE_STAFF.coordinator,
    }),
    sampleTrainingRecord(p(e.james), {
      trainingRecordId: uuid(4, 3),
      title: 'ACCT 101 Financial Accounting',
      kind: 'COLLEGE_COURSE',
      hours: 48,
      completionDate: '2023-12-15',
      verifiedBy: null,
      evidence: [
        { fileName: 'transcript.pdf', sha256: sampleSha256('evidence:transcript') },
        { fileName: 'receipt.pdf', sha256: sampleSha256('evidence:receipt') },
      ],
    }),
    sampleTrainingRecord(p(e.rosa), {
      trainingRecordId: uuid(4, 4),
      title: 'Excel for Analysts',
      kind: 'ONLINE',
      hours: 8,
      completionDate: '2024-03-21',
      evidence: [],
    }),
    sampleTrainingRecord(p(e.priya), {
      trainingRecordId: uuid(4, 5),
      title: '=Leadership Essentials',
      kind: 'MENTORING',
      hours: 12,
      completionDate: '2024-05-30',
      verifiedBy: SAMPLE_STAFF.coordinator,
    }),
    sampleTrainingRecord(p(e.priya), {
      trainingRecordId: uuid(4, 6),
      title: 'Contract Administration Basics',
      hours: 24,
      completionDate: '2025-01-17',
      verifiedAt: null,
    }),
    sampleTrainingRecord(p(e.thomas), {
      trainingRecordId: uuid(4, 7),
      title: 'Cloud Fundamentals',
      kind: 'CONFERENCE',
      hours: 14.25,
      completionDate: '2024-10-09',
    }),
  ];

  const planDecisions: PlanDecisionAudit[] = [
    samplePlanDecision(e.maria, { planId: uuid(6, 1), occurredAt: '2022-08-02T17:10:00.000Z' }),
    samplePlanDecision(e.james, {
      planId: uuid(6, 2),
      action: 'RETURN',
      occurredAt: '2023-03-14T21:05:00.000Z',
      comment: 'Add the SSA exam date to the plan.',
    }),
    samplePlanDecision(e.james, { planId: uuid(6, 2), occurredAt: '2023-03-29T16:30:00.000Z' }),
    samplePlanDecision(e.rosa, {
      planId: uuid(6, 3),
      occurredAt: '2024-02-12T19:00:00.000Z',
      decidedBy: SAMPLE_STAFF.coordinator,
      decidedByRole: 'COORDINATOR',
      decidedByEmployeeId: null,
      recordedRelation: 'COORDINATOR',
    }),
    samplePlanDecision(e.samuel, {
      planId: uuid(6, 4),
      occurredAt: '2024-11-05T23:20:00.000Z',
      decidedBy: SAMPLE_STAFF.administrator,
      decidedByRole: 'ADMIN',
      decidedByDepartmentId: null,
      decidedByEmployeeId: null,
      recordedRelation: 'ADMIN',
      comment: 'Approved on behalf of the coordinator while on leave.',
    }),
  ];

  const certifiedReports: CertifiedReportAudit[] = [
    sampleCertifiedReport({
      fiscalYear: '2022-23',
      version: 1,
      certifiedAt: '2023-09-28T20:15:00.000Z',
    }),
    sampleCertifiedReport({
      fiscalYear: '2023-24',
      version: 2,
      certifiedAt: '2024-10-02T18:00:00.000Z',
      changedFigures: 14,
      changes: sampleFigureChanges(14),
    }),
    sampleCertifiedReport({
      fiscalYear: '2024-25',
      version: 1,
      certifiedAt: '2025-09-10T22:45:00.000Z',
      changedFigures: 2,
      changes: sampleFigureChanges(2),
    }),
  ];

  return {
    department: { ...SAMPLE_DEPARTMENT },
    periodStart: SAMPLE_PERIOD.start,
    periodEnd: SAMPLE_PERIOD.end,
    generatedAt: SAMPLE_GENERATED_AT,
    appointments,
    tdAssignments,
    training,
    planDecisions,
    certifiedReports,
    integrity: sampleIntegrity(),
  };
}

/** Every employee in the raw packet reduced to their reference (what the oversight sees). */
export function withoutIdentities(raw: AuditPacketRaw): AuditPacketRaw {
  return {
    ...raw,
    appointments: raw.appointments.map((a) => ({ ...a, employee: withoutIdentity(a.employee) })),
    tdAssignments: raw.tdAssignments.map((a) => ({ ...a, employee: withoutIdentity(a.employee) })),
    training: raw.training.map((t) => ({ ...t, employee: withoutIdentity(t.employee) })),
    planDecisions: raw.planDecisions.map((d) => ({ ...d, employee: withoutIdentity(d.employee) })),
  };
}

export interface SampleAuditPacketOverrides extends Partial<AuditPacketRaw> {
  /** Default `department`; `oversight` removes every name and employee number. */
  audience?: AuditPacketAudience;
}

/** The sample packet, its parts replaced by `overrides` (entries given in the department form). */
export function sampleAuditPacket(overrides: SampleAuditPacketOverrides = {}): AuditPacketData {
  const { audience = 'department', ...parts } = overrides;
  const raw: AuditPacketRaw = { ...sampleAuditPacketRaw(), ...parts };
  return buildAuditPacket(audience === 'oversight' ? withoutIdentities(raw) : raw, audience);
}

/** A packet without a single finding: lawful appointments and T&D, verified training. */
export function cleanAuditPacket(audience: AuditPacketAudience = 'department'): AuditPacketData {
  const raw = sampleAuditPacketRaw();
  return sampleAuditPacket({
    audience,
    appointments: raw.appointments.filter((a) => a.outcome === 'QUALIFIED'),
    tdAssignments: raw.tdAssignments.filter((a) => !a.flagged),
    training: raw.training.filter((t) => !t.flagged),
    planDecisions: raw.planDecisions.filter((d) => !d.flagged),
    certifiedReports: raw.certifiedReports.filter((r) => r.changedFigures === 0),
  });
}

// ---------------------------------------------------------------------------------------------
// Large packets
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
  'Ana',
  'Brandon',
  'Chloe',
  'Diego',
  'Elena',
  'Farid',
  'Grace',
  'Hector',
  'Imani',
  'Jorge',
  'Keiko',
  'Luis',
  'Mei',
  'Nadia',
  'Omar',
  'Paula',
  'Quinn',
  'Ramon',
  'Sofia',
  'Tuan',
];
const LAST_NAMES = [
  'Alvarez',
  'Bui',
  'Castillo',
  'Dang',
  'Evans',
  'Flores',
  'Gupta',
  'Huang',
  'Ibarra',
  'Johnson',
  'Khan',
  'Lee',
  'Medina',
  'Nakamura',
  'Ortiz',
  'Pham',
  'Ramos',
  'Singh',
  'Tran',
  'Vargas',
];

/** `count` distinct employees with generated names and numbers. */
export function sampleEmployees(count: number): SampleEmployee[] {
  return Array.from({ length: count }, (_, i) => ({
    id: uuid(7, i + 1),
    name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]} ${i + 1}`,
    employeeNumber: `E${String(5_000_000 + i).padStart(7, '0')}`,
  }));
}

const dayInPeriod = (i: number, spread: number): string =>
  addDays(SAMPLE_PERIOD.start, Math.floor(((i * 7919) % spread) * (1095 / spread)));

/** Every 10th not qualified (flagged), every 25th not evaluable, the rest qualified. */
export function sampleAppointments(
  count: number,
  employees: readonly SampleEmployee[],
): AppointmentAudit[] {
  return Array.from({ length: count }, (_, i) => {
    const outcome = i % 10 === 9 ? 'NOT_QUALIFIED' : i % 25 === 24 ? 'NOT_EVALUABLE' : 'QUALIFIED';
    return sampleAppointment(samplePerson(employees[i % employees.length]), {
      appointmentId: uuid(12, i + 1),
      effectiveDate: dayInPeriod(i, count),
      outcome,
      to: i % 3 === 0 ? CLASSES.itAssociate : CLASSES.staffServicesAnalyst,
    });
  });
}

/** One assignment per employee (so windows stay simple); every 20th asked to end early, half of
 * them released late; every 40th over the limit by a previous two-year assignment. */
export function sampleTdAssignments(
  count: number,
  employees: readonly SampleEmployee[],
): TdAssignmentAudit[] {
  if (count > employees.length) throw new Error('sampleTdAssignments: one assignment per employee');
  const facts: TdAssignmentFacts[] = [];
  for (let i = 0; i < count; i++) {
    const employee = employees[i];
    const startDate = dayInPeriod(i, count);
    const requested = i % 20 === 19 ? addDays(startDate, 90) : null;
    facts.push(
      tdFacts(employee, {
        assignmentId: uuid(13, i + 1),
        startDate,
        plannedEndDate: addDays(startDate, 364),
        actualEndDate: requested === null ? null : addDays(requested, i % 40 === 39 ? 28 : 7),
        timeBaseFraction: i % 4 === 3 ? 0.5 : 1,
        earlyEndRequestedOn: requested,
      }),
    );
    if (i % 40 === 0) {
      facts.push(
        tdFacts(employee, {
          assignmentId: uuid(14, i + 1),
          startDate: addDays(startDate, -731),
          plannedEndDate: addDays(startDate, -1),
          actualEndDate: addDays(startDate, -1),
        }),
      );
    }
  }
  const listed = new Set(Array.from({ length: count }, (_, i) => uuid(13, i + 1)));
  return tdAudits(employees, facts, (fact) => listed.has(fact.assignmentId));
}

/** Every 500th counted without verification; one or two evidence files each. */
export function sampleTrainingRecords(
  count: number,
  employees: readonly SampleEmployee[],
): TrainingTrailEntry[] {
  const titles = [
    'Business Writing',
    'Excel for Analysts',
    'State Budget Process',
    'Project Management Basics',
    'Customer Service',
  ];
  const kinds = ['CLASSROOM', 'ONLINE', 'COLLEGE_COURSE', 'OJT', 'MENTORING', 'CONFERENCE'];
  const verifiers = [
    SAMPLE_STAFF.trainingOfficer,
    SAMPLE_STAFF.coordinator,
    SAMPLE_STAFF.supervisor,
  ];
  const people = employees.map(samplePerson);
  return Array.from({ length: count }, (_, i) => {
    const id = uuid(15, i + 1);
    const sha = sampleSha256(`evidence:${id}`);
    return sampleTrainingRecord(people[i % people.length], {
      trainingRecordId: id,
      title: titles[i % titles.length],
      kind: kinds[i % kinds.length],
      hours: (i % 16) + 1 + 0.5 * (i % 2),
      completionDate: dayInPeriod(i, count),
      verifiedBy: i % 500 === 499 ? null : verifiers[i % verifiers.length],
      evidence:
        i % 3 === 0
          ? [
              { fileName: 'certificate.pdf', sha256: sha },
              { fileName: 'agenda.pdf', sha256: sampleSha256(sha) },
            ]
          : [{ fileName: 'certificate.pdf', sha256: sha }],
    });
  });
}

/** Every 50th approved by an administrator (outside the chain); every 5th returned. */
export function samplePlanDecisions(
  count: number,
  employees: readonly SampleEmployee[],
): PlanDecisionAudit[] {
  return Array.from({ length: count }, (_, i) => {
    const outside = i % 50 === 49;
    return samplePlanDecision(employees[i % employees.length], {
      planId: uuid(16, i + 1),
      action: i % 5 === 4 && !outside ? 'RETURN' : 'APPROVE',
      occurredAt: `${dayInPeriod(i, count)}T18:00:00.000Z`,
      ...(outside && {
        decidedBy: SAMPLE_STAFF.administrator,
        decidedByRole: 'ADMIN',
        decidedByDepartmentId: null,
        decidedByEmployeeId: null,
        recordedRelation: 'ADMIN',
      }),
    });
  });
}

export interface LargePacketSize {
  employees: number;
  appointments: number;
  tdAssignments: number;
  trainingRecords: number;
  planDecisions: number;
  audience?: AuditPacketAudience;
}

/** A large department's packet, e.g. 2,000 appointments and 200,000 training records. */
export function largeAuditPacket(size: LargePacketSize): AuditPacketData {
  const employees = sampleEmployees(size.employees);
  return sampleAuditPacket({
    audience: size.audience ?? 'department',
    appointments: sampleAppointments(size.appointments, employees),
    tdAssignments: sampleTdAssignments(size.tdAssignments, employees),
    training: sampleTrainingRecords(size.trainingRecords, employees),
    planDecisions: samplePlanDecisions(size.planDecisions, employees),
  });
}

/**
 * The packet with every list reversed (flagged entries last, the index out of order): the
 * builder sorts, and a renderer must show flagged entries first whatever order it is given.
 */
export function reversedLists(data: AuditPacketData): AuditPacketData {
  return {
    ...data,
    appointments: [...data.appointments].reverse(),
    tdAssignments: [...data.tdAssignments].reverse(),
    training: { ...data.training, records: [...data.training.records].reverse() },
    planDecisions: [...data.planDecisions].reverse(),
    employeeIndex: [...data.employeeIndex].reverse(),
  };
}
