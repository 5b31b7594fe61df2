/**
 * Checks of a rule set against this system's own vocabulary, on top of `validateRuleSet` (which
 * checks the shape and knows nothing of the catalog): occupational groups and training kinds are
 * closed lists here, so a misspelt one would silently never match anybody. Pattern ids end up in
 * the keys of career plan activities made from gaps, so they are kept short.
 *
 * Reads the raw input defensively (it may be malformed: `validateRuleSet` reports that), so that
 * both checks report together, in one pass. Pure: no Nest, no TypeORM.
 */
import type { RuleSetError } from './rule-set';

export interface RuleSetVocabulary {
  occupationalGroups: readonly string[];
  trainingKinds: readonly string[];
}

export const MAX_PATTERN_ID_LENGTH = 40;

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function items(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Every word of a closed list that is not in it, with its path. */
function checkList(
  errors: RuleSetError[],
  value: unknown,
  path: string,
  allowed: readonly string[],
  what: string,
): void {
  items(value).forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '' && !allowed.includes(item.trim())) {
      errors.push({
        path: `${path}[${index}]`,
        message: `"${item}" is not a known ${what} (one of ${allowed.join(', ')})`,
      });
    }
  });
}

export function ruleSetVocabularyProblems(
  input: unknown,
  vocabulary: RuleSetVocabulary,
): RuleSetError[] {
  const errors: RuleSetError[] = [];
  if (!isRecord(input)) return errors;
  items(input.patterns).forEach((pattern, patternIndex) => {
    if (!isRecord(pattern)) return;
    const path = `patterns[${patternIndex}]`;
    if (typeof pattern.id === 'string' && pattern.id.trim().length > MAX_PATTERN_ID_LENGTH) {
      errors.push({
        path: `${path}.id`,
        message: `must be at most ${MAX_PATTERN_ID_LENGTH} characters`,
      });
    }
    items(pattern.requirements).forEach((requirement, index) => {
      if (!isRecord(requirement)) return;
      const at = `${path}.requirements[${index}]`;
      const groups = vocabulary.occupationalGroups;
      if (requirement.kind === 'experience') {
        checkList(
          errors,
          requirement.inOccupationalGroups,
          `${at}.inOccupationalGroups`,
          groups,
          'occupational group',
        );
      }
      if (requirement.kind === 'education' && isRecord(requirement.experienceSubstitution)) {
        checkList(
          errors,
          requirement.experienceSubstitution.qualifyingOccupationalGroups,
          `${at}.experienceSubstitution.qualifyingOccupationalGroups`,
          groups,
          'occupational group',
        );
      }
      if (requirement.kind === 'training') {
        checkList(
          errors,
          requirement.kinds,
          `${at}.kinds`,
          vocabulary.trainingKinds,
          'training kind',
        );
      }
    });
  });
  return errors;
}

/**
 * Two lists of problems merged in document order: by pattern, then requirement (problems of
 * the whole rule set first); within one node each list keeps its own order.
 */
export function mergeInDocumentOrder(
  ...lists: readonly (readonly RuleSetError[])[]
): RuleSetError[] {
  const position = (path: string): [number, number] => {
    const pattern = /^patterns\[(\d+)\]/.exec(path);
    const requirement = /\.requirements\[(\d+)\]/.exec(path);
    return [pattern ? Number(pattern[1]) : -1, requirement ? Number(requirement[1]) : -1];
  };
  return lists
    .flat()
    .map((error, order) => ({ error, order, at: position(error.path) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order)
    .map(({ error }) => error);
}
