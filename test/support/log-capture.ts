import { Writable } from 'node:stream';

/**
 * Everything the application logs, kept in memory. A test file routes pino there by mocking the
 * `pino` module with {@link pinoWritingTo} (the destination is not configurable in production,
 * which writes to stdout):
 *
 *   jest.mock('pino', () =>
 *     jest.requireActual<typeof import('./support/log-capture')>('./support/log-capture')
 *       .pinoWritingTo(jest.requireActual('pino')));
 *
 * Must come before anything that loads the application (jest hoists `jest.mock`).
 */
class CapturedLogs {
  private chunks: string[] = [];

  readonly stream = new Writable({
    write: (chunk: Buffer | string, _encoding, callback) => {
      this.chunks.push(chunk.toString());
      callback();
    },
  });

  text(): string {
    return this.chunks.join('');
  }

  /** The JSON log lines (pino writes one object per line). */
  entries(): Record<string, unknown>[] {
    return this.text()
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  clear(): void {
    this.chunks = [];
  }
}

const CAPTURE = Symbol.for('upward-mobility.test.captured-logs');
type WithCapture = typeof globalThis & { [CAPTURE]?: CapturedLogs };

/** One capture per test file's module registry and the mocked pino alike. */
export function capturedLogs(): CapturedLogs {
  const holder = globalThis as WithCapture;
  return (holder[CAPTURE] ??= new CapturedLogs());
}

type PinoFactory = (options?: unknown, stream?: unknown) => unknown;
type PinoModule = PinoFactory & { pino: PinoFactory; default?: PinoFactory };

/** The real pino module, with loggers created without a destination writing to the capture. */
export function pinoWritingTo(actual: PinoModule): PinoModule {
  const wrapped: PinoModule = Object.assign(
    (options?: unknown, stream?: unknown) => actual.pino(options, stream ?? capturedLogs().stream),
    actual,
  );
  wrapped.pino = wrapped;
  wrapped.default = wrapped;
  return wrapped;
}
