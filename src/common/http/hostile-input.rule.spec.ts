import { findHostileInput, MAX_INPUT_DEPTH } from './hostile-input.rule';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('findHostileInput', () => {
  it.each([
    ['plain values', { name: 'Ana', tags: ['a', 'b'], n: 3, ok: true, none: null }, null],
    [
      'a NUL in a string',
      { name: 'A\u0000na' },
      { field: 'body.name', message: 'must not contain NUL characters' },
    ],
    [
      'a NUL deep in an array',
      { items: [{ title: 'x' }, { title: '\u0000' }] },
      { field: 'body.items[1].title', message: 'must not contain NUL characters' },
    ],
    [
      'a NUL in a key',
      { ['a\u0000b']: 1 },
      { field: 'body', message: 'has a key with a NUL character' },
    ],
  ])('%s', (_label, value, expected) => {
    expect(findHostileInput(value, 'body')).toEqual(expected);
  });

  it(`accepts nesting up to ${MAX_INPUT_DEPTH} levels and refuses deeper, without recursion`, () => {
    expect(findHostileInput(nested(MAX_INPUT_DEPTH), 'body')).toBeNull();
    expect(findHostileInput(nested(MAX_INPUT_DEPTH + 1), 'body')?.message).toMatch(/nested deeper/);
    expect(findHostileInput(nested(100_000), 'body')?.message).toMatch(/nested deeper/);
  });

  it('reads a query string value like any other', () => {
    expect(findHostileInput({ search: 'x\u0000' }, 'query')).toEqual({
      field: 'query.search',
      message: 'must not contain NUL characters',
    });
  });
});
