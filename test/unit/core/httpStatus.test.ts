import { describe, expect, it } from 'vitest';
import { httpStatus } from '../../../main/core/transport/httpStatus';
import { errorCodes } from '../../../shared/result';

// Every code, listed here on purpose: a new code fails this test until someone decides what a
// browser should be told, instead of quietly answering 500 as if the server had crashed.
const expected: Record<string, number> = {
  invalid_input: 400,
  unauthorized: 401,
  role_required: 403,
  pairing_refused: 403,
  not_found: 404,
  unknown_command: 404,
  amendment_stale: 409,
  device_key_mismatch: 409,
  confirmation_required: 409,
  peer_key_changed: 409,
  peer_unpaired: 409,
  venue_unavailable: 409,
  symbol_taken: 409,
  issuance_immutable: 409,
  payload_too_large: 413,
  file_too_large: 413,
  rate_limited: 429,
  bundle_rejected: 422,
  bundle_duplicate: 422,
  import_rejected: 422,
  file_unreadable: 422,
  translations_missing: 422,
  xliff_malformed: 422,
  xliff_doctype: 422,
  xliff_wrong_forum: 422,
  xliff_wrong_language: 422,
  xliff_unknown_unit: 422,
  xliff_duplicate_unit: 422,
  vote_file_rejected: 422,
  objection_too_late: 409,
  issuance_damaged: 422,
  internal: 500,
  out_of_memory: 507,
  peer_unreachable: 502,
  peer_response_invalid: 502,
  device_key_unavailable: 503,
  db_needs_upgrade: 503,
  backup_failed: 503,
  db_newer_version: 503,
  db_unreadable: 503,
  pdf_unavailable: 503,
};

describe('HTTP status of each error code', () => {
  it.each([...errorCodes])('%s has a status chosen for it', (code) => {
    expect(expected[code], `choose a status for ${code} here and in httpStatus.ts`).toBeDefined();
    expect(httpStatus(code)).toBe(expected[code]);
  });

  it('answers 500 only for internal: every refusal of input or state is the client’s to read', () => {
    const fiveHundreds = errorCodes.filter((code) => httpStatus(code) === 500);
    expect(fiveHundreds).toEqual(['internal']);
    for (const code of errorCodes) expect(httpStatus(code)).toBeGreaterThanOrEqual(400);
  });

  it('lists no code that does not exist', () => {
    expect(Object.keys(expected).sort()).toEqual([...errorCodes].sort());
  });
});
