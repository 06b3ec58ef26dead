export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Cuts a snippet at its matches ([start, end) in UTF-16 units, as JavaScript strings count):
 * overlapping or touching matches become one mark, out-of-range ones are clipped, and a cut
 * never splits a surrogate pair, so an emoji or a rare CJK character is never torn in two.
 */
export function highlightSegments(text: string, matches: ReadonlyArray<readonly [number, number]>): Segment[] {
  const inside = (offset: number) => {
    const clipped = Math.max(0, Math.min(text.length, offset));
    const code = text.charCodeAt(clipped);
    return clipped > 0 && code >= 0xdc00 && code <= 0xdfff ? clipped - 1 : clipped;
  };
  const ranges = matches
    .map(([start, end]) => [inside(start), inside(end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
