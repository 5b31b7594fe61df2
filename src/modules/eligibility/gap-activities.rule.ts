/**
 * What a career development plan should contain to close the gaps of an eligibility result: one
 * planned activity per unmet requirement of the nearest pattern (the one the employee is closest
 * to), described in plain words, dated when the requirement is projected to be met.
 *
 * Each activity carries a stable key of the requirement it closes
 * (`<classCode>:<patternId>:<requirement index>:<kind>`), so that adding the gaps to a plan twice
 * adds nothing the second time. The class code leads the key so that gaps of two targets with
 * the same pattern ids never collide.
 *
 * Pure: no Nest, no TypeORM.
 */
import type { EligibilityResult, RequirementResult } from './evaluate-eligibility.rule';
import type { EducationLevel } from './rule-set';

/** Kinds of career plan activities made from gaps (a subset of the plan's activity kinds). */
export type GapActivityKind =
  'TD_ASSIGNMENT' | 'OJT' | 'COLLEGE_COURSE' | 'TRAINING' | 'EXAM' | 'OTHER';

export interface GapActivity {
  kind: GapActivityKind;
  /** At most `MAX_DESCRIPTION_LENGTH` characters. */
  description: string;
  /** When the requirement is projected to be met (time-based requirements), else null. */
  targetDate: string | null;
  /** Training hours still missing, else null. */
  plannedHours: number | null;
  sourceRequirement: string;
}

export const MAX_DESCRIPTION_LENGTH = 500;

const LEVEL_NAMES: Record<EducationLevel, string> = {
  HIGH_SCHOOL: 'a high-school diploma',
  ASSOCIATE: 'an associate degree',
  BACHELOR: 'a bachelor’s degree',
  MASTER: 'a master’s degree',
  DOCTORATE: 'a doctorate',
};

/** The key of one requirement of one pattern of a target class. */
export function gapKey(
  classCode: string,
  patternId: string,
  requirement: RequirementResult,
): string {
  return `${classCode}:${patternId}:${requirement.index}:${requirement.kind}`;
}

/** One activity per unmet requirement of the nearest pattern; none when already eligible. */
export function activitiesForGaps(result: EligibilityResult): GapActivity[] {
  if (result.status === 'ELIGIBLE' || result.nearestPatternId === null) return [];
  const pattern = result.patterns.find((p) => p.patternId === result.nearestPatternId);
  if (!pattern) return [];
  return pattern.requirements
    .filter((requirement) => !requirement.met)
    .map((requirement) => ({
      ...activityFor(requirement),
      targetDate: requirement.projectedMetOn,
      sourceRequirement: gapKey(result.classCode, pattern.patternId, requirement),
    }))
    .map((activity) => ({ ...activity, description: clip(activity.description) }));
}

function activityFor(
  result: RequirementResult,
): Pick<GapActivity, 'kind' | 'description' | 'plannedHours'> {
  const requirement = result.requirement;
  switch (requirement.kind) {
    case 'experience': {
      const where = experienceScope(requirement);
      const months = roundUp(result.gap ?? requirement.months);
      // Time alone gets there in the current class: keep going. Otherwise the experience has to
      // be gained elsewhere, which is what a T&D assignment is for (2 CCR 438).
      return result.projectedMetOn !== null
        ? {
            kind: 'OJT',
            description: `${months} more ${plural(months, 'month')} of experience in ${where} (on the job; met on ${result.projectedMetOn} if the current assignment continues)`,
            plannedHours: null,
          }
        : {
            kind: 'TD_ASSIGNMENT',
            description: `${months} more ${plural(months, 'month')} of experience in ${where} (e.g. a T&D assignment in one of these classes)`,
            plannedHours: null,
          };
    }
    case 'education': {
      const level = requirement.level ? LEVEL_NAMES[requirement.level] : null;
      if (result.gap === null) {
        return {
          kind: 'COLLEGE_COURSE',
          description: `Complete ${level ?? 'the required education'}`,
          plannedHours: null,
        };
      }
      const units = roundUp(result.gap);
      const toward = level ? ` toward ${level}` : '';
      const orExperience =
        result.projectedMetOn !== null
          ? `, or qualifying experience until ${result.projectedMetOn}`
          : '';
      return {
        kind: 'COLLEGE_COURSE',
        description: `${units} more semester ${plural(units, 'unit')}${toward}${orExperience}`,
        plannedHours: null,
      };
    }
    case 'training': {
      const parts: string[] = [];
      const kinds = requirement.kinds ? `${requirement.kinds.join('/')} ` : '';
      const hours = result.gap !== null && result.gap > 0 ? roundUp(result.gap) : null;
      if (hours !== null)
        parts.push(`${hours} more verified ${plural(hours, 'hour')} of ${kinds}training`);
      if (result.missing.length > 0) parts.push(`complete ${result.missing.join(', ')}`);
      if (parts.length === 0) parts.push(`at least one verified ${kinds}training`);
      const text = parts.join('; ');
      return {
        kind: 'TRAINING',
        description: text.charAt(0).toUpperCase() + text.slice(1),
        plannedHours: hours,
      };
    }
    case 'examList':
      return {
        kind: 'EXAM',
        description: `Exam for ${requirement.classCode} (to be placed on its eligible list)`,
        plannedHours: null,
      };
    case 'license':
      return {
        kind: 'OTHER',
        description: `Obtain license ${requirement.label ? `${requirement.label} (${requirement.code})` : requirement.code}`,
        plannedHours: null,
      };
  }
}

function experienceScope(requirement: {
  inClassCodes?: string[];
  inOccupationalGroups?: string[];
  atOrAboveSalary?: number;
}): string {
  const parts: string[] = [];
  if (requirement.inClassCodes) parts.push(requirement.inClassCodes.join('/'));
  if (requirement.inOccupationalGroups || requirement.atOrAboveSalary !== undefined) {
    const groups = requirement.inOccupationalGroups
      ? `a class in ${requirement.inOccupationalGroups.join('/')}`
      : 'a class';
    parts.push(
      requirement.atOrAboveSalary === undefined
        ? groups
        : `${groups} with a salary low of at least ${requirement.atOrAboveSalary}`,
    );
  }
  return parts.length === 0 ? 'any class' : parts.join(' or ');
}

/** Up to one decimal, rounded up: 7.42 months still missing is "7.5 more months". */
function roundUp(value: number): number {
  return Math.ceil(value * 10 - 1e-9) / 10;
}

function plural(value: number, word: string): string {
  return value === 1 ? word : `${word}s`;
}

function clip(text: string): string {
  return text.length <= MAX_DESCRIPTION_LENGTH
    ? text
    : `${text.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…`;
}
