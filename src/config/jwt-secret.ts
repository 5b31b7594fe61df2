import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from './app-config';

export interface ResolvedSecret {
  secret: string;
  source: 'environment' | 'data-dir' | 'ephemeral';
}

/**
 * JWT_SECRET when given (mandatory in production, enforced by loadConfig). In development the
 * embedded mode keeps a generated one in the data dir so tokens survive restarts; server mode
 * without a secret gets a per-process one.
 */
export function resolveJwtSecret(config: AppConfig, embedded: boolean): ResolvedSecret {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'environment' };
  if (!embedded) return { secret: randomBytes(48).toString('base64url'), source: 'ephemeral' };
  const file = path.join(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file))
    return { secret: fs.readFileSync(file, 'utf8').trim(), source: 'data-dir' };
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return { secret, source: 'data-dir' };
}
