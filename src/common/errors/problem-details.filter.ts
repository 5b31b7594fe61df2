import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import { codeForHttpStatus, httpStatusFor, problemType, ProblemDetails } from './problem-details';

type RequestWithId = Request & { id?: string | number };

/** Errors raised by Express middleware (body-parser) carry their own 4xx status. */
function middlewareStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ??
    (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * One place that turns every error into RFC 9457 problem+json with a request id. Client
 * mistakes keep their 4xx; anything unexpected is logged and answered with a generic 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<RequestWithId>();
    const response = context.getResponse<Response>();
    const requestId = String(request.id ?? response.getHeader('x-request-id') ?? '');
    const problem = this.toProblem(exception, request.originalUrl ?? request.url, requestId);
    if (problem.status >= 500) {
      this.logger.error(
        { err: exception, requestId },
        exception instanceof Error ? exception.message : 'Unexpected error',
      );
    }
    if (problem.status === 401 && !response.getHeader('www-authenticate')) {
      response.setHeader('WWW-Authenticate', 'Bearer');
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, instance: string, requestId: string): ProblemDetails {
    if (exception instanceof DomainError) {
      const status = httpStatusFor(exception.code);
      // Details first: they may add properties but never overwrite the standard ones.
      return {
        ...exception.details,
        type: problemType(exception.code),
        title: titleFor(exception.code),
        status,
        detail: exception.message,
        instance,
        code: exception.code,
        requestId,
        ...(exception.fields.length > 0 ? { errors: exception.fields } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 503 ? 'SERVICE_UNAVAILABLE' : codeForHttpStatus(status);
      const body = exception.getResponse();
      // Terminus answers 503 with the state of each check: keep it for the operator.
      const extensions =
        status === 503 && typeof body === 'object' && body !== null
          ? (body as Record<string, unknown>)
          : {};
      return {
        ...extensions,
        type: problemType(code),
        title: titleFor(code),
        status,
        detail: status === 503 ? 'Service unavailable' : httpExceptionMessage(exception),
        instance,
        code,
        requestId,
        ...(isJsonParseFailure(exception.cause)
          ? { errors: [{ field: 'body', message: 'The body is not valid JSON' }] }
          : {}),
      };
    }
    const status = middlewareStatus(exception);
    if (status !== undefined) {
      const code = codeForHttpStatus(status);
      return {
        type: problemType(code),
        title: titleFor(code),
        status,
        detail: exception instanceof Error ? exception.message : 'Bad request',
        instance,
        code,
        requestId,
        ...(isJsonParseFailure(exception)
          ? { errors: [{ field: 'body', message: 'The body is not valid JSON' }] }
          : {}),
      };
    }
    return {
      type: problemType('INTERNAL_ERROR'),
      title: 'Internal server error',
      status: 500,
      detail: `An unexpected error occurred; quote request id ${requestId} when reporting it.`,
      instance,
      code: 'INTERNAL_ERROR',
      requestId,
    };
  }
}

function isJsonParseFailure(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { type?: unknown }).type === 'entity.parse.failed'
  );
}

function titleFor(code: string): string {
  const words = code.toLowerCase().split('_');
  return [words[0].charAt(0).toUpperCase() + words[0].slice(1), ...words.slice(1)].join(' ');
}
