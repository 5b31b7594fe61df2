import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_MEDIA_TYPES } from './evidence-content.rule';
import { TRAINING_KINDS, TRAINING_STATUSES } from './training-record.entity';
import type { TrainingKind, TrainingRecord, TrainingStatus } from './training-record.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const FISCAL_YEAR = /^\d{4}-\d{2}$/;

export class CreateTrainingRecordDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Whose training this is; defaults to the caller’s own employee record',
  })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiProperty({ example: 'Excel for analysts' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiPropertyOptional({ example: 'CalHR Statewide Training Center', default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  provider?: string;

  @ApiProperty({ enum: TRAINING_KINDS })
  @IsIn(TRAINING_KINDS)
  kind!: TrainingKind;

  @ApiProperty({
    example: 7.5,
    description: 'More than 0, at most 2000, in quarter hours (1.25, 1.5, 1.75 ...)',
  })
  @IsNumber()
  hours!: number;

  @ApiPropertyOptional({ example: 3, description: 'Required for a COLLEGE_COURSE, only for it' })
  @IsOptional()
  @IsNumber()
  semesterUnits?: number;

  @ApiProperty({ example: '2025-09-08' })
  @Matches(DATE_ONLY, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a real date' })
  startDate!: string;

  @ApiProperty({ example: '2025-09-09', description: 'Not before startDate, not in the future' })
  @Matches(DATE_ONLY, { message: 'completionDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'completionDate must be a real date' })
  completionDate!: string;

  @ApiProperty({ description: 'Taken on paid state time (counts toward the department cap)' })
  @IsBoolean()
  onStateTime!: boolean;

  @ApiPropertyOptional({ example: 250, description: 'Dollars' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99_999_999.99)
  cost?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An activity of this employee’s career development plan that it fulfils',
  })
  @IsOptional()
  @IsUUID()
  planActivityId?: string;

  @ApiPropertyOptional({
    description: 'COORDINATOR or ADMIN only: enter the record as already VERIFIED',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  verified?: boolean;
}

export class RejectTrainingRecordDto {
  @ApiProperty({ example: 'The certificate names another course' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class BulkVerifyDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'All are verified, or none' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  ids!: string[];
}

export const TRAINING_SORT_FIELDS = [
  'completionDate',
  'startDate',
  'hours',
  'title',
  'status',
  'createdAt',
] as const;

export class TrainingRecordQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: TRAINING_STATUSES })
  @IsOptional()
  @IsIn(TRAINING_STATUSES)
  status?: TrainingStatus;

  @ApiPropertyOptional({ example: '2025-26' })
  @IsOptional()
  @Matches(FISCAL_YEAR, { message: 'fiscalYear must look like 2025-26' })
  fiscalYear?: string;

  @ApiPropertyOptional({ enum: TRAINING_KINDS })
  @IsOptional()
  @IsIn(TRAINING_KINDS)
  kind?: TrainingKind;

  @ApiPropertyOptional({ enum: TRAINING_SORT_FIELDS, default: 'completionDate' })
  @IsOptional()
  @IsIn(TRAINING_SORT_FIELDS)
  sort: (typeof TRAINING_SORT_FIELDS)[number] = 'completionDate';
}

export class EvidenceFileDto {
  @ApiProperty() id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: EVIDENCE_MEDIA_TYPES, description: 'Detected from the content' })
  mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the content, hex' }) sha256!: string;
  @ApiProperty({ format: 'uuid', description: 'User id' }) uploadedBy!: string;
  @ApiProperty() uploadedAt!: string;
}

export class TrainingRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ enum: TRAINING_KINDS }) kind!: TrainingKind;
  @ApiProperty() hours!: number;
  @ApiProperty({ type: Number, nullable: true }) semesterUnits!: number | null;
  @ApiProperty() startDate!: string;
  @ApiProperty() completionDate!: string;
  @ApiProperty({ example: '2025-26' }) fiscalYear!: string;
  @ApiProperty() onStateTime!: boolean;
  @ApiProperty({ type: Number, nullable: true }) cost!: number | null;
  @ApiProperty({ type: String, nullable: true }) planActivityId!: string | null;
  @ApiProperty({ enum: TRAINING_STATUSES }) status!: TrainingStatus;
  @ApiProperty({ description: 'User id' }) reportedBy!: string;
  @ApiProperty({ type: String, nullable: true, description: 'User id' })
  verifiedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) verifiedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) rejectionReason!: string | null;
  @ApiProperty({
    description: 'State-time hours this fiscal year exceed the department cap (allowed, flagged)',
  })
  exceedsStateTimeCap!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export class TrainingRecordDetailDto extends TrainingRecordDto {
  @ApiProperty({ type: [EvidenceFileDto] }) evidence!: EvidenceFileDto[];
}

export class BulkVerifyResultDto {
  @ApiProperty() verified!: number;
  @ApiProperty({ type: [TrainingRecordDto] }) items!: TrainingRecordDto[];
}

const numberOrNull = (value: string | null): number | null =>
  value === null ? null : Number(value);

export function toTrainingRecordDto(record: TrainingRecord): TrainingRecordDto {
  return {
    id: record.id,
    employeeId: record.employeeId,
    departmentId: record.departmentId,
    title: record.title,
    provider: record.provider,
    kind: record.kind,
    hours: Number(record.hours),
    semesterUnits: numberOrNull(record.semesterUnits),
    startDate: record.startDate,
    completionDate: record.completionDate,
    fiscalYear: record.fiscalYear,
    onStateTime: record.onStateTime,
    cost: numberOrNull(record.cost),
    planActivityId: record.planActivityId,
    status: record.status,
    reportedBy: record.reportedBy,
    verifiedBy: record.verifiedBy,
    verifiedAt: record.verifiedAt ? record.verifiedAt.toISOString() : null,
    rejectionReason: record.rejectionReason,
    exceedsStateTimeCap: record.exceedsStateTimeCap,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

export function toEvidenceFileDto(file: EvidenceFile): EvidenceFileDto {
  return {
    id: file.id,
    fileName: file.fileName,
    mediaType: file.mediaType,
    sizeBytes: file.sizeBytes,
    sha256: file.sha256,
    uploadedBy: file.uploadedBy,
    uploadedAt: file.uploadedAt.toISOString(),
  };
}

export function toTrainingRecordDetailDto(
  record: TrainingRecord,
  evidence: EvidenceFile[],
): TrainingRecordDetailDto {
  return { ...toTrainingRecordDto(record), evidence: evidence.map(toEvidenceFileDto) };
}
