import { diffForAudit, MASK } from './audit-changes.rule';

describe('diffForAudit', () => {
  it.each([
    [
      'create',
      null,
      { name: 'A', code: 'X' },
      { code: { old: null, new: 'X' }, name: { old: null, new: 'A' } },
    ],
    [
      'update',
      { name: 'A', code: 'X' },
      { name: 'B', code: 'X' },
      { name: { old: 'A', new: 'B' } },
    ],
    ['delete', { name: 'A' }, null, { name: { old: 'A', new: null } }],
    ['no change', { name: 'A' }, { name: 'A' }, {}],
    [
      'dates as ISO',
      { on: new Date('2026-01-01T00:00:00Z') },
      { on: new Date('2026-02-01T00:00:00Z') },
      { on: { old: '2026-01-01T00:00:00.000Z', new: '2026-02-01T00:00:00.000Z' } },
    ],
  ])('%s', (_label, before, after, expected) => {
    expect(diffForAudit(before, after)).toEqual(expected);
  });

  it('ignores bookkeeping fields', () => {
    expect(diffForAudit({ version: 1, updatedAt: 1 }, { version: 2, updatedAt: 2 })).toEqual({});
  });

  it.each(['passwordHash', 'ethnicities', 'gender', 'disability', 'veteran'])(
    'masks the value of %s but records that it changed',
    (field) => {
      const changes = diffForAudit({ [field]: 'secret-old' }, { [field]: 'secret-new' });
      expect(changes[field]).toEqual({ old: MASK, new: MASK });
      expect(JSON.stringify(changes)).not.toContain('secret');
    },
  );
});
