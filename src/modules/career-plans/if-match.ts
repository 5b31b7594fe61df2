import { DomainError } from '../../common/errors/domain-error';

/** The entity tag of a record version, as sent in `ETag` and expected back in `If-Match`. */
export function etagFor(version: number): string {
  return `"${version}"`;
}

/**
 * The version a writer last read, from `If-Match: "<version>"` (a weak `W/"3"` or bare `3` is
 * accepted too). Missing: 428, so that nobody overwrites a plan they have not seen. `*` is
 * refused: it would skip the very check the header is for.
 */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new DomainError(
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag of the version you last read',
      [{ field: 'header.If-Match', message: 'is required' }],
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw DomainError.validation([
      { field: 'header.If-Match', message: 'must be the ETag of a version, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

/** Optional If-Match (routes that do not require it still honour it when sent). */
export function parseOptionalIfMatch(header: string | undefined): number | null {
  return header === undefined || header.trim() === '' ? null : parseIfMatch(header);
}

export function assertVersion(current: number, expected: number | null): void {
  if (expected !== null && current !== expected) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `The plan changed since you read it (you sent version ${expected}, it is now ${current})`,
      [{ field: 'header.If-Match', message: 'is stale' }],
      { currentVersion: current },
    );
  }
}
