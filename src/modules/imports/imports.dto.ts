import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { PageQueryDto } from '../../common/http/pagination';
import type { ImportProblem } from './import-cells.rule';
import { IMPORT_FORMATS } from './import-file.rule';
import type { ImportFormat } from './import-file.rule';
import { IMPORT_KINDS } from './import-layout';
import type { ImportKind } from './import-layout';
import { IMPORT_RUN_STATUSES } from './import-run.entity';
import type { ImportRun, ImportRunStatus } from './import-run.entity';

/** `:kind` is roster or training; anything else is a 400 naming it. */
export class ImportKindPipe implements PipeTransform<string, ImportKind> {
  transform(value: string, metadata: ArgumentMetadata): ImportKind {
    const kind = IMPORT_KINDS.find((known) => known === value);
    if (!kind) {
      throw DomainError.validation([
        {
          field: `path.${metadata.data ?? 'kind'}`,
          message: `must be one of ${IMPORT_KINDS.join(', ')}`,
        },
      ]);
    }
    return kind;
  }
}

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ImportQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Required for ADMIN; a COORDINATOR's own department when omitted",
  })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'true: check the file and say what it would do, write nothing',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'dryRun must be true or false' })
  dryRun: boolean = false;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS)
  format: ImportFormat = 'csv';
}

export class ImportRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc', description: 'By start time' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  override order: 'asc' | 'desc' = 'desc';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS)
  kind?: ImportKind;
}

export class ImportProblemDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Spreadsheet row number (the header is row 1); null: the file as a whole',
  })
  row!: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'class_code' })
  column!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The offending value (shortened)' })
  value!: string | null;

  @ApiProperty({ example: 'unknown class code 9999' })
  message!: string;
}

export class ImportCountsDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'Rows with at least one problem' }) rejected!: number;
}

export class ImportRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes, hex' }) fileSha256!: string;
  @ApiProperty() fileBytes!: number;
  @ApiProperty({ enum: IMPORT_FORMATS }) format!: ImportFormat;

  @ApiProperty({
    enum: IMPORT_RUN_STATUSES,
    description:
      'VALIDATED: a clean dry run; APPLIED: written; REJECTED: problems, nothing written; FAILED: an unexpected error, nothing written',
  })
  status!: ImportRunStatus;

  @ApiProperty({ description: 'Data rows read' }) rowCount!: number;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({ description: 'All problems found' }) problemCount!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt!: string | null;
}

export class ImportRunDto extends ImportRunSummaryDto {
  @ApiProperty({
    type: [ImportProblemDto],
    description:
      'By row: up to 10,000 in the answer to the upload, the first 1,000 when read back later',
  })
  problems!: ImportProblemDto[];

  @ApiProperty({ description: 'Problems found but not listed' })
  problemsOmitted!: number;
}

export function toImportRunSummaryDto(run: ImportRun): ImportRunSummaryDto {
  return {
    id: run.id,
    departmentId: run.departmentId,
    kind: run.kind,
    dryRun: run.dryRun,
    fileName: run.fileName,
    fileSha256: run.fileSha256,
    fileBytes: Number(run.fileBytes),
    format: run.format,
    status: run.status,
    rowCount: run.rowCount,
    counts: {
      created: run.createdCount,
      updated: run.updatedCount,
      unchanged: run.unchangedCount,
      rejected: run.rejectedCount,
    },
    problemCount: run.problemCount,
    createdBy: run.createdBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** The run with `problems` (the stored ones unless a longer list is given). */
export function toImportRunDto(
  run: ImportRun,
  problems: ImportProblem[] = run.problems,
): ImportRunDto {
  return {
    ...toImportRunSummaryDto(run),
    problems,
    problemsOmitted: Math.max(0, run.problemCount - problems.length),
  };
}

/** A problem as the `errors` of problem+json name fields: `rows[3].class_code`, or `file`. */
export function problemField(problem: ImportProblem): string {
  if (problem.row === null) return 'file';
  return `rows[${problem.row}]${problem.column === null ? '' : `.${problem.column}`}`;
}
