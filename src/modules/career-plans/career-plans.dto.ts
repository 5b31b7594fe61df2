import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { ConversationDue } from '../career-conversations/conversation-due.rule';
import type { CareerPlan } from './career-plan.entity';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from './plan-activity.entity';
import type { ActivityKind, ActivityStatus, PlanActivity } from './plan-activity.entity';
import type { PlanEvent } from './plan-event.entity';
import { PLAN_ACTIONS, PLAN_STATES } from './plan-workflow.rule';
import type { PlanAction, PlanState } from './plan-workflow.rule';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const CLASS_CODE = /^[0-9A-Z]{3,10}$/;

export class ActivityInputDto {
  @ApiProperty({ enum: ACTIVITY_KINDS })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ example: 'Complete the SSA exam preparation course' })
  @IsString()
  @Length(1, 500)
  description!: string;

  @ApiPropertyOptional({ example: '2026-03-31', nullable: true, type: String })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'targetDate must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'targetDate must be a real date' })
  targetDate?: string | null;

  @ApiPropertyOptional({ example: 24, nullable: true, type: Number })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99999)
  plannedHours?: number | null;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES, default: 'PLANNED' })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;
}

/** In a plan PATCH: with `id` the activity is updated, without it is added; omitted ones go. */
export class PlanActivityItemDto extends ActivityInputDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing activity of this plan' })
  @IsOptional()
  @IsUUID()
  id?: string;
}

export class UpdateActivityDto {
  @ApiPropertyOptional({ enum: ACTIVITY_KINDS })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @Matches(ISO_DATE, { message: 'targetDate must be written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'targetDate must be a real date' })
  targetDate?: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_o, value) => value !== null)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99999)
  plannedHours?: number | null;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;
}

export class CreateCareerPlanDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Defaults to the caller's own record" })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ example: 'Qualify for Staff Services Analyst within two years' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  goals?: string;

  @ApiPropertyOptional({ type: [String], example: ['5157'], description: 'ELTPA class codes' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CLASS_CODE, { each: true, message: 'each target must be a class code' })
  targetClassCodes?: string[];

  @ApiPropertyOptional({ type: [ActivityInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ActivityInputDto)
  activities?: ActivityInputDto[];
}

export class UpdateCareerPlanDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  goals?: string;

  @ApiPropertyOptional({ type: [String], example: ['5157'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(CLASS_CODE, { each: true, message: 'each target must be a class code' })
  targetClassCodes?: string[];

  @ApiPropertyOptional({
    type: [PlanActivityItemDto],
    description: 'The whole list: items with id are updated, without id added, others removed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PlanActivityItemDto)
  activities?: PlanActivityItemDto[];
}

export class PlanTransitionDto {
  @ApiProperty({ enum: PLAN_ACTIONS })
  @IsIn(PLAN_ACTIONS)
  action!: PlanAction;

  @ApiPropertyOptional({ description: 'Required to RETURN a plan' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export const PLAN_SORT_FIELDS = ['createdAt', 'updatedAt', 'state'] as const;

export class CareerPlanQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STATES })
  @IsOptional()
  @IsIn(PLAN_STATES)
  state?: PlanState;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  employeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ enum: PLAN_SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(PLAN_SORT_FIELDS)
  sort: (typeof PLAN_SORT_FIELDS)[number] = 'createdAt';
}

export class PlanActivityDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) targetDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) plannedHours!: number | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ nullable: true, type: String }) sourceRequirement!: string | null;
}

export class PlanEventDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() fromState!: string;
  @ApiProperty() toState!: string;
  @ApiProperty() actorUserId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty() actorRelation!: string;
  @ApiProperty({ nullable: true, type: String }) comment!: string | null;
  @ApiProperty() occurredAt!: string;
}

export class ConversationDueDto {
  @ApiProperty({ example: '2026-07-15' }) dueOn!: string;
  @ApiProperty({ enum: ['LAST_CONVERSATION', 'PLAN_APPROVAL'] }) basis!: string;
  @ApiProperty() overdue!: boolean;
}

export class CareerPlanSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ nullable: true, type: String }) participationId!: string | null;
  @ApiProperty({ enum: PLAN_STATES }) state!: PlanState;
  @ApiProperty() goals!: string;
  @ApiProperty({ type: [String] }) targetClassCodes!: string[];
  @ApiProperty({ nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) approvedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastComment!: string | null;
  @ApiProperty({ description: 'Send back as If-Match: "<version>"' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class CareerPlanDto extends CareerPlanSummaryDto {
  @ApiProperty({ type: [PlanActivityDto] }) activities!: PlanActivityDto[];
  @ApiProperty({ type: [PlanEventDto] }) events!: PlanEventDto[];
  @ApiProperty({ enum: PLAN_ACTIONS, isArray: true, description: 'What the caller may do now' })
  allowedActions!: PlanAction[];
  @ApiProperty({ type: ConversationDueDto, nullable: true })
  nextConversationDue!: ConversationDueDto | null;
}

export function toPlanActivityDto(activity: PlanActivity): PlanActivityDto {
  return {
    id: activity.id,
    kind: activity.kind,
    description: activity.description,
    targetDate: activity.targetDate,
    plannedHours: activity.plannedHours === null ? null : Number(activity.plannedHours),
    status: activity.status,
    sourceRequirement: activity.sourceRequirement,
  };
}

export function toPlanEventDto(event: PlanEvent): PlanEventDto {
  return {
    id: event.id,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    actorUserId: event.actorUserId,
    actorRole: event.actorRole,
    actorRelation: event.actorRelation,
    comment: event.comment,
    occurredAt: event.occurredAt.toISOString(),
  };
}

export function toCareerPlanSummaryDto(plan: CareerPlan): CareerPlanSummaryDto {
  return {
    id: plan.id,
    departmentId: plan.departmentId,
    employeeId: plan.employeeId,
    participationId: plan.participationId,
    state: plan.state,
    goals: plan.goals,
    targetClassCodes: plan.targetClassCodes,
    submittedAt: plan.submittedAt?.toISOString() ?? null,
    approvedAt: plan.approvedAt?.toISOString() ?? null,
    approvedBy: plan.approvedBy,
    lastComment: plan.lastComment,
    version: plan.version,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export interface CareerPlanView {
  plan: CareerPlan;
  activities: PlanActivity[];
  events: PlanEvent[];
  allowedActions: PlanAction[];
  nextConversationDue: ConversationDue | null;
}

export function toCareerPlanDto(view: CareerPlanView): CareerPlanDto {
  return {
    ...toCareerPlanSummaryDto(view.plan),
    activities: view.activities.map(toPlanActivityDto),
    events: view.events.map(toPlanEventDto),
    allowedActions: view.allowedActions,
    nextConversationDue: view.nextConversationDue,
  };
}
