import {
  departmentCode,
  departmentName,
  departmentSizes,
  DepartmentSizeError,
  LARGEST_DEPARTMENT_SHARE,
  MIN_DEPARTMENT_SIZE,
} from './department-sizes.rule';
import { prngFor } from './prng.rule';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('department sizes', () => {
  it.each([
    [230_000, 180],
    [3_000, 6],
    [1_000, 200],
    [12_345, 17],
    [50, 10],
    [7, 1],
    [100, 2],
  ])(
    '%i employees over %i departments add up exactly, largest first, none below the minimum',
    (total, count) => {
      for (const prng of [undefined, prngFor(1, 'sizes'), prngFor(99, 'sizes')]) {
        const sizes = departmentSizes(total, count, prng);
        expect(sizes).toHaveLength(count);
        expect(sum(sizes)).toBe(total);
        expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_DEPARTMENT_SIZE);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }
    },
  );

  it('gives the state a long tail: one department of about a quarter, a few of thousands, many small ones', () => {
    const sizes = departmentSizes(230_000, 180, prngFor(1, 'sizes'));
    expect(sizes[0] / 230_000).toBeGreaterThan(LARGEST_DEPARTMENT_SHARE - 0.01);
    expect(sizes[0] / 230_000).toBeLessThan(LARGEST_DEPARTMENT_SHARE + 0.01);
    // Runners-up are large, but nothing like the largest.
    expect(sizes[1]).toBeLessThan(sizes[0] / 2);
    const thousands = sizes.filter((size) => size >= 3_000 && size < 30_000).length;
    expect(thousands).toBeGreaterThanOrEqual(5);
    expect(thousands).toBeLessThanOrEqual(25);
    // Most departments are boards and commissions of tens to hundreds.
    expect(sizes.filter((size) => size < 1_000).length).toBeGreaterThan(120);
    expect(sizes.filter((size) => size < 100).length).toBeGreaterThan(50);
    expect(sizes[179]).toBeGreaterThanOrEqual(10);
  });

  it('is the same for the same seed and varies the tail with it', () => {
    expect(departmentSizes(230_000, 180, prngFor(1, 'sizes'))).toEqual(
      departmentSizes(230_000, 180, prngFor(1, 'sizes')),
    );
    expect(departmentSizes(230_000, 180, prngFor(1, 'sizes'))).not.toEqual(
      departmentSizes(230_000, 180, prngFor(2, 'sizes')),
    );
  });

  it.each([
    [29, 6],
    [10, 0],
    [100.5, 3],
  ])('refuses %s employees over %s departments', (total, count) => {
    expect(() => departmentSizes(total, count)).toThrow(DepartmentSizeError);
  });
});

describe('department codes and names', () => {
  it.each([
    [0, 180, 'D001'],
    [179, 180, 'D180'],
    [0, 5, 'D001'],
    [41, 1200, 'D0042'],
  ])('department %i of %i is %s', (index, count, code) => {
    expect(departmentCode(index, count)).toBe(code);
  });

  it('names every department differently, marked as generated', () => {
    const names = Array.from({ length: 600 }, (_, index) => departmentName(index));
    expect(new Set(names).size).toBe(600);
    expect(names[0]).toBe('Department of Corrections and Rehabilitation - generated');
    expect(names.every((name) => name.endsWith(' - generated') && name.length <= 200)).toBe(true);
  });
});
