import { encode } from 'uqr';

/**
 * A QR code as one SVG path (a unit square per dark module) and its side in modules, quiet zone
 * included (4 modules, as scanners expect). Medium error correction: a projected or photographed
 * screen loses some contrast.
 */
export function qrPath(text: string): { d: string; size: number } {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      // A run of dark modules on one row is one rectangle, which keeps the path short.
      const start = x;
      while (x < size && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return { d: parts.join(''), size };
}
