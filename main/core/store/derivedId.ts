import { createHash } from 'node:crypto';

/**
 * An id computed from what a row stands for rather than drawn at random, so two laptops that
 * make "the same" row (the paragraph an accepted amendment inserts, a delegation's stance on a
 * paragraph) make one row that merges, not two. Shaped like a UUID so it passes the contract's
 * rowId and reads like every other id.
 */
export function derivedId(kind: string, ...parts: string[]): string {
  const hex = createHash('sha256').update([kind, ...parts].join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
