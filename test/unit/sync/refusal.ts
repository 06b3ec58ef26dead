import { expect } from 'vitest';
import { CoreError } from '../../../main/core/errors';

/** The bundle refusal `read` throws; anything else it throws, or no throw at all, fails the test. */
export function refusalOf(read: () => unknown): CoreError {
  let thrown: unknown;
  try {
    read();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'a refusal').toBeInstanceOf(CoreError);
  expect((thrown as CoreError).code).toBe('bundle_rejected');
  return thrown as CoreError;
}

/**
 * A message a person can read: none of a library's own error text (fflate's, zlib's, SQLite's,
 * JavaScript's), no control characters, no bytes that failed to decode.
 */
export function cleanMessage(message: string): void {
  expect(message).not.toMatch(/invalid zip|unexpected EOF|invalid block|invalid length|invalid distance|unknown compression|offset is out of bounds/i);
  expect(message).not.toMatch(/SQLITE|constraint failed|cannot store|no such (table|column)|syntax error/i);
  expect(message).not.toMatch(/RangeError|TypeError|SyntaxError|Maximum call stack|Unexpected token|JSON at position|\bat \S+ \(/);
  // eslint-disable-next-line no-control-regex
  expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\ufffd]/);
  expect(message.length).toBeLessThan(400);
}
