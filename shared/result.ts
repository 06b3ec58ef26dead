// Results cross every boundary as envelopes so that errors arrive intact (code for the UI to
// translate, message for logs and the CLI) whatever the transport.
export const errorCodes = [
  'invalid_input',
  'not_found',
  'unknown_command',
  'unauthorized',
  'payload_too_large',
  'db_newer_version',
  'db_unreadable',
  'db_needs_upgrade',
  'backup_failed',
  'bundle_rejected',
  'bundle_duplicate',
  'device_key_mismatch',
  'device_key_unavailable',
  'import_rejected',
  'file_too_large',
  'file_unreadable',
  'amendment_stale',
  'confirmation_required',
  'translations_missing',
  'pdf_unavailable',
  'role_required',
  'pairing_refused',
  'peer_key_changed',
  'peer_unpaired',
  'peer_unreachable',
  'peer_response_invalid',
  'venue_unavailable',
  'rate_limited',
  'xliff_malformed',
  'xliff_doctype',
  'xliff_wrong_forum',
  'xliff_wrong_language',
  'xliff_unknown_unit',
  'xliff_duplicate_unit',
  'objection_too_late',
  'vote_file_rejected',
  'symbol_taken',
  'issuance_immutable',
  'issuance_damaged',
  'out_of_memory',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. "endDate" or "title.en". */
  path: string;
  /** An i18n key under `validation.` (zod messages are keys, not prose). */
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
