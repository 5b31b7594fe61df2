import type { Count } from '../api/types';
import { formatNumber } from './format';

/** The number, or null when the oversight audience may not see it. */
export function countValue(count: Count | null | undefined): number | null {
  if (count === null || count === undefined) return null;
  return typeof count === 'number' ? count : null;
}

export function countText(count: Count | null | undefined): string {
  if (count === null || count === undefined) return '—';
  return typeof count === 'number' ? formatNumber(count) : 'hidden (small count)';
}
