import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { UM_DESIGNATIONS } from '../appointments/upward-move.rule';
import type { UmDesignation } from '../appointments/upward-move.rule';
import { IsCalendarDate } from './calendar-date.validator';
import { ETHNICITY_CODES, GENDER_CODES, YES_NO_DECLINED } from './demographics';
import type { EthnicityCode, GenderCode, YesNoDeclined } from './demographics';
import { EDUCATION_LEVELS, EMPLOYEE_STATUSES, TIME_BASES } from './employee.entity';
import type { EducationLevel, Employee, EmployeeStatus, TimeBase } from './employee.entity';

const EMPLOYEE_NUMBER = /^[A-Za-z0-9-]{1,20}$/;
const CLASS_CODE = /^[0-9A-Z]{3,10}$/;
const LICENSE = /^[A-Za-z0-9 ._-]{1,50}$/;
/**
 * For fields that cannot be empty: only an absent field is skipped, `null` is refused.
 * (`@IsOptional()`, used for nullable fields, lets `null` through to clear the field.)
 */
const present = (_object: object, value: unknown): boolean => value !== undefined;

/** Voluntary self-identification; each field may be omitted, `null` (not answered) or DECLINED. */
export class SelfIdentificationDto {
  @ApiPropertyOptional({
    enum: ETHNICITY_CODES,
    isArray: true,
    nullable: true,
    description: 'One or more codes; DECLINED only alone; null = not answered',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ETHNICITY_CODES.length)
  @IsIn(ETHNICITY_CODES, { each: true })
  ethnicities?: EthnicityCode[] | null;

  @ApiPropertyOptional({ enum: GENDER_CODES, nullable: true })
  @IsOptional()
  @IsIn(GENDER_CODES)
  gender?: GenderCode | null;

  @ApiPropertyOptional({ enum: YES_NO_DECLINED, nullable: true })
  @IsOptional()
  @IsIn(YES_NO_DECLINED)
  disability?: YesNoDeclined | null;

  @ApiPropertyOptional({ enum: YES_NO_DECLINED, nullable: true })
  @IsOptional()
  @IsIn(YES_NO_DECLINED)
  veteran?: YesNoDeclined | null;
}

/** Fields a create and an update share (all optional here; the create makes some required). */
class EmployeeFieldsDto extends SelfIdentificationDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'pat.lee@dgs.ca.gov' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  workEmail?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '301-123-1441-001' })
  @IsOptional()
  @IsString()
  @Length(1, 30)
  positionNumber?: string | null;

  @ApiPropertyOptional({ enum: TIME_BASES, default: 'FULL_TIME' })
  @ValidateIf(present)
  @IsIn(TIME_BASES)
  timeBase?: TimeBase;

  @ApiPropertyOptional({
    description: 'FULL_TIME: 1; PART_TIME: required, 0 < x < 1; INTERMITTENT: 0',
    example: 0.5,
  })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false })
  timeBaseFraction?: number;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  supervisorId?: string | null;

  @ApiPropertyOptional({ enum: EMPLOYEE_STATUSES, default: 'ACTIVE' })
  @ValidateIf(present)
  @IsIn(EMPLOYEE_STATUSES)
  status?: EmployeeStatus;

  @ApiPropertyOptional({ nullable: true, type: String, example: '2025-06-30' })
  @IsOptional()
  @IsCalendarDate()
  separatedOn?: string | null;

  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, nullable: true })
  @IsOptional()
  @IsIn(EDUCATION_LEVELS)
  educationLevel?: EducationLevel | null;

  @ApiPropertyOptional({ example: 30, description: 'College semester units completed' })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 1, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(99999)
  collegeSemesterUnits?: number;

  @ApiPropertyOptional({ type: [String], example: ['CPA'] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(LICENSE, { each: true, message: 'each license must be 1-50 letters, digits, . _ -' })
  licenses?: string[];
}

export class CreateEmployeeDto extends EmployeeFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Required for ADMIN; a COORDINATOR's own department when omitted",
  })
  @ValidateIf(present)
  @IsUUID()
  departmentId?: string;

  @ApiProperty({ example: 'A123456', description: 'Unique within the department' })
  @Matches(EMPLOYEE_NUMBER, { message: 'employeeNumber must be 1-20 letters, digits or -' })
  employeeNumber!: string;

  @ApiProperty({ example: 'Pat' })
  @IsString()
  @Length(1, 100)
  firstName!: string;

  @ApiProperty({ example: 'Lee' })
  @IsString()
  @Length(1, 100)
  lastName!: string;

  @ApiPropertyOptional({ example: '1441', description: 'The current class (or classificationId)' })
  @ValidateIf(present)
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The current class (or classCode)' })
  @ValidateIf(present)
  @IsUUID()
  classificationId?: string;

  @ApiProperty({ example: '2020-01-06' })
  @IsCalendarDate()
  hireDate!: string;
}

/**
 * The class is not changed here: it changes through `POST /employees/:id/appointments`, so the
 * class history stays complete. Nor is the department.
 */
