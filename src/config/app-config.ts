import 'reflect-metadata';
import * as path from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
} from 'class-validator';
import { StartupError } from './startup-error';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type NodeEnv = 'development' | 'production' | 'test';

/** The typed configuration every part of the service reads; built once at boot. */
export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  /** Undefined means: start the embedded PostgreSQL in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  reportsDir: string;
  /** Undefined until resolved: in development the embedded mode generates and keeps one. */
  jwtSecret: string | undefined;
  jwtAccessTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  logLevel: LogLevel;
  demoData: boolean;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  corsOrigins: string[];
  bodyLimit: string;
  loginRateLimitPerMinute: number;
}

export class ConfigError extends StartupError {}

const toBoolean = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const normalized = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(normalized)) return true;
  if (['false', '0', 'no', 'off'].includes(normalized)) return false;
  return value;
};
const toInteger = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Environment variables as read from the process; names are the variables' own. */
class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: NodeEnv;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a postgres:// or postgresql:// URL',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  REPORTS_DIR?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(30)
  @Max(86400)
  JWT_ACCESS_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(60)
  @Max(90 * 86400)
  REFRESH_TOKEN_TTL_SECONDS?: number;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL?: LogLevel;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  @IsOptional()
  @Matches(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @ValidateIf((env: EnvironmentVariables) => env.ADMIN_EMAIL !== undefined)
  @IsString({ message: 'ADMIN_PASSWORD must be set when ADMIN_EMAIL is set' })
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters long' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Matches(/^(https?:\/\/[^\s,]+)(,https?:\/\/[^\s,]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(toInteger)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT_PER_MINUTE?: number;

  @IsOptional()
  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT must look like 512kb or 1mb' })
  BODY_LIMIT?: string;
}

/**
 * Reads and validates the environment. Throws a ConfigError whose one-line message names
 * the offending variable, so `main` can print it and stop.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = plainToInstance(EnvironmentVariables, present, {
    excludeExtraneousValues: false,
  });
  const errors = validateSync(parsed, { skipMissingProperties: false });
  if (errors.length > 0) {
    const messages = errors.flatMap((error) =>
      Object.values(error.constraints ?? {}).map((message) =>
        message.startsWith(error.property) ? message : `${error.property}: ${message}`,
      ),
    );
    throw new ConfigError(`Invalid configuration: ${messages.join('; ')}`);
  }

  const nodeEnv = parsed.NODE_ENV ?? 'development';
  if (nodeEnv === 'production' && parsed.JWT_SECRET === undefined) {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET must be set when NODE_ENV=production (at least 32 characters)',
    );
  }

  return {
    nodeEnv,
    host: parsed.HOST ?? '0.0.0.0',
    port: parsed.PORT ?? 3000,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: path.resolve(cwd, parsed.DATA_DIR ?? 'data'),
    reportsDir: path.resolve(cwd, parsed.REPORTS_DIR ?? 'reports'),
    jwtSecret: parsed.JWT_SECRET,
    jwtAccessTtlSeconds: parsed.JWT_ACCESS_TTL_SECONDS ?? 900,
    refreshTokenTtlSeconds: parsed.REFRESH_TOKEN_TTL_SECONDS ?? 14 * 86400,
    logLevel: parsed.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    demoData: parsed.DEMO_DATA ?? nodeEnv !== 'production',
    adminEmail: parsed.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: parsed.ADMIN_PASSWORD,
    corsOrigins: parsed.CORS_ORIGINS ? parsed.CORS_ORIGINS.split(',') : [],
    bodyLimit: parsed.BODY_LIMIT ?? '1mb',
    loginRateLimitPerMinute: parsed.LOGIN_RATE_LIMIT_PER_MINUTE ?? 10,
  };
}

/** Injection token for the resolved AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/** The config once secrets are resolved; what the Nest app receives. */
export interface ResolvedAppConfig extends AppConfig {
  jwtSecret: string;
  databaseUrl: string;
}
