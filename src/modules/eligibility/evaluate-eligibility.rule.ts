/**
 * Explainable eligibility: an employee's facts against the minimum qualifications of a target
 * class (a rule set), requirement by requirement, with what the employee has, what is needed,
 * the gap, when a time-based requirement will be met, and which periods counted.
 *
 * Overall status:
 * - ELIGIBLE: some pattern is fully met.
 * - EXAM_ELIGIBLE: some pattern's unmet requirements are only experience requirements each met
 *   within six calendar months (projected date on or before as-of + 6 months) and/or an exam
 *   list requirement: class specifications let candidates within six months of the experience
 *   requirement take the exam, with appointment only once it is fully met; and taking the exam
 *   is how one gets onto the list.
 * - NOT_YET: otherwise, with the nearest pattern: fewest unmet requirements, then the earliest
 *   date all of them are projected to be met (none sorts last), then the smallest total
 *   experience gap, then rule-set order.
 *
 * Pure: no Nest, no TypeORM. See experience-timeline.ts for how experience months are counted.
 */
import { addCalendarMonths } from '../career-conversations/conversation-due.rule';
import { toDayNumber } from '../program-calendar/fiscal-year.rule';
import { isoFromDayNumber, MONTHS_EPSILON } from './calendar-months';
import {
  createDateReader,
  DateReader,
  EmployeeEducationLevel,
  EmployeeFacts,
  ExperiencePeriod,
  FactsPreparation,
  InvalidEmployeeFactsError,
  PreparedFacts,
  prepareEmployeeFacts,
} from './employee-facts';
import {
  buildExperienceTimeline,
  countExperience,
  ExperienceCount,
  ExperienceSource,
  ExperienceTimeline,
  projectExperience,
} from './experience-timeline';
import {
  DEGREE_SEMESTER_UNITS,
  EducationRequirement,
  ExamListRequirement,
  ExperienceRequirement,
  LicenseRequirement,
  Pattern,
  Requirement,
  RequirementKind,
  RuleSet,
  SEMESTER_UNITS_PER_YEAR,
  TrainingRequirement,
} from './rule-set';

export type { ExperienceSource } from './experience-timeline';

/** Floating-point slack for sums of units and hours (0.1 + 0.2 must still reach 0.3). */
const TOLERANCE = 1e-9;

/** Candidates this close to the experience requirement may take the exam. */
export const EXAM_WINDOW_MONTHS = 6;

export type EligibilityStatus = 'ELIGIBLE' | 'EXAM_ELIGIBLE' | 'NOT_YET';
export type MeasureUnit = 'MONTHS' | 'SEMESTER_UNITS' | 'HOURS';

export interface Measure {
  /** A number in `unit`, or null where the requirement is yes-or-no (list, license, degree). */
  value: number | null;
  explanation: string;
}

export interface RequirementResult {
  /** Position in the pattern's `requirements`. */
  index: number;
  kind: RequirementKind;
  requirement: Requirement;
  met: boolean;
  have: Measure;
  /** The same (frozen) object for every employee evaluated against the requirement. */
  need: Readonly<Measure>;
  unit: MeasureUnit | null;
  /** How much is missing, in `unit` (0 when met); null where no number makes sense. */
  gap: number | null;
  /**
   * Experience: the date it will be met if the recorded periods continue (null when time alone
   * will not do it). Education with experience substitution: the same for the substitution.
   * Exam list: the list date of a list not yet in effect. Null when met or not time-based.
   */
  projectedMetOn: string | null;
  /** Course titles not yet completed, or the license not held. */
  missing: readonly string[];
  /** Appointments and T&D assignments counted (experience, and experience substituted). */
  sources: readonly ExperienceSource[];
}

export interface PatternResult {
  patternId: string;
  label: string;
  met: boolean;
  /** Not met, but only experience within six months and/or an exam list is missing. */
  examEligible: boolean;
  unmetCount: number;
  /** When every unmet requirement is projected to be met (the latest of them); else null. */
  projectedMetOn: string | null;
  /** Sum of the month gaps of unmet experience requirements. */
  experienceGapMonths: number;
  requirements: RequirementResult[];
}

