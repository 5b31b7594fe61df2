/**
 * What a generation run will create, decided from its arguments alone: the fiscal years (ending
 * with the one that contains `today`), the departments with their sizes, codes, names, kinds
 * and settings, and their ids. Pure, so a run's shape can be checked before anything is written.
 */
import {
  fiscalYearOf,
  parseFiscalYear,
  previousFiscalYear,
  toDayNumber,
} from '../program-calendar/fiscal-year.rule';
import { departmentCode, departmentName, departmentSizes } from './department-sizes.rule';
import { prngFor } from './prng.rule';
import { profileFor } from './scale-catalog';
import type { DepartmentProfile } from './scale-catalog';
import type { FiscalYearSpan } from './training.rule';

export interface ScaleDataArguments {
  employees: number;
  departments: number;
  years: number;
  seed: number;
  /** `YYYY-MM-DD`: the last day of data is the day before (records describe the past). */
  today: string;
}

export interface PlannedDepartment {
  index: number;
  id: string;
  code: string;
  name: string;
  size: number;
  profile: DepartmentProfile;
  reportDueMonthDay: string;
  stateTimeCapHours: number | null;
  smallCellThreshold: number;
}

export interface ScalePlan {
  fiscalYears: FiscalYearSpan[];
  today: number;
  windowStart: number;
  departments: PlannedDepartment[];
}

export const MAX_YEARS = 10;

export function planScaleData(args: ScaleDataArguments): ScalePlan {
  if (!Number.isInteger(args.years) || args.years < 1 || args.years > MAX_YEARS) {
    throw new RangeError(`years must be a whole number from 1 to ${MAX_YEARS}`);
  }
  const labels = [fiscalYearOf(args.today)];
  while (labels.length < args.years) labels.unshift(previousFiscalYear(labels[0]));
  const fiscalYears = labels.map((label) => {
    const fy = parseFiscalYear(label);
    return { label, start: toDayNumber(fy.start), end: toDayNumber(fy.end) };
  });
  const sizes = departmentSizes(args.employees, args.departments, prngFor(args.seed, 'sizes'));
  const departments = sizes.map((size, index) => {
    const code = departmentCode(index, args.departments);
    const name = departmentName(index);
    const settings = prngFor(args.seed, code, 'settings');
    const cap = settings.next();
    return {
      index,
      id: prngFor(args.seed, code, 'department').uuid(),
      code,
      name,
      size,
      profile: profileFor(name),
      reportDueMonthDay: settings.chance(0.9) ? '07-01' : '06-01',
      stateTimeCapHours: cap < 0.35 ? 80 : cap < 0.5 ? 40 : null,
      smallCellThreshold: settings.chance(0.9) ? 5 : 10,
    };
  });
  return {
    fiscalYears,
    today: toDayNumber(args.today),
    windowStart: fiscalYears[0].start,
    departments,
  };
}
