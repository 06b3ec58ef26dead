import type { ErrorCode, FieldIssue } from '../../shared/result';

/** An error the user can be told about: it crosses transports as `{ code, message }`. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