export interface EligibilityResult {
  employeeId: string;
  classCode: string;
  title: string;
  asOf: string;
  /** Copied from the rule set: the result rests on a made-up class specification. */
  illustrative: boolean;
  status: EligibilityStatus;
  /**
   * ELIGIBLE: the first pattern met. EXAM_ELIGIBLE: the nearest exam-eligible pattern.
   * NOT_YET: the nearest pattern. Null only for a rule set without patterns.
   */
  nearestPatternId: string | null;
  patterns: PatternResult[];
}

/** One employee against one rule set, as of a date (days up to and including it count). */
export function evaluateEligibility(
  facts: EmployeeFacts,
  ruleSet: RuleSet,
  asOf: string,
): EligibilityResult {
  return compileRuleSet(ruleSet, asOf)(facts);
}

/**
 * Many employees against one rule set: the rule set is compiled once (class-code sets, course
 * keys, need texts), and each employee costs a few interval sums per requirement.
 */
export function evaluateMany(
  factsList: readonly EmployeeFacts[],
  ruleSet: RuleSet,
  asOf: string,
): EligibilityResult[] {
  const evaluate = compileRuleSet(ruleSet, asOf);
  return factsList.map((facts) => evaluate(facts));
}

// ---------------------------------------------------------------------------------------------
// Compiling a rule set
// ---------------------------------------------------------------------------------------------

type PeriodFilter = (period: ExperiencePeriod) => boolean;

/** Shared by every result that has nothing to list; frozen, so that sharing is safe. */
const NONE: readonly never[] = Object.freeze([]);

function fixedMeasure(value: number | null, explanation: string): Readonly<Measure> {
  return Object.freeze({ value, explanation });
}

/** Which appointment and T&D periods count, compiled once per rule set. */
interface ExperienceScope {
  /** Equal scopes share a key, so an employee's months in them are counted once. */
  key: string;
  qualifies: PeriodFilter;
}

/** One employee's experience in one scope, shared by every requirement with that scope. */
interface ScopedExperience {
  qualifies: boolean[];
  count: ExperienceCount;
  /** The months, explained ("19.5 months in 1138, 1441 (appointments ...)"). */
  have: Measure;
}

interface Context {
  prepared: PreparedFacts;
  asOf: string;
  asOfDay: number;
  /** Built on first use: rule sets without experience never need it. */
  timeline: () => ExperienceTimeline;
  experience: (scope: ExperienceScope) => ScopedExperience;
  /** Day number to `YYYY-MM-DD`, remembered across the batch. */
  formatDate: (dayNumber: number) => string;
}

type RequirementEvaluator = (context: Context, index: number) => RequirementResult;

interface CompiledPattern {
  pattern: Pattern;
  evaluators: RequirementEvaluator[];
}

function compileRuleSet(
  ruleSet: RuleSet,
  asOf: string,
): (facts: EmployeeFacts) => EligibilityResult {
  const asOfDay = toDayNumber(asOf);
  const examWindowEnd = addCalendarMonths(asOf, EXAM_WINDOW_MONTHS);
  const patterns: CompiledPattern[] = ruleSet.patterns.map((pattern) => {
    // Months the pattern already asks for as experience: not "additional" experience.
    const requiredExperienceMonths = pattern.requirements.reduce(
      (sum, requirement) => (requirement.kind === 'experience' ? sum + requirement.months : sum),
      0,
    );
    return {
      pattern,
      evaluators: pattern.requirements.map((requirement) =>
        compileRequirement(requirement, requiredExperienceMonths),
      ),
    };
  });

  // One batch reads and writes the same dates over and over: remember them.
  const readDate = createDateReader();
  const formatted = new Map<number, string>();
  const formatDate = (dayNumber: number): string => {
    let iso = formatted.get(dayNumber);
    if (iso === undefined) {
      iso = isoFromDayNumber(dayNumber);
      formatted.set(dayNumber, iso);
    }
    return iso;
  };

  return (facts) => {
    const preparation = preparedOnce(facts, readDate);
    if (!preparation.ok)
      throw new InvalidEmployeeFactsError(facts.employeeId, preparation.problems);
    const prepared = preparation.prepared;
    let timeline: ExperienceTimeline | null = null;
    const getTimeline = (): ExperienceTimeline => (timeline ??= timelineOnce(prepared, asOfDay));
    let counted: Map<string, ScopedExperience> | null = null;
    const context: Context = {
      prepared,
      asOf,
      asOfDay,
      timeline: getTimeline,
      experience: (scope) => {
        counted ??= new Map();
        let scoped = counted.get(scope.key);
        if (!scoped) {
          const periods = getTimeline().periods;
          const qualifies = periods.map(scope.qualifies);
          const count = countExperience(getTimeline(), qualifies, formatDate);
          const have = { value: count.months, explanation: experienceText(count) };
          scoped = { qualifies, count, have };
          counted.set(scope.key, scoped);
        }
        return scoped;
      },
      formatDate,
    };
    const results = patterns.map(({ pattern, evaluators }) =>
      patternResult(
        pattern,
        evaluators.map((evaluate, index) => evaluate(context, index)),
        examWindowEnd,
      ),
    );
    const { status, nearestPatternId } = overallStatus(results);
    return {
      employeeId: facts.employeeId,
      classCode: ruleSet.classCode,
      title: ruleSet.title,
      asOf,
      illustrative: ruleSet.illustrative === true,
      status,
      nearestPatternId,
      patterns: results,
    };
  };
}

