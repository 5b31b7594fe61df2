import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../employees/calendar-date.validator';
import { ACTIVITY_KINDS } from '../career-plans/plan-activity.entity';
import type { ActivityKind } from '../career-plans/plan-activity.entity';
import type {
  EligibilityResult,
  EligibilityStatus,
  MeasureUnit,
  PatternResult,
  RequirementResult,
} from './evaluate-eligibility.rule';
import { REQUIREMENT_KINDS } from './rule-set';
import type { Requirement, RequirementKind } from './rule-set';
import { CLASS_CODE, RequirementDoc } from './rule-sets.dto';

const STATUSES: EligibilityStatus[] = ['ELIGIBLE', 'EXAM_ELIGIBLE', 'NOT_YET'];

export class EmployeeEligibilityQueryDto {
  @ApiPropertyOptional({
    example: '5157',
    description:
      "One target class; without it, every class the employee's department designates ELTPA on the as-of date that has rules in force",
  })
  @IsOptional()
  @Matches(CLASS_CODE, {
    message: 'target must be a class code (3-10 digits or upper-case letters)',
  })
  target?: string;

  @ApiPropertyOptional({ example: '2025-10-01', description: 'Defaults to today (Pacific time)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class DepartmentEligibilityQueryDto {
  @ApiProperty({ example: '5157', description: 'The target class' })
  @Matches(CLASS_CODE, {
    message: 'target must be a class code (3-10 digits or upper-case letters)',
  })
  target!: string;

  @ApiPropertyOptional({ example: '2025-10-01', description: 'Defaults to today (Pacific time)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class MeasureDto {
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty() explanation!: string;
}

export class ExperienceSourceDto {
  @ApiProperty({ enum: ['APPOINTMENT', 'TD_ASSIGNMENT'] }) type!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ description: 'Runs on past the as-of date' }) ongoing!: boolean;
  @ApiProperty() timeBaseFraction!: number;
  @ApiProperty() months!: number;
}

export class RequirementResultDto {
  @ApiProperty() index!: number;
  @ApiProperty({ enum: REQUIREMENT_KINDS }) kind!: RequirementKind;
  @ApiProperty({ type: RequirementDoc }) requirement!: Requirement;
  @ApiProperty() met!: boolean;
  @ApiProperty({ type: MeasureDto }) have!: MeasureDto;
  @ApiProperty({ type: MeasureDto }) need!: MeasureDto;
  @ApiProperty({ enum: ['MONTHS', 'SEMESTER_UNITS', 'HOURS'], nullable: true })
  unit!: MeasureUnit | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Missing, in `unit` (0 when met)' })
  gap!: number | null;
  @ApiProperty({ nullable: true, type: String }) projectedMetOn!: string | null;
  @ApiProperty({ type: [String] }) missing!: string[];
  @ApiProperty({ type: [ExperienceSourceDto] }) sources!: ExperienceSourceDto[];
  @ApiProperty({ description: 'The result in one sentence' }) explanation!: string;
}

export class PatternResultDto {
  @ApiProperty() patternId!: string;
  @ApiProperty() label!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() examEligible!: boolean;
  @ApiProperty() unmetCount!: number;
  @ApiProperty({ nullable: true, type: String }) projectedMetOn!: string | null;
  @ApiProperty({ type: [RequirementResultDto] }) requirements!: RequirementResultDto[];
}

export class TargetEligibilityDto {
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ruleSetId!: string;
  @ApiProperty() ruleSetEffectiveFrom!: string;
  @ApiProperty({ description: 'The rules are a made-up example, not the class specification' })
  illustrative!: boolean;
  @ApiProperty({ enum: STATUSES }) status!: EligibilityStatus;
  @ApiProperty({ nullable: true, type: String }) nearestPatternId!: string | null;
  @ApiProperty({ type: [PatternResultDto] }) patterns!: PatternResultDto[];
}

export class EmployeeEligibilityDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty({ type: [TargetEligibilityDto] }) targets!: TargetEligibilityDto[];
}

export class EligibleEmployeeDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ description: 'Current class' }) classCode!: string;
  @ApiProperty({ enum: STATUSES }) status!: EligibilityStatus;
  @ApiProperty({ nullable: true, type: String }) nearestPatternId!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When every unmet requirement of the nearest pattern is projected to be met',
  })
  projectedMetOn!: string | null;
}

export class EligibilityCountsDto {
  @ApiProperty() evaluated!: number;
  @ApiProperty() eligible!: number;
  @ApiProperty() examEligible!: number;
  @ApiProperty() within3Months!: number;
  @ApiProperty() within6Months!: number;
  @ApiProperty() within12Months!: number;
  @ApiProperty({ description: 'Already in the target class on the as-of date (not evaluated)' })
  alreadyInTargetClass!: number;
  @ApiProperty({ description: 'Records the evaluator could not use (see unusableRecords)' })
  unusable!: number;
}

