import { auditEntryHash, canonicalJson, GENESIS_HASH, verifyChain } from './audit-chain.rule';
import type { AuditContent, ChainedEntry } from './audit-chain.rule';

function chain(contents: AuditContent[]): ChainedEntry[] {
  let prevHash = GENESIS_HASH;
  return contents.map((content, index) => {
    const hash = auditEntryHash(prevHash, content);
    const entry = { ...content, id: String(index + 1), prevHash, hash };
    prevHash = hash;
    return entry;
  });
}

const content = (action: string, changes: Record<string, unknown> = {}): AuditContent => ({
  occurredAt: '2026-01-02T03:04:05.678Z',
  actorUserId: 'u1',
  actorRole: 'ADMIN',
  departmentId: null,
  entityType: 'user',
  entityId: 'e1',
  action,
  changes,
  requestId: 'r1',
});

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [1, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: 'x' }, '{"b":"x"}'],
    ['text', '"text"'],
  ])('sorts keys at every level: %j', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe('verifyChain', () => {
  const entries = chain([
    content('CREATE'),
    content('UPDATE', { role: { old: 'A', new: 'B' } }),
    content('DELETE'),
  ]);

  it('accepts an untouched chain and reports its head', () => {
    expect(verifyChain(entries)).toEqual({ ok: true, count: 3, headHash: entries[2].hash });
  });

  it('verifies page by page from a previous head', () => {
    const first = verifyChain(entries.slice(0, 2));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(entries.slice(2), first)).toEqual({
      ok: true,
      count: 3,
      headHash: entries[2].hash,
    });
  });

  it('finds the first entry whose content was changed', () => {
    const tampered = entries.map((e) => ({ ...e }));
    tampered[1].changes = { role: { old: 'A', new: 'ADMIN' } };
    expect(verifyChain(tampered)).toMatchObject({
      ok: false,
      firstInvalidId: '2',
      reason: 'CONTENT_CHANGED',
      count: 1,
    });
  });

  it('finds a removed entry as a broken link', () => {
    const withGap = [entries[0], entries[2]];
    expect(verifyChain(withGap)).toMatchObject({
      ok: false,
      firstInvalidId: '3',
      reason: 'LINK_BROKEN',
    });
  });

  it('finds a rewritten entry even when its own hash was recomputed', () => {
    const rewritten = entries.map((e) => ({ ...e }));
    rewritten[0].action = 'FORGED';
    rewritten[0].hash = auditEntryHash(rewritten[0].prevHash, rewritten[0]);
    expect(verifyChain(rewritten)).toMatchObject({
      ok: false,
      firstInvalidId: '2',
      reason: 'LINK_BROKEN',
    });
  });
});
