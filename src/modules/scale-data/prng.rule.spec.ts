import { hashString, Prng, prngFor, splitmix32 } from './prng.rule';

/** sfc32 as published with PractRand (C reference transcribed), used as an oracle. */
function referenceSfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + ((c << 3) >>> 0)) >>> 0;
    c = (((c << 21) | (c >>> 11)) + t) >>> 0;
    return t;
  };
}

const take = (prng: Prng, n: number) => Array.from({ length: n }, () => prng.nextUint32());

describe('seeded PRNG (sfc32 seeded through splitmix32)', () => {
  it('produces the reference sfc32 sequence after its 12-step warm-up', () => {
    const state: [number, number, number, number] = [0x9e3779b9, 0x243f6a88, 0xb7e15162, 7];
    const reference = referenceSfc32(...state);
    for (let i = 0; i < 12; i++) reference();
    const expected = Array.from({ length: 1000 }, () => reference());
    expect(take(new Prng(state), 1000)).toEqual(expected);
  });

  it('gives the same numbers for the same seed and stream name, on every run', () => {
    expect(take(prngFor(1, 'D001', 'training'), 50)).toEqual(
      take(prngFor(1, 'D001', 'training'), 50),
    );
  });

  it.each([
    [
      [1, 'D001', 'training'],
      [2, 'D001', 'training'],
    ],
    [
      [1, 'D001', 'training'],
      [1, 'D002', 'training'],
    ],
    [
      [1, 'D001', 'training'],
      [1, 'D001', 'employees'],
    ],
  ] as const)('gives different streams for %j and %j', (left, right) => {
    const [seedA, ...pathA] = left;
    const [seedB, ...pathB] = right;
    expect(take(prngFor(seedA, ...pathA), 8)).not.toEqual(take(prngFor(seedB, ...pathB), 8));
  });

  it('mixes seeds and names into well-spread 32-bit values', () => {
    const values = new Set(Array.from({ length: 10_000 }, (_, i) => splitmix32(i)));
    expect(values.size).toBe(10_000);
    expect(hashString('D001')).not.toBe(hashString('D002'));
    expect([...values].filter((value) => value >>> 0 !== value)).toEqual([]);
  });

  it('draws uniform numbers in [0, 1) and whole numbers within their bounds', () => {
    const prng = prngFor(7, 'uniform');
    let sum = 0;
    let min = 1;
    let max = 0;
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const x = prng.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
      counts[prng.int(0, 5)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 60_000).toBeCloseTo(0.5, 2);
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(400);
  });

  it('picks by weight and draws Poisson counts with the requested mean', () => {
    const prng = prngFor(3, 'pick');
    const tally = { a: 0, b: 0, c: 0 };
    let poisson = 0;
    for (let i = 0; i < 50_000; i++) {
      tally[
        prng.pick([
          ['a', 1],
          ['b', 3],
          ['c', 6],
        ] as const)
      ]++;
      poisson += prng.poisson(2.5);
    }
    expect(tally.a / 50_000).toBeCloseTo(0.1, 1);
    expect(tally.b / 50_000).toBeCloseTo(0.3, 1);
    expect(tally.c / 50_000).toBeCloseTo(0.6, 1);
    expect(poisson / 50_000).toBeCloseTo(2.5, 1);
  });

  it('makes version-4-shaped UUIDs that do not repeat', () => {
    const prng = prngFor(1, 'ids');
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(prng.uuid());
    const shape = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect([...ids].filter((id) => !shape.test(id))).toEqual([]);
    expect(ids.size).toBe(100_000);
  });
});