/*
 * A department's pipeline measures the same employees against every ELTPA class: their facts are
 * read and their experience laid out once, not once per class. Keyed by the facts object (facts
 * are never changed once loaded), held weakly: nothing outlives the facts it was made from.
 */
const preparations = new WeakMap<EmployeeFacts, FactsPreparation>();
const timelines = new WeakMap<PreparedFacts, Map<number, ExperienceTimeline>>();

function preparedOnce(facts: EmployeeFacts, readDate: DateReader): FactsPreparation {
  let preparation = preparations.get(facts);
  if (!preparation) {
    preparation = prepareEmployeeFacts(facts, readDate);
    preparations.set(facts, preparation);
  }
  return preparation;
}

function timelineOnce(prepared: PreparedFacts, asOfDay: number): ExperienceTimeline {
  let byDay = timelines.get(prepared);
  if (!byDay) {
    byDay = new Map();
    timelines.set(prepared, byDay);
  }
  let timeline = byDay.get(asOfDay);
  if (!timeline) {
    timeline = buildExperienceTimeline(prepared, asOfDay);
    byDay.set(asOfDay, timeline);
  }
  return timeline;
}

function compileRequirement(
  requirement: Requirement,
  requiredExperienceMonths: number,
): RequirementEvaluator {
  switch (requirement.kind) {
    case 'experience':
      return compileExperience(requirement);
    case 'education':
      return compileEducation(requirement, requiredExperienceMonths);
    case 'training':
      return compileTraining(requirement);
    case 'examList':
      return compileExamList(requirement);
    case 'license':
      return compileLicense(requirement);
  }
}

// ---------------------------------------------------------------------------------------------
// Experience
// ---------------------------------------------------------------------------------------------

/**
 * Named classes, or (given groups and/or a salary) a class in those groups at that salary level;
 * any class when nothing is named.
 */
function compileScope(
  classCodes: readonly string[] | undefined,
  groups: readonly string[] | undefined,
  atOrAboveSalary: number | undefined,
): ExperienceScope {
  const key = JSON.stringify([
    classCodes ? [...classCodes].sort() : null,
    groups ? [...groups].sort() : null,
    atOrAboveSalary ?? null,
  ]);
  const codeSet = classCodes ? new Set(classCodes) : null;
  const groupSet = groups ? new Set(groups) : null;
  const levelTest = groupSet !== null || atOrAboveSalary !== undefined;
  if (codeSet === null && !levelTest) return { key, qualifies: () => true };
  return {
    key,
    qualifies: (period) =>
      (codeSet !== null && codeSet.has(period.classCode)) ||
      (levelTest &&
        (groupSet === null || groupSet.has(period.occupationalGroup)) &&
        (atOrAboveSalary === undefined || period.salaryLow >= atOrAboveSalary)),
  };
}

function experienceScope(requirement: ExperienceRequirement): string {
  const parts: string[] = [];
  if (requirement.inClassCodes) parts.push(`class ${orList(requirement.inClassCodes)}`);
  const groups = requirement.inOccupationalGroups;
  const salary = requirement.atOrAboveSalary;
  if (groups || salary !== undefined) {
    const where = groups ? `a class in ${orList(groups)}` : 'a class';
    parts.push(
      salary === undefined ? where : `${where} with a salary low of at least ${salary} a month`,
    );
  }
  return parts.length === 0 ? 'any class' : parts.join(', or in ');
}

