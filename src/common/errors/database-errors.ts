import { QueryFailedError } from 'typeorm';

function pgCode(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL 23505: a unique constraint refused the row (e.g. a duplicate email). */
export function isUniqueViolation(error: unknown): boolean {
  return pgCode(error) === '23505';
}

/** PostgreSQL 23503: a foreign key points nowhere. */
export function isForeignKeyViolation(error: unknown): boolean {
  return pgCode(error) === '23503';
}
