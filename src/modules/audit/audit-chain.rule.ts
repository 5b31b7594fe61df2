import { createHash } from 'node:crypto';

/** The hashed content of an audit entry: everything but its sequence number and hashes. */
export interface AuditContent {
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  departmentId: string | null;
  entityType: string;
  entityId: string | null;
  action: string;
  changes: Record<string, unknown>;
  requestId: string | null;
}

export interface ChainedEntry extends AuditContent {
  id: string;
  prevHash: string;
  hash: string;
}

/** The hash the first entry links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditEntryHash(prevHash: string, content: AuditContent): string {
  const fields: AuditContent = {
    occurredAt: content.occurredAt,
    actorUserId: content.actorUserId,
    actorRole: content.actorRole,
    departmentId: content.departmentId,
    entityType: content.entityType,
    entityId: content.entityId,
    action: content.action,
    changes: content.changes,
    requestId: content.requestId,
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      count: number;
      firstInvalidId: string;
      reason: 'CONTENT_CHANGED' | 'LINK_BROKEN';
    };

/**
 * Walks entries in sequence order. Feed it page by page: pass the previous page's verdict
 * (`headHash`, `count`) as `start` so a long log never has to sit in memory at once.
 */
export function verifyChain(
  entries: readonly ChainedEntry[],
  start: { headHash: string; count: number } = { headHash: GENESIS_HASH, count: 0 },
): ChainVerdict {
  let previous = start.headHash;
  let count = start.count;
  for (const entry of entries) {
    if (entry.prevHash !== previous) {
      return { ok: false, count, firstInvalidId: entry.id, reason: 'LINK_BROKEN' };
    }
    if (auditEntryHash(entry.prevHash, entry) !== entry.hash) {
      return { ok: false, count, firstInvalidId: entry.id, reason: 'CONTENT_CHANGED' };
    }
    previous = entry.hash;
    count += 1;
  }
  return { ok: true, count, headHash: previous };
}
