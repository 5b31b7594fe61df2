import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import type { ResolvedAppConfig } from '../../config/app-config';

export function sha256Of(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Evidence files on disk under `<dataDir>/evidence/<sha256>`: content-addressed, so the same
 * certificate uploaded twice is stored once, and a file can be checked against its name.
 */
@Injectable()
export class EvidenceStore {
  private readonly directory: string;

  constructor(@Inject(APP_CONFIG) config: ResolvedAppConfig) {
    this.directory = path.join(config.dataDir, 'evidence');
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a SHA-256: ${sha256}`);
    return path.join(this.directory, sha256);
  }

  /** Writes through a temporary file and a rename, so a reader never sees half a file. */
  async write(sha256: string, content: Uint8Array): Promise<void> {
    const target = this.pathOf(sha256);
    await fs.mkdir(this.directory, { recursive: true });
    try {
      await fs.access(target);
      return; // Same content, already stored.
    } catch {
      // Not stored yet.
    }
    const temporary = `${target}.${randomUUID()}.tmp`;
    await fs.writeFile(temporary, content, { mode: 0o640 });
    await fs.rename(temporary, target);
  }

  /** The stored bytes; an error (500) when missing or no longer matching their hash. */
  async read(sha256: string): Promise<Buffer> {
    const content = await fs.readFile(this.pathOf(sha256));
    if (sha256Of(content) !== sha256) {
      throw new Error(`Evidence file ${sha256} is corrupted: its content no longer matches`);
    }
    return content;
  }
}
