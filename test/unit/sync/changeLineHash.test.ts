import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalLine, lineHash } from '../../../main/core/sync/changeBlocks';
import { parseChangeLine } from '../../../main/core/sync/changeLine';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a change line read from a bundle', () => {
  it('carries the hash of its canonical form, which its signed block covers, whatever its ids hold', () => {
    const lines = [
      ['laptop-1', '001764000000000-0000', 'notes', 'note-1', { text: 'plain', forum_id: 'f' }, { text: [] }],
      ['laptop “2” \\ \u0001', '001764000000001-00af', 'notes', 'note "quoted" \\ é 中文 \u2028', { text: 'مرحبا\n"x"', forum_id: 'f' }, { text: ['laptop-1/001764000000000-0000'] }],
      ['laptop-3', '001764000000002-0001', 'sessions', 's-1', { 'title@fr': 'Séance', deleted: 0 }],
    ];
    for (const parts of lines) {
      const text = JSON.stringify(parts);
      const change = parseChangeLine(text, 1);
      expect(change.lineHash).toBe(sha(canonicalLine({ ...change, lineHash: undefined })));
      expect(change.lineHash).toBe(sha(text));
      expect(lineHash(change).toString('hex')).toBe(change.lineHash);
      expect(change.key).toBe(`${parts[2] as string}\u0000${parts[3] as string}`);
    }
  });

  it('hashes the form Plenary writes, not the spacing a file gives it', () => {
    const spaced = '[ "laptop-1", "001764000000000-0000", "notes", "note-1", {"text": "plain", "forum_id": "f"}, {"text": []} ]';
    const change = parseChangeLine(spaced, 1);
    expect(change.lineHash).toBe(sha('["laptop-1","001764000000000-0000","notes","note-1",{"text":"plain","forum_id":"f"},{"text":[]}]'));
  });
});
