/** Machine-readable error codes; the problem-details filter maps each to an HTTP status. */
export type DomainErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TRANSITION_NOT_ALLOWED'
  | 'VERSION_CONFLICT'
  | 'PRECONDITION_REQUIRED'
  | 'RULE_VIOLATION'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RATE_LIMITED';

export interface FieldProblem {
  /** Dotted path of the offending input, e.g. `activities[0].targetDate` or `query.sort`. */
  field: string;
  message: string;
}

/**
 * Services throw these, never HTTP exceptions: the domain does not know about HTTP. `details`
 * carries extra machine-readable facts (e.g. the allowed transitions, the earliest fitting date).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(entity: string): DomainError {
    return new DomainError('NOT_FOUND', `${entity} not found`);
  }

  static validation(fields: FieldProblem[], message = 'The request is not valid'): DomainError {
    return new DomainError('VALIDATION_FAILED', message, fields);
  }
}
