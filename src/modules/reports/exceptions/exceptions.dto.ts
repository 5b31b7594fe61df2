import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../employees/calendar-date.validator';
import type { EmployeeRef, GoalOutlook } from './exceptions.rule';
import type { ExceptionsReport } from './exceptions.service';

export class ExceptionsQueryDto {
  @ApiPropertyOptional({ example: '2025-10-01', description: 'Defaults to today (Pacific time)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class ExceptionEmployeeDto {
  @ApiProperty({ format: 'uuid' }) employeeId!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '1139' }) classCode!: string;
}

export class MissingPlanItemDto extends ExceptionEmployeeDto {
  @ApiProperty({ enum: ['LPEL', 'BRIDGING'] }) designation!: 'LPEL' | 'BRIDGING';
}

export class MissingPlanSectionDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [MissingPlanItemDto] }) items!: MissingPlanItemDto[];
}

export class ConversationOverdueItemDto extends ExceptionEmployeeDto {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ type: String, nullable: true }) lastConversationOn!: string | null;
}

export class ConversationOverdueSectionDto {
  @ApiProperty({ description: 'A conversation on or after this date is recent' }) since!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [ConversationOverdueItemDto] }) items!: ConversationOverdueItemDto[];
}

export class UnverifiedTrainingItemDto extends ExceptionEmployeeDto {
  @ApiProperty({ format: 'uuid' }) trainingRecordId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() reportedOn!: string;
  @ApiProperty() daysWaiting!: number;
}

export class UnverifiedTrainingSectionDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [UnverifiedTrainingItemDto] }) items!: UnverifiedTrainingItemDto[];
}

export class OverCapItemDto extends ExceptionEmployeeDto {
  @ApiProperty() hours!: number;
  @ApiProperty() capHours!: number;
}

export class OverCapSectionDto {
  @ApiProperty({ type: Number, nullable: true }) capHours!: number | null;
  @ApiProperty() count!: number;
  @ApiProperty({ type: [OverCapItemDto] }) items!: OverCapItemDto[];
}

export class TdNearLimitItemDto extends ExceptionEmployeeDto {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ description: 'Full-time-equivalent months in the fullest 36-month window' })
  usedMonths!: number;
  @ApiProperty() windowStart!: string;
  @ApiProperty() windowEnd!: string;
  @ApiProperty({ description: 'Over the 24-month limit' }) pastLimit!: boolean;
}

export class TdNearLimitSectionDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [TdNearLimitItemDto] }) items!: TdNearLimitItemDto[];
}

export class TdEarlyEndItemDto extends ExceptionEmployeeDto {
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() requestedOn!: string;
  @ApiProperty() dueBy!: string;
  @ApiProperty({ type: String, nullable: true }) honouredOn!: string | null;
}

export class TdEarlyEndSectionDto {
  @ApiProperty() count!: number;
  @ApiProperty({ type: [TdEarlyEndItemDto] }) items!: TdEarlyEndItemDto[];
}

export class ParticipationGroupDto {
  @ApiProperty() employees!: number;
  @ApiProperty() participants!: number;
  @ApiProperty({ type: Number, nullable: true }) rate!: number | null;
}

export class ParticipationDto {
  @ApiProperty({ type: ParticipationGroupDto }) partTime!: ParticipationGroupDto;
  @ApiProperty({ type: ParticipationGroupDto }) fullTime!: ParticipationGroupDto;
}

export class GoalStatusDto {
  @ApiProperty({ type: Number, nullable: true }) moveGoal!: number | null;
  @ApiProperty() actualMoves!: number;
  @ApiProperty({ description: 'Last day of the fiscal year: the projection horizon' })
  yearEnd!: string;
  @ApiProperty({
    description:
      'LPEL/bridging employees eligible now or projected eligible by the year end for an ELTPA class',
  })
  eligibleByYearEnd!: number;
  @ApiProperty({ description: 'actualMoves + eligibleByYearEnd (an upper bound)' })
  projectedMoves!: number;
  @ApiProperty({ enum: ['NO_GOAL', 'MET', 'ON_TRACK', 'AT_RISK'] }) outlook!: GoalOutlook;
  @ApiProperty() atRisk!: boolean;
}

export class ExceptionsReportDto {
  @ApiProperty({ format: 'uuid' }) departmentId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ example: '2025-26' }) fiscalYear!: string;
  @ApiProperty({ type: MissingPlanSectionDto }) withoutApprovedPlan!: MissingPlanSectionDto;
  @ApiProperty({ type: ConversationOverdueSectionDto })
  conversationOverdue!: ConversationOverdueSectionDto;
  @ApiProperty({ type: UnverifiedTrainingSectionDto })
  unverifiedTraining!: UnverifiedTrainingSectionDto;
  @ApiProperty({ type: OverCapSectionDto }) stateTimeCapExceeded!: OverCapSectionDto;
  @ApiProperty({ type: TdNearLimitSectionDto }) tdNearLimit!: TdNearLimitSectionDto;
  @ApiProperty({ type: TdEarlyEndSectionDto }) tdEarlyEndNotHonoured!: TdEarlyEndSectionDto;
  @ApiProperty({ type: ParticipationDto }) participation!: ParticipationDto;
  @ApiProperty({ type: GoalStatusDto }) goals!: GoalStatusDto;
}

function employee(row: EmployeeRef): ExceptionEmployeeDto {
  return {
    employeeId: row.employeeId,
    employeeNumber: row.employeeNumber,
    name: row.name,
    classCode: row.classCode,
  };
}

export function toExceptionsReportDto(report: ExceptionsReport): ExceptionsReportDto {
  const { withoutApprovedPlan: plans, conversationOverdue: talks } = report;
  const { unverifiedTraining: training, stateTimeCapExceeded: cap } = report;
  return {
    departmentId: report.departmentId,
    asOf: report.asOf,
    fiscalYear: report.fiscalYear,
    withoutApprovedPlan: {
      count: plans.count,
      items: plans.items.map((r) => ({ ...employee(r), designation: r.designation })),
    },
    conversationOverdue: {
      since: talks.since,
      count: talks.count,
      items: talks.items.map((r) => ({
        ...employee(r),
        planId: r.planId,
        lastConversationOn: r.lastConversationOn,
      })),
    },
    unverifiedTraining: {
      count: training.count,
      items: training.items.map((r) => ({
        ...employee(r),
        trainingRecordId: r.trainingRecordId,
        title: r.title,
        reportedOn: r.reportedOn,
        daysWaiting: r.daysWaiting,
      })),
    },
    stateTimeCapExceeded: {
      capHours: cap.capHours,
      count: cap.count,
      items: cap.items.map((r) => ({ ...employee(r), hours: r.hours, capHours: r.capHours })),
    },
    tdNearLimit: {
      count: report.tdNearLimit.count,
      items: report.tdNearLimit.items.map((r) => ({
        ...employee(r),
        assignmentId: r.assignmentId,
        usedMonths: r.usedMonths,
        windowStart: r.windowStart,
        windowEnd: r.windowEnd,
        pastLimit: r.pastLimit,
      })),
    },
    tdEarlyEndNotHonoured: {
      count: report.tdEarlyEndNotHonoured.count,
      items: report.tdEarlyEndNotHonoured.items.map((r) => ({
        ...employee(r),
        assignmentId: r.assignmentId,
        requestedOn: r.requestedOn,
        dueBy: r.dueBy,
        honouredOn: r.honouredOn,
      })),
    },
    participation: report.participation,
    goals: report.goals,
  };
}
