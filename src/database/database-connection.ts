import type { AppConfig } from '../config/app-config';
import { startEmbeddedDatabase } from './embedded-database';

export interface DatabaseConnection {
  url: string;
  mode: 'embedded' | 'server';
  stop(): Promise<void>;
}

/** DATABASE_URL when set (server mode); otherwise the embedded PostgreSQL in DATA_DIR. */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  onLog?: (line: string) => void,
): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, mode: 'server', stop: () => Promise.resolve() };
  }
  const embedded = await startEmbeddedDatabase({ dataDir: config.dataDir, onLog });
  return { url: embedded.url, mode: 'embedded', stop: () => embedded.stop() };
}
