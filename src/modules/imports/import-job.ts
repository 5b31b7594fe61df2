import type { QueryRunner } from 'typeorm';
import type { Actor } from '../../common/auth/auth-user';
import type { AuditRecord } from '../audit/audit.service';
import type { CopyValue } from '../../database/copy-writer';
import { problemValue } from './import-cells.rule';
import type { CellProblem, ImportProblem, RowCells } from './import-cells.rule';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** One import inside its transaction: the staging table lives as long as the transaction. */
export interface ImportJobContext {
  queryRunner: QueryRunner;
  departmentId: string;
  /** The layout's columns the file has: an absent optional column leaves its field alone. */
  present: ReadonlySet<string>;
  actor: Actor;
  /** At most this many problems per check are returned. */
  problemLimit: number;
}

/** Problems found by one set-based check: the first `problemLimit` by row, and how many. */
export interface ProblemBatch {
  problems: ImportProblem[];
  total: number;
}

export interface StagedRow {
  problems: CellProblem[];
  /** The staging columns after row_number and valid; null when the row has no usable key. */
  values: CopyValue[] | null;
}

export type AuditSink = (records: AuditRecord[]) => Promise<void>;
export type ApplyProgress = (step: string, done: number, total: number) => void;

/**
 * What differs between the roster and the training import. The service streams the file into
 * the staging table (`COPY ... FROM STDIN`), then runs the set-based checks; only a clean file
 * is classified and applied, all in the one transaction.
 */
export interface ImportJob {
  /** The staging table's `CREATE TEMP TABLE ... ON COMMIT DROP` and its COPY statement. */
  readonly stagingDdl: string;
  readonly copySql: string;
  /** The columns in the order problems are reported within a row. */
  readonly columnOrder: readonly string[];
  /** Loads what row validation needs (e.g. the class catalog). */
  prepare(queryRunner: QueryRunner): Promise<void>;
  stage(cells: RowCells): StagedRow;
  /**
   * After the COPY: the plan, a table of the staged rows with their keys resolved and what
   * applying each would do (`action`), built in one pass; the checks mark its rows `rejected`.
   */
  afterLoad(context: ImportJobContext): Promise<void>;
  /** The plan table (`row_number, valid, rejected, action, ...`). */
  readonly rowsTable: string;
  /** Checks across rows and against the database; marks the rows they refuse. */
  findProblems(context: ImportJobContext): Promise<ProblemBatch[]>;
  /** For a clean file: what each row would do. */
  classify(context: ImportJobContext): Promise<Omit<ImportCounts, 'rejected'>>;
  /** Writes the classified rows and hands their audit entries to `audit`, in batches. */
  apply(
    context: ImportJobContext,
    counts: Omit<ImportCounts, 'rejected'>,
    audit: AuditSink,
    progress: ApplyProgress,
  ): Promise<void>;
}

/**
 * Runs a problem query whose rows carry `row_number, value, message` and `total` (and may name
 * their own `column_name`, else `column`).
 */
export async function problemQuery(
  context: ImportJobContext,
  column: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<ProblemBatch> {
  const rows: {
    row_number: number;
    value: string | null;
    message: string;
    total: string;
    column_name?: string | null;
  }[] = await context.queryRunner.manager.query(sql, parameters);
  return {
    total: rows.length > 0 ? Number(rows[0].total) : 0,
    problems: rows.map((row) => ({
      row: Number(row.row_number),
      column: row.column_name ?? column,
      value: row.value === null ? null : problemValue(row.value),
      message: row.message,
    })),
  };
}
