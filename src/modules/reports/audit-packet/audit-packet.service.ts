import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../../common/auth/auth-user';
import { readableDepartmentId } from '../../../common/auth/department-scope';
import { DomainError } from '../../../common/errors/domain-error';
import { AuditService } from '../../audit/audit.service';
import { EligibilityFactsLoader } from '../../eligibility/eligibility-facts.loader';
import { EligibilityService } from '../../eligibility/eligibility.service';
import { InvalidEmployeeFactsError } from '../../eligibility/employee-facts';
import { evaluateEligibility } from '../../eligibility/evaluate-eligibility.rule';
import { PROGRAM_TIME_ZONE, programToday } from '../../program-calendar/program-date';
import { AnnualReportService } from '../annual-report.service';
import { renderJson, sha256Hex } from '../report-figures.rule';
import { REPORT_FILE_TYPES } from '../report-file.response';
import type { ReportFileResponse } from '../report-file.response';
import { renderAuditPacketPdf } from './audit-packet.pdf';
import {
  appointmentAudit,
  buildAuditPacket,
  defaultAuditPeriod,
  evaluationDateFor,
  fiscalYearsOf,
  packetEmployee,
  planDecisionAudit,
  tdAssignmentAudit,
} from './audit-packet.rule';
import type {
  AppointmentEvaluation,
  AppointmentFacts,
  EmployeeIdentity,
  PlanDecisionFacts,
  TdAssignmentFacts,
} from './audit-packet.rule';
import type {
  AuditPacketAudience,
  AuditPacketData,
  AuditPacketFormat,
  CertifiedReportAudit,
  IntegritySection,
  TrainingTrailEntry,
} from './audit-packet.types';
import { renderAuditPacketXlsx } from './audit-packet.xlsx';

/** The calendar date of a timestamp column in California. */
const CA_DATE = (column: string) => `(${column} AT TIME ZONE '${PROGRAM_TIME_ZONE}')::date`;

/** The fiscal year (`2024-25`) of a date column, in SQL. */
const FISCAL_YEAR_OF = (column: string) =>
  `(extract(year from ${column} + interval '6 months')::int - 1)::text || '-' ||
   lpad((extract(year from ${column} + interval '6 months')::int % 100)::text, 2, '0')`;

/** Changes of a certified report listed in the packet (the count says how many there are). */
const CHANGES_LISTED = 25;

export interface AuditPacketRequest {
  departmentId: string;
  from?: string;
  to?: string;
  audience?: AuditPacketAudience;
}

/**
 * The State Personnel Board compliance audit packet. Read in one REPEATABLE READ snapshot, so
 * its sections agree; generating it is audited (with the rendering's hash), since it discloses
 * records of many employees at once.
 */
