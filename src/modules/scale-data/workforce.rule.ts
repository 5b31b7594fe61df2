/**
 * One department's workforce for the scale data set: who works there, in which class, since
 * when, under whom, and the class history that led there. Pure: a department's seed gives the
 * same people every time. Dates are day numbers (days since 1970-01-01, see fiscal-year.rule).
 *
 * Class histories are built so that the upward mobility moves of the generated years are
 * exactly the appointments from an LPEL or bridging class into an ELTPA class:
 * - current ELTPA staff: some moved up from a class on their ladder during the generated years
 *   (the rate is UM_MOVE_RATE of the LPEL/bridging staff a year); some moved before the first
 *   generated year (then no designation was in force, so no move is counted, as the app judges
 *   it); the others were hired into their class;
 * - LPEL/bridging staff: some were promoted within the low-paying ladder (not a move);
 * - journey and supervisory staff: some were promoted from an entry class (not a move either);
 * - a few non-supervisors separated during the generated years (last step: SEPARATION).
 */
import type { EthnicityCode, GenderCode, YesNoDeclined } from '../employees/demographics';
import type { EducationLevel, TimeBase } from '../employees/employee.entity';
import type { AppointmentType } from '../appointments/appointment.entity';
import { drawEducation, drawName, drawSelfIdentification } from './people.rule';
import type { Prng } from './prng.rule';
import {
  HEAD_CLASS,
  isLowPayingOrBridging,
  ladderOrigins,
  scaleDesignationOf,
  SCALE_CATALOG,
} from './scale-catalog';
import type { DepartmentProfile } from './scale-catalog';

/** Share of the LPEL/bridging staff who move into an ELTPA class each year. */
export const UM_MOVE_RATE = 0.03;
/** Share of non-supervisory staff who leave state service each year. */
export const SEPARATION_RATE = 0.015;
/** One supervisor or manager for about this many employees. */
export const SPAN_OF_CONTROL = 10;
/** Mean years of service (exponential, capped at MAX_SERVICE_YEARS). */
export const MEAN_SERVICE_YEARS = 9;
export const MAX_SERVICE_YEARS = 35;
const DAYS_PER_YEAR = 365.25;
/** Journey classes and the entry class their incumbents are often promoted from. */
const JOURNEY_ENTRY: Readonly<Record<string, string>> = {
  '5393': '5157',
  '1312': '1401',
  '3134': '3427',
};

export interface AppointmentStep {
  type: AppointmentType;
  day: number;
  fromCode: string | null;
  toCode: string | null;
}

export interface WorkforceEmployee {
  index: number;
  id: string;
  employeeNumber: string;
  firstName: string;
  lastName: string;
  workEmail: string | null;
  positionNumber: string;
  /** Current class (after every step of `steps`). */
  classCode: string;
  timeBase: TimeBase;
  timeBaseFraction: number;
  hireDay: number;
  supervisorIndex: number | null;
  separatedDay: number | null;
  educationLevel: EducationLevel;
  collegeSemesterUnits: number;
  ethnicities: EthnicityCode[] | null;
  gender: GenderCode | null;
  disability: YesNoDeclined | null;
  veteran: YesNoDeclined | null;
  /** Chronological; the first is the HIRE. */
  steps: AppointmentStep[];
  /** The day of the upward mobility move, when one happened in the generated years. */
  moveDay: number | null;
  /** The LPEL/bridging class held during the generated years (program candidates), if any. */
  lowPayingClass: string | null;
  /** First day in that class within the generated years, and the last one. */
  lowPayingFrom: number | null;
  lowPayingTo: number | null;
}

export interface WorkforceInput {
  departmentCode: string;
  /** 0-based position of the department (for position numbers). */
  departmentIndex: number;
  size: number;
  profile: DepartmentProfile;
  /** The last day of data (today in California). */
  today: number;
  /** The first day of the first generated fiscal year. */
  windowStart: number;
}

