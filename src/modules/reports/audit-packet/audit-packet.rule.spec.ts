import type { EmployeeFacts } from '../../eligibility/employee-facts';
import { evaluateEligibility } from '../../eligibility/evaluate-eligibility.rule';
import type { RuleSet } from '../../eligibility/rule-set';
import {
  appointmentAudit,
  approvedOutsideChain,
  buildAuditPacket,
  defaultAuditPeriod,
  employeeRef,
  evaluationDateFor,
  fiscalYearsOf,
  packetEmployee,
  planDecisionAudit,
  tdAssignmentAudit,
} from './audit-packet.rule';
import type { AppointmentFacts, PlanDecisionFacts, TdAssignmentFacts } from './audit-packet.rule';

const ANALYST: RuleSet = {
  classCode: '5157',
  title: 'Staff Services Analyst',
  effectiveFrom: '2020-07-01',
  patterns: [
    {
      id: 'I',
      label: 'Two years as an Office Technician',
      requirements: [{ kind: 'experience', months: 24, inClassCodes: ['1138'] }],
    },
  ],
};

/** An Office Technician since `since`, appointed analyst on `appointed`. */
function technician(since: string, appointed: string): EmployeeFacts {
  return {
    employeeId: 'e-1',
    timeBaseFraction: 1,
    educationLevel: null,
    collegeSemesterUnits: 0,
    licenses: [],
    appointments: [
      { classCode: '1138', occupationalGroup: 'OFFICE', salaryLow: 3000, start: since, end: appointed, timeBaseFraction: 1 },
      { classCode: '5157', occupationalGroup: 'ANALYST', salaryLow: 4500, start: appointed, end: null, timeBaseFraction: 1 },
    ],
    tdAssignments: [],
    training: [],
    examLists: [],
  };
}

const appointment = (effectiveDate: string): AppointmentFacts => ({
  appointmentId: 'a-1',
  employeeId: 'e-1',
  effectiveDate,
  appointmentType: 'PROMOTION',
  isUpwardMobilityMove: true,
  from: { classCode: '1138', title: 'Office Technician' },
  to: { classCode: '5157', title: 'Staff Services Analyst' },
});

const employee = packetEmployee('e-1', { id: 'e-1', employeeNumber: '100', name: 'Ana Lopez' }, 'department');
const RULES = { id: 'rs-1', effectiveFrom: '2020-07-01', illustrative: false };

function audited(since: string, appointed: string) {
  const asOf = evaluationDateFor(appointed);
  return appointmentAudit(appointment(appointed), employee, {
    ruleSet: RULES,
    result: evaluateEligibility(technician(since, appointed), ANALYST, asOf),
    problem: null,
  });
}

describe('employeeRef', () => {
  it('is stable, shaped E-XXXXXXXXXX, and different per employee', () => {
    expect(employeeRef('3b1c')).toBe(employeeRef('3b1c'));
    expect(employeeRef('3b1c')).toMatch(/^E-[0-9A-F]{10}$/);
    expect(employeeRef('3b1c')).not.toBe(employeeRef('3b1d'));
  });

  it('names people only in the department edition', () => {
    const identity = { id: 'x', employeeNumber: '42', name: 'Pat Doe' };
    expect(packetEmployee('x', identity, 'department')).toEqual({ ref: employeeRef('x'), employeeNumber: '42', name: 'Pat Doe' });
    expect(packetEmployee('x', identity, 'oversight')).toEqual({ ref: employeeRef('x'), employeeNumber: null, name: null });
  });
});

describe('defaultAuditPeriod and fiscalYearsOf', () => {
  it.each([
    ['2026-11-26', '2023-07-01', '2026-06-30'],
    ['2026-07-01', '2023-07-01', '2026-06-30'],
    ['2026-06-30', '2022-07-01', '2025-06-30'],
  ])('today %s -> %s .. %s (the last three complete fiscal years)', (today, from, to) => {
    expect(defaultAuditPeriod(today)).toEqual({ from, to });
  });

  it('lists every fiscal year a period touches', () => {
    expect(fiscalYearsOf('2023-07-01', '2026-06-30')).toEqual(['2023-24', '2024-25', '2025-26']);
    expect(fiscalYearsOf('2024-03-01', '2024-08-01')).toEqual(['2023-24', '2024-25']);
  });
});

