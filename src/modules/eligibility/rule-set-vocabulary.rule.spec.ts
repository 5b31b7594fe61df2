import type { RuleSetError } from './rule-set';
import {
  MAX_PATTERN_ID_LENGTH,
  mergeInDocumentOrder,
  ruleSetVocabularyProblems,
} from './rule-set-vocabulary.rule';

const VOCABULARY = {
  occupationalGroups: ['OFFICE_ALLIED', 'FISCAL_MANAGEMENT_STAFF_SERVICES'],
  trainingKinds: ['CLASSROOM', 'ONLINE'],
};

function withRequirement(requirement: unknown, id: unknown = 'I'): unknown {
  return { patterns: [{ id, label: 'x', requirements: [requirement] }] };
}

describe('ruleSetVocabularyProblems', () => {
  it.each<{ name: string; input: unknown; paths: string[] }>([
    {
      name: 'known groups and kinds pass',
      input: withRequirement({
        kind: 'experience',
        months: 12,
        inOccupationalGroups: ['OFFICE_ALLIED'],
      }),
      paths: [],
    },
    {
      name: 'an unknown experience group is named by index',
      input: withRequirement({
        kind: 'experience',
        months: 12,
        inOccupationalGroups: ['OFFICE_ALLIED', 'OFFICE_ALIED'],
      }),
      paths: ['patterns[0].requirements[0].inOccupationalGroups[1]'],
    },
    {
      name: 'an unknown substitution group',
      input: withRequirement({
        kind: 'education',
        semesterUnits: 60,
        experienceSubstitution: {
          monthsPerYear: 12,
          maxYears: 2,
          qualifyingOccupationalGroups: ['STAFF'],
        },
      }),
      paths: ['patterns[0].requirements[0].experienceSubstitution.qualifyingOccupationalGroups[0]'],
    },
    {
      name: 'an unknown training kind',
      input: withRequirement({ kind: 'training', kinds: ['WEBINAR', 'ONLINE'] }),
      paths: ['patterns[0].requirements[0].kinds[0]'],
    },
    {
      name: 'a pattern id too long for activity keys',
      input: withRequirement({ kind: 'license', code: 'X' }, 'P'.repeat(MAX_PATTERN_ID_LENGTH + 1)),
      paths: ['patterns[0].id'],
    },
    {
      name: 'malformed input is left to validateRuleSet',
      input: {
        patterns: [
          null,
          { requirements: 'no' },
          { requirements: [{ kind: 'training', kinds: 3 }] },
        ],
      },
      paths: [],
    },
    { name: 'not an object at all', input: 'rules', paths: [] },
  ])('$name', ({ input, paths }) => {
    expect(ruleSetVocabularyProblems(input, VOCABULARY).map((e) => e.path)).toEqual(paths);
  });
});

describe('mergeInDocumentOrder', () => {
  const error = (path: string): RuleSetError => ({ path, message: path });

  it('orders by pattern then requirement numerically, whole-set problems first, stable within a node', () => {
    const merged = mergeInDocumentOrder(
      [error('patterns[10].label'), error('patterns[2].requirements[0].months')],
      [
        error('patterns[2].requirements[0].kinds[0]'),
        error('classCode'),
        error('patterns[2].requirements[11].kind'),
        error('patterns[2].requirements[3].kind'),
      ],
    );
    expect(merged.map((e) => e.path)).toEqual([
      'classCode',
      'patterns[2].requirements[0].months',
      'patterns[2].requirements[0].kinds[0]',
      'patterns[2].requirements[3].kind',
      'patterns[2].requirements[11].kind',
      'patterns[10].label',
    ]);
  });
});
