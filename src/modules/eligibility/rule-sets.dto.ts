import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../../common/http/pagination';
import type { EligibilityRuleSet } from './eligibility-rule-set.entity';
import { EDUCATION_LEVELS, REQUIREMENT_KINDS } from './rule-set';
import type { Pattern } from './rule-set';

export const CLASS_CODE = /^[0-9A-Z]{3,10}$/;

/** Documentation only: requirements are checked by `validateRuleSet`, node by node. */
export class RequirementDoc {
  @ApiProperty({ enum: REQUIREMENT_KINDS }) kind!: string;
  @ApiPropertyOptional({ description: 'experience: months (full-time equivalent)' })
  months?: number;
  @ApiPropertyOptional({ type: [String], description: 'experience: qualifying classes' })
  inClassCodes?: string[];
  @ApiPropertyOptional({ type: [String], description: 'experience: qualifying groups' })
  inOccupationalGroups?: string[];
  @ApiPropertyOptional({ description: 'experience: monthly salary low of the class, at least' })
  atOrAboveSalary?: number;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, description: 'education: degree' })
  level?: string;
  @ApiPropertyOptional({ description: 'education: college semester units' })
  semesterUnits?: number;
  @ApiPropertyOptional({
    description:
      'education: { monthsPerYear, maxYears, qualifyingClassCodes?, qualifyingOccupationalGroups? }',
  })
  experienceSubstitution?: object;
  @ApiPropertyOptional({ description: 'training: verified hours' }) hours?: number;
  @ApiPropertyOptional({ type: [String], description: 'training: kinds' }) kinds?: string[];
  @ApiPropertyOptional({ type: [String], description: 'training: course titles' })
  courses?: string[];
  @ApiPropertyOptional({ description: 'examList: the class of the list' }) classCode?: string;
  @ApiPropertyOptional({ description: 'license: code' }) code?: string;
  @ApiPropertyOptional({ description: 'license: label' }) label?: string;
}

export class PatternDoc {
  @ApiProperty({ example: 'I' }) id!: string;
  @ApiProperty({ example: 'Pattern I: two years of office experience' }) label!: string;
  @ApiProperty({ type: [RequirementDoc] }) requirements!: RequirementDoc[];
}

/**
 * The body is checked as a whole by `validateRuleSet` (and against the catalog), so that every
 * bad node is reported at once with its path (`patterns[1].requirements[0].months`); the
 * decorators here only let the properties through.
 */
export class CreateRuleSetDto {
  @ApiProperty({ example: '5157', description: 'A class of the catalog' })
  @Allow()
  classCode!: unknown;

  @ApiProperty({ example: '2025-07-01', description: 'The date the specification takes effect' })
  @Allow()
  effectiveFrom!: unknown;

  @ApiPropertyOptional({
    description: 'A made-up example, never to be mistaken for a real class specification',
  })
  @Allow()
  illustrative?: unknown;

  @ApiProperty({ type: [PatternDoc], description: 'Alternatives: any one pattern qualifies' })
  @Allow()
  patterns!: unknown;
}

export const RULE_SET_SORT_FIELDS = ['effectiveFrom', 'createdAt'] as const;

export class RuleSetQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '5157' })
  @IsOptional()
  @Matches(CLASS_CODE, { message: 'classCode must be 3-10 digits or upper-case letters' })
  classCode?: string;

  @ApiPropertyOptional({ enum: RULE_SET_SORT_FIELDS, default: 'effectiveFrom' })
  @IsOptional()
  @IsIn(RULE_SET_SORT_FIELDS)
  sort: (typeof RULE_SET_SORT_FIELDS)[number] = 'effectiveFrom';

  /** Newest version first unless asked otherwise. */
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  override order: 'asc' | 'desc' = 'desc';
}

export class RuleSetDto {
  @ApiProperty() id!: string;
  @ApiProperty() classCode!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2025-07-01' }) effectiveFrom!: string;
  @ApiProperty() illustrative!: boolean;
  @ApiProperty({ type: [PatternDoc] }) patterns!: Pattern[];
  @ApiProperty({ nullable: true, type: String }) createdBy!: string | null;
  @ApiProperty() createdAt!: string;
}

export type RuleSetWithClass = EligibilityRuleSet & {
  classification: { classCode: string; title: string };
};

export function toRuleSetDto(ruleSet: RuleSetWithClass): RuleSetDto {
  return {
    id: ruleSet.id,
    classCode: ruleSet.classification.classCode,
    title: ruleSet.classification.title,
    effectiveFrom: ruleSet.effectiveFrom,
    illustrative: ruleSet.illustrative,
    patterns: ruleSet.definition.patterns,
    createdBy: ruleSet.createdBy,
    createdAt: ruleSet.createdAt.toISOString(),
  };
}
