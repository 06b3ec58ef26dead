import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../renderer/src/components/qrPath';

/** The modules a path paints, read back from its rectangles. */
function painted(d: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(w); i++) grid[Number(y)]![Number(x) + i] = true;
  }
  return grid;
}

describe('the Laptop URL as a QR code', () => {
  it('paints exactly the dark modules of the code, with a quiet zone of four modules', () => {
    const url = `https://192.168.1.20:47100/#fp=${'ab'.repeat(32)}`;
    const { d, size } = qrPath(url);
    const expected = encode(url, { ecc: 'M', border: 4 });
    expect(size).toBe(expected.size);
    expect(painted(d, size)).toEqual(expected.data);
    // The quiet zone stays light all round.
    const grid = painted(d, size);
    for (let i = 0; i < size; i++) for (const edge of [0, 1, 2, 3, size - 4, size - 1]) expect([grid[edge]![i], grid[i]![edge]]).toEqual([false, false]);
  });
});