describe('appointmentAudit', () => {
  it('an appointee with 24 months as a technician the day before is qualified', () => {
    const audit = audited('2022-01-03', '2024-03-01');
    expect(audit).toMatchObject({ outcome: 'QUALIFIED', flagged: false, evaluatedAsOf: '2024-02-29', note: null });
    expect(audit.pattern).toEqual({ id: 'I', label: 'Two years as an Office Technician', met: true });
    expect(audit.evidence[0]).toMatchObject({ kind: 'experience', met: true });
    expect(audit.evidence[0].sources).toEqual([
      expect.objectContaining({ type: 'APPOINTMENT', classCode: '1138', start: '2022-01-03', end: '2024-02-29' }),
    ]);
  });

  it('one appointed after 15 months is flagged, with what was missing', () => {
    const audit = audited('2023-06-01', '2024-09-03');
    expect(audit).toMatchObject({ outcome: 'NOT_QUALIFIED', flagged: true, status: 'NOT_YET' });
    expect(audit.evidence[0].met).toBe(false);
    expect(audit.note).toMatch(/No pattern was met; nearest "Two years as an Office Technician" lacked/);
  });

  it('without rules in force it cannot be evaluated, and says why; not flagged as unlawful', () => {
    const audit = appointmentAudit(appointment('2024-03-01'), employee, {
      ruleSet: null,
      result: null,
      problem: 'No minimum qualifications of class 5157 are on record for 2024-03-01',
    });
    expect(audit).toMatchObject({ outcome: 'NOT_EVALUABLE', flagged: false, evidence: [] });
    expect(audit.note).toContain('No minimum qualifications');
  });
});

describe('tdAssignmentAudit', () => {
  const td = (id: string, start: string, end: string, overrides: Partial<TdAssignmentFacts> = {}): TdAssignmentFacts => ({
    assignmentId: id,
    employeeId: 'e-1',
    hostUnit: 'Budgets',
    workClass: { classCode: '5157', title: 'Staff Services Analyst' },
    startDate: start,
    plannedEndDate: end,
    actualEndDate: null,
    timeBaseFraction: 1,
    earlyEndRequestedOn: null,
    ...overrides,
  });

  it.each([
    ['12 months', '2024-01-01', '2024-12-31', 12, false],
    ['24 months exactly', '2023-01-01', '2024-12-31', 24, false],
    ['29 months', '2023-08-01', '2025-12-31', 24, true],
  ])('%s: over the limit %s', (_label, start, end, atLeast, over) => {
    const assignment = td('t-1', start, end);
    const audit = tdAssignmentAudit(assignment, [assignment], employee, '2026-11-26');
    expect(audit.monthsInFullestWindow).toBeGreaterThanOrEqual(atLeast);
    expect(audit.overLimit).toBe(over);
    expect(audit.flagged).toBe(over);
    expect(audit.fullestWindow === null).toBe(!over);
  });

  it('counts the employee’s other assignments in the same window', () => {
    const first = td('t-1', '2023-01-01', '2023-12-31');
    const second = td('t-2', '2024-06-01', '2025-07-31');
    const audit = tdAssignmentAudit(second, [first, second], employee, '2026-11-26');
    expect(audit.overLimit).toBe(true);
    expect(audit.monthsInFullestWindow).toBeGreaterThan(24);
  });

  it.each([
    ['honoured in 7 working days', '2024-06-03', '2024-06-12', false],
    ['honoured in 30 working days', '2024-06-03', '2024-07-15', true],
    ['never honoured, past due', '2024-06-03', null, true],
  ])('early end %s -> late %s', (_label, requestedOn, actualEnd, late) => {
    const assignment = td('t-1', '2024-01-02', '2024-12-31', { earlyEndRequestedOn: requestedOn, actualEndDate: actualEnd });
    const audit = tdAssignmentAudit(assignment, [assignment], employee, '2026-11-26');
    expect(audit.earlyEnd?.late).toBe(late);
    expect(audit.flagged).toBe(late);
  });
});