export class UpdateEmployeeDto extends EmployeeFieldsDto {
  @ApiPropertyOptional({ example: 'A123456' })
  @ValidateIf(present)
  @Matches(EMPLOYEE_NUMBER, { message: 'employeeNumber must be 1-20 letters, digits or -' })
  employeeNumber?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  firstName?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiPropertyOptional({ example: '2020-01-06' })
  @ValidateIf(present)
  @IsCalendarDate()
  hireDate?: string;

  @ApiPropertyOptional({ description: 'The version last read; a stale one is a 409' })
  @ValidateIf(present)
  @IsInt()
  @Min(1)
  version?: number;
}

export const EMPLOYEE_SORT_FIELDS = [
  'lastName',
  'firstName',
  'employeeNumber',
  'hireDate',
  'classCode',
  'createdAt',
] as const;
export type EmployeeSortField = (typeof EMPLOYEE_SORT_FIELDS)[number];

export class EmployeeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ example: '1441' })
  @IsOptional()
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_STATUSES })
  @IsOptional()
  @IsIn(EMPLOYEE_STATUSES)
  status?: EmployeeStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({
    enum: UM_DESIGNATIONS,
    description: "The current class's designation in the employee's department today",
  })
  @IsOptional()
  @IsIn(UM_DESIGNATIONS)
  designation?: UmDesignation;

  @ApiPropertyOptional({ description: 'Search in first name, last name and employee number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: EMPLOYEE_SORT_FIELDS, default: 'lastName' })
  @IsOptional()
  @IsIn(EMPLOYEE_SORT_FIELDS)
  sort: EmployeeSortField = 'lastName';
}

export class SelfIdentificationViewDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty({ enum: ETHNICITY_CODES, isArray: true, nullable: true })
  ethnicities!: EthnicityCode[] | null;
  @ApiProperty({ enum: GENDER_CODES, nullable: true }) gender!: GenderCode | null;
  @ApiProperty({ enum: YES_NO_DECLINED, nullable: true }) disability!: YesNoDeclined | null;
  @ApiProperty({ enum: YES_NO_DECLINED, nullable: true }) veteran!: YesNoDeclined | null;
}

export class EmployeeDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) workEmail!: string | null;
  @ApiProperty() classificationId!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() classTitle!: string;
  @ApiProperty({ nullable: true, type: String }) positionNumber!: string | null;
  @ApiProperty({ enum: TIME_BASES }) timeBase!: TimeBase;
  @ApiProperty() timeBaseFraction!: number;
  @ApiProperty() hireDate!: string;
  @ApiProperty({ nullable: true, type: String }) supervisorId!: string | null;
  @ApiProperty({ enum: EMPLOYEE_STATUSES }) status!: EmployeeStatus;
  @ApiProperty({ nullable: true, type: String }) separatedOn!: string | null;
  @ApiProperty({ enum: EDUCATION_LEVELS, nullable: true }) educationLevel!: EducationLevel | null;
  @ApiProperty() collegeSemesterUnits!: number;
  @ApiProperty({ type: [String] }) licenses!: string[];
  @ApiProperty() version!: number;

  // Present only for ADMIN and the department's COORDINATOR (see demographics.rule.ts).
  @ApiPropertyOptional({
    enum: ETHNICITY_CODES,
    isArray: true,
    nullable: true,
    description: "Only for ADMIN and the department's COORDINATOR; absent otherwise",
  })
  ethnicities?: EthnicityCode[] | null;
  @ApiPropertyOptional({ enum: GENDER_CODES, nullable: true, description: 'As ethnicities' })
  gender?: GenderCode | null;
  @ApiPropertyOptional({ enum: YES_NO_DECLINED, nullable: true, description: 'As ethnicities' })
  disability?: YesNoDeclined | null;
  @ApiPropertyOptional({ enum: YES_NO_DECLINED, nullable: true, description: 'As ethnicities' })
  veteran?: YesNoDeclined | null;
}

/** The record without demographics; `withDemographics` adds the four keys. */
export function toEmployeeDto(employee: Employee, withDemographics: boolean): EmployeeDto {
  const dto: EmployeeDto = {
    id: employee.id,
    departmentId: employee.departmentId,
    employeeNumber: employee.employeeNumber,
    firstName: employee.firstName,
    lastName: employee.lastName,
    workEmail: employee.workEmail,
    classificationId: employee.classificationId,
    classCode: employee.classification?.classCode ?? '',
    classTitle: employee.classification?.title ?? '',
    positionNumber: employee.positionNumber,
    timeBase: employee.timeBase,
    timeBaseFraction: Number(employee.timeBaseFraction),
    hireDate: employee.hireDate,
    supervisorId: employee.supervisorId,
    status: employee.status,
    separatedOn: employee.separatedOn,
    educationLevel: employee.educationLevel,
    collegeSemesterUnits: Number(employee.collegeSemesterUnits),
    licenses: employee.licenses,
    version: employee.version,
  };
  if (!withDemographics) return dto;
  return { ...dto, ...toSelfIdentificationFields(employee) };
}

function toSelfIdentificationFields(employee: Employee) {
  return {
    ethnicities: employee.ethnicities,
    gender: employee.gender,
    disability: employee.disability,
    veteran: employee.veteran,
  };
}

export function toSelfIdentificationViewDto(employee: Employee): SelfIdentificationViewDto {
  return { employeeId: employee.id, ...toSelfIdentificationFields(employee) };
}
