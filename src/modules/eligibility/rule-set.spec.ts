import { RuleSet, validateRuleSet } from './rule-set';

function validRuleSet(): RuleSet {
  return {
    classCode: '5157',
    title: 'Staff Services Analyst (General)',
    effectiveFrom: '2024-07-01',
    patterns: [
      {
        id: 'I',
        label: 'Experience',
        requirements: [{ kind: 'experience', months: 24, inClassCodes: ['1138', '1139'] }],
      },
      {
        id: 'II',
        label: 'Everything',
        requirements: [
          {
            kind: 'experience',
            months: 12,
            inOccupationalGroups: ['OFFICE_ALLIED'],
            atOrAboveSalary: 3600,
          },
          {
            kind: 'education',
            level: 'BACHELOR',
            experienceSubstitution: { monthsPerYear: 12, maxYears: 2 },
          },
          { kind: 'training', hours: 40, kinds: ['CLASSROOM'], courses: ['Excel Basics'] },
          { kind: 'examList', classCode: '5157' },
          { kind: 'license', code: 'CDL-A', label: 'Commercial driver license' },
        ],
      },
    ],
  };
}

/** A deep copy as plain JSON, so a test can break any node without touching the typed value. */
function asJson(ruleSet: RuleSet): Record<string, unknown> {
  return JSON.parse(JSON.stringify(ruleSet)) as Record<string, unknown>;
}

function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = validateRuleSet(input);
  return result.ok ? [] : result.errors;
}

