import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { REPORT_AUDIENCES, REPORT_FORMATS } from './annual-report.types';
import type { ReportAudience, ReportFormat } from './annual-report.types';
import type { ReportDiff, ReportVersionSummary } from './annual-report.service';
import type { FigureChangeKind, FigureValue } from './report-figures.rule';

export class DraftReportQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({
    enum: REPORT_AUDIENCES,
    default: 'department',
    description: 'oversight: counts below the department’s small-cell threshold are suppressed',
  })
  @IsOptional()
  @IsIn(REPORT_AUDIENCES)
  audience: ReportAudience = 'department';
}

export class VersionDownloadQueryDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format: ReportFormat = 'json';

  @ApiPropertyOptional({
    enum: REPORT_AUDIENCES,
    description: 'Default: department; AUDITOR always receives (and may only ask for) oversight',
  })
  @IsOptional()
  @IsIn(REPORT_AUDIENCES)
  audience?: ReportAudience;
}

export class VersionDiffQueryDto {
  @ApiPropertyOptional({
    default: 'current',
    description: '`current` (the report computed now; not for AUDITOR) or another version number',
    example: 'current',
  })
  @IsOptional()
  @Matches(/^(current|[1-9][0-9]{0,8})$/, {
    message: 'against must be "current" or a version number',
  })
  against: string = 'current';

  @ApiPropertyOptional({ enum: REPORT_AUDIENCES })
  @IsOptional()
  @IsIn(REPORT_AUDIENCES)
  audience?: ReportAudience;
}

export class ReportVersionQueryDto extends PageQueryDto {}

export class ReportFileDto {
  @ApiProperty({ enum: REPORT_FORMATS }) format!: ReportFormat;
  @ApiProperty({ enum: REPORT_AUDIENCES }) audience!: ReportAudience;
  @ApiProperty({ description: 'SHA-256 of the file’s bytes, hex' }) sha256!: string;
  @ApiProperty() bytes!: number;
}

export class ReportVersionDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: 'ANNUAL' }) kind!: string;
  @ApiProperty({ example: '2025-26' }) fiscalYear!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'CERTIFIED' }) status!: string;
  @ApiProperty({ description: 'Layout version of the report data' }) schemaVersion!: number;
  @ApiProperty() smallCellThreshold!: number;
  @ApiProperty() certifiedBy!: string;
  @ApiProperty() certifiedAt!: string;
  @ApiProperty({ type: [ReportFileDto], description: 'AUDITOR sees the oversight files only' })
  files!: ReportFileDto[];
}

export function toReportVersionDto(summary: ReportVersionSummary): ReportVersionDto {
  return {
    id: summary.id,
    departmentId: summary.departmentId,
    kind: summary.kind,
    fiscalYear: summary.fiscalYear,
    version: summary.version,
    status: summary.status,
    schemaVersion: summary.schemaVersion,
    smallCellThreshold: summary.smallCellThreshold,
    certifiedBy: summary.certifiedBy,
    certifiedAt: summary.certifiedAt.toISOString(),
    files: summary.files.map((file) => ({ ...file })),
  };
}

export class FigureChangeDto {
  @ApiProperty({ example: 'goalsVsResults.moves.fiscalYear.moves' }) path!: string;
  @ApiProperty({ enum: ['CHANGED', 'ADDED', 'REMOVED'] }) change!: FigureChangeKind;
  @ApiProperty({ nullable: true, description: 'Value in the version compared' })
  old!: FigureValue;
  @ApiProperty({ nullable: true, description: 'Value in `against`' })
  new!: FigureValue;
}

export class ReportDiffDto {
  @ApiProperty() fiscalYear!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'current' }) against!: string;
  @ApiProperty({ enum: REPORT_AUDIENCES }) audience!: ReportAudience;
  @ApiProperty({ type: [FigureChangeDto] }) changes!: FigureChangeDto[];
}

export function toReportDiffDto(diff: ReportDiff): ReportDiffDto {
  return {
    fiscalYear: diff.fiscalYear,
    version: diff.version,
    against: diff.against,
    audience: diff.audience,
    changes: diff.changes.map((change) => ({ ...change })),
  };
}
