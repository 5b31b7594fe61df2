import { once } from 'node:events';
import * as fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Rows are sent to PostgreSQL in chunks of about this many characters. */
const CHUNK_CHARS = 1 << 18;

/** A CSV file written with back-pressure (a slow disk pauses generation, memory stays flat). */
export class CsvFile {
  private readonly stream: fs.WriteStream;

  constructor(
    readonly path: string,
    header: string,
  ) {
    this.stream = fs.createWriteStream(path, { encoding: 'utf8' });
    this.stream.write(header);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export interface CopyTee<T> {
  file: CsvFile;
  /** The row's CSV line, or null when the row is not part of the file. */
  line(row: T): string | null;
}

/**
 * Loads rows with `COPY ... FROM STDIN` (pg-copy-streams) on the caller's connection, inside
 * its transaction. Rows are produced lazily and sent in chunks as the server takes them; the
 * event loop turns between chunks, so generating the next chunk overlaps the server's work on
 * the last one. Without a connection (CSV only) rows are produced and counted, not sent.
 */
export class CopyWriter {
  readonly counts: Record<string, number> = {};

  constructor(private readonly client: PoolClient | null) {}

  async copy<T>(
    table: string,
    columns: readonly string[],
    rows: Iterable<T>,
    line: (row: T) => string,
    options: { tee?: CopyTee<T>; onChunk?: (rows: number) => void } = {},
  ): Promise<number> {
    let count = 0;
    const { tee, onChunk } = options;
    async function* chunks(): AsyncGenerator<string> {
      let chunk = '';
      let csv = '';
      for (const row of rows) {
        chunk += line(row);
        count++;
        if (tee) csv += tee.line(row) ?? '';
        if (chunk.length >= CHUNK_CHARS) {
          if (csv.length > 0) await tee!.file.write(csv);
          csv = '';
          yield chunk;
          chunk = '';
          onChunk?.(count);
        }
      }
      if (csv.length > 0) await tee!.file.write(csv);
      if (chunk.length > 0) yield chunk;
      onChunk?.(count);
    }
    if (this.client === null) {
      // Nothing to send: the rows only feed the CSV files.
      const iterator = chunks();
      while (!(await iterator.next()).done);
    } else {
      const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
      await pipeline(Readable.from(chunks()), this.client.query(copyFrom(sql)));
    }
    this.counts[table] = (this.counts[table] ?? 0) + count;
    return count;
  }
}
