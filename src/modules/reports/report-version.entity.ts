import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Department } from '../departments/department.entity';
import { User } from '../users/user.entity';

export const REPORT_KINDS = ['ANNUAL'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_VERSION_STATUSES = ['CERTIFIED'] as const;
export type ReportVersionStatus = (typeof REPORT_VERSION_STATUSES)[number];

/**
 * One certified version of a department's report for a fiscal year: the data snapshot as
 * certified; the exact bytes of every rendering are in report_files. Written once and never
 * changed: a later certification is a new row with the next version number, and the database
 * refuses UPDATE and DELETE on this table.
 */
@Entity({ name: 'report_versions' })
@Index('UQ_report_versions_version', ['departmentId', 'kind', 'fiscalYear', 'version'], {
  unique: true,
})
@Check('CHK_report_versions_kind', `"kind" IN ('ANNUAL')`)
@Check('CHK_report_versions_status', `"status" IN ('CERTIFIED')`)
@Check('CHK_report_versions_version', `"version" >= 1`)
export class ReportVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'department_id', type: 'uuid' })
  departmentId!: string;

  @ManyToOne(() => Department, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;

  @Column({ type: 'varchar', length: 20 })
  kind!: ReportKind;

  /** State fiscal year, e.g. `2025-26`. */
  @Column({ name: 'fiscal_year', type: 'char', length: 7 })
  fiscalYear!: string;

  /** 1, 2, ... per department, kind and fiscal year. */
  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 20 })
  status!: ReportVersionStatus;

  /** Version of the report data layout (AnnualReportData.schemaVersion). */
  @Column({ name: 'schema_version', type: 'int' })
  schemaVersion!: number;

  /** The report data as certified, department audience (all counts shown). */
  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  /** The department's small-cell threshold applied to the oversight renderings. */
  @Column({ name: 'small_cell_threshold', type: 'int' })
  smallCellThreshold!: number;

  @Column({ name: 'certified_by', type: 'uuid' })
  certifiedBy!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certified_by' })
  certifier?: Relation<User>;

  @Column({ name: 'certified_at', type: 'timestamptz' })
  certifiedAt!: Date;
}