function compileExperience(requirement: ExperienceRequirement): RequirementEvaluator {
  const scope = compileScope(
    requirement.inClassCodes,
    requirement.inOccupationalGroups,
    requirement.atOrAboveSalary,
  );
  const need = fixedMeasure(
    requirement.months,
    `${formatNumber(requirement.months)} months of experience in ${experienceScope(requirement)}`,
  );
  return (context, index) => {
    const { qualifies, count, have } = context.experience(scope);
    const met = count.months >= requirement.months - MONTHS_EPSILON;
    return {
      index,
      kind: 'experience',
      requirement,
      met,
      have,
      need,
      unit: 'MONTHS',
      gap: met ? 0 : requirement.months - count.months,
      projectedMetOn: met
        ? null
        : projectExperience(
            context.timeline(),
            qualifies,
            count,
            requirement.months,
            context.formatDate,
          ),
      missing: NONE,
      sources: count.sources,
    };
  };
}

/**
 * e.g. "19.5 months in 1138, 1441 (appointments 2023-01-02..; T&D 2024-03-01..2024-08-31)".
 * Built with one `join`, which yields a flat string: a chain of `+` would keep every piece
 * alive in each of tens of thousands of results.
 */
function experienceText({ months, sources }: ExperienceCount): string {
  if (sources.length === 0) return '0 months in qualifying classes';
  const parts: (string | number)[] = [formatMonths(months), ' months in '];
  sources.forEach((source, i) => {
    if (sources.findIndex((other) => other.classCode === source.classCode) !== i) return;
    parts.push(i === 0 ? '' : ', ', source.classCode);
  });
  parts.push(' (');
  rangeList(parts, 'appointments ', sources, 'APPOINTMENT');
  if (parts[parts.length - 1] !== ' (') parts.push('; ');
  rangeList(parts, 'T&D ', sources, 'TD_ASSIGNMENT');
  if (parts[parts.length - 1] === '; ') parts.pop();
  parts.push(')');
  return parts.join('');
}

/** Appends e.g. "appointments 2023-01-02..2023-06-30, 2023-07-01.. at 0.5 time". */
function rangeList(
  parts: (string | number)[],
  title: string,
  sources: readonly ExperienceSource[],
  type: ExperienceSource['type'],
): void {
  let first = true;
  for (const source of sources) {
    if (source.type !== type) continue;
    parts.push(first ? title : ', ', source.start, '..');
    first = false;
    if (!source.ongoing) parts.push(source.end);
    if (source.timeBaseFraction !== 1) parts.push(' at ', source.timeBaseFraction, ' time');
  }
}

// ---------------------------------------------------------------------------------------------
// Education
// ---------------------------------------------------------------------------------------------

const LEVEL_RANK: Record<EmployeeEducationLevel, number> = {
  NONE: 0,
  HIGH_SCHOOL: 1,
  ASSOCIATE: 2,
  BACHELOR: 3,
  MASTER: 4,
  DOCTORATE: 5,
};

/** Units a degree holder has at least; a graduate degree implies a bachelor's 120. */
const HELD_DEGREE_UNITS: Record<EmployeeEducationLevel, number> = {
  NONE: 0,
  HIGH_SCHOOL: 0,
  ASSOCIATE: 60,
  BACHELOR: 120,
  MASTER: 120,
  DOCTORATE: 120,
};

const LEVEL_NAMES: Record<EmployeeEducationLevel, string> = {
  NONE: 'no diploma or degree',
  HIGH_SCHOOL: 'a high-school diploma',
  ASSOCIATE: 'an associate degree',
  BACHELOR: 'a bachelor’s degree',
  MASTER: 'a master’s degree',
  DOCTORATE: 'a doctorate',
};