export class UnusableRecordDto {
  @ApiProperty() id!: string;
  @ApiProperty() employeeNumber!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

export class DepartmentEligibilityDto {
  @ApiProperty() departmentId!: string;
  @ApiProperty() asOf!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ruleSetId!: string;
  @ApiProperty() ruleSetEffectiveFrom!: string;
  @ApiProperty() illustrative!: boolean;
  @ApiProperty({ type: EligibilityCountsDto }) counts!: EligibilityCountsDto;
  @ApiProperty({ type: [EligibleEmployeeDto], description: 'Meet a pattern now' })
  eligible!: EligibleEmployeeDto[];
  @ApiProperty({ type: [EligibleEmployeeDto], description: 'May take the exam now' })
  examEligible!: EligibleEmployeeDto[];
  @ApiProperty({
    type: [EligibleEmployeeDto],
    description:
      'Not eligible yet, projected to be within 3 months (by the latest projected date of the nearest pattern’s unmet requirements, all of them time-based); the 6 and 12 month lists include the shorter ones',
  })
  within3Months!: EligibleEmployeeDto[];
  @ApiProperty({ type: [EligibleEmployeeDto] }) within6Months!: EligibleEmployeeDto[];
  @ApiProperty({ type: [EligibleEmployeeDto] }) within12Months!: EligibleEmployeeDto[];
  @ApiProperty({ type: [UnusableRecordDto] }) unusableRecords!: UnusableRecordDto[];
}

export class PlanActivityFromGapDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) targetDate!: string | null;
  @ApiProperty({ nullable: true, type: Number }) plannedHours!: number | null;
  @ApiProperty() status!: string;
  @ApiProperty({ nullable: true, type: String }) sourceRequirement!: string | null;
}

export class PlanGapsDto {
  @ApiProperty() planId!: string;
  @ApiProperty({ description: 'The plan version after the call (also the ETag)' })
  version!: number;
  @ApiProperty() classCode!: string;
  @ApiProperty({ enum: STATUSES }) status!: EligibilityStatus;
  @ApiProperty({ nullable: true, type: String }) nearestPatternId!: string | null;
  @ApiProperty({ type: [String], description: 'Ids of the activities this call added' })
  added!: string[];
  @ApiProperty({ type: [PlanActivityFromGapDto], description: 'Every activity of the plan' })
  activities!: PlanActivityFromGapDto[];
}

// ---------------------------------------------------------------------------------------------
// Mapping
// ---------------------------------------------------------------------------------------------

/** Months and units as two decimals: what the employee has rounded down, what is missing up. */
function floor2(value: number): number {
  return Math.floor(value * 100 + 1e-6) / 100;
}

function ceil2(value: number): number {
  return Math.ceil(value * 100 - 1e-6) / 100;
}

export function requirementExplanation(result: RequirementResult): string {
  const verdict = result.met ? 'Met' : 'Not met';
  const projected =
    !result.met && result.projectedMetOn !== null
      ? `; projected to be met on ${result.projectedMetOn}`
      : '';
  return `${verdict}: needs ${result.need.explanation}; has ${result.have.explanation}${projected}`;
}

function toRequirementDto(result: RequirementResult): RequirementResultDto {
  return {
    index: result.index,
    kind: result.kind,
    requirement: result.requirement,
    met: result.met,
    have: {
      value: result.have.value === null ? null : floor2(result.have.value),
      explanation: result.have.explanation,
    },
    need: { value: result.need.value, explanation: result.need.explanation },
    unit: result.unit,
    gap: result.gap === null ? null : ceil2(result.gap),
    projectedMetOn: result.projectedMetOn,
    missing: [...result.missing],
    sources: result.sources.map((source) => ({
      type: source.type,
      classCode: source.classCode,
      start: source.start,
      end: source.end,
      ongoing: source.ongoing,
      timeBaseFraction: source.timeBaseFraction,
      months: floor2(source.months),
    })),
    explanation: requirementExplanation(result),
  };
}

function toPatternDto(pattern: PatternResult): PatternResultDto {
  return {
    patternId: pattern.patternId,
    label: pattern.label,
    met: pattern.met,
    examEligible: pattern.examEligible,
    unmetCount: pattern.unmetCount,
    projectedMetOn: pattern.projectedMetOn,
    requirements: pattern.requirements.map(toRequirementDto),
  };
}

export function toTargetEligibilityDto(
  result: EligibilityResult,
  ruleSet: { id: string; effectiveFrom: string },
): TargetEligibilityDto {
  return {
    classCode: result.classCode,
    title: result.title,
    ruleSetId: ruleSet.id,
    ruleSetEffectiveFrom: ruleSet.effectiveFrom,
    illustrative: result.illustrative,
    status: result.status,
    nearestPatternId: result.nearestPatternId,
    patterns: result.patterns.map(toPatternDto),
  };
}
