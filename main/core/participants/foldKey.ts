import { foldForMatching } from './foldForMatching';

const printableAscii = /^[\x20-\x7e]*$/;

/**
 * foldForMatching, fast for plain ASCII (most cells of most lists), which it folds identically:
 * ASCII has no accents, lower-cases the same in every locale, and every printable ASCII character
 * that is not a letter, digit or space is punctuation or a symbol. A 25,000-row import folds
 * several hundred thousand cells.
 */
export function foldKey(value: string): string {
  if (!printableAscii.test(value)) return foldForMatching(value);
  return value.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** A function remembered per distinct argument, for columns that repeat a few values many times. */
export function remembered<T>(fn: (value: string) => T): (value: string) => T {
  const seen = new Map<string, T>();
  return (value) => {
    if (seen.has(value)) return seen.get(value) as T;
    const result = fn(value);
    seen.set(value, result);
    return result;
  };
}
