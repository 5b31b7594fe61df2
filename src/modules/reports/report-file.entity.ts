import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { ReportVersion } from './report-version.entity';

export const REPORT_FILE_AUDIENCES = ['department', 'oversight'] as const;
export const REPORT_FILE_FORMATS = ['json', 'csv', 'pdf', 'xlsx'] as const;

/**
 * The exact bytes of one rendering (audience x format) of a certified report version, with their
 * SHA-256: what every later download returns. Append-only like the version itself.
 */
@Entity({ name: 'report_files' })
@Index('UQ_report_files_rendering', ['reportVersionId', 'audience', 'format'], { unique: true })
@Check('CHK_report_files_audience', `"audience" IN ('department', 'oversight')`)
@Check('CHK_report_files_format', `"format" IN ('json', 'csv', 'pdf', 'xlsx')`)
@Check('CHK_report_files_bytes', `"bytes" = octet_length("content")`)
export class ReportFile {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'report_version_id', type: 'uuid' })
  reportVersionId!: string;

  @ManyToOne(() => ReportVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_version_id' })
  reportVersion?: Relation<ReportVersion>;

  @Column({ type: 'varchar', length: 20 })
  audience!: (typeof REPORT_FILE_AUDIENCES)[number];

  @Column({ type: 'varchar', length: 10 })
  format!: (typeof REPORT_FILE_FORMATS)[number];

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'int' })
  bytes!: number;
}
