import { fold } from '../../../shared/foldText';

/**
 * The search fold (case and accents) and more: compatibility forms (ﬁ, full-width letters), the
 * marks of every script (Arabic harakat, ё), punctuation and spacing, so "José  NÚÑEZ" and
 * "jose nunez" match (duplicate detection, header and country recognition). Two texts search
 * finds as one always match here too.
 */
export function foldForMatching(value: string): string {
  return fold(value)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
