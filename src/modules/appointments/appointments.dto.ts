import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { IsCalendarDate } from '../employees/calendar-date.validator';
import { APPOINTMENT_TYPES } from './appointment.entity';
import type { Appointment, AppointmentType } from './appointment.entity';
import { UM_DESIGNATIONS } from './upward-move.rule';
import type { UmDesignation } from './upward-move.rule';

const CLASS_CODE = /^[0-9A-Z]{3,10}$/;
const present = (_object: object, value: unknown): boolean => value !== undefined;

export class CreateAppointmentDto {
  @ApiProperty({ example: '2025-09-01' })
  @IsCalendarDate()
  effectiveDate!: string;

  @ApiProperty({ enum: APPOINTMENT_TYPES })
  @IsIn(APPOINTMENT_TYPES)
  type!: AppointmentType;

  @ApiPropertyOptional({
    example: '5157',
    description: 'The class moved into: required, except for SEPARATION (which has none)',
  })
  @ValidateIf(present)
  @Matches(CLASS_CODE, { message: 'toClassCode must be 3-10 digits or upper-case letters' })
  toClassCode?: string;

  @ApiPropertyOptional({
    example: 1,
    description: "Time base in the new position (0-1); the employee's current one if omitted",
  })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  timeBaseFraction?: number;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  notes?: string | null;
}

export const APPOINTMENT_SORT_FIELDS = ['effectiveDate'] as const;

export class AppointmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPOINTMENT_TYPES })
  @IsOptional()
  @IsIn(APPOINTMENT_TYPES)
  type?: AppointmentType;

  @ApiPropertyOptional({ enum: APPOINTMENT_SORT_FIELDS, default: 'effectiveDate' })
  @IsOptional()
  @IsIn(APPOINTMENT_SORT_FIELDS)
  sort: (typeof APPOINTMENT_SORT_FIELDS)[number] = 'effectiveDate';
}

export class UpwardMovesQueryDto {
  @ApiProperty({ example: '2025-01-01', description: 'First effective date counted' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2025-12-31', description: 'Last effective date counted (inclusive)' })
  @IsCalendarDate()
  to!: string;
}

export class AppointmentDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty({ enum: APPOINTMENT_TYPES }) type!: AppointmentType;
  @ApiProperty({ nullable: true, type: String }) fromClassificationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) fromClassCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) toClassificationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) toClassCode!: string | null;
  @ApiProperty() timeBaseFraction!: number;
  @ApiProperty({ enum: UM_DESIGNATIONS }) fromDesignation!: UmDesignation;
  @ApiProperty({ enum: UM_DESIGNATIONS }) toDesignation!: UmDesignation;
  @ApiProperty() isUpwardMobilityMove!: boolean;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty() createdAt!: string;
}

export class CreatedAppointmentDto extends AppointmentDto {
  @ApiProperty({
    description:
      'Whether it changed the employee record (only the latest appointment does; an earlier-dated one only completes the history)',
  })
  appliedToEmployee!: boolean;
}

export function toAppointmentDto(appointment: Appointment): AppointmentDto {
  return {
    id: appointment.id,
    employeeId: appointment.employeeId,
    departmentId: appointment.departmentId,
    effectiveDate: appointment.effectiveDate,
    type: appointment.type,
    fromClassificationId: appointment.fromClassificationId,
    fromClassCode: appointment.fromClassification?.classCode ?? null,
    toClassificationId: appointment.toClassificationId,
    toClassCode: appointment.toClassification?.classCode ?? null,
    timeBaseFraction: Number(appointment.timeBaseFraction),
    fromDesignation: appointment.fromDesignation as UmDesignation,
    toDesignation: appointment.toDesignation as UmDesignation,
    isUpwardMobilityMove: appointment.isUpwardMobilityMove,
    notes: appointment.notes,
    createdAt: appointment.createdAt.toISOString(),
  };
}

export class UpwardMovesByClassDto {
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() count!: number;
}

export class UpwardMoveDto {
  @ApiProperty() appointmentId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty() effectiveDate!: string;
  @ApiProperty({ enum: APPOINTMENT_TYPES }) type!: AppointmentType;
  @ApiProperty({ nullable: true, type: String }) fromClassCode!: string | null;
  @ApiProperty() toClassCode!: string;
  @ApiProperty({ enum: UM_DESIGNATIONS }) fromDesignation!: UmDesignation;
}

export class UpwardMovesDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'Upward mobility moves with an effective date in the range' })
  total!: number;
  @ApiProperty({ type: [UpwardMovesByClassDto] }) byTargetClass!: UpwardMovesByClassDto[];
  @ApiPropertyOptional({
    type: [UpwardMoveDto],
    description: "Who moved: only for the department's COORDINATOR; absent for ADMIN and AUDITOR",
  })
  moves?: UpwardMoveDto[];
}