const ENTRY_CLASSES: ReadonlySet<string> = new Set(
  SCALE_CATALOG.filter((entry) => scaleDesignationOf(entry.classCode) !== null).map(
    (entry) => entry.classCode,
  ),
);
const SALARY_LOW: ReadonlyMap<string, number> = new Map(
  SCALE_CATALOG.map((entry) => [entry.classCode, entry.salaryLow]),
);
const GROUP_OF: ReadonlyMap<string, string> = new Map(
  SCALE_CATALOG.map((entry) => [entry.classCode, entry.occupationalGroup]),
);

/** A lower-paid LPEL class of the same occupational group (for a promotion within the ladder). */
function lowerLowPayingClass(prng: Prng, classCode: string, candidates: readonly string[]) {
  const salary = SALARY_LOW.get(classCode) ?? 0;
  const group = GROUP_OF.get(classCode);
  const lower = candidates.filter(
    (code) =>
      code !== classCode &&
      GROUP_OF.get(code) === group &&
      scaleDesignationOf(code) === 'LPEL' &&
      (SALARY_LOW.get(code) ?? 0) < salary,
  );
  return lower.length === 0 ? null : prng.item(lower);
}

/** A day in [from, to], or null when the range is empty. */
function dayBetween(prng: Prng, from: number, to: number): number | null {
  return to < from ? null : prng.int(from, to);
}

