/**
 * An id for a row the client creates (a note, a paragraph, an amendment), so a create retried
 * after a lost answer names the same row and never makes two. Unique enough in any context:
 * randomUUID needs a secure page, and tablets on a venue's network may not have one.
 */
export function newRowId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
