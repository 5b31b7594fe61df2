import type { DomainErrorCode, FieldProblem } from './domain-error';

/** RFC 9457 problem details, with our machine-readable extensions. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: DomainErrorCode | 'INTERNAL_ERROR' | 'SERVICE_UNAVAILABLE';
  requestId: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export function httpStatusFor(code: DomainErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'TRANSITION_NOT_ALLOWED':
    case 'VERSION_CONFLICT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 415;
    case 'RULE_VIOLATION':
      return 422;
    case 'PRECONDITION_REQUIRED':
      return 428;
    case 'RATE_LIMITED':
      return 429;
    default: {
      const unhandled: never = code;
      throw new Error(`No HTTP status for ${String(unhandled)}`);
    }
  }
}

/** Status of an HTTP error raised outside our services (router, body parser, throttler). */
export function codeForHttpStatus(status: number): DomainErrorCode {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'RULE_VIOLATION';
    case 428:
      return 'PRECONDITION_REQUIRED';
    case 429:
      return 'RATE_LIMITED';
    default:
      return 'BAD_REQUEST';
  }
}

export function problemType(code: string): string {
  return `urn:upward-mobility:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
