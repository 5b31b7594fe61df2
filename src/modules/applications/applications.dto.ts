import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import { CLASS_CODE, ISO_DATE } from '../career-plans/career-plans.dto';
import { APPLICATION_DECISIONS } from './application-eligibility.rule';
import type { ApplicationDecision } from './application-eligibility.rule';
import type { ProgramParticipation } from './participation.entity';
import { APPLICATION_STATUSES } from './program-application.entity';
import type { ApplicationStatus, ProgramApplication } from './program-application.entity';
import type { SelectionCriteriaSet } from './selection-criteria-set.entity';

const NOT_BLANK = /\S/;

// ---------------------------------------------------------------------------------------------
// Selection criteria
// ---------------------------------------------------------------------------------------------

export class CriterionDto {
  @ApiProperty({ example: 'interest', description: 'Lower-case key used in score sheets' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    message: 'key must be 1-40 lower-case letters, digits or _, starting with a letter',
  })
  key!: string;

  @ApiProperty({ example: 'Interest in the target class' })
  @IsString()
  @Length(1, 200)
  label!: string;

  @ApiProperty({ example: 40, description: 'Relative weight, > 0' })
  @IsNumber({ maxDecimalPlaces: 3 })
  @IsPositive()
  weight!: number;

  @ApiProperty({ example: 10, description: 'Points available, > 0' })
  @IsNumber({ maxDecimalPlaces: 3 })
  @IsPositive()
  maxPoints!: number;
}

export class CreateSelectionCriteriaDto {
  @ApiProperty({ example: '2026-07-01', description: 'Not before the previous version\u2019s' })
  @Matches(ISO_DATE, { message: 'effectiveFrom must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'effectiveFrom must be a real date' })
  effectiveFrom!: string;

  @ApiProperty({ type: [CriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria!: CriterionDto[];
}

export class SelectionCriteriaSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty({ description: 'Sum of the weights: the highest possible total score' })
  maxTotal!: number;
  @ApiProperty() createdAt!: string;
}

export class DepartmentSelectionCriteriaDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty({ type: SelectionCriteriaSetDto, nullable: true, description: 'In force today' })
  current!: SelectionCriteriaSetDto | null;
  @ApiProperty({ type: [SelectionCriteriaSetDto], description: 'Every version, newest first' })
  versions!: SelectionCriteriaSetDto[];
}

export function toSelectionCriteriaSetDto(set: SelectionCriteriaSet): SelectionCriteriaSetDto {
  return {
    id: set.id,
    departmentId: set.departmentId,
    version: set.version,
    effectiveFrom: set.effectiveFrom,
    criteria: set.criteria.map((c) => ({
      key: c.key,
      label: c.label,
      weight: c.weight,
      maxPoints: c.maxPoints,
    })),
    maxTotal: set.criteria.reduce((sum, c) => sum + c.weight, 0),
    createdAt: set.createdAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------

export class CreateApplicationDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "Defaults to the caller's own record; coordinators and admins file on behalf",
  })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiProperty({ example: '5157', description: 'A class the department designates ELTPA' })
  @Matches(CLASS_CODE, { message: 'targetClassCode must be a class code' })
  targetClassCode!: string;

  @ApiPropertyOptional({ example: 'Budgets, contracts' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  interests?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  statement?: string;
}

export class ApplicationDecisionDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { interest: 8, experience: 3 },
    description: 'Points per criterion key of the current criteria set: every key, 0..maxPoints',
  })
  @IsObject()
  scores!: Record<string, number>;

  @ApiProperty({ enum: APPLICATION_DECISIONS })
  @IsIn(APPLICATION_DECISIONS)
  decision!: ApplicationDecision;

  @ApiProperty({ example: 'Highest score of the cycle' })
  @IsString()
  @Length(1, 4000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export const APPLICATION_SORT_FIELDS = [
  'createdAt',
  'submittedOn',
  'status',
  'totalScore',
] as const;

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(APPLICATION_SORT_FIELDS)
  sort: (typeof APPLICATION_SORT_FIELDS)[number] = 'createdAt';
}

export class ApplicationDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() targetClassificationId!: string;
  @ApiProperty({ example: '5157' }) targetClassCode!: string;
  @ApiProperty() interests!: string;
  @ApiProperty() statement!: string;
  @ApiProperty() submittedOn!: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) supervisorAcknowledgedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) supervisorAcknowledgedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) criteriaSetId!: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  scores!: Record<string, number> | null;
  @ApiProperty({ nullable: true, type: Number }) totalScore!: number | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toApplicationDto(
  application: ProgramApplication,
  classCode: string,
): ApplicationDto {
  return {
    id: application.id,
    departmentId: application.departmentId,
    employeeId: application.employeeId,
    targetClassificationId: application.targetClassificationId,
    targetClassCode: classCode,
    interests: application.interests,
    statement: application.statement,
    submittedOn: application.submittedOn,
    status: application.status,
    supervisorAcknowledgedAt: application.supervisorAcknowledgedAt?.toISOString() ?? null,
    supervisorAcknowledgedBy: application.supervisorAcknowledgedBy,
    criteriaSetId: application.criteriaSetId,
    scores: application.scores,
    totalScore: application.totalScore === null ? null : Number(application.totalScore),
    decisionReason: application.decisionReason,
    decidedOn: application.decidedOn,
    decidedBy: application.decidedBy,
    version: application.version,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Participation
// ---------------------------------------------------------------------------------------------

export class ParticipationDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty() applicationId!: string;
  @ApiProperty() startedOn!: string;
  @ApiProperty({ nullable: true, type: String }) withdrawnOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) withdrawalReason!: string | null;
  @ApiProperty({ description: 'True while the period is open' }) active!: boolean;
  @ApiProperty() createdAt!: string;
}

export function toParticipationDto(participation: ProgramParticipation): ParticipationDto {
  return {
    id: participation.id,
    departmentId: participation.departmentId,
    employeeId: participation.employeeId,
    applicationId: participation.applicationId,
    startedOn: participation.startedOn,
    withdrawnOn: participation.withdrawnOn,
    withdrawalReason: participation.withdrawalReason,
    active: participation.withdrawnOn === null,
    createdAt: participation.createdAt.toISOString(),
  };
}

export class ApplicationDecisionResultDto {
  @ApiProperty({ type: ApplicationDto }) application!: ApplicationDto;
  @ApiProperty({ type: ParticipationDto, nullable: true, description: 'Opened when ACCEPTED' })
  participation!: ParticipationDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'The DRAFT plan opened when ACCEPTED' })
  careerPlanId!: string | null;
}

export class WithdrawParticipationDto {
  @ApiProperty({ example: '2026-10-31', description: 'Not before the start, not in the future' })
  @Matches(ISO_DATE, { message: 'withdrawnOn must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'withdrawnOn must be a real date' })
  withdrawnOn!: string;

  @ApiProperty({ example: 'Accepted a position in another department' })
  @IsString()
  @Length(1, 2000)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason!: string;
}

export class ParticipationWithdrawalDto {
  @ApiProperty({ type: ParticipationDto }) participation!: ParticipationDto;
  @ApiProperty({ type: [String], description: 'Open career plans withdrawn with it' })
  withdrawnPlanIds!: string[];
}

export const PARTICIPATION_SORT_FIELDS = ['startedOn', 'createdAt'] as const;

export class ParticipationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PARTICIPATION_SORT_FIELDS, default: 'startedOn' })
  @IsOptional()
  @IsIn(PARTICIPATION_SORT_FIELDS)
  sort: (typeof PARTICIPATION_SORT_FIELDS)[number] = 'startedOn';
}
