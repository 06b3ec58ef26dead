// A seeded generator, and mutations of a file's bytes, shared by the property and fuzz tests and
// the bench's robustness figures: a failing run replays.

/** mulberry32: a small seeded generator, so every run tries the same mutations. */
export function seededRandom(seed: number) {
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
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, bytes, pick };
}

export type Random = ReturnType<typeof seededRandom>;
type Mutation = (bytes: Uint8Array, r: Random) => Uint8Array;
const splice = (bytes: Uint8Array, at: number, remove: number, insert: Uint8Array = new Uint8Array()) =>
  new Uint8Array([...bytes.subarray(0, at), ...insert, ...bytes.subarray(at + remove)]);

export const mutations: Array<[string, Mutation]> = [
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

