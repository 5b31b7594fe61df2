/** Values of these fields never enter the audit log in clear: only that they changed. */
export const MASKED_AUDIT_FIELDS: ReadonlySet<string> = new Set([
  'passwordHash',
  'password',
  'ethnicities',
  'ethnicity',
  'gender',
  'disability',
  'veteran',
  'sexualOrientation',
]);

export const MASK = '***';

export interface FieldChange {
  old: unknown;
  new: unknown;
}

function normalize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

/**
 * The fields that differ between two versions of a record (`before` null for a create, `after`
 * null for a delete), with old and new values; masked fields show only that they changed.
 */
export function diffForAudit(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  ignore: ReadonlySet<string> = new Set(['updatedAt', 'createdAt', 'version']),
): Record<string, FieldChange> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, FieldChange> = {};
  for (const key of [...keys].sort()) {
    if (ignore.has(key)) continue;
    const oldValue = before ? before[key] : undefined;
    const newValue = after ? after[key] : undefined;
    if (same(oldValue, newValue)) continue;
    changes[key] = MASKED_AUDIT_FIELDS.has(key)
      ? {
          old: oldValue === undefined || oldValue === null ? null : MASK,
          new: newValue === undefined || newValue === null ? null : MASK,
        }
      : { old: normalize(oldValue), new: normalize(newValue) };
  }
  return changes;
}
