/** Eligibility results in plain words for the employee (the API's numbers stay in the details). */
import type {
  EligibilityStatus,
  PatternResult,
  RequirementResult,
  TargetEligibility,
} from '../api/types';
import { formatDate, formatNumber } from './format';

export function statusInWords(status: EligibilityStatus): string {
  switch (status) {
    case 'ELIGIBLE':
      return 'You meet the minimum qualifications.';
    case 'EXAM_ELIGIBLE':
      return 'You may take the exam now; you must meet every qualification by the time you are appointed.';
    case 'NOT_YET':
      return 'You do not meet the minimum qualifications yet.';
  }
}

/** "12 more months of qualifying experience", or what is missing by name. */
export function gapInWords(requirement: RequirementResult): string {
  if (requirement.met) return 'Met.';
  const gap = requirement.gap;
  if (gap !== null && gap > 0 && requirement.unit) {
    const amount = formatNumber(gap);
    switch (requirement.unit) {
      case 'MONTHS':
        return `You need ${amount} more ${gap === 1 ? 'month' : 'months'} of qualifying experience.`;
      case 'SEMESTER_UNITS':
        return `You need ${amount} more college semester ${gap === 1 ? 'unit' : 'units'}.`;
      case 'HOURS':
        return `You need ${amount} more ${gap === 1 ? 'hour' : 'hours'} of verified training.`;
    }
  }
  if (requirement.missing.length > 0) return `Missing: ${requirement.missing.join(', ')}.`;
  return `You need ${requirement.need.explanation}.`;
}

export function projectionInWords(requirement: RequirementResult): string | null {
  if (requirement.met) return null;
  if (requirement.projectedMetOn) {
    return `If nothing changes, you will meet it on ${formatDate(requirement.projectedMetOn)}.`;
  }
  return 'No date can be projected: it depends on something you do (a course, training, an exam or a license).';
}

/** The nearest way to qualify first, then the others. */
export function patternsNearestFirst(target: TargetEligibility): PatternResult[] {
  return [...target.patterns].sort((a, b) => {
    if (a.patternId === target.nearestPatternId) return -1;
    if (b.patternId === target.nearestPatternId) return 1;
    return a.unmetCount - b.unmetCount;
  });
}

export function patternSummary(pattern: PatternResult): string {
  if (pattern.met) return 'You meet every requirement of this pattern.';
  const left = `${pattern.unmetCount} ${pattern.unmetCount === 1 ? 'requirement' : 'requirements'} left`;
  return pattern.projectedMetOn
    ? `${left}; projected to be met on ${formatDate(pattern.projectedMetOn)}.`
    : `${left}.`;
}