function compileEducation(
  requirement: EducationRequirement,
  requiredExperienceMonths: number,
): RequirementEvaluator {
  const level = requirement.level;
  const levelUnits = level ? DEGREE_SEMESTER_UNITS[level] : undefined;
  const unitsNeeded = Math.max(requirement.semesterUnits ?? 0, levelUnits ?? 0);
  const substitution = requirement.experienceSubstitution;
  const scope = substitution
    ? compileScope(
        substitution.qualifyingClassCodes,
        substitution.qualifyingOccupationalGroups,
        undefined,
      )
    : null;
  const need = fixedMeasure(
    unitsNeeded > 0 ? unitsNeeded : null,
    educationNeedText(requirement, unitsNeeded),
  );

  return (context, index) => {
    const facts = context.prepared.facts;
    const heldLevel: EmployeeEducationLevel = facts.educationLevel ?? 'NONE';
    const levelHeld = level === undefined || LEVEL_RANK[heldLevel] >= LEVEL_RANK[level];
    // A diploma, master's or doctorate has no unit equivalent: only the degree meets it.
    const levelBlocked = !levelHeld && levelUnits === undefined;
    const ownUnits = Math.max(facts.collegeSemesterUnits, HELD_DEGREE_UNITS[heldLevel]);
    const missingUnits = Math.max(0, unitsNeeded - ownUnits);

    let substitutedUnits = 0;
    let projectedMetOn: string | null = null;
    let sources: readonly ExperienceSource[] = NONE;
    let substitutionText = '';
    if (substitution && scope && missingUnits > 0) {
      const { qualifies, count, have } = context.experience(scope);
      const maxUnits = substitution.maxYears * SEMESTER_UNITS_PER_YEAR;
      const additionalMonths = Math.max(0, count.months - requiredExperienceMonths);
      substitutedUnits = Math.min(
        (additionalMonths / substitution.monthsPerYear) * SEMESTER_UNITS_PER_YEAR,
        maxUnits,
        missingUnits,
      );
      // Time can fill the gap only within the cap, and only if the degree itself is not missing.
      if (!levelBlocked && missingUnits <= maxUnits + TOLERANCE) {
        const monthsToFill = (missingUnits / SEMESTER_UNITS_PER_YEAR) * substitution.monthsPerYear;
        const target = requiredExperienceMonths + monthsToFill;
        if (count.months < target - MONTHS_EPSILON) {
          projectedMetOn = projectExperience(
            context.timeline(),
            qualifies,
            count,
            target,
            context.formatDate,
          );
        }
      }
      sources = count.sources;
      substitutionText = substitutionHaveText(
        have.explanation,
        requiredExperienceMonths,
        substitutedUnits,
      );
    }

    const haveUnits = ownUnits + substitutedUnits;
    const unitsMet = haveUnits >= unitsNeeded - TOLERANCE;
    const met = !levelBlocked && unitsMet;
    const held =
      facts.educationLevel === null ? 'no education level recorded' : LEVEL_NAMES[heldLevel];
    return {
      index,
      kind: 'education',
      requirement,
      met,
      have: {
        value: haveUnits,
        explanation: [held, '; ', formatNumber(ownUnits), ' semester units', substitutionText].join(
          '',
        ),
      },
      need,
      unit: 'SEMESTER_UNITS',
      gap: levelBlocked ? null : Math.max(0, unitsNeeded - haveUnits),
      projectedMetOn: met ? null : projectedMetOn,
      missing: NONE,
      sources,
    };
  };
}

function educationNeedText(requirement: EducationRequirement, unitsNeeded: number): string {
  const parts: string[] = [];
  const level = requirement.level;
  if (level) {
    const units = DEGREE_SEMESTER_UNITS[level];
    parts.push(
      units === undefined
        ? LEVEL_NAMES[level]
        : `${LEVEL_NAMES[level]} (or ${units} semester units)`,
    );
  }
  if (requirement.semesterUnits !== undefined) {
    parts.push(`${formatNumber(requirement.semesterUnits)} semester units`);
  }
  let text = parts.join(' and ');
  const substitution = requirement.experienceSubstitution;
  if (substitution && unitsNeeded > 0) {
    const scope = [
      ...(substitution.qualifyingClassCodes
        ? [`class ${orList(substitution.qualifyingClassCodes)}`]
        : []),
      ...(substitution.qualifyingOccupationalGroups
        ? [`a class in ${orList(substitution.qualifyingOccupationalGroups)}`]
        : []),
    ];
    const where = scope.length === 0 ? 'any class' : scope.join(' or ');
    text +=
      `; each ${formatNumber(substitution.monthsPerYear)} months of additional experience in ` +
      `${where} may replace a year (${SEMESTER_UNITS_PER_YEAR} units), up to ` +
      `${formatNumber(substitution.maxYears)} ${substitution.maxYears === 1 ? 'year' : 'years'}`;
  }
  return text;
}

function substitutionHaveText(
  experience: string,
  requiredExperienceMonths: number,
  substitutedUnits: number,
): string {
  const setAside =
    requiredExperienceMonths > 0
      ? `, less the ${formatNumber(requiredExperienceMonths)} months this pattern requires as experience`
      : '';
  const units = formatNumber(round(substitutedUnits, 2));
  return ` + ${units} units replaced by experience: ${experience}${setAside}`;
}

