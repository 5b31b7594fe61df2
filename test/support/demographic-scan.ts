import { ETHNICITY_CODES, GENDER_CODES } from '../../src/modules/employees/demographics';

/**
 * Finds individual demographic data (voluntary self-identification) in a response body.
 *
 * - `strict` (SUPERVISOR, EMPLOYEE): no demographic key at all, whatever its value.
 * - `aggregates` (AUDITOR): a demographic key may name an aggregated table (an object of counts
 *   by group) or a masked audit change (`***`), never an individual's answer (a code or a list
 *   of codes).
 * In both modes: no object that identifies a person (employee id, number or name) next to a
 * demographic code, and no `markers` (the answers the test gave everyone), except, for
 * aggregates, as the label of a table's group (`group`, `referenceGroup`).
 */
export type ScanMode = 'strict' | 'aggregates';

export interface Leak {
  path: string;
  reason: string;
}

const DEMOGRAPHIC_KEYS = new Set([
  'ethnicities',
  'ethnicity',
  'gender',
  'disability',
  'veteran',
  'selfidentification',
  'demographics',
  'sexualorientation',
]);
const PERSON_KEYS = new Set(['employeeid', 'employeenumber', 'firstname', 'lastname']);
/** Where an aggregated table names its groups. */
const GROUP_LABEL_KEYS = new Set(['group', 'referencegroup']);
const MASK = '***';

/** Every answer code of the self-identification form (generic words such as YES included). */
const ANSWER_CODES = new Set<string>([
  ...ETHNICITY_CODES,
  ...GENDER_CODES,
  'YES',
  'NO',
  'DECLINED',
]);
/** Codes that say something about a person without their key (not YES, NO, OTHER...). */
const TELLING_CODES = new Set<string>(
  [...ETHNICITY_CODES, ...GENDER_CODES].filter((code) => !['OTHER', 'DECLINED'].includes(code)),
);

const normalizeKey = (key: string): string => key.toLowerCase().replace(/[^a-z]/g, '');

function isAnswer(value: unknown): boolean {
  if (typeof value === 'string') return ANSWER_CODES.has(value);
  return Array.isArray(value) && value.length > 0 && value.every((item) => isAnswer(item));
}

function isMasked(value: unknown): boolean {
  if (value === null || value === MASK) return true;
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.values(value as Record<string, unknown>).every(isMasked);
  }
  return false;
}

export function scanJson(body: unknown, mode: ScanMode, markers: readonly string[]): Leak[] {
  const leaks: Leak[] = [];
  const visit = (value: unknown, path: string, key = ''): void => {
    if (typeof value === 'string') {
      const label = mode === 'aggregates' && GROUP_LABEL_KEYS.has(normalizeKey(key));
      const marker = markers.find((code) => value.includes(code));
      if (marker && !label) leaks.push({ path, reason: `individual answer ${marker}` });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}[${index}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const entries = Object.entries(value as Record<string, unknown>);
    const identifiesPerson = entries.some(([key]) => PERSON_KEYS.has(normalizeKey(key)));
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (DEMOGRAPHIC_KEYS.has(normalizeKey(key))) {
        if (mode === 'strict') {
          leaks.push({ path: childPath, reason: 'demographic key' });
        } else if (isAnswer(child) || (identifiesPerson && !isMasked(child))) {
          leaks.push({ path: childPath, reason: 'individual demographic answer' });
        }
      }
      if (identifiesPerson && typeof child === 'string' && TELLING_CODES.has(child)) {
        leaks.push({ path: childPath, reason: `demographic code ${child} beside a person` });
      }
      visit(child, childPath, key);
    }
  };
  visit(body, '');
  return leaks;
}

/** Text (CSV, XLSX cells, PDF text): none of the `forbidden` words (names, numbers, answers). */
export function scanText(text: string, forbidden: readonly string[]): Leak[] {
  return forbidden
    .filter((needle) => needle.length > 0 && text.includes(needle))
    .map((needle) => ({ path: '(text)', reason: `contains ${JSON.stringify(needle)}` }));
}

/**
 * Oversight tables are suppressed: every count shown in a diversity table is 0 or at least the
 * department's threshold (counts from 1 to threshold - 1 are hidden).
 */
export function unsuppressedSmallCounts(report: unknown): Leak[] {
  if (typeof report !== 'object' || report === null) return [];
  const disclosure = (report as { disclosure?: { smallCellThreshold?: unknown } }).disclosure;
  const threshold = disclosure?.smallCellThreshold;
  const diversity = (report as { diversity?: unknown }).diversity;
  if (typeof threshold !== 'number' || diversity === undefined) return [];
  const leaks: Leak[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'number') {
      if (/\.(selected|notSelected|total)$/.test(path) && value > 0 && value < threshold) {
        leaks.push({ path, reason: `count ${value} below the threshold ${threshold} is shown` });
      }
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      visit(child, `${path}.${key}`);
    }
  };
  visit(diversity, 'diversity');
  return leaks;
}
