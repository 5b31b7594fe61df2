import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Department } from '../departments/department.entity';
import type { ImportProblem } from './import-cells.rule';
import { IMPORT_FORMATS } from './import-file.rule';
import type { ImportFormat } from './import-file.rule';
import { IMPORT_KINDS } from './import-layout';
import type { ImportKind } from './import-layout';

/**
 * RUNNING while the file is read; then VALIDATED (a clean dry run), APPLIED (committed),
 * REJECTED (problems: nothing written) or FAILED (an unexpected error: nothing written).
 */
export const IMPORT_RUN_STATUSES = [
  'RUNNING',
  'VALIDATED',
  'APPLIED',
  'REJECTED',
  'FAILED',
] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** At most this many problems are stored with a run; `problemCount` says how many there were. */
export const STORED_PROBLEM_LIMIT = 1000;

/**
 * One upload of a roster or training file (or one `npm run import`), dry run or not, with its
 * outcome: what a coordinator reads back at `GET /imports/:id`.
 */
@Entity({ name: 'import_runs' })
@Index('IDX_import_runs_department_started', ['departmentId', 'startedAt'])
export class ImportRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Department;

  @Column({ type: 'enum', enum: IMPORT_KINDS })
  kind!: ImportKind;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun!: boolean;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'file_sha256', type: 'char', length: 64 })
  fileSha256!: string;

  @Column({ name: 'file_bytes', type: 'bigint' })
  fileBytes!: string;

  @Column({ type: 'enum', enum: IMPORT_FORMATS })
  format!: ImportFormat;

  @Column({ type: 'enum', enum: IMPORT_RUN_STATUSES })
  status!: ImportRunStatus;

  /** Data rows read (the header not counted). */
  @Column({ name: 'row_count', type: 'int', default: 0 })
  rowCount!: number;

  @Column({ name: 'created_count', type: 'int', default: 0 })
  createdCount!: number;

  @Column({ name: 'updated_count', type: 'int', default: 0 })
  updatedCount!: number;

  @Column({ name: 'unchanged_count', type: 'int', default: 0 })
  unchangedCount!: number;

  /** Rows with at least one problem. */
  @Column({ name: 'rejected_count', type: 'int', default: 0 })
  rejectedCount!: number;

  @Column({ name: 'problem_count', type: 'int', default: 0 })
  problemCount!: number;

  /** The first STORED_PROBLEM_LIMIT problems, by row. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  problems!: ImportProblem[];

  /** The user who ran it (the system's id for the command line); no key: users may go. */
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @CreateDateColumn({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
