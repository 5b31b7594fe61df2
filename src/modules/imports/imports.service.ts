import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import type { QueryRunner } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import { isUniqueViolation } from '../../common/errors/database-errors';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, skipFor } from '../../common/http/pagination';
import type { Page } from '../../common/http/pagination';
import type { AuditRecord } from '../audit/audit.service';
import { AuditService } from '../audit/audit.service';
import { Department } from '../departments/department.entity';
import { CopyWriter } from '../../database/copy-writer';
import type { ImportProblem } from './import-cells.rule';
import { FORMAT_SNIFF_BYTES, formatOfUpload } from './import-file.rule';
import type { ImportFormat } from './import-file.rule';
import { analyseHeader, rowCells } from './import-header.rule';
import type { ImportHeader } from './import-header.rule';
import type { ImportCounts, ImportJob, ImportJobContext, ProblemBatch } from './import-job';
import type { ImportKind } from './import-layout';
import { ImportFileError, readImportRows } from './import-reader';
import { ImportRun, STORED_PROBLEM_LIMIT } from './import-run.entity';
import type { ImportRunStatus } from './import-run.entity';
import type { ImportRunQueryDto } from './imports.dto';
import { RosterImportJob } from './roster-import';
import { TrainingImportJob } from './training-import';

/** A response lists at most this many problems (a run stores STORED_PROBLEM_LIMIT). */
export const RESPONSE_PROBLEM_LIMIT = 10_000;

export interface ImportInput {
  kind: ImportKind;
  /** As asked for (`?departmentId=`); resolved against the caller's scope. */
  departmentId: string | undefined;
  dryRun: boolean;
  /** The file on disk (an upload's temporary file, or the command line's argument). */
  filePath: string;
  fileName: string;
}

export interface ImportOutcome {
  run: ImportRun;
  /** The first RESPONSE_PROBLEM_LIMIT problems by row (`run.problemCount` has them all). */
  problems: ImportProblem[];
  /** The file could not be read at all (not UTF-8, broken quoting, no header...). */
  unreadable: boolean;
}

export type ImportProgress = (step: string, done: number, total?: number) => void;

/** Two-key advisory locks (a key space apart from the audit chain's one-key lock). */
const IMPORT_LOCK_CLASS = 0x494d5054;
const READ_PROGRESS_EVERY = 5000;
const IMPORT_WORK_MEM = '64MB';

function jobFor(kind: ImportKind): ImportJob {
  return kind === 'roster' ? new RosterImportJob() : new TrainingImportJob();
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(filePath), hash);
  return hash.digest('hex');
}

async function headOf(filePath: string): Promise<{ head: Buffer; size: number }> {
  const handle = await fs.promises.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(FORMAT_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, FORMAT_SNIFF_BYTES, 0);
    return { head: head.subarray(0, bytesRead), size };
  } finally {
    await handle.close();
  }
}

/** Problems in row order, then in the layout's column order. */
function sortProblems(problems: ImportProblem[], columnOrder: readonly string[]): ImportProblem[] {
  const position = (column: string | null) => {
    const index = column === null ? -1 : columnOrder.indexOf(column);
    return index === -1 ? columnOrder.length : index;
  };
  return problems.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) ||
      position(a.column) - position(b.column) ||
      a.message.localeCompare(b.message),
  );
}

/** Keeps the first `limit` problems met while counting them all. */
class ProblemList {
  readonly items: ImportProblem[] = [];
  total = 0;

  constructor(private readonly limit: number) {}

  add(problem: ImportProblem): void {
    this.total += 1;
    if (this.items.length < this.limit) this.items.push(problem);
  }

  addBatch(batch: ProblemBatch): void {
    this.total += batch.total;
    this.items.push(...batch.problems);
  }
}

interface ReadSummary {
  header: ImportHeader;
  rowCount: number;
  /** Rows refused by their own cells that could not even be staged (no usable key). */
  unstagedRejected: number;
}