describe('approvedOutsideChain', () => {
  const decision = (overrides: Partial<PlanDecisionFacts>): PlanDecisionFacts => ({
    planId: 'p-1',
    employeeId: 'e-1',
    planDepartmentId: 'd-1',
    action: 'APPROVE',
    occurredAt: '2025-01-10T18:00:00.000Z',
    decidedBy: 'Sam Supervisor',
    decidedByRole: 'SUPERVISOR',
    decidedByDepartmentId: 'd-1',
    decidedByEmployeeId: 's-1',
    recordedRelation: 'SUPERVISOR',
    comment: null,
    supervisoryChain: ['s-1', 's-2'],
    ...overrides,
  });

  it.each([
    ['the direct supervisor', {}, false],
    ['the supervisor’s supervisor', { decidedByEmployeeId: 's-2' }, false],
    ['the department’s coordinator', { decidedByRole: 'COORDINATOR', decidedByEmployeeId: null }, false],
    ['a supervisor outside the chain', { decidedByEmployeeId: 's-9' }, true],
    ['another department’s coordinator', { decidedByRole: 'COORDINATOR', decidedByDepartmentId: 'd-2', decidedByEmployeeId: null }, true],
    ['a system administrator', { decidedByRole: 'ADMIN', decidedByDepartmentId: null, decidedByEmployeeId: null }, true],
    ['a return by anyone (not an approval)', { action: 'RETURN' as const, decidedByEmployeeId: 's-9' }, false],
  ])('%s -> outside %s', (_label, overrides, outside) => {
    expect(approvedOutsideChain(decision(overrides))).toBe(outside);
    expect(planDecisionAudit(decision(overrides), employee).flagged).toBe(outside);
  });
});

describe('buildAuditPacket', () => {
  it('puts flagged items first, sums the summary, and indexes every employee once', () => {
    const lawful = audited('2022-01-03', '2024-03-01');
    const unlawful = { ...audited('2023-06-01', '2024-09-03'), appointmentId: 'a-2' };
    const other = packetEmployee('e-2', { id: 'e-2', employeeNumber: '200', name: 'Bo Chen' }, 'department');
    const packet = buildAuditPacket(
      {
        department: { code: 'DGS', name: 'General Services' },
        periodStart: '2023-07-01',
        periodEnd: '2026-06-30',
        generatedAt: '2026-11-26T10:00:00.000Z',
        appointments: [lawful, unlawful],
        tdAssignments: [],
        training: [
          {
            trainingRecordId: 't-1',
            employee: other,
            title: 'Excel',
            kind: 'ONLINE',
            hours: 4.5,
            completionDate: '2024-02-01',
            fiscalYear: '2023-24',
            verifiedBy: 'Pat Coordinator',
            verifiedAt: '2024-02-03T17:00:00.000Z',
            evidence: [],
            flagged: false,
          },
          {
            trainingRecordId: 't-2',
            employee: other,
            title: 'Writing',
            kind: 'CLASSROOM',
            hours: 8,
            completionDate: '2024-03-01',
            fiscalYear: '2023-24',
            verifiedBy: null,
            verifiedAt: null,
            evidence: [],
            flagged: true,
          },
        ],
        planDecisions: [],
        certifiedReports: [],
        integrity: {
          chainVerified: true,
          chainEntries: 10,
          headHash: 'ab'.repeat(32),
          firstInvalidEntryId: null,
          entriesInPeriod: 4,
          lastEntryInPeriod: null,
        },
      },
      'department',
    );
    expect(packet.appointments.map((a) => a.appointmentId)).toEqual(['a-2', 'a-1']);
    expect(packet.training.records.map((t) => t.trainingRecordId)).toEqual(['t-2', 't-1']);
    expect(packet.summary).toMatchObject({
      eltpaAppointments: 2,
      appointmentsFlagged: 1,
      trainingRecords: 2,
      trainingHoursWithoutVerification: 8,
      auditChainVerified: true,
    });
    expect(packet.training.verifiedHours).toBe(4.5);
    expect(packet.training.byVerifier).toEqual([
      { verifiedBy: '(no verifier on record)', records: 1, hours: 8 },
      { verifiedBy: 'Pat Coordinator', records: 1, hours: 4.5 },
    ]);
    expect(packet.employeeIndex).toEqual([
      { employee, sections: [1] },
      { employee: other, sections: [3] },
    ]);
    expect(packet.header.fiscalYears).toEqual(['2023-24', '2024-25', '2025-26']);
  });
});