// ---------------------------------------------------------------------------------------------
// Training, exam lists, licenses
// ---------------------------------------------------------------------------------------------

/** Titles match whatever their case and spacing. */
/** Course titles and kinds repeat across a department's records: each is normalised once. */
const titleKeys = new Map<string, string>();
const TITLE_KEYS_KEPT = 100_000;

function titleKey(title: string): string {
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = title.trim().replace(/\s+/g, ' ').toLowerCase();
    if (titleKeys.size >= TITLE_KEYS_KEPT) titleKeys.clear();
    titleKeys.set(title, key);
  }
  return key;
}

function compileTraining(requirement: TrainingRequirement): RequirementEvaluator {
  const kinds = requirement.kinds ? new Set(requirement.kinds.map(titleKey)) : null;
  const courses = (requirement.courses ?? []).map((title) => ({ title, key: titleKey(title) }));
  const needParts = [
    ...(requirement.hours !== undefined
      ? [
          `${formatNumber(requirement.hours)} hours of ${kinds ? `${orList(requirement.kinds ?? [])} ` : ''}training`,
        ]
      : []),
    ...(courses.length > 0 ? [`courses: ${courses.map((course) => course.title).join(', ')}`] : []),
    ...(requirement.hours === undefined && courses.length === 0
      ? [`at least one ${orList(requirement.kinds ?? [])} training`]
      : []),
  ];
  const need = fixedMeasure(requirement.hours ?? null, `verified ${needParts.join('; ')}`);

  return (context, index) => {
    const { facts, trainingCompletionDays } = context.prepared;
    let hours = 0;
    let kindMatches = 0;
    let unverifiedHours = 0;
    const completed = new Set<string>();
    facts.training.forEach((training, position) => {
      const ofKind = kinds === null || kinds.has(titleKey(training.kind));
      if (training.status === 'REPORTED' && ofKind) unverifiedHours += training.hours;
      if (training.status !== 'VERIFIED' || trainingCompletionDays[position] > context.asOfDay) {
        return;
      }
      completed.add(titleKey(training.title));
      if (!ofKind) return;
      hours += training.hours;
      kindMatches += 1;
    });
    const missing = courses.filter((course) => !completed.has(course.key)).map((c) => c.title);
    const hoursMet = requirement.hours === undefined || hours >= requirement.hours - TOLERANCE;
    const kindsOnlyMet = requirement.hours !== undefined || courses.length > 0 || kindMatches > 0;
    const met = hoursMet && missing.length === 0 && kindsOnlyMet;

    const haveParts = [
      `${formatNumber(hours)} verified hours${kinds ? ` of ${orList(requirement.kinds ?? [])}` : ''} completed by ${context.asOf}`,
    ];
    if (courses.length > 0) {
      const done = courses.filter((course) => completed.has(course.key)).map((c) => c.title);
      if (done.length > 0) haveParts.push(`completed ${done.join(', ')}`);
      if (missing.length > 0) haveParts.push(`not yet ${missing.join(', ')}`);
    }
    if (unverifiedHours > 0) {
      haveParts.push(
        `${formatNumber(unverifiedHours)} more hours reported but not verified (not counted)`,
      );
    }
    return {
      index,
      kind: 'training',
      requirement,
      met,
      have: { value: hours, explanation: haveParts.join('; ') },
      need,
      unit: 'HOURS',
      gap: requirement.hours === undefined ? null : Math.max(0, requirement.hours - hours),
      projectedMetOn: null,
      missing,
      sources: NONE,
    };
  };
}

