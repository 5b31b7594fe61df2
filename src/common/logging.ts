import type { Params } from 'nestjs-pino';
import type { LogLevel } from '../config/app-config';
import { requestIdFor } from './http/request-id';

/** Paths pino replaces with [Redacted]: credentials, tokens and personal fields. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.email',
  '*.firstName',
  '*.lastName',
  '*.ethnicity',
  '*.gender',
  '*.disability',
  '*.veteran',
  // A failed query's values and PostgreSQL's detail (the failing row) carry personal data.
  'err.parameters',
  'err.detail',
  'err.driverError.parameters',
  'err.driverError.detail',
];

/** Structured JSON request logs with a request id; bodies are never logged. */
export function loggerParams(level: LogLevel): Params {
  return {
    pinoHttp: {
      level,
      genReqId: requestIdFor,
      // Health probes arrive every few seconds: logging them buries everything else.
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[Redacted]' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings may carry search terms (names): log the path only.
          path: req.url.split('?')[0],
        }),
      },
    },
  };
}
