import { CoreError } from '../errors';

/** A bundle refused before anything was written; the message says what is wrong and what to do. */
export function bundleError(message: string): CoreError {
  return new CoreError('bundle_rejected', message);
}
