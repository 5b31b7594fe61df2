import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { In } from 'typeorm';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { readableDepartmentId } from '../../common/auth/department-scope';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page, PageQueryDto } from '../../common/http/pagination';
import { diffForAudit } from '../audit/audit-changes.rule';
import { AuditService } from '../audit/audit.service';
import { programToday } from '../program-calendar/program-date';
import { buildAnnualReport, FiscalYearNotStartedError, reportPeriod } from './annual-report.builder';
import type { AnnualReportRaw, ReportPeriod } from './annual-report.builder';
import { AnnualReportQueries } from './annual-report.queries';
import { EligibilityPipeline } from './eligibility-pipeline.service';
import type { DepartmentRow } from './annual-report.queries';
import { ANNUAL_REPORT_SCHEMA_VERSION, REPORT_AUDIENCES, REPORT_FORMATS } from './annual-report.types';
import type { AnnualReportData, ReportAudience, ReportFormat } from './annual-report.types';
import { diffFigures, renderCsv, renderJson, sha256Hex } from './report-figures.rule';
import type { FigureChange } from './report-figures.rule';
import { ReportFile } from './report-file.entity';
import { REPORT_FILE_TYPES } from './report-file.response';
import { fiscalYearParam } from './report-params';
import { ReportVersion } from './report-version.entity';
import { renderAnnualReportPdf } from './rendering/annual-report.pdf';
import { renderAnnualReportXlsx } from './rendering/annual-report.xlsx';

/** Advisory lock class for numbering certified versions (the key is department + year). */
const REPORT_VERSION_LOCK = 0x554d5256;

/** Header fields that differ between any two renderings: not figures that "moved". */
const VOLATILE_PATHS = new Set([
  'header.generatedAt',
  'header.status',
  'header.version',
  'header.certifiedAt',
  'header.certifiedByName',
]);

export interface RenderedReport {
  content: Buffer;
  sha256: string;
  contentType: string;
  fileName: string;
}

export interface ReportFileSummary {
  format: ReportFormat;
  audience: ReportAudience;
  sha256: string;
  bytes: number;
}

export interface ReportVersionSummary {
  id: string;
  departmentId: string;
  kind: string;
  fiscalYear: string;
  version: number;
  status: string;
  schemaVersion: number;
  smallCellThreshold: number;
  certifiedBy: string;
  certifiedAt: Date;
  /** Files the caller may download (AUDITOR: the oversight ones). */
  files: ReportFileSummary[];
}

export interface ReportDiff {
  fiscalYear: string;
  version: number;
  against: string;
  audience: ReportAudience;
  changes: FigureChange[];
}

/** One rendering of the report. The PDF's footer carries the hash of the JSON of the same
 * audience, so a reader of the paper copy can check it against the data file. */
export async function render(data: AnnualReportData, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'json':
      return renderJson(data);
    case 'csv':
      return renderCsv(data);
    case 'pdf':
      return renderAnnualReportPdf(data, { dataSha256: sha256Hex(renderJson(data)) });
    case 'xlsx':
      return renderAnnualReportXlsx(data);
  }
}

function fileName(
  departmentCode: string,
  fiscalYear: string,
  version: number | null,
  audience: ReportAudience,
  format: ReportFormat,
): string {
  const safeCode = departmentCode.replace(/[^A-Za-z0-9_-]/g, '_');
  const label = version === null ? 'draft' : `v${version}`;
  return `um-annual-report-${safeCode}-${fiscalYear}-${label}-${audience}.${format}`;
}

function fiscalYearPeriod(fiscalYear: string, today: string): ReportPeriod {
  try {
    return reportPeriod(fiscalYear, today);
  } catch (error) {
    const message =
      error instanceof FiscalYearNotStartedError
        ? 'has not started yet: there is nothing to report'
        : error instanceof Error
          ? error.message
          : 'must look like 2025-26';
    throw DomainError.validation([{ field: 'path.fiscalYear', message }]);
  }
}

/**
 * Auditors only ever receive the oversight audience (small cells hidden); asking for the
 * department's is refused. Everyone else gets what they ask for, the department's by default.
 */
