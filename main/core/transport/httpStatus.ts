import type { ErrorCode } from '../../../shared/result';

// Every code has a status chosen for it (a Record, so a new code does not compile until it has
// one). 500 is kept for the server's own failures: a refused bundle or list is the answer to the
// request, in the 4xx a browser, a proxy log or a script reads as "the input was refused".
const statuses: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  // This laptop is known, but its role in the forum does not allow the change.
  role_required: 403,
  // A pairing code that is wrong, expired or already used.
  pairing_refused: 403,
  not_found: 404,
  unknown_command: 404,
  // The request was fine when it was made; what it relied on has changed since.
  amendment_stale: 409,
  // The bundle's signer claims a device this laptop knows under another key.
  device_key_mismatch: 409,
  // The bundle deletes or rewrites much of the forum: it waits for the user's explicit yes.
  confirmation_required: 409,
  // A paired laptop presents another key or certificate, or no longer knows this one.
  peer_key_changed: 409,
  peer_unpaired: 409,
  // Another live issuance already has the symbol; an issuance's sealed cells never change.
  symbol_taken: 409,
  issuance_immutable: 409,
  // The address or port venue mode was asked to listen on is not this computer's to use now.
  venue_unavailable: 409,
  payload_too_large: 413,
  // The work needed more memory than this computer gives Plenary's background thread.
  out_of_memory: 507,
  file_too_large: 413,
  rate_limited: 429,
  // Well-formed requests whose content is refused: the file, bundle or document as it stands.
  bundle_rejected: 422,
  bundle_duplicate: 422,
  import_rejected: 422,
  file_unreadable: 422,
  translations_missing: 422,
  // A translators' file refused as it stands: not XLIFF, a DOCTYPE, another forum or language, a unit not ours or twice.
  xliff_malformed: 422,
  xliff_doctype: 422,
  xliff_wrong_forum: 422,
  xliff_wrong_language: 422,
  xliff_unknown_unit: 422,
  xliff_duplicate_unit: 422,
  // A vote file with unknown delegations, duplicate rows or bad votes: nothing was recorded.
  vote_file_rejected: 422,
  // The silence procedure's deadline had passed when the objection was to be recorded.
  objection_too_late: 409,
  // Its hash or signature does not verify: shown, never used.
  issuance_damaged: 422,
  internal: 500,
  // Another laptop failed to answer, or answered with something unusable: a gateway's failure.
  peer_unreachable: 502,
  peer_response_invalid: 502,
  // The server cannot serve right now for reasons outside the request: its database, its printer.
  // This laptop's signing key is missing or locked in a keychain it cannot reach now.
  device_key_unavailable: 503,
  // The database must be upgraded by a command that may write; the request itself was fine.
  db_needs_upgrade: 503,
  // The backup before a change could not be written or checked, so nothing was changed.
  backup_failed: 503,
  db_newer_version: 503,
  db_unreadable: 503,
  pdf_unavailable: 503,
};

/** The HTTP status browser mode answers with for a result that failed with `code`. */
export function httpStatus(code: ErrorCode): number {
  return statuses[code];
}
