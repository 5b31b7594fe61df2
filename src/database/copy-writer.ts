import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { QueryRunner } from 'typeorm';

/** A value of one column in PostgreSQL's COPY text format. */
export type CopyValue = string | number | boolean | null;

/** Backslash, tab, newline and carriage return are escaped; null is `\N`. */
export function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (character) => {
    switch (character) {
      case '\\':
        return '\\\\';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      default:
        return '\\r';
    }
  });
}

export function copyLine(values: readonly CopyValue[]): string {
  return `${values.map(copyField).join('\t')}\n`;
}

/** Lines are sent in chunks of about this many characters. */
const CHUNK_CHARACTERS = 256 * 1024;

/**
 * `COPY <table> FROM STDIN` on the query runner's own connection (so inside its transaction),
 * fed line by line with back-pressure: the database reads as fast as the file is parsed.
 */
export class CopyWriter {
  private lines: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  private constructor(private readonly stream: Writable) {
    // Kept for the next write: an 'error' without a listener would end the process.
    stream.on('error', (error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
    });
  }

  static async open(queryRunner: QueryRunner, copySql: string): Promise<CopyWriter> {
    const client = (await queryRunner.connect()) as {
      query(stream: ReturnType<typeof copyFrom>): Writable;
    };
    return new CopyWriter(client.query(copyFrom(copySql)));
  }

  async write(values: readonly CopyValue[]): Promise<void> {
    const line = copyLine(values);
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= CHUNK_CHARACTERS) await this.flush();
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
  }

  private async flush(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (this.lines.length === 0) return;
    const chunk = this.lines.join('');
    this.lines = [];
    this.size = 0;
    // `once` rejects when the stream fails before it drains (e.g. a row the table refuses).
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