function emailPart(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The workforce of one department. `prng` should be the department's own 'employees' stream and
 * `ids` its own id stream, so the result depends on nothing else.
 */
export function buildWorkforce(input: WorkforceInput, prng: Prng, ids: Prng): WorkforceEmployee[] {
  const { size, profile, today, windowStart } = input;
  const lastDay = today - 1;
  const windowYears = (today - windowStart) / DAYS_PER_YEAR;
  const supervisors = Math.max(1, Math.round(size / SPAN_OF_CONTROL));
  const lowPayingCodes = profile.lowPaying.map(([code]) => code);
  // ELTPA staff moved up at the rate that gives UM_MOVE_RATE of the low-paying staff a year.
  const moveProbability = Math.min(
    0.7,
    (UM_MOVE_RATE * profile.lowPayingShare * windowYears) / profile.eltpaShare,
  );
  const separationProbability = Math.min(0.5, SEPARATION_RATE * windowYears);
  const employees: WorkforceEmployee[] = [];

  for (let index = 0; index < size; index++) {
    const supervisory = index < supervisors;
    const identity = drawSelfIdentification(prng);
    const name = drawName(prng, identity);
    const serviceYears =
      Math.min(MAX_SERVICE_YEARS, prng.exponential(MEAN_SERVICE_YEARS)) + (supervisory ? 5 : 0);
    let hireDay = lastDay - Math.floor(Math.min(MAX_SERVICE_YEARS, serviceYears) * DAYS_PER_YEAR);

    let classCode: string;
    if (index === 0) classCode = HEAD_CLASS;
    else if (supervisory) classCode = prng.pick(profile.supervisory);
    else {
      const roll = prng.next();
      classCode =
        roll < profile.lowPayingShare
          ? prng.pick(profile.lowPaying)
          : roll < profile.lowPayingShare + profile.eltpaShare
            ? prng.pick(profile.eltpa)
            : prng.pick(profile.other);
    }
    const designation = scaleDesignationOf(classCode);

    const steps: AppointmentStep[] = [];
    let moveDay: number | null = null;
    const promote = (fromCode: string, day: number, type: AppointmentType = 'PROMOTION') => {
      steps.push({ type: 'HIRE', day: hireDay, fromCode: null, toCode: fromCode });
      steps.push({ type, day, fromCode, toCode: classCode });
    };
    if (designation === 'ELTPA') {
      // Move days are uniform over the generated years, so moves do not pile up near today.
      const day = prng.int(windowStart, lastDay);
      const historic = dayBetween(prng, hireDay + 365, windowStart - 1);
      if (prng.chance(moveProbability)) {
        // Whoever moved up served at least six months in the low-paying class first.
        if (hireDay > day - 180) hireDay = day - 180 - prng.int(0, 720);
        const origins = ladderOrigins(classCode).filter((code) => lowPayingCodes.includes(code));
        const origin = prng.item(origins.length > 0 ? origins : lowPayingCodes);
        moveDay = day;
        promote(origin, moveDay, prng.chance(0.85) ? 'PROMOTION' : 'TRANSFER');
      } else if (prng.chance(0.25) && historic !== null) {
        promote(prng.item(lowPayingCodes), historic);
      }
    } else if (designation === 'LPEL' || designation === 'BRIDGING') {
      const lower = lowerLowPayingClass(prng, classCode, lowPayingCodes);
      const day = dayBetween(prng, hireDay + 365, lastDay - 30);
      if (lower !== null && day !== null && prng.chance(0.2)) promote(lower, day);
    } else if (index > 0) {
      const day = dayBetween(prng, hireDay + 365, lastDay - 30);
      const from = supervisory ? profile.journey : JOURNEY_ENTRY[classCode];
      if (day !== null && from !== undefined && from !== classCode && prng.chance(0.4)) {
        promote(from, day);
      }
    }
    if (steps.length === 0) {
      steps.push({ type: 'HIRE', day: hireDay, fromCode: null, toCode: classCode });
    }

    let separatedDay: number | null = null;
    if (!supervisory && prng.chance(separationProbability)) {
      const lastStep = steps[steps.length - 1].day;
      const day = prng.int(windowStart, lastDay);
      separatedDay = day >= lastStep + 30 ? day : null;
      if (separatedDay !== null) {
        steps.push({ type: 'SEPARATION', day: separatedDay, fromCode: classCode, toCode: null });
      }
    }

    // The LPEL/bridging class held during the generated years, and for how long.
    let lowPayingClass: string | null = null;
    let lowPayingFrom: number | null = null;
    let lowPayingTo: number | null = null;
    if (moveDay !== null) {
      lowPayingClass = steps[0].toCode;
      lowPayingFrom = Math.max(windowStart, hireDay);
      lowPayingTo = moveDay - 1;
    } else if (isLowPayingOrBridging(classCode)) {
      lowPayingClass = classCode;
      lowPayingFrom = Math.max(windowStart, hireDay);
      lowPayingTo = separatedDay === null ? lastDay : separatedDay - 1;
    }

    const partTime = !supervisory && prng.chance(0.05);
    const intermittent = !supervisory && !partTime && prng.chance(0.03);
    const education = drawEducation(prng, ENTRY_CLASSES.has(classCode) && designation !== 'ELTPA');
    const number = String(index + 1).padStart(6, '0');
    employees.push({
      index,
      id: ids.uuid(),
      employeeNumber: `E${number}`,
      firstName: name.firstName,
      lastName: name.lastName,
      workEmail: prng.chance(0.92)
        ? `${emailPart(name.firstName)}.${emailPart(name.lastName)}.${number}@${input.departmentCode.toLowerCase()}.example.ca.gov`
        : null,
      positionNumber: `${String(input.departmentIndex + 1).padStart(3, '0')}-${String(
        100 + (index % 900),
      )}-${classCode}-${String(prng.int(1, 999)).padStart(3, '0')}`,
      classCode,
      timeBase: partTime ? 'PART_TIME' : intermittent ? 'INTERMITTENT' : 'FULL_TIME',
      timeBaseFraction: partTime ? prng.item([0.5, 0.6, 0.75, 0.8]) : intermittent ? 0 : 1,
      hireDay,
      // Staff report to a supervisor; supervisors to someone above them; the head to nobody.
      supervisorIndex:
        index === 0
          ? null
          : supervisory
            ? Math.floor(prng.next() ** 2 * index)
            : supervisors === 1
              ? 0
              : 1 + Math.floor(prng.next() * (supervisors - 1)),
      separatedDay,
      educationLevel: education.level,
      collegeSemesterUnits: education.semesterUnits,
      ...identity,
      steps,
      moveDay,
      lowPayingClass,
      lowPayingFrom,
      lowPayingTo,
    });
  }
  return employees;
}
