/**
 * How a statewide workforce spreads over departments: one very large department (about a quarter
 * of everyone, like the state's corrections agency), a few of several thousand, and a long tail
 * of boards and commissions with tens to hundreds of employees. Sizes follow a power law by rank
 * after the largest; the integer sizes always add up to the requested total exactly.
 */
import type { Prng } from './prng.rule';

/** Share of all employees in the largest department (about 60,000 of 230,000). */
export const LARGEST_DEPARTMENT_SHARE = 0.26;
/**
 * Sizes by rank r after the largest follow 1 / (r + SIZE_OFFSET) ^ SIZE_EXPONENT: the offset
 * keeps the runners-up near 20,000 (not a second giant), the exponent makes the tail tens.
 */
export const SIZE_EXPONENT = 2.3;
export const SIZE_OFFSET = 8;
/** Every department keeps at least this many employees (a head and a few staff). */
export const MIN_DEPARTMENT_SIZE = 5;

export class DepartmentSizeError extends Error {}

/**
 * Department sizes, largest first, adding up to `total`. `prng` (optional) jitters each weight
 * by up to +-15% so two seeds do not give the same tail; the order stays largest first.
 */
export function departmentSizes(total: number, count: number, prng?: Prng): number[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new DepartmentSizeError('the number of departments must be a whole number from 1');
  }
  if (!Number.isInteger(total) || total < count * MIN_DEPARTMENT_SIZE) {
    throw new DepartmentSizeError(
      `${count} departments need at least ${count * MIN_DEPARTMENT_SIZE} employees (${MIN_DEPARTMENT_SIZE} each)`,
    );
  }
  if (count === 1) return [total];
  const weights = [LARGEST_DEPARTMENT_SHARE];
  const tail: number[] = [];
  for (let rank = 1; rank < count; rank++) {
    const jitter = prng ? prng.between(0.85, 1.15) : 1;
    tail.push(jitter / (rank + SIZE_OFFSET) ** SIZE_EXPONENT);
  }
  tail.sort((a, b) => b - a);
  const tailSum = tail.reduce((sum, weight) => sum + weight, 0);
  for (const weight of tail) weights.push(((1 - LARGEST_DEPARTMENT_SHARE) * weight) / tailSum);

  // Every department first gets the minimum; the rest is shared by weight (largest remainder).
  const spare = total - count * MIN_DEPARTMENT_SIZE;
  const exact = weights.map((weight) => weight * spare);
  const sizes = exact.map((value) => MIN_DEPARTMENT_SIZE + Math.floor(value));
  let left = total - sizes.reduce((sum, size) => sum + size, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % count, left--) sizes[byRemainder[i].index]++;
  // With very few departments the tail's first may outgrow the quarter: keep largest first.
  return sizes.sort((a, b) => b - a);
}

/** `D001`, `D002`, ...: three digits, more when there are more than 999 departments. */
export function departmentCode(index: number, count: number): string {
  return `D${String(index + 1).padStart(Math.max(3, String(count).length), '0')}`;
}

const SUBJECTS = [
  'Corrections and Rehabilitation',
  'Transportation',
  'Employment Development',
  'Motor Vehicles',
  'State Hospitals',
  'Health Care Services',
  'Franchise Tax',
  'Social Services',
  'Public Health',
  'Forestry and Fire Protection',
  'Highway Patrol Support Services',
  'Developmental Services',
  'Water Resources',
  'General Services',
  'Tax and Fee Administration',
  'Justice',
  'Parks and Recreation',
  'Fish and Wildlife',
  'Food and Agriculture',
  'Consumer Affairs',
  'Industrial Relations',
  'Toxic Substances Control',
  'Veterans Affairs',
  'Education',
  'Housing and Community Development',
  'Rehabilitation',
  'Technology',
  'Resources Recycling and Recovery',
  'Pesticide Regulation',
  'Conservation',
  'Financial Protection and Innovation',
  'Insurance',
  'Aging',
  'Child Support Services',
  'Managed Health Care',
  'Human Resources',
  'Finance',
  'Emergency Services',
  'Cannabis Control',
  'Real Estate',
  'Public Employment Relations',
  'Energy',
  'Coastal Conservancy',
  'State Lands',
  'Arts',
  'Library Services',
  'Water Quality',
  'Air Resources',
  'Gambling Control',
  'Boating and Waterways',
  'Fair Employment',
  'Civil Rights',
  'Military Affairs',
  'Youth Services',
  'Community Services',
  'Student Aid',
  'Privacy Protection',
  'Administrative Hearings',
  'Pharmacy',
  'Nursing',
];
const KINDS = ['Department of', 'Office of', 'Board of', 'Commission on'] as const;

/**
 * A believable, unique name for the department at `index`: "Department of X" for the first
 * sixty, then "Office of X", "Board of X", ...; past that, numbered regions.
 */
export function departmentName(index: number): string {
  const subject = SUBJECTS[index % SUBJECTS.length];
  const round = Math.floor(index / SUBJECTS.length);
  const kind = KINDS[round % KINDS.length];
  const region = Math.floor(round / KINDS.length);
  return `${kind} ${subject}${region > 0 ? ` (Region ${region + 1})` : ''} - generated`;
}
