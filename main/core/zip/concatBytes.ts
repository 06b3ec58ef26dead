/**
 * Chunks joined into one plain Uint8Array (the only chunk itself, when there is one). Not
 * Buffer.concat: a Buffer's slice() is a view, and callers copy bundles with slice().
 */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
