/**
 * Minimum qualifications of a target civil-service class, kept as data so that a coordinator can
 * record a class specification without a code change, and so that every decision can be
 * explained requirement by requirement.
 *
 * A rule set holds alternative patterns ("Either I ... or II ..."): an employee qualifies under
 * any one pattern whose requirements all hold. Pure: no Nest, no TypeORM.
 */
import { parseIsoDate } from '../program-calendar/fiscal-year.rule';

export const EDUCATION_LEVELS = [
  'HIGH_SCHOOL',
  'ASSOCIATE',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** One academic year of college. */
export const SEMESTER_UNITS_PER_YEAR = 30;

/**
 * Degrees that have a semester-unit equivalent (60 units for an associate degree, 120 for a
 * bachelor's), so that units and substituted experience can stand in for them. A high-school
 * diploma, a master's and a doctorate have none: only the degree itself meets them.
 */
export const DEGREE_SEMESTER_UNITS: Readonly<Partial<Record<EducationLevel, number>>> = {
  ASSOCIATE: 60,
  BACHELOR: 120,
};

export const REQUIREMENT_KINDS = [
  'experience',
  'education',
  'training',
  'examList',
  'license',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/**
 * Months of experience, counted from appointment history and T&D assignments (a T&D assignment
 * counts as experience in the class of the work). Part-time counts in proportion to time base.
 *
 * Which periods qualify: a period in one of `inClassCodes`, or - when `inOccupationalGroups`
 * and/or `atOrAboveSalary` are given - a period whose class is in one of those groups and
 * whose monthly salaryLow is at least that amount (both conditions when both are given). This
 * mirrors class specifications such as "experience as an Office Technician, or in a class in
 * the office group at a level at least equivalent". With no filter at all, any experience
 * qualifies.
 */
export interface ExperienceRequirement {
  kind: 'experience';
  months: number;
  inClassCodes?: string[];
  inOccupationalGroups?: string[];
  /** Monthly salaryLow of the class the employee worked in. */
  atOrAboveSalary?: number;
}

/**
 * Experience standing in for college: `monthsPerYear` months of qualifying experience replace
 * one year (30 semester units), up to `maxYears` years. Qualifying experience: periods in
 * `qualifyingClassCodes` or in `qualifyingOccupationalGroups` (any experience when neither is
 * given). Only "additional" experience substitutes: the months the same pattern already
 * requires as experience are set aside first.
 */
export interface ExperienceSubstitution {
  monthsPerYear: number;
  maxYears: number;
  qualifyingClassCodes?: string[];
  qualifyingOccupationalGroups?: string[];
}

/**
 * A degree (`level`: the employee's recorded level or a higher one), college semester units, or
 * both. An associate or bachelor's degree is also met by its unit equivalent (60 / 120 units).
 * `experienceSubstitution` applies to the unit part only, so it needs `semesterUnits` or an
 * associate or bachelor's `level`.
 */
export interface EducationRequirement {
  kind: 'education';
  level?: EducationLevel;
  semesterUnits?: number;
  experienceSubstitution?: ExperienceSubstitution;
}

/**
 * Verified training completed on or before the as-of date: at least `hours` hours of the given
 * `kinds` (any kind when omitted), every course in `courses` (titles, case-insensitive), and -
 * when only `kinds` is given - at least one training of those kinds.
 */
export interface TrainingRequirement {
  kind: 'training';
  hours?: number;
  kinds?: string[];
  courses?: string[];
}

/** On an unexpired eligible list for the class: listDate <= as-of date <= expiresOn. */
export interface ExamListRequirement {
  kind: 'examList';
  classCode: string;
}

export interface LicenseRequirement {
  kind: 'license';
  code: string;
  label?: string;
}

export type Requirement =
  | ExperienceRequirement
  | EducationRequirement
  | TrainingRequirement
  | ExamListRequirement
  | LicenseRequirement;

/** All requirements must hold. */
export interface Pattern {
  id: string;
  label: string;
  requirements: Requirement[];
}

export interface RuleSet {
  classCode: string;
  title: string;
  /** YYYY-MM-DD: the date the class specification took effect. */
  effectiveFrom: string;
  /** True for made-up examples that must never be mistaken for a real class specification. */
  illustrative?: boolean;
  /** Alternatives: meeting every requirement of any one pattern qualifies. */
  patterns: Pattern[];
}

export interface RuleSetError {
  /** Where the bad node is, e.g. `patterns[1].requirements[0].months`; '' for the whole input. */
  path: string;
  message: string;
}

export type RuleSetValidation =
  { ok: true; ruleSet: RuleSet } | { ok: false; errors: RuleSetError[] };

// ---------------------------------------------------------------------------------------------
// Validation, by hand: every bad node is reported, in document order, with its path.
// ---------------------------------------------------------------------------------------------

type UnknownRecord = Record<string, unknown>;

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Array.isArray` narrows to `any[]`; this keeps the items `unknown`. */
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** Collects errors while reading an untrusted object. */
class Reader {
  readonly errors: RuleSetError[] = [];

  fail(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  record(value: unknown, path: string): UnknownRecord | undefined {
    if (isRecord(value)) return value;
    this.fail(path, `must be an object, got ${describeValue(value)}`);
    return undefined;
  }

  /** Unknown properties are usually typos (`month` for `months`): name them. */
  onlyKnownKeys(node: UnknownRecord, path: string, known: readonly string[]): void {
    for (const key of Object.keys(node)) {
      if (!known.includes(key)) this.fail(at(path, key), 'is not a known property');
    }
  }

  string(node: UnknownRecord, key: string, path: string, required: boolean): string | undefined {
    const value = node[key];
    if (value === undefined) {
      if (required) this.fail(at(path, key), 'is required');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(at(path, key), `must be a non-empty string, got ${describeValue(value)}`);
      return undefined;
    }
    return value.trim();
  }

  positiveNumber(
    node: UnknownRecord,
    key: string,
    path: string,
    required: boolean,
  ): number | undefined {
    const value = node[key];
    if (value === undefined) {
      if (required) this.fail(at(path, key), 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      this.fail(at(path, key), `must be a number greater than 0, got ${describeValue(value)}`);
      return undefined;
    }
    return value;
  }

  /** An optional non-empty list of non-empty strings; each bad item is reported by index. */
  stringList(node: UnknownRecord, key: string, path: string): string[] | undefined {
    const value = node[key];
    if (value === undefined) return undefined;
    const listPath = at(path, key);
    if (!isList(value)) {
      this.fail(listPath, `must be a list of strings, got ${describeValue(value)}`);
      return undefined;
    }
    if (value.length === 0) {
      this.fail(listPath, 'must not be empty (leave it out instead)');
      return undefined;
    }
    const items: string[] = [];
    value.forEach((item: unknown, index) => {
      if (typeof item === 'string' && item.trim() !== '') items.push(item.trim());
      else
        this.fail(
          `${listPath}[${index}]`,
          `must be a non-empty string, got ${describeValue(item)}`,
        );
    });
    return items.length === value.length ? items : undefined;
  }

  list(node: UnknownRecord, key: string, path: string): readonly unknown[] | undefined {
    const value: unknown = node[key];
    if (value === undefined) {
      this.fail(at(path, key), 'is required');
      return undefined;
    }
    if (!isList(value)) {
      this.fail(at(path, key), `must be a list, got ${describeValue(value)}`);
      return undefined;
    }
    if (value.length === 0) {
      this.fail(at(path, key), 'must hold at least one entry');
      return undefined;
    }
    return value;
  }
}

const RULE_SET_KEYS = ['classCode', 'title', 'effectiveFrom', 'illustrative', 'patterns'] as const;
const PATTERN_KEYS = ['id', 'label', 'requirements'] as const;
const REQUIREMENT_KEYS: Record<RequirementKind, readonly string[]> = {
  experience: ['kind', 'months', 'inClassCodes', 'inOccupationalGroups', 'atOrAboveSalary'],
  education: ['kind', 'level', 'semesterUnits', 'experienceSubstitution'],
  training: ['kind', 'hours', 'kinds', 'courses'],
  examList: ['kind', 'classCode'],
  license: ['kind', 'code', 'label'],
};
const SUBSTITUTION_KEYS = [
  'monthsPerYear',
  'maxYears',
  'qualifyingClassCodes',
  'qualifyingOccupationalGroups',
] as const;

function isRequirementKind(value: unknown): value is RequirementKind {
  return typeof value === 'string' && (REQUIREMENT_KINDS as readonly string[]).includes(value);
}

function isEducationLevel(value: unknown): value is EducationLevel {
  return typeof value === 'string' && (EDUCATION_LEVELS as readonly string[]).includes(value);
}

function isRealDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks untrusted input (a JSON body, a seeded file) and returns a clean copy: strings are
 * trimmed, unknown properties refused. Every problem is reported, not just the first, so that a
 * coordinator fixes a rule set in one pass.
 */
export function validateRuleSet(input: unknown): RuleSetValidation {
  const reader = new Reader();
  const root = reader.record(input, '');
  if (!root) return { ok: false, errors: reader.errors };

  reader.onlyKnownKeys(root, '', RULE_SET_KEYS);
  const classCode = reader.string(root, 'classCode', '', true);
  const title = reader.string(root, 'title', '', true);
  const effectiveFrom = reader.string(root, 'effectiveFrom', '', true);
  if (effectiveFrom !== undefined && !isRealDate(effectiveFrom)) {
    reader.fail('effectiveFrom', `must be a real date written YYYY-MM-DD, got "${effectiveFrom}"`);
  }
  const illustrative = root.illustrative;
  if (illustrative !== undefined && typeof illustrative !== 'boolean') {
    reader.fail('illustrative', `must be true or false, got ${describeValue(illustrative)}`);
  }

  const patterns: Pattern[] = [];
  const seenIds = new Set<string>();
  (reader.list(root, 'patterns', '') ?? []).forEach((value, index) => {
    const pattern = readPattern(reader, value, `patterns[${index}]`, seenIds);
    if (pattern) patterns.push(pattern);
  });

  if (reader.errors.length > 0) return { ok: false, errors: reader.errors };
  return {
    ok: true,
    ruleSet: {
      classCode: classCode as string,
      title: title as string,
      effectiveFrom: effectiveFrom as string,
      ...(illustrative === true ? { illustrative: true } : {}),
      patterns,
    },
  };
}

function readPattern(
  reader: Reader,
  value: unknown,
  path: string,
  seenIds: Set<string>,
): Pattern | undefined {
  const node = reader.record(value, path);
  if (!node) return undefined;
  reader.onlyKnownKeys(node, path, PATTERN_KEYS);
  const id = reader.string(node, 'id', path, true);
  if (id !== undefined) {
    if (seenIds.has(id)) reader.fail(at(path, 'id'), `"${id}" is used by an earlier pattern`);
    seenIds.add(id);
  }
  const label = reader.string(node, 'label', path, true);
  const requirements: Requirement[] = [];
  let complete = id !== undefined && label !== undefined;
  (reader.list(node, 'requirements', path) ?? []).forEach((item, index) => {
    const requirement = readRequirement(reader, item, `${path}.requirements[${index}]`);
    if (requirement) requirements.push(requirement);
    else complete = false;
  });
  if (!complete || requirements.length === 0) return undefined;
  return { id: id as string, label: label as string, requirements };
}

function readRequirement(reader: Reader, value: unknown, path: string): Requirement | undefined {
  const node = reader.record(value, path);
  if (!node) return undefined;
  const kind = node.kind;
  if (!isRequirementKind(kind)) {
    reader.fail(
      at(path, 'kind'),
      kind === undefined
        ? `is required (one of ${REQUIREMENT_KINDS.join(', ')})`
        : `must be one of ${REQUIREMENT_KINDS.join(', ')}, got ${describeValue(kind)}`,
    );
    return undefined;
  }
  reader.onlyKnownKeys(node, path, REQUIREMENT_KEYS[kind]);
  const before = reader.errors.length;
  const requirement = readRequirementOfKind(reader, kind, node, path);
  return reader.errors.length === before ? requirement : undefined;
}

function readRequirementOfKind(
  reader: Reader,
  kind: RequirementKind,
  node: UnknownRecord,
  path: string,
): Requirement | undefined {
  switch (kind) {
    case 'experience':
      return readExperience(reader, node, path);
    case 'education':
      return readEducation(reader, node, path);
    case 'training':
      return readTraining(reader, node, path);
    case 'examList': {
      const classCode = reader.string(node, 'classCode', path, true);
      return classCode === undefined ? undefined : { kind, classCode };
    }
    case 'license': {
      const code = reader.string(node, 'code', path, true);
      const label = reader.string(node, 'label', path, false);
      if (code === undefined) return undefined;
      return label === undefined ? { kind, code } : { kind, code, label };
    }
  }
}

function readExperience(
  reader: Reader,
  node: UnknownRecord,
  path: string,
): ExperienceRequirement | undefined {
  const months = reader.positiveNumber(node, 'months', path, true);
  const inClassCodes = reader.stringList(node, 'inClassCodes', path);
  const inOccupationalGroups = reader.stringList(node, 'inOccupationalGroups', path);
  const atOrAboveSalary = reader.positiveNumber(node, 'atOrAboveSalary', path, false);
  if (months === undefined) return undefined;
  return {
    kind: 'experience',
    months,
    ...(inClassCodes ? { inClassCodes } : {}),
    ...(inOccupationalGroups ? { inOccupationalGroups } : {}),
    ...(atOrAboveSalary !== undefined ? { atOrAboveSalary } : {}),
  };
}

function readEducation(
  reader: Reader,
  node: UnknownRecord,
  path: string,
): EducationRequirement | undefined {
  const rawLevel = node.level;
  let level: EducationLevel | undefined;
  if (rawLevel !== undefined) {
    if (isEducationLevel(rawLevel)) level = rawLevel;
    else {
      reader.fail(
        at(path, 'level'),
        `must be one of ${EDUCATION_LEVELS.join(', ')}, got ${describeValue(rawLevel)}`,
      );
    }
  }
  const semesterUnits = reader.positiveNumber(node, 'semesterUnits', path, false);
  if (rawLevel === undefined && node.semesterUnits === undefined) {
    reader.fail(path, 'an education requirement needs a level, semesterUnits or both');
  }

  let experienceSubstitution: ExperienceSubstitution | undefined;
  if (node.experienceSubstitution !== undefined) {
    const subPath = at(path, 'experienceSubstitution');
    experienceSubstitution = readSubstitution(reader, node.experienceSubstitution, subPath);
    const unitBased =
      node.semesterUnits !== undefined ||
      (level !== undefined && DEGREE_SEMESTER_UNITS[level] !== undefined);
    if (!unitBased && (rawLevel === undefined || level !== undefined)) {
      reader.fail(
        subPath,
        'experience can only replace semester units or an associate or bachelor’s degree',
      );
    }
  }
  return {
    kind: 'education',
    ...(level ? { level } : {}),
    ...(semesterUnits !== undefined ? { semesterUnits } : {}),
    ...(experienceSubstitution ? { experienceSubstitution } : {}),
  };
}

function readSubstitution(
  reader: Reader,
  value: unknown,
  path: string,
): ExperienceSubstitution | undefined {
  const node = reader.record(value, path);
  if (!node) return undefined;
  reader.onlyKnownKeys(node, path, SUBSTITUTION_KEYS);
  const monthsPerYear = reader.positiveNumber(node, 'monthsPerYear', path, true);
  const maxYears = reader.positiveNumber(node, 'maxYears', path, true);
  const qualifyingClassCodes = reader.stringList(node, 'qualifyingClassCodes', path);
  const qualifyingOccupationalGroups = reader.stringList(
    node,
    'qualifyingOccupationalGroups',
    path,
  );
  if (monthsPerYear === undefined || maxYears === undefined) return undefined;
  return {
    monthsPerYear,
    maxYears,
    ...(qualifyingClassCodes ? { qualifyingClassCodes } : {}),
    ...(qualifyingOccupationalGroups ? { qualifyingOccupationalGroups } : {}),
  };
}

function readTraining(
  reader: Reader,
  node: UnknownRecord,
  path: string,
): TrainingRequirement | undefined {
  const hours = reader.positiveNumber(node, 'hours', path, false);
  const kinds = reader.stringList(node, 'kinds', path);
  const courses = reader.stringList(node, 'courses', path);
  if (node.hours === undefined && node.kinds === undefined && node.courses === undefined) {
    reader.fail(path, 'a training requirement needs hours, kinds, courses or a combination');
  }
  return {
    kind: 'training',
    ...(hours !== undefined ? { hours } : {}),
    ...(kinds ? { kinds } : {}),
    ...(courses ? { courses } : {}),
  };
}