function compileExamList(requirement: ExamListRequirement): RequirementEvaluator {
  const classCode = requirement.classCode;
  const need = fixedMeasure(null, `on an unexpired eligible list for ${classCode}`);
  return (context, index) => {
    const lists = context.prepared.examLists.filter((list) => list.fact.classCode === classCode);
    const current = lists.find(
      (list) => list.listDay <= context.asOfDay && context.asOfDay <= list.expiresDay,
    );
    const upcoming = lists
      .filter((list) => list.listDay > context.asOfDay)
      .sort((a, b) => a.listDay - b.listDay)[0];
    const expired = lists
      .filter((list) => list.expiresDay < context.asOfDay)
      .sort((a, b) => b.expiresDay - a.expiresDay)[0];
    let explanation: string;
    if (current) {
      explanation = `on the ${classCode} list dated ${current.fact.listDate}, expiring ${current.fact.expiresOn}`;
    } else if (upcoming) {
      explanation = `on a ${classCode} list that takes effect ${upcoming.fact.listDate}`;
    } else if (expired) {
      explanation = `the ${classCode} list the employee was on expired ${expired.fact.expiresOn}`;
    } else {
      explanation = `not on a ${classCode} eligible list`;
    }
    return {
      index,
      kind: 'examList',
      requirement,
      met: current !== undefined,
      have: { value: null, explanation },
      need,
      unit: null,
      gap: null,
      projectedMetOn: current ? null : (upcoming?.fact.listDate ?? null),
      missing: current ? NONE : [classCode],
      sources: NONE,
    };
  };
}

function compileLicense(requirement: LicenseRequirement): RequirementEvaluator {
  const key = titleKey(requirement.code);
  const name = requirement.label ? `${requirement.label} (${requirement.code})` : requirement.code;
  const need = fixedMeasure(null, `license ${name}`);
  return (context, index) => {
    const licenses = context.prepared.facts.licenses;
    const met = licenses.some((license) => titleKey(license) === key);
    return {
      index,
      kind: 'license',
      requirement,
      met,
      have: {
        value: null,
        explanation: met
          ? `holds ${requirement.code}`
          : licenses.length === 0
            ? 'no license recorded'
            : `holds ${licenses.join(', ')}`,
      },
      need,
      unit: null,
      gap: null,
      projectedMetOn: null,
      missing: met ? NONE : [requirement.code],
      sources: NONE,
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Patterns and the overall status
// ---------------------------------------------------------------------------------------------

function patternResult(
  pattern: Pattern,
  requirements: RequirementResult[],
  examWindowEnd: string,
): PatternResult {
  let unmetCount = 0;
  let examEligible = true;
  // The latest projection among unmet requirements; null as soon as one has none.
  let projectedMetOn: string | null = '';
  let experienceGapMonths = 0;
  for (const requirement of requirements) {
    if (requirement.met) continue;
    unmetCount += 1;
    const projected = requirement.projectedMetOn;
    if (requirement.kind === 'experience') {
      experienceGapMonths += requirement.gap ?? 0;
      if (projected === null || projected > examWindowEnd) examEligible = false;
    } else if (requirement.kind !== 'examList') {
      examEligible = false;
    }
    if (projected === null) projectedMetOn = null;
    else if (projectedMetOn !== null && projected > projectedMetOn) projectedMetOn = projected;
  }
  return {
    patternId: pattern.id,
    label: pattern.label,
    met: unmetCount === 0,
    examEligible: unmetCount > 0 && examEligible,
    unmetCount,
    projectedMetOn: unmetCount > 0 ? projectedMetOn : null,
    experienceGapMonths,
    requirements,
  };
}

function comparePatterns(a: PatternResult, b: PatternResult): number {
  if (a.unmetCount !== b.unmetCount) return a.unmetCount - b.unmetCount;
  if (a.projectedMetOn !== b.projectedMetOn) {
    if (a.projectedMetOn === null) return 1;
    if (b.projectedMetOn === null) return -1;
    return a.projectedMetOn < b.projectedMetOn ? -1 : 1;
  }
  return a.experienceGapMonths - b.experienceGapMonths;
}

/** The first of the best; `Array#sort` is stable, so ties keep rule-set order. */
function nearest(patterns: readonly PatternResult[]): PatternResult | undefined {
  return [...patterns].sort(comparePatterns)[0];
}

function overallStatus(patterns: readonly PatternResult[]): {
  status: EligibilityStatus;
  nearestPatternId: string | null;
} {
  const met = patterns.find((pattern) => pattern.met);
  if (met) return { status: 'ELIGIBLE', nearestPatternId: met.patternId };
  const examEligible = nearest(patterns.filter((pattern) => pattern.examEligible));
  if (examEligible) return { status: 'EXAM_ELIGIBLE', nearestPatternId: examEligible.patternId };
  return { status: 'NOT_YET', nearestPatternId: nearest(patterns)?.patternId ?? null };
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function formatNumber(value: number): string {
  return String(round(value, 2));
}

/** Rounded down, so that a total just short of a requirement never reads as meeting it. */
function formatMonths(months: number): string {
  return String(Math.floor(months * 100 + 1e-6) / 100);
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
