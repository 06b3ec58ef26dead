import { describe, expect, it } from 'vitest';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { CoreError } from '../../../main/core/errors';
import { writeRow } from '../../../main/core/store/changeLog';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { readBundle, type VerifiedBundle } from '../../../main/core/sync/readBundle';
import { tempCore } from '../helpers/tempCore';
import { cleanMessage } from './refusal';
import { importBytes } from '../helpers/exchange';

/** mulberry32: a small seeded generator, so every run tries the same mutations. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  return { int, bytes };
}

type Mutation = (bytes: Uint8Array, r: ReturnType<typeof random>) => Uint8Array;

const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array()) =>
  new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at + remove)]);

const mutations: Array<[string, Mutation]> = [
  ['flip bits', (b, r) => {
    const m = b.slice();
    for (let i = 1 + r.int(4); i > 0; i--) {
      const at = r.int(m.length);
      m[at] = (m[at] ?? 0) ^ (1 << r.int(8));
    }
    return m;
  }],
  ['truncate', (b, r) => b.slice(0, r.int(b.length))],
  ['insert bytes', (b, r) => splice(b, r.int(b.length + 1), 0, r.bytes(1 + r.int(64)))],
  ['delete bytes', (b, r) => splice(b, r.int(b.length), 1 + r.int(64))],
  ['overwrite a run', (b, r) => {
    const m = b.slice();
    m.set(r.bytes(Math.min(1 + r.int(32), m.length)), r.int(Math.max(1, m.length - 32)));
    return m;
  }],
  ['rewrite a 32-bit field', (b, r) => {
    const m = b.slice();
    const at = r.int(m.length - 4);
    const values = [0, 1, 0xffffffff, 0x7fffffff, b.length, b.length - 1, b.length + 1, r.int(2 ** 32)];
    new DataView(m.buffer).setUint32(at, values[r.int(values.length)] ?? 0, true);
    return m;
  }],
  ['copy a slice elsewhere', (b, r) => {
    const from = r.int(b.length);
    return splice(b, r.int(b.length + 1), 0, b.slice(from, from + 1 + r.int(200)));
  }],
];

/** Each mutation is read; it must come back unchanged in content, or refused in plain words. */
function fuzz(bytes: Uint8Array, original: VerifiedBundle, seed: number, runs: number) {
  const r = random(seed);
  const outcomes = { accepted: 0, refused: 0 };
  for (let run = 0; run < runs; run++) {
    const [label, mutate] = mutations[run % mutations.length] ?? mutations[0]!;
    const mutated = mutate(bytes, r);
    let read: VerifiedBundle | undefined;
    try {
      read = readBundle(mutated);
    } catch (error) {
      expect(error, `${label}, run ${run}`).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('bundle_rejected');
      cleanMessage((error as CoreError).message);
      outcomes.refused += 1;
      continue;
    }
    expect(read, `${label}, run ${run}: accepted, so it must carry exactly the same`).toEqual(original);
    outcomes.accepted += 1;
  }
  return outcomes;
}

describe('a bundle mutated at random', () => {
  it('is read to the same content or refused with a clean message, never anything else (small bundle)', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const forum = createDemoForum(a);
    await importBytes(b, exportBundle(a, { forumId: forum.id }).bytes);
    await importBytes(a, exportBundle(b, { forumId: forum.id }).bytes);
    writeRow(a, 'notes', 'fuzz-note', { forum_id: forum.id, lang: 'en', text: 'Water rights were raised twice.', tags: ['theme:water'], deleted: 0 });
    const { bytes } = exportBundle(a, { forumId: forum.id, forPeer: b.deviceId });
    const outcomes = fuzz(bytes, readBundle(bytes), 20260301, 350);
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });

  it('is read to the same content or refused with a clean message, never anything else (the demo forum)', async () => {
    const a = await tempCore();
    const forum = createDemoForum(a);
    const { bytes } = exportBundle(a, { forumId: forum.id });
    const outcomes = fuzz(bytes, readBundle(bytes), 12, 150);
    expect(outcomes.refused).toBeGreaterThan(outcomes.accepted);
  });
});
