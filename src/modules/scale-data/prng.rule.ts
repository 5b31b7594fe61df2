/**
 * A small, well-known seeded pseudo-random generator for the scale data set: sfc32 (Chris
 * Doty-Humphrey's Small Fast Counting generator, 128-bit state), seeded through splitmix32.
 * Pure integer arithmetic on 32-bit words, so the same seed gives the same numbers on every
 * machine and Node version (Math.random is never used).
 *
 * Each kind of record of each department draws from its own stream (`prngFor(seed, 'D001',
 * 'training')`): a stream's numbers do not depend on how many numbers another stream used, so
 * tables can be generated in any order, or skipped, without changing the others.
 */

const UINT32 = 4294967296;

/** splitmix32: turns any 32-bit value into a well-mixed one (used to spread seeds). */
export function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/** FNV-1a over a string's UTF-16 code units: names a stream as a 32-bit number. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export type Weighted<T> = readonly (readonly [T, number])[];

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(words: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = words.map((word) => word >>> 0) as [
      number,
      number,
      number,
      number,
    ];
    // The usual warm-up: the first outputs of a fresh sfc32 state are poorly mixed.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** The next 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / UINT32;
  }

  /** A whole number in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  item<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value, with probability proportional to its weight. */
  pick<T>(weighted: Weighted<T>): T {
    let total = 0;
    for (const [, weight] of weighted) total += weight;
    let roll = this.next() * total;
    for (const [value, weight] of weighted) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return weighted[weighted.length - 1][0];
  }

  /** Poisson-distributed count (inversion; fine for the small means used here). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let count = 0;
    let product = this.next();
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** Exponentially distributed, with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /**
   * A version-4-shaped UUID made of 122 drawn bits: the same stream gives the same ids, so a
   * data set's keys are as reproducible as its values.
   */
  uuid(): string {
    const w0 = this.nextUint32();
    const w1 = this.nextUint32();
    const w2 = this.nextUint32();
    const w3 = this.nextUint32();
    const b = (word: number, shift: number) => HEX[(word >>> shift) & 0xff];
    return (
      b(w0, 24) +
      b(w0, 16) +
      b(w0, 8) +
      b(w0, 0) +
      '-' +
      b(w1, 24) +
      b(w1, 16) +
      '-' +
      HEX[0x40 | ((w1 >>> 8) & 0x0f)] +
      b(w1, 0) +
      '-' +
      HEX[0x80 | ((w2 >>> 24) & 0x3f)] +
      b(w2, 16) +
      '-' +
      b(w2, 8) +
      b(w2, 0) +
      b(w3, 24) +
      b(w3, 16) +
      b(w3, 8) +
      b(w3, 0)
    );
  }
}

/** The stream named by a seed and a path of names, e.g. `prngFor(1, 'D001', 'employees')`. */
export function prngFor(seed: number, ...path: (string | number)[]): Prng {
  const name = hashString(path.join('/'));
  const base = splitmix32((seed >>> 0) ^ splitmix32(name));
  return new Prng([
    splitmix32(base),
    splitmix32(base ^ 0x632be5ab),
    splitmix32(name ^ 0x85157af5),
    splitmix32(base + name),
  ]);
}
