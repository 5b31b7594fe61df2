import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { AnnualGoal } from './annual-goal.entity';

const CLASS_CODE = /^[0-9A-Z]{3,10}$/;
const MAX_COUNT = 1_000_000;
const MAX_TEXT = 20_000;

export class ClassMoveGoalDto {
  @ApiProperty({ example: '5157', description: 'An ELTPA class of the department that year' })
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode!: string;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  count!: number;
}

/** The whole goal record for one fiscal year (PUT replaces it). */
export class PutAnnualGoalDto {
  @ApiProperty({ example: 12, description: 'Employees expected to move from LPEL into ELTPA' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  moveGoal!: number;

  @ApiPropertyOptional({ type: [ClassMoveGoalDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ClassMoveGoalDto)
  moveGoalsByClass?: ClassMoveGoalDto[];

  @ApiProperty({ example: 40, description: 'Employees formally participating' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  participantGoal!: number;

  @ApiProperty({ example: 30, description: 'Career development plans' })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  planGoal!: number;

  @ApiProperty({ example: 1200 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(99_999_999.99)
  trainingHoursGoal!: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Apprentices into permanent civil service',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  apprenticeGoal?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'UM training budget, dollars' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(9_999_999_999.99)
  budget?: number | null;

  @ApiProperty({ example: 'Expand the OA-to-SSA bridging ladder' })
  @IsString()
  @MaxLength(MAX_TEXT)
  narrative!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required when the move goals of the two previous fiscal years were missed',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  missedGoalsExplanation?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'What is needed to meet the goals in the next two fiscal years; required with the explanation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  twoYearPlan?: string | null;
}

export const GOAL_SORT_FIELDS = ['fiscalYear'] as const;

export class AnnualGoalQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GOAL_SORT_FIELDS, default: 'fiscalYear' })
  @IsOptional()
  @IsIn(GOAL_SORT_FIELDS)
  sort: (typeof GOAL_SORT_FIELDS)[number] = GOAL_SORT_FIELDS[0];
}

export class AnnualGoalDto {
  @ApiProperty() id!: string;
  @ApiProperty() departmentId!: string;
  @ApiProperty({ example: '2025-26' }) fiscalYear!: string;
  @ApiProperty() moveGoal!: number;
  @ApiProperty({ type: [ClassMoveGoalDto] }) moveGoalsByClass!: ClassMoveGoalDto[];
  @ApiProperty() participantGoal!: number;
  @ApiProperty() planGoal!: number;
  @ApiProperty() trainingHoursGoal!: number;
  @ApiProperty({ type: Number, nullable: true }) apprenticeGoal!: number | null;
  @ApiProperty({ type: Number, nullable: true }) budget!: number | null;
  @ApiProperty() narrative!: string;
  @ApiProperty({ type: String, nullable: true }) missedGoalsExplanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) twoYearPlan!: string | null;
  @ApiProperty({ description: 'Upward mobility moves with an effective date in this fiscal year' })
  actualMoves!: number;
  @ApiProperty({ description: 'The move goals of both previous fiscal years were missed' })
  missedPreviousTwoYears!: boolean;
  @ApiProperty({ description: 'Send back as If-Match to guard against lost updates' })
  version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toAnnualGoalDto(
  goal: AnnualGoal,
  extra: { actualMoves: number; missedPreviousTwoYears: boolean },
): AnnualGoalDto {
  return {
    id: goal.id,
    departmentId: goal.departmentId,
    fiscalYear: goal.fiscalYear,
    moveGoal: goal.moveGoal,
    moveGoalsByClass: goal.moveGoalsByClass.map(({ classCode, count }) => ({ classCode, count })),
    participantGoal: goal.participantGoal,
    planGoal: goal.planGoal,
    trainingHoursGoal: Number(goal.trainingHoursGoal),
    apprenticeGoal: goal.apprenticeGoal,
    budget: goal.budget === null ? null : Number(goal.budget),
    narrative: goal.narrative,
    missedGoalsExplanation: goal.missedGoalsExplanation,
    twoYearPlan: goal.twoYearPlan,
    actualMoves: extra.actualMoves,
    missedPreviousTwoYears: extra.missedPreviousTwoYears,
    version: goal.version,
    createdAt: goal.createdAt.toISOString(),
    updatedAt: goal.updatedAt.toISOString(),
  };
}
