import type { INestApplication } from '@nestjs/common';
import { StartupError } from './config/startup-error';

/** Listens, turning the usual operator mistakes into one-line StartupErrors. */
export async function listenOrExplain(
  app: INestApplication,
  port: number,
  host: string,
): Promise<void> {
  try {
    await app.listen(port, host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        `port ${port} is already in use; stop the other process or set PORT to a free port`,
      );
    }
    if (code === 'EACCES') {
      throw new StartupError(`not allowed to listen on port ${port}; set PORT above 1024`);
    }
    throw error;
  }
}