describe('validateRuleSet', () => {
  it('accepts a well-formed rule set and returns an equal, separate copy', () => {
    const input = validRuleSet();
    const result = validateRuleSet(input);
    expect(result).toEqual({ ok: true, ruleSet: input });
    if (!result.ok) return;
    expect(result.ruleSet).not.toBe(input);
    expect(result.ruleSet.patterns[0].requirements[0]).not.toBe(input.patterns[0].requirements[0]);
  });

  it('keeps illustrative: true and trims strings', () => {
    const input = { ...asJson(validRuleSet()), illustrative: true, classCode: ' 5157 ' };
    const result = validateRuleSet(input);
    expect(result.ok && result.ruleSet.illustrative).toBe(true);
    expect(result.ok && result.ruleSet.classCode).toBe('5157');
  });

  it('reports every bad node at once, each with its path', () => {
    const input = asJson(validRuleSet());
    input.effectiveFrom = '2024-02-30';
    input.extra = 1;
    const patterns = input.patterns as Record<string, unknown>[];
    patterns[0].requirements = [{ kind: 'experience', months: -3, inClassCodes: ['1138', ''] }];
    const second = patterns[1].requirements as Record<string, unknown>[];
    second[0] = { kind: 'experience', month: 12 };
    second[1] = { kind: 'education', level: 'PHD', experienceSubstitution: { maxYears: '2' } };
    second[2] = { kind: 'training' };
    second[3] = { kind: 'exam' };
    (second as unknown[])[4] = 'license';
    patterns.push({ id: 'I', label: '', requirements: [] });

    expect(errorsOf(input)).toEqual([
      { path: 'extra', message: 'is not a known property' },
      {
        path: 'effectiveFrom',
        message: 'must be a real date written YYYY-MM-DD, got "2024-02-30"',
      },
      {
        path: 'patterns[0].requirements[0].months',
        message: 'must be a number greater than 0, got -3',
      },
      {
        path: 'patterns[0].requirements[0].inClassCodes[1]',
        message: 'must be a non-empty string, got ""',
      },
      { path: 'patterns[1].requirements[0].month', message: 'is not a known property' },
      { path: 'patterns[1].requirements[0].months', message: 'is required' },
      {
        path: 'patterns[1].requirements[1].level',
        message: 'must be one of HIGH_SCHOOL, ASSOCIATE, BACHELOR, MASTER, DOCTORATE, got "PHD"',
      },
      {
        path: 'patterns[1].requirements[1].experienceSubstitution.monthsPerYear',
        message: 'is required',
      },
      {
        path: 'patterns[1].requirements[1].experienceSubstitution.maxYears',
        message: 'must be a number greater than 0, got "2"',
      },
      {
        path: 'patterns[1].requirements[2]',
        message: 'a training requirement needs hours, kinds, courses or a combination',
      },
      {
        path: 'patterns[1].requirements[3].kind',
        message: 'must be one of experience, education, training, examList, license, got "exam"',
      },
      { path: 'patterns[1].requirements[4]', message: 'must be an object, got "license"' },
      { path: 'patterns[2].id', message: '"I" is used by an earlier pattern' },
      { path: 'patterns[2].label', message: 'must be a non-empty string, got ""' },
      { path: 'patterns[2].requirements', message: 'must hold at least one entry' },
    ]);
  });

  it.each<[string, (input: Record<string, unknown>) => void, { path: string; message: string }]>([
    [
      'a missing class code',
      (input) => delete input.classCode,
      { path: 'classCode', message: 'is required' },
    ],
    [
      'no patterns',
      (input) => (input.patterns = []),
      { path: 'patterns', message: 'must hold at least one entry' },
    ],
    [
      'patterns that are not a list',
      (input) => (input.patterns = {}),
      { path: 'patterns', message: 'must be a list, got object' },
    ],
    [
      'a non-boolean illustrative flag',
      (input) => (input.illustrative = 'yes'),
      { path: 'illustrative', message: 'must be true or false, got "yes"' },
    ],
    [
      'a duplicate pattern id',
      (input) => ((input.patterns as Record<string, unknown>[])[1].id = 'I'),
      { path: 'patterns[1].id', message: '"I" is used by an earlier pattern' },
    ],
    [
      'an education requirement with neither level nor units',
      (input) => {
        const pattern = (input.patterns as Record<string, unknown>[])[0];
        pattern.requirements = [{ kind: 'education' }];
      },
      {
        path: 'patterns[0].requirements[0]',
        message: 'an education requirement needs a level, semesterUnits or both',
      },
    ],
    [
      'experience substituting for a master’s degree',
      (input) => {
        const pattern = (input.patterns as Record<string, unknown>[])[0];
        pattern.requirements = [
          {
            kind: 'education',
            level: 'MASTER',
            experienceSubstitution: { monthsPerYear: 12, maxYears: 1 },
          },
        ];
      },
      {
        path: 'patterns[0].requirements[0].experienceSubstitution',
        message: 'experience can only replace semester units or an associate or bachelor’s degree',
      },
    ],
    [
      'an empty class list',
      (input) => {
        const pattern = (input.patterns as Record<string, unknown>[])[0];
        pattern.requirements = [{ kind: 'experience', months: 6, inClassCodes: [] }];
      },
      {
        path: 'patterns[0].requirements[0].inClassCodes',
        message: 'must not be empty (leave it out instead)',
      },
    ],
    [
      'a missing exam list class',
      (input) => {
        const pattern = (input.patterns as Record<string, unknown>[])[0];
        pattern.requirements = [{ kind: 'examList' }];
      },
      { path: 'patterns[0].requirements[0].classCode', message: 'is required' },
    ],
    [
      'a missing kind',
      (input) => {
        const pattern = (input.patterns as Record<string, unknown>[])[0];
        pattern.requirements = [{ months: 6 }];
      },
      {
        path: 'patterns[0].requirements[0].kind',
        message: 'is required (one of experience, education, training, examList, license)',
      },
    ],
  ])('refuses %s', (_name, breakIt, expected) => {
    const input = asJson(validRuleSet());
    breakIt(input);
    expect(errorsOf(input)).toEqual([expected]);
  });

  it.each([null, 'rules', 42, []])('refuses %p as a whole', (input) => {
    expect(errorsOf(input)).toEqual([
      { path: '', message: expect.stringMatching(/^must be an object, got /) as string },
    ]);
  });
});
