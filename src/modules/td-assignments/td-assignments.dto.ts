import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { EarlyEndRequestStatus } from './early-end.rule';
import type { TdAssignment } from './td-assignment.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const CLASS_CODE = /^[0-9A-Z]{3,10}$/;

export class CreateTdAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  employeeId!: string;

  @ApiProperty({ example: 'Budgets Office' })
  @IsString()
  @Length(1, 200)
  hostUnit!: string;

  @ApiPropertyOptional({ description: 'When the host is another department' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  hostDepartment?: string;

  @ApiProperty({ example: '5157', description: 'The class of the work done on the assignment' })
  @Matches(CLASS_CODE, { message: 'workClassCode must be 3-10 digits or upper-case letters' })
  workClassCode!: string;

  @ApiProperty({ example: '2026-01-05' })
  @Matches(DATE_ONLY, { message: 'startDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'startDate must be a real date' })
  startDate!: string;

  @ApiProperty({ example: '2027-01-04', description: 'After startDate' })
  @Matches(DATE_ONLY, { message: 'plannedEndDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'plannedEndDate must be a real date' })
  plannedEndDate!: string;

  @ApiPropertyOptional({
    example: 1,
    description: 'Share of full time (0 < f <= 1); defaults to the employee’s time base',
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @IsPositive()
  @Max(1)
  timeBaseFraction?: number;
}

export class UpdateTdAssignmentDto {
  @ApiPropertyOptional({ example: 'Budgets Office' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  hostUnit?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @IsString()
  @Length(1, 200)
  hostDepartment?: string | null;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'After startDate' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'plannedEndDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'plannedEndDate must be a real date' })
  plannedEndDate?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-09-30',
    description: 'When it really ended; null clears it',
  })
  @ValidateIf((_o, value) => value !== null)
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'actualEndDate must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'actualEndDate must be a real date' })
  actualEndDate?: string | null;

  @ApiPropertyOptional({ example: 0.5, description: 'Share of full time (0 < f <= 1)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 3 })
  @IsPositive()
  @Max(1)
  timeBaseFraction?: number;
}

export class EarlyEndRequestDto {
  @ApiPropertyOptional({
    example: '2026-03-02',
    description:
      'The day the written request was made; defaults to today. An employee’s own request is dated today; a coordinator records the date on the letter.',
  })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'requestedOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'requestedOn must be a real date' })
  requestedOn?: string;
}

export const TD_SORT_FIELDS = ['startDate', 'plannedEndDate', 'createdAt'] as const;

export class TdAssignmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '2026-03-02', description: 'Running on that day' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'activeOn must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true }, { message: 'activeOn must be a real date' })
  activeOn?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Has an early-end request' })
  @IsOptional()
  @IsIn(['true', 'false'])
  earlyEndRequested?: 'true' | 'false';

  @ApiPropertyOptional({ enum: TD_SORT_FIELDS, default: 'startDate' })
  @IsOptional()
  @IsIn(TD_SORT_FIELDS)
  sort: (typeof TD_SORT_FIELDS)[number] = 'startDate';
}

export class EarlyEndRequestStatusDto {
  @ApiProperty() requestedOn!: string;
  @ApiProperty({ description: '10 working days after the request (2 CCR 438)' }) dueBy!: string;
  @ApiProperty({ type: String, nullable: true }) honouredOn!: string | null;
  @ApiProperty({ type: Number, nullable: true }) workingDaysTaken!: number | null;
  @ApiProperty() late!: boolean;
}

export class TdAssignmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() hostUnit!: string;
  @ApiProperty({ type: String, nullable: true }) hostDepartment!: string | null;
  @ApiProperty() workClassificationId!: string;
  @ApiProperty({ example: '5157' }) workClassCode!: string;
  @ApiProperty() startDate!: string;
  @ApiProperty() plannedEndDate!: string;
  @ApiProperty({ type: String, nullable: true }) actualEndDate!: string | null;
  @ApiProperty() timeBaseFraction!: number;
  @ApiProperty({ type: EarlyEndRequestStatusDto, nullable: true })
  earlyEndRequest!: EarlyEndRequestStatusDto | null;
  @ApiProperty({
    description:
      'Full-time-equivalent months of T&D in the employee’s fullest 36-month window (limit 24)',
  })
  monthsInWorstWindow!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export function toTdAssignmentDto(
  assignment: TdAssignment,
  extra: {
    workClassCode: string;
    earlyEndRequest: EarlyEndRequestStatus | null;
    monthsInWorstWindow: number;
  },
): TdAssignmentDto {
  return {
    id: assignment.id,
    employeeId: assignment.employeeId,
    departmentId: assignment.departmentId,
    hostUnit: assignment.hostUnit,
    hostDepartment: assignment.hostDepartment,
    workClassificationId: assignment.workClassificationId,
    workClassCode: extra.workClassCode,
    startDate: assignment.startDate,
    plannedEndDate: assignment.plannedEndDate,
    actualEndDate: assignment.actualEndDate,
    timeBaseFraction: Number(assignment.timeBaseFraction),
    earlyEndRequest: extra.earlyEndRequest,
    monthsInWorstWindow: extra.monthsInWorstWindow,
    createdAt: assignment.createdAt.toISOString(),
    updatedAt: assignment.updatedAt.toISOString(),
    version: assignment.version,
  };
}
