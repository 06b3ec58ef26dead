/**
 * Case, accents, punctuation and spacing folded away, so "José  NÚÑEZ" and "jose nunez" match
 * (duplicate detection, header and country recognition). Scripts without case or accents pass
 * through unchanged apart from spacing.
 */
export function foldForMatching(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