@Injectable()
export class AuditPacketService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly eligibility: EligibilityService,
    private readonly facts: EligibilityFactsLoader,
    private readonly annualReports: AnnualReportService,
  ) {}

  async generate(
    request: AuditPacketRequest,
    format: AuditPacketFormat,
    actor: Actor,
  ): Promise<ReportFileResponse & { data: AuditPacketData }> {
    const audience = audienceFor(actor, request.audience);
    const period = periodOf(request.from, request.to);
    const scope = readableDepartmentId(actor.user);
    if (scope !== null && scope !== request.departmentId) throw DomainError.notFound('Department');
    const data = await this.build(request.departmentId, period.from, period.to, audience);
    const content = await render(data, format);
    const sha256 = sha256Hex(content);
    await this.dataSource.transaction(async (manager) => {
      await this.audit.record(manager, actor, {
        action: 'AUDIT_PACKET_GENERATE',
        entityType: 'department',
        entityId: request.departmentId,
        departmentId: request.departmentId,
        changes: { from: period.from, to: period.to, audience, format, sha256 },
      });
    });
    const code = data.header.departmentCode.replace(/[^A-Za-z0-9_-]/g, '_');
    return {
      data,
      content,
      sha256,
      contentType: REPORT_FILE_TYPES[format],
      fileName: `um-audit-packet-${code}-${period.from}-to-${period.to}-${audience}.${format}`,
    };
  }

  async build(
    departmentId: string,
    from: string,
    to: string,
    audience: AuditPacketAudience,
  ): Promise<AuditPacketData> {
    const integrity = await this.integrity(departmentId, from, to);
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const departments: { code: string; name: string }[] = await manager.query(
        'SELECT code, name FROM departments WHERE id = $1',
        [departmentId],
      );
      if (departments.length === 0) throw DomainError.notFound('Department');
      const identities = new Map<string, EmployeeIdentity>();
      const person = (employeeId: string) =>
        packetEmployee(employeeId, identities.get(employeeId), audience);
      const appointments = await this.appointmentFacts(manager, departmentId, from, to);
      const assignments = await this.tdAssignmentFacts(manager, departmentId, from, to);
      const training = await this.trainingTrail(manager, departmentId, from, to);
      const decisions = await this.planDecisions(manager, departmentId, from, to);
      const ids = new Set([
        ...appointments.map((a) => a.employeeId),
        ...assignments.map((a) => a.employeeId),
        ...training.map((t) => t.employeeId),
        ...decisions.map((d) => d.employeeId),
      ]);
      for (const identity of await this.identities(manager, [...ids])) {
        identities.set(identity.id, identity);
      }
      const evaluated = [];
      for (const appointment of appointments) {
        evaluated.push(
          appointmentAudit(
            appointment,
            person(appointment.employeeId),
            await this.evaluate(manager, appointment),
          ),
        );
      }
      const today = programToday();
      return {
        department: departments[0],
        appointments: evaluated,
        tdAssignments: assignments
          .filter((a) => a.startDate <= to && (a.actualEndDate ?? a.plannedEndDate) >= from)
          .map((a) => tdAssignmentAudit(a, assignments, person(a.employeeId), today)),
        training: training.map(({ employeeId, ...entry }) => ({
          ...entry,
          employee: person(employeeId),
        })),
        planDecisions: decisions.map((d) => planDecisionAudit(d, person(d.employeeId))),
        certified: await this.certifiedVersions(manager, departmentId, from, to, audience),
      };
    });
    const certifiedReports: CertifiedReportAudit[] = [];
    for (const version of read.certified) {
      const changes = await this.annualReports.changesSinceCertification(
        departmentId,
        version.fiscalYear,
        version.version,
        audience,
      );
      certifiedReports.push({
        ...version,
        changedFigures: changes.length,
        changes: changes
          .slice(0, CHANGES_LISTED)
          .map((change) => ({ path: change.path, from: change.old, to: change.new })),
      });
    }
    return buildAuditPacket(
      {
        department: read.department,
        periodStart: from,
        periodEnd: to,
        generatedAt: new Date().toISOString(),
        appointments: read.appointments,
        tdAssignments: read.tdAssignments,
        training: read.training,
        planDecisions: read.planDecisions,
        certifiedReports,
        integrity,
      },
      audience,
    );
  }

  // ---- 1. Appointments into ELTPA classes ----

  private appointmentFacts(
    manager: EntityManager,
    departmentId: string,
    from: string,
    to: string,
  ): Promise<AppointmentFacts[]> {
    return manager
      .query<
        (Omit<AppointmentFacts, 'from' | 'to'> & {
          fromCode: string | null;
          fromTitle: string | null;
          toCode: string;
          toTitle: string;
        })[]
      >(
        `SELECT a.id AS "appointmentId", a.employee_id AS "employeeId",
                a.effective_date::text AS "effectiveDate", a.type AS "appointmentType",
                a.is_upward_mobility_move AS "isUpwardMobilityMove",
                fc.class_code AS "fromCode", fc.title AS "fromTitle",
                tc.class_code AS "toCode", tc.title AS "toTitle"
           FROM appointments a
           JOIN classifications tc ON tc.id = a.to_classification_id
           LEFT JOIN classifications fc ON fc.id = a.from_classification_id
          WHERE a.department_id = $1 AND a.effective_date BETWEEN $2 AND $3
            AND (a.to_designation = 'ELTPA' OR EXISTS (
                  SELECT 1 FROM um_designations d
                   WHERE d.department_id = a.department_id
                     AND d.classification_id = a.to_classification_id
                     AND d.designation = 'ELTPA'
                     AND d.fiscal_year = ${FISCAL_YEAR_OF('a.effective_date')}))
          ORDER BY a.effective_date, a.id`,
        [departmentId, from, to],
      )
      .then((rows) =>
        rows.map(({ fromCode, fromTitle, toCode, toTitle, ...row }) => ({
          ...row,
          from: fromCode === null ? null : { classCode: fromCode, title: fromTitle ?? '' },
          to: { classCode: toCode, title: toTitle },
        })),
      );
  }

  /** The appointee's records on the day before, against the class's rules in force that day. */
  private async evaluate(
    manager: EntityManager,
    appointment: AppointmentFacts,
  ): Promise<AppointmentEvaluation> {
    let target;
    try {
      target = await this.eligibility.targetRuleSet(
        manager,
        appointment.to.classCode,
        appointment.effectiveDate,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') {
        return {
          ruleSet: null,
          result: null,
          problem: `No minimum qualifications of class ${appointment.to.classCode} are on record for ${appointment.effectiveDate}`,
        };
      }
      throw error;
    }
    const ruleSet = {
      id: target.record.id,
      effectiveFrom: target.record.effectiveFrom,
      illustrative: target.record.illustrative,
    };
    const asOf = evaluationDateFor(appointment.effectiveDate);
    const loaded = await this.facts.forEmployee(manager, appointment.employeeId, asOf);
    if (!loaded) return { ruleSet, result: null, problem: 'The employee record is missing' };
    try {
      return { ruleSet, result: evaluateEligibility(loaded.facts, target.ruleSet, asOf), problem: null };
    } catch (error) {
      if (error instanceof InvalidEmployeeFactsError) {
        return {
          ruleSet,
          result: null,
          problem: `The employee's records cannot be evaluated: ${error.problems
            .map((problem) => `${problem.path}: ${problem.message}`)
            .join('; ')}`,
        };
      }
      throw error;
    }
  }

  // ---- 2. T&D assignments (with every assignment of the same employees, for the windows) ----

  private tdAssignmentFacts(
    manager: EntityManager,
    departmentId: string,
    from: string,
    to: string,
  ): Promise<TdAssignmentFacts[]> {
    return manager
      .query<(Omit<TdAssignmentFacts, 'workClass'> & { classCode: string; title: string })[]>(
        `WITH concerned AS (
           SELECT DISTINCT employee_id FROM td_assignments
            WHERE department_id = $1 AND start_date <= $3
              AND COALESCE(actual_end_date, planned_end_date) >= $2)
         SELECT t.id AS "assignmentId", t.employee_id AS "employeeId", t.host_unit AS "hostUnit",
                c.class_code AS "classCode", c.title, t.start_date::text AS "startDate",
                t.planned_end_date::text AS "plannedEndDate",
                t.actual_end_date::text AS "actualEndDate",
                t.time_base_fraction::float8 AS "timeBaseFraction",
                t.early_end_requested_on::text AS "earlyEndRequestedOn"
           FROM td_assignments t JOIN classifications c ON c.id = t.work_classification_id
          WHERE t.employee_id IN (SELECT employee_id FROM concerned)
          ORDER BY t.start_date, t.id`,
        [departmentId, from, to],
      )
      .then((rows) =>
        rows.map(({ classCode, title, ...row }) => ({ ...row, workClass: { classCode, title } })),
      );
  }

  // ---- 3. Training verification trail ----

  private async trainingTrail(
    manager: EntityManager,
    departmentId: string,
    from: string,
    to: string,
  ): Promise<(Omit<TrainingTrailEntry, 'employee'> & { employeeId: string })[]> {
    const rows: (Omit<TrainingTrailEntry, 'employee' | 'flagged'> & { employeeId: string })[] =
      await manager.query(
        `SELECT t.id AS "trainingRecordId", t.employee_id AS "employeeId", t.title, t.kind,
                t.hours::float8 AS hours, t.completion_date::text AS "completionDate",
                t.fiscal_year AS "fiscalYear", u.display_name AS "verifiedBy",
                to_char(t.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "verifiedAt",
                COALESCE((SELECT json_agg(json_build_object('fileName', f.file_name, 'sha256', f.sha256)
                                          ORDER BY f.uploaded_at, f.id)
                            FROM training_evidence_files f WHERE f.training_record_id = t.id), '[]') AS evidence
           FROM training_records t LEFT JOIN users u ON u.id = t.verified_by
          WHERE t.department_id = $1 AND t.status = 'VERIFIED'
            AND t.completion_date BETWEEN $2 AND $3
          ORDER BY t.completion_date, t.id`,
        [departmentId, from, to],
      );
    return rows.map((row) => ({
      ...row,
      fiscalYear: row.fiscalYear.trim(),
      flagged: row.verifiedBy === null || row.verifiedAt === null,
    }));
  }

  // ---- 4. Plan decisions, with each employee's supervisory chain ----

  private async planDecisions(
    manager: EntityManager,
    departmentId: string,
    from: string,
    to: string,
  ): Promise<PlanDecisionFacts[]> {
    const rows: Omit<PlanDecisionFacts, 'supervisoryChain'>[] = await manager.query(
      `SELECT p.id AS "planId", p.employee_id AS "employeeId", p.department_id AS "planDepartmentId",
              e.action, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
              u.display_name AS "decidedBy", u.role AS "decidedByRole",
              u.department_id AS "decidedByDepartmentId", u.employee_id AS "decidedByEmployeeId",
              e.actor_relation AS "recordedRelation", e.comment
         FROM career_plan_events e
         JOIN career_plans p ON p.id = e.plan_id
         JOIN users u ON u.id = e.actor_user_id
        WHERE p.department_id = $1 AND e.action IN ('APPROVE', 'RETURN')
          AND ${CA_DATE('e.occurred_at')} BETWEEN $2 AND $3
        ORDER BY e.occurred_at, e.id`,
      [departmentId, from, to],
    );
    const chains = await this.supervisoryChains(manager, [...new Set(rows.map((r) => r.employeeId))]);
    return rows.map((row) => ({ ...row, supervisoryChain: chains.get(row.employeeId) ?? [] }));
  }

  /** Each employee's supervisors as recorded now, nearest first (cycles stop the walk). */
  private async supervisoryChains(
    manager: EntityManager,
    employeeIds: string[],
  ): Promise<Map<string, string[]>> {
    if (employeeIds.length === 0) return new Map();
    const rows: { employeeId: string; supervisorId: string }[] = await manager.query(
      `WITH RECURSIVE chain(employee_id, supervisor_id, depth, path) AS (
         SELECT e.id, e.supervisor_id, 1, ARRAY[e.id]
           FROM employees e WHERE e.id = ANY($1::uuid[]) AND e.supervisor_id IS NOT NULL
         UNION ALL
         SELECT c.employee_id, s.supervisor_id, c.depth + 1, c.path || s.id
           FROM chain c JOIN employees s ON s.id = c.supervisor_id
          WHERE s.supervisor_id IS NOT NULL AND NOT s.id = ANY(c.path) AND c.depth < 50)
       SELECT employee_id AS "employeeId", supervisor_id AS "supervisorId"
         FROM chain ORDER BY employee_id, depth`,
      [employeeIds],
    );
    const chains = new Map<string, string[]>();
    for (const row of rows) {
      const chain = chains.get(row.employeeId) ?? [];
      chain.push(row.supervisorId);
      chains.set(row.employeeId, chain);
    }
    return chains;
  }

  // ---- 5. Certified annual reports: of the period's fiscal years, or certified in it (the
  // report of the last year is certified after the year ends) ----

  private async certifiedVersions(
    manager: EntityManager,
    departmentId: string,
    from: string,
    to: string,
    audience: AuditPacketAudience,
  ): Promise<Omit<CertifiedReportAudit, 'changedFigures' | 'changes'>[]> {
    const rows: {
      id: string;
      fiscalYear: string;
      version: number;
      certifiedAt: string;
      certifiedBy: string;
      files: Record<string, string> | null;
    }[] = await manager.query(
      `SELECT v.id, v.fiscal_year AS "fiscalYear", v.version,
              to_char(v.certified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "certifiedAt",
              u.display_name AS "certifiedBy",
              (SELECT json_object_agg(f.format, f.sha256 ORDER BY f.format)
                 FROM report_files f WHERE f.report_version_id = v.id AND f.audience = $4) AS files
         FROM report_versions v JOIN users u ON u.id = v.certified_by
        WHERE v.department_id = $1 AND v.kind = 'ANNUAL'
          AND (v.fiscal_year = ANY($5::text[]) OR ${CA_DATE('v.certified_at')} BETWEEN $2 AND $3)
        ORDER BY v.certified_at, v.version`,
      [departmentId, from, to, audience, fiscalYearsOf(from, to)],
    );
    return rows.map((row) => ({
      fiscalYear: row.fiscalYear.trim(),
      version: row.version,
      certifiedAt: row.certifiedAt,
      certifiedBy: row.certifiedBy,
      sha256: Object.fromEntries(
        Object.entries(row.files ?? {}).map(([format, hash]) => [format, hash.trim()]),
      ),
    }));
  }

  // ---- 6. Integrity ----

  private async integrity(departmentId: string, from: string, to: string): Promise<IntegritySection> {
    const verdict = await this.audit.verify();
    const rows: { count: number; id: string | null; hash: string | null; occurredAt: string | null }[] =
      await this.dataSource.query(
        `SELECT (SELECT count(*)::int FROM audit_log
                  WHERE department_id = $1 AND ${CA_DATE('occurred_at')} BETWEEN $2 AND $3) AS count,
                last.id::text AS id, last.hash,
                to_char(last.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt"
           FROM (SELECT 1) one
           LEFT JOIN LATERAL (
             SELECT id, hash, occurred_at FROM audit_log
              WHERE department_id = $1 AND ${CA_DATE('occurred_at')} BETWEEN $2 AND $3
              ORDER BY id DESC LIMIT 1) last ON true`,
        [departmentId, from, to],
      );
    const row = rows[0];
    return {
      chainVerified: verdict.ok,
      chainEntries: verdict.count,
      headHash: verdict.ok ? verdict.headHash : null,
      firstInvalidEntryId: verdict.ok ? null : verdict.firstInvalidId,
      entriesInPeriod: row.count,
      lastEntryInPeriod:
        row.id === null || row.hash === null || row.occurredAt === null
          ? null
          : { id: row.id, hash: row.hash, occurredAt: row.occurredAt },
    };
  }

  private identities(manager: EntityManager, ids: string[]): Promise<EmployeeIdentity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, employee_number AS "employeeNumber", (first_name || ' ' || last_name) AS name
         FROM employees WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}

/** Auditors receive the oversight edition (references only); others what they ask for. */
function audienceFor(actor: Actor, requested: AuditPacketAudience | undefined): AuditPacketAudience {
  if (actor.user.role === 'AUDITOR') {
    if (requested === 'department') {
      throw new DomainError(
        'FORBIDDEN',
        'Auditors receive the oversight edition: employees by reference only',
      );
    }
    return 'oversight';
  }
  return requested ?? 'department';
}

function periodOf(from: string | undefined, to: string | undefined): { from: string; to: string } {
  const fallback = defaultAuditPeriod(programToday());
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  if (period.from > period.to) {
    throw DomainError.validation([{ field: 'query.to', message: 'must not be before from' }]);
  }
  return period;
}

async function render(data: AuditPacketData, format: AuditPacketFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return renderJson(data);
    case 'pdf':
      return renderAuditPacketPdf(data, { dataSha256: sha256Hex(renderJson(data)) });
    case 'xlsx':
      return renderAuditPacketXlsx(data);
  }
}