/**
 * Bulk import of the payroll roster and of training records (CSV or XLSX), for one department.
 * The file is streamed into a temporary staging table with COPY, checked row by row and then
 * set-based, and, when it is clean and not a dry run, applied with set-based SQL and audited,
 * all in one transaction: a file with any problem writes nothing. Every run is recorded in
 * `import_runs` (outside that transaction, so refused and failed runs are kept too).
 */
/** Advisory lock class held by an import while it is applied (the key is the run's id). */
const IMPORT_RUN_LOCK = 0x494d5052;

@Injectable()
export class ImportsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * A run left RUNNING by a crash wrote nothing (its transaction died with it): mark it FAILED.
   * A live run holds its lock, so other instances sharing the database leave it alone.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_runs SET status = 'FAILED', finished_at = now()
        WHERE status = 'RUNNING' AND pg_try_advisory_xact_lock($1, hashtext(id::text))`,
      [IMPORT_RUN_LOCK],
    );
  }

  /**
   * The department an import writes to: a COORDINATOR's own (another one is 404, as anywhere
   * else outside their scope); ADMIN names it.
   */
  async resolveDepartment(requested: string | undefined, actor: Actor): Promise<string> {
    const { user } = actor;
    if (requested !== undefined && !isUUID(requested)) {
      throw DomainError.validation([{ field: 'query.departmentId', message: 'must be a UUID' }]);
    }
    if (user.role === 'COORDINATOR') {
      if (!user.departmentId) throw new DomainError('FORBIDDEN', 'No department assigned');
      if (requested !== undefined && requested !== user.departmentId) {
        throw DomainError.notFound('Department');
      }
      return user.departmentId;
    }
    if (user.role !== 'ADMIN') {
      throw new DomainError('FORBIDDEN', 'Imports are for ADMIN and COORDINATOR');
    }
    if (requested === undefined) {
      throw DomainError.validation([
        { field: 'query.departmentId', message: 'is required for ADMIN' },
      ]);
    }
    if (!(await this.dataSource.getRepository(Department).existsBy({ id: requested }))) {
      throw DomainError.notFound('Department');
    }
    return requested;
  }

  async run(
    input: ImportInput,
    actor: Actor,
    progress: ImportProgress = () => undefined,
  ): Promise<ImportOutcome> {
    const departmentId = await this.resolveDepartment(input.departmentId, actor);
    const { head, size } = await headOf(input.filePath);
    const verdict = formatOfUpload(input.fileName, head, size);
    if (!verdict.ok) {
      if (verdict.reason === 'EMPTY') {
        throw DomainError.validation(
          [{ field: 'file', message: verdict.message }],
          'The file is empty',
        );
      }
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Import files are CSV (UTF-8) or XLSX workbooks',
        [{ field: 'file', message: verdict.message }],
        { allowed: ['.csv', '.xlsx'] },
      );
    }

    const runs = this.dataSource.getRepository(ImportRun);
    const run = await runs.save(
      runs.create({
        departmentId,
        kind: input.kind,
        dryRun: input.dryRun,
        fileName: input.fileName.slice(0, 255),
        fileSha256: await sha256OfFile(input.filePath),
        fileBytes: String(size),
        format: verdict.format,
        status: 'RUNNING',
        problems: [],
        createdBy: actor.user.id,
        requestId: actor.requestId || null,
        finishedAt: null,
      }),
    );

    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction();
      // Held while the run is applied: at start-up, a RUNNING run whose lock is free was cut off.
      await queryRunner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        IMPORT_RUN_LOCK,
        run.id,
      ]);
      return await this.execute(queryRunner, run, input, verdict.format, actor, progress);
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      await this.finish(run, 'FAILED', { problems: [], problemCount: 0 }).catch(() => undefined);
      if (isUniqueViolation(error)) {
        throw new DomainError(
          'CONFLICT',
          'Records were added to the department while the file was imported: import it again',
        );
      }
      if (!(error instanceof DomainError)) {
        this.logger.error({ err: error, importRunId: run.id }, 'Import failed');
      }
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  private async execute(
    queryRunner: QueryRunner,
    run: ImportRun,
    input: ImportInput,
    format: ImportFormat,
    actor: Actor,
    progress: ImportProgress,
  ): Promise<ImportOutcome> {
    const job = jobFor(input.kind);
    // Room for the joins and sorts over the whole file, for this transaction only.
    await queryRunner.query(`SET LOCAL work_mem = '${IMPORT_WORK_MEM}'`);
    if (!input.dryRun) {
      // One import at a time per department and kind: the second waits for the first.
      await queryRunner.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        IMPORT_LOCK_CLASS,
        `${run.departmentId}:${input.kind}`,
      ]);
    }
    const problems = new ProblemList(RESPONSE_PROBLEM_LIMIT);
    let read: ReadSummary;
    try {
      read = await this.load(queryRunner, job, input, format, problems, progress);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      await queryRunner.rollbackTransaction();
      const problem: ImportProblem = {
        row: error.row,
        column: null,
        value: null,
        message: error.message,
      };
      const saved = await this.finish(run, 'REJECTED', { problems: [problem], problemCount: 1 });
      return { run: saved, problems: [problem], unreadable: true };
    }

    const context: ImportJobContext = {
      queryRunner,
      departmentId: run.departmentId,
      present: read.header.present,
      actor,
      problemLimit: RESPONSE_PROBLEM_LIMIT,
    };
    progress('checking', read.rowCount, read.rowCount);
    await job.afterLoad(context);
    for (const batch of await job.findProblems(context)) problems.addBatch(batch);
    const sorted = sortProblems(problems.items, job.columnOrder).slice(0, RESPONSE_PROBLEM_LIMIT);
    const rejected = read.unstagedRejected + (await this.rejectedStagedRows(queryRunner, job));

    // What a clean file does (or, in a dry run, would do); with problems nothing is classified.
    const counts: ImportCounts =
      problems.total === 0
        ? { ...(await job.classify(context)), rejected }
        : { created: 0, updated: 0, unchanged: 0, rejected };
    const outcome = {
      rowCount: read.rowCount,
      counts,
      problems: sorted,
      problemCount: problems.total,
    };
    if (problems.total > 0 || input.dryRun) {
      await queryRunner.rollbackTransaction();
      const status: ImportRunStatus = problems.total > 0 ? 'REJECTED' : 'VALIDATED';
      const saved = await this.finish(run, status, outcome);
      return { run: saved, problems: sorted, unreadable: false };
    }

    progress('writing', 0, counts.created + counts.updated);
    await job.apply(
      context,
      counts,
      (records) => this.audit.record(queryRunner.manager, actor, records),
      (step, done, total) => progress(step, done, total),
    );
    // A file that changed nothing leaves the audit trail as it was (the run itself is recorded).
    if (counts.created + counts.updated > 0) {
      const importAudit: AuditRecord = {
        action: 'IMPORT',
        entityType: 'import_run',
        entityId: run.id,
        departmentId: run.departmentId,
        changes: {
          kind: run.kind,
          fileName: run.fileName,
          fileSha256: run.fileSha256,
          rows: read.rowCount,
          created: counts.created,
          updated: counts.updated,
          unchanged: counts.unchanged,
        },
      };
      await this.audit.record(queryRunner.manager, actor, importAudit);
    }
    const saved = await this.finish(run, 'APPLIED', outcome, queryRunner);
    await queryRunner.commitTransaction();
    return { run: saved, problems: [], unreadable: false };
  }

  /** Streams the file into the staging table, checking each row's own cells on the way. */
  private async load(
    queryRunner: QueryRunner,
    job: ImportJob,
    input: ImportInput,
    format: ImportFormat,
    problems: ProblemList,
    progress: ImportProgress,
  ): Promise<ReadSummary> {
    await job.prepare(queryRunner);
    await queryRunner.query(job.stagingDdl);
    const copy = await CopyWriter.open(queryRunner, job.copySql);
    let header: ImportHeader | null = null;
    let rowCount = 0;
    let unstagedRejected = 0;
    try {
      for await (const source of readImportRows(input.filePath, format)) {
        if (header === null) {
          header = analyseHeader(input.kind, source.cells);
          for (const problem of header.problems) problems.add({ row: source.row, ...problem });
          continue;
        }
        rowCount += 1;
        const cells = rowCells(header, source.cells);
        const staged = job.stage(cells.cells);
        const rowProblems = [...cells.problems, ...staged.problems];
        for (const problem of rowProblems) problems.add({ row: source.row, ...problem });
        if (staged.values === null) {
          if (rowProblems.length > 0) unstagedRejected += 1;
        } else {
          await copy.write([source.row, rowProblems.length === 0, ...staged.values]);
        }
        if (rowCount % READ_PROGRESS_EVERY === 0) progress('reading', rowCount);
      }
    } finally {
      await copy.end();
    }
    if (header === null) throw new ImportFileError(null, 'the file has no header row');
    if (rowCount === 0) {
      throw new ImportFileError(null, 'the file has a header row but no data rows');
    }
    progress('reading', rowCount);
    return { header, rowCount, unstagedRejected };
  }

  private async rejectedStagedRows(queryRunner: QueryRunner, job: ImportJob): Promise<number> {
    const rows: { count: string }[] = await queryRunner.manager.query(
      `SELECT count(*) AS count FROM ${job.rowsTable} WHERE NOT valid OR rejected`,
    );
    return Number(rows[0].count);
  }

  /** Records the outcome; inside the import's transaction when it applies, else on its own. */
  private async finish(
    run: ImportRun,
    status: ImportRunStatus,
    outcome: {
      rowCount?: number;
      counts?: ImportCounts;
      problems: ImportProblem[];
      problemCount: number;
    },
    queryRunner?: QueryRunner,
  ): Promise<ImportRun> {
    Object.assign(run, {
      status,
      rowCount: outcome.rowCount ?? run.rowCount,
      createdCount: outcome.counts?.created ?? 0,
      updatedCount: outcome.counts?.updated ?? 0,
      unchangedCount: outcome.counts?.unchanged ?? 0,
      rejectedCount: outcome.counts?.rejected ?? 0,
      problemCount: outcome.problemCount,
      problems: outcome.problems.slice(0, STORED_PROBLEM_LIMIT),
      finishedAt: new Date(),
    });
    const manager = queryRunner?.manager ?? this.dataSource.manager;
    await manager.getRepository(ImportRun).update(run.id, {
      status: run.status,
      rowCount: run.rowCount,
      createdCount: run.createdCount,
      updatedCount: run.updatedCount,
      unchangedCount: run.unchangedCount,
      rejectedCount: run.rejectedCount,
      problemCount: run.problemCount,
      problems: run.problems,
      finishedAt: run.finishedAt,
    });
    return run;
  }

  /** A run of the caller's department (ADMIN: any); another department's is 404. */
  async get(id: string, actor: Actor): Promise<ImportRun> {
    const run = await this.dataSource.getRepository(ImportRun).findOneBy({ id });
    if (!run || !this.maySee(run.departmentId, actor)) throw DomainError.notFound('Import run');
    return run;
  }

  async list(query: ImportRunQueryDto, actor: Actor): Promise<Page<ImportRun>> {
    const builder = this.dataSource.getRepository(ImportRun).createQueryBuilder('run');
    if (actor.user.role !== 'ADMIN') {
      builder.andWhere('run.department_id = :own', {
        own: actor.user.departmentId ?? '00000000-0000-0000-0000-000000000000',
      });
    }
    if (query.departmentId) {
      builder.andWhere('run.department_id = :departmentId', { departmentId: query.departmentId });
    }
    if (query.kind) builder.andWhere('run.kind = :kind', { kind: query.kind });
    const [items, total] = await builder
      .orderBy('run.started_at', query.order === 'asc' ? 'ASC' : 'DESC')
      .addOrderBy('run.id', 'ASC')
      .skip(skipFor(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }

  private maySee(departmentId: string, actor: Actor): boolean {
    if (actor.user.role === 'ADMIN') return true;
    return actor.user.role === 'COORDINATOR' && actor.user.departmentId === departmentId;
  }
}