export function audienceFor(actor: Actor, requested: ReportAudience | undefined): ReportAudience {
  if (actor.user.role === 'AUDITOR') {
    if (requested === 'department') {
      throw new DomainError(
        'FORBIDDEN',
        'Auditors receive the oversight audience only (small counts suppressed)',
      );
    }
    return 'oversight';
  }
  return requested ?? 'department';
}

/**
 * The annual Upward Mobility Program report (Gov Code 19402): live drafts, certification into
 * frozen versions, downloads and comparisons.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly queries: AnnualReportQueries,
    private readonly pipeline: EligibilityPipeline,
  ) {}

  /** The report computed now from live data; nothing is stored or audited. */
  async draft(
    departmentId: string,
    fiscalYear: string,
    format: ReportFormat,
    audience: ReportAudience,
    actor: Actor,
  ): Promise<RenderedReport> {
    const [file] = await this.drafts(departmentId, fiscalYear, [format], audience, actor);
    return file;
  }

  /** Several renderings of one draft: the figures are computed once. */
  async drafts(
    departmentId: string,
    fiscalYear: string,
    formats: readonly ReportFormat[],
    audience: ReportAudience,
    actor: Actor,
  ): Promise<RenderedReport[]> {
    const period = fiscalYearPeriod(fiscalYear, programToday());
    const { data, department } = await this.liveReport(departmentId, period, audience, actor);
    const files: RenderedReport[] = [];
    for (const format of formats) {
      const content = await render(data, format);
      files.push({
        content,
        sha256: sha256Hex(content),
        contentType: REPORT_FILE_TYPES[format],
        fileName: fileName(department.code, fiscalYear, null, audience, format),
      });
    }
    return files;
  }

  /**
   * Freezes the report as the next version: the data and every rendering's bytes, with their
   * SHA-256. Refused (422) while Gov Code 19402's explanation and two-year plan are missing.
   */
  async certify(
    departmentId: string,
    fiscalYear: string,
    actor: Actor,
  ): Promise<ReportVersionSummary> {
    const period = fiscalYearPeriod(fiscalYear, programToday());
    try {
      return await this.dataSource.transaction(async (manager) => {
        const department = await this.visibleDepartment(manager, departmentId, actor);
        // Concurrent certifications of one report take numbers one after the other.
        await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          REPORT_VERSION_LOCK,
          `${departmentId}:${fiscalYear}`,
        ]);
        const latest: { version: number }[] = await manager.query(
          `SELECT COALESCE(max(version), 0)::int AS version FROM report_versions
            WHERE department_id = $1 AND kind = 'ANNUAL' AND fiscal_year = $2`,
          [departmentId, fiscalYear],
        );
        const version = latest[0].version + 1;
        const certifiedAt = new Date();
        const certifier: { name: string }[] = await manager.query(
          'SELECT display_name AS name FROM users WHERE id = $1',
          [actor.user.id],
        );
        const raw = await this.gather(manager, department, period, certifiedAt.toISOString(), {
          version,
          certifiedAt: certifiedAt.toISOString(),
          certifiedByName: certifier[0]?.name ?? actor.user.email,
        });
        const data = buildAnnualReport(raw, 'department');
        if (data.missedGoals.problems.length > 0) {
          throw new DomainError(
            'RULE_VIOLATION',
            `The move goals of ${period.previousFiscalYear} and ${fiscalYear} were both missed: ` +
              `the ${period.nextFiscalYear} goal record must explain why and say what is needed ` +
              'to meet them in the next two fiscal years before the report can be certified ' +
              '(Gov Code 19402)',
            data.missedGoals.problems,
          );
        }
        const renderings = { department: data, oversight: buildAnnualReport(raw, 'oversight') };
        const files: ReportFile[] = [];
        const row = manager.create(ReportVersion, {
          id: randomUUID(),
          departmentId,
          kind: 'ANNUAL',
          fiscalYear,
          version,
          status: 'CERTIFIED',
          schemaVersion: ANNUAL_REPORT_SCHEMA_VERSION,
          data: JSON.parse(renderJson(data).toString('utf8')) as Record<string, unknown>,
          smallCellThreshold: department.smallCellThreshold,
          certifiedBy: actor.user.id,
          certifiedAt,
        });
        await manager.insert(ReportVersion, row as QueryDeepPartialEntity<ReportVersion>);
        for (const audience of REPORT_AUDIENCES) {
          for (const format of REPORT_FORMATS) {
            const content = await render(renderings[audience], format);
            files.push(
              manager.create(ReportFile, {
                id: randomUUID(),
                reportVersionId: row.id,
                audience,
                format,
                content,
                sha256: sha256Hex(content),
                bytes: content.length,
              }),
            );
          }
        }
        await manager.insert(ReportFile, files as QueryDeepPartialEntity<ReportFile>[]);
        const summary = summaryOf(row, files, actor);
        await this.audit.record(manager, actor, {
          action: 'REPORT_CERTIFY',
          entityType: 'report_version',
          entityId: row.id,
          departmentId,
          changes: diffForAudit(
            null,
            {
              kind: 'ANNUAL',
              fiscalYear,
              version,
              status: 'CERTIFIED',
              sha256: Object.fromEntries(
                summary.files.map((file) => [`${file.audience}.${file.format}`, file.sha256]),
              ),
            },
            new Set(),
          ),
        });
        return summary;
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'CONFLICT',
          'Another certification of this report was just recorded: reload the versions',
        );
      }
      throw error;
    }
  }

  async versions(
    departmentId: string,
    fiscalYear: string,
    query: PageQueryDto,
    actor: Actor,
  ): Promise<Page<ReportVersionSummary>> {
    fiscalYearParam(fiscalYear);
    const manager = this.dataSource.manager;
    await this.visibleDepartment(manager, departmentId, actor);
    const where = { departmentId, kind: 'ANNUAL' as const, fiscalYear };
    const repository = manager.getRepository(ReportVersion);
    const [rows, total] = await repository.findAndCount({
      where,
      select: {
        id: true,
        departmentId: true,
        kind: true,
        fiscalYear: true,
        version: true,
        status: true,
        schemaVersion: true,
        smallCellThreshold: true,
        certifiedBy: true,
        certifiedAt: true,
      },
      order: { version: query.order === 'desc' ? 'DESC' : 'ASC' },
      skip: skipFor(query),
      take: query.pageSize,
    });
    const files = await this.fileListing(
      manager,
      rows.map((row) => row.id),
    );
    return pageOf(
      rows.map((row) => summaryOf(row, files.get(row.id) ?? [], actor)),
      total,
      query,
    );
  }

  /** The frozen bytes of one rendering of a certified version; every download is audited. */
  async download(
    departmentId: string,
    fiscalYear: string,
    version: number,
    format: ReportFormat,
    requestedAudience: ReportAudience | undefined,
    actor: Actor,
  ): Promise<RenderedReport> {
    fiscalYearParam(fiscalYear);
    const audience = audienceFor(actor, requestedAudience);
    return this.dataSource.transaction(async (manager) => {
      const department = await this.visibleDepartment(manager, departmentId, actor);
      const row = await this.versionFile(manager, departmentId, fiscalYear, version, audience, format);
      await this.audit.record(manager, actor, {
        action: 'REPORT_DOWNLOAD',
        entityType: 'report_version',
        entityId: row.id,
        departmentId,
        changes: { fiscalYear, version, format, audience, sha256: row.sha256 },
      });
      return {
        content: row.content,
        sha256: row.sha256,
        contentType: REPORT_FILE_TYPES[format],
        fileName: fileName(department.code, fiscalYear, version, audience, format),
      };
    });
  }

  /**
   * Which figures moved from certified `version` to `against` (another version, or the report
   * as it would be computed now), in the caller's audience. Auditors compare certified
   * versions only: they never see a draft.
   */
  async diff(
    departmentId: string,
    fiscalYear: string,
    version: number,
    against: string,
    requestedAudience: ReportAudience | undefined,
    actor: Actor,
  ): Promise<ReportDiff> {
    fiscalYearParam(fiscalYear);
    const audience = audienceFor(actor, requestedAudience);
    if (against === 'current' && actor.user.role === 'AUDITOR') {
      throw new DomainError(
        'FORBIDDEN',
        'Auditors compare certified versions only: the current figures are a draft',
      );
    }
    const manager = this.dataSource.manager;
    await this.visibleDepartment(manager, departmentId, actor);
    const changes =
      against === 'current'
        ? await this.changesSinceCertification(departmentId, fiscalYear, version, audience)
        : diffFigures(
            await this.versionData(manager, departmentId, fiscalYear, version, audience),
            await this.versionData(manager, departmentId, fiscalYear, Number(against), audience),
            (path) => VOLATILE_PATHS.has(path),
          );
    return { fiscalYear, version, against, audience, changes };
  }

  /**
   * Which figures of a certified version today's data would change, in an audience. For callers
   * that have already checked access (the audit packet shows it to auditors as a summary).
   */
  async changesSinceCertification(
    departmentId: string,
    fiscalYear: string,
    version: number,
    audience: ReportAudience,
  ): Promise<FigureChange[]> {
    const manager = this.dataSource.manager;
    const base = await this.versionData(manager, departmentId, fiscalYear, version, audience);
    const period = fiscalYearPeriod(fiscalYear, programToday());
    const current = await this.dataSource.transaction('REPEATABLE READ', async (snapshot) => {
      const department = await this.queries.department(snapshot, departmentId);
      if (!department) throw DomainError.notFound('Department');
      const raw = await this.gather(snapshot, department, period, new Date().toISOString(), null);
      return buildAnnualReport(raw, audience);
    });
    return diffFigures(base, current, (path) => VOLATILE_PATHS.has(path));
  }

  private async versionData(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
    version: number,
    audience: ReportAudience,
  ): Promise<unknown> {
    const file = await this.versionFile(manager, departmentId, fiscalYear, version, audience, 'json');
    return JSON.parse(file.content.toString('utf8'));
  }

  // -------------------------------------------------------------------------------------------

  /** All figures read in one REPEATABLE READ snapshot, so they agree with each other. */
  private async liveReport(
    departmentId: string,
    period: ReportPeriod,
    audience: ReportAudience,
    actor: Actor,
  ): Promise<{ data: AnnualReportData; department: DepartmentRow }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const department = await this.visibleDepartment(manager, departmentId, actor);
      const raw = await this.gatherConcurrently(manager, department, period);
      return { data: buildAnnualReport(raw, audience), department };
    });
  }

  /**
   * The draft's figures with the eligibility pipeline (the longest part) on this connection and
   * the aggregations on a second one that shares its snapshot (`pg_export_snapshot`): the same
   * consistent view as one transaction, in about the time of the longer half.
   */
  private async gatherConcurrently(
    manager: EntityManager,
    department: DepartmentRow,
    period: ReportPeriod,
  ): Promise<AnnualReportRaw> {
    const generatedAt = new Date().toISOString();
    const id = department.id;
    const [{ snapshot }]: { snapshot: string }[] = await manager.query(
      'SELECT pg_export_snapshot() AS snapshot',
    );
    if (!/^[0-9A-Fa-f-]+$/.test(snapshot)) throw new Error(`Unexpected snapshot id ${snapshot}`);
    const aggregations = this.dataSource.transaction('REPEATABLE READ', async (second) => {
      await second.query(`SET TRANSACTION SNAPSHOT '${snapshot}'`);
      return this.aggregates(second, id, period);
    });
    const [figures, pipeline] = await Promise.all([
      aggregations,
      this.measurePipeline(manager, id, period),
    ]);
    return { period, generatedAt, certification: null, department, ...figures, pipeline };
  }

  /** Outside the caller's department: 404, as if it did not exist. */
  private async visibleDepartment(
    manager: EntityManager,
    departmentId: string,
    actor: Actor,
  ): Promise<DepartmentRow> {
    const scope = readableDepartmentId(actor.user);
    if (scope !== null && scope !== departmentId) throw DomainError.notFound('Department');
    const department = await this.queries.department(manager, departmentId);
    if (!department) throw DomainError.notFound('Department');
    return department;
  }

  /** Every figure in the caller's transaction, one query after the other (certification). */
  private async gather(
    manager: EntityManager,
    department: DepartmentRow,
    period: ReportPeriod,
    generatedAt: string,
    certification: AnnualReportRaw['certification'],
  ): Promise<AnnualReportRaw> {
    const figures = await this.aggregates(manager, department.id, period);
    const measured = await this.measurePipeline(manager, department.id, period);
    return { period, generatedAt, certification, department, ...figures, pipeline: measured };
  }

  /** Everything but the pipeline: the report's aggregation queries. */
  private async aggregates(manager: EntityManager, id: string, period: ReportPeriod) {
    return {
      classes: await this.queries.classes(manager, id, period),
      program: await this.queries.programCounts(manager, id, period),
      trainingHoursByKind: await this.queries.trainingHoursByKind(manager, id, period),
      movesByClass: await this.queries.movesByClass(manager, id, period),
      moveTotals: await this.queries.moveTotals(manager, id, period),
      goals: await this.queries.goals(manager, id, period),
      demographics: await this.queries.demographics(manager, id, period),
    };
  }

  private async measurePipeline(
    manager: EntityManager,
    id: string,
    period: ReportPeriod,
  ): Promise<AnnualReportRaw['pipeline']> {
    const targets = await this.queries.eltpaClasses(manager, id, period.fiscalYear);
    return (await this.pipeline.measure(manager, id, period, targets)).entries;
  }


  /** One rendering of one version, its hash checked against the one stored at certification. */
  private async versionFile(
    manager: EntityManager,
    departmentId: string,
    fiscalYear: string,
    version: number,
    audience: ReportAudience,
    format: ReportFormat,
  ): Promise<{ id: string; content: Buffer; sha256: string }> {
    const row = await manager.getRepository(ReportVersion).findOne({
      where: { departmentId, kind: 'ANNUAL', fiscalYear, version },
      select: { id: true },
    });
    if (!row) throw DomainError.notFound('Report version');
    const file = await manager
      .getRepository(ReportFile)
      .findOne({ where: { reportVersionId: row.id, audience, format } });
    if (!file) {
      throw new DomainError(
        'NOT_FOUND',
        `Version ${version} was certified before ${format.toUpperCase()} renderings were stored: ` +
          'certify again for a version that has one',
      );
    }
    if (sha256Hex(file.content) !== file.sha256) {
      throw new Error(`Report version ${row.id} ${audience}/${format}: stored bytes fail their hash`);
    }
    return { id: row.id, content: file.content, sha256: file.sha256 };
  }

  /** Which renderings each version has (without their bytes). */
  private async fileListing(
    manager: EntityManager,
    versionIds: string[],
  ): Promise<Map<string, Pick<ReportFile, 'audience' | 'format' | 'sha256' | 'bytes'>[]>> {
    const listing = new Map<string, Pick<ReportFile, 'audience' | 'format' | 'sha256' | 'bytes'>[]>();
    if (versionIds.length === 0) return listing;
    const files = await manager.getRepository(ReportFile).find({
      where: { reportVersionId: In(versionIds) },
      select: { reportVersionId: true, audience: true, format: true, sha256: true, bytes: true },
    });
    for (const file of files) {
      const list = listing.get(file.reportVersionId) ?? [];
      list.push(file);
      listing.set(file.reportVersionId, list);
    }
    return listing;
  }
}

const FILE_ORDER = REPORT_AUDIENCES.flatMap((audience) =>
  REPORT_FORMATS.map((format) => `${audience}:${format}`),
);

function summaryOf(
  row: ReportVersion,
  files: readonly Pick<ReportFile, 'audience' | 'format' | 'sha256' | 'bytes'>[],
  actor: Actor,
): ReportVersionSummary {
  const visible = files
    .filter((file) => actor.user.role !== 'AUDITOR' || file.audience === 'oversight')
    .sort(
      (a, b) =>
        FILE_ORDER.indexOf(`${a.audience}:${a.format}`) -
        FILE_ORDER.indexOf(`${b.audience}:${b.format}`),
    );
  return {
    id: row.id,
    departmentId: row.departmentId,
    kind: row.kind,
    fiscalYear: row.fiscalYear.trim(),
    version: row.version,
    status: row.status,
    schemaVersion: row.schemaVersion,
    smallCellThreshold: row.smallCellThreshold,
    certifiedBy: row.certifiedBy,
    certifiedAt: row.certifiedAt,
    files: visible.map(({ audience, format, sha256, bytes }) => ({
      format,
      audience,
      sha256: sha256.trim(),
      bytes,
    })),
  };
}
