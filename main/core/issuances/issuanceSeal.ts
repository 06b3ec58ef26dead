import { createHash } from 'node:crypto';
import { issuanceKinds } from '../../../shared/issuances';
import { derivedId } from '../store/derivedId';
import { verifyBytes } from '../sync/deviceIdentity';

// An issuance is sealed: its id is derived from the hash of everything it says, and the issuing
// laptop signs that hash with its device key. Every laptop checks the seal the same way, from the
// cells alone, when a change arrives (issuanceChangeProblem) and whenever it reads one
// (isSealIntact), so the rule is a pure function of the change and all laptops agree on it.

/** The snapshot is bounded like every cell: a 60-paragraph document in six languages fits many times. */
export const issuanceSnapshotChars = 1_000_000;

/** Cells written once, by the change that creates the issuance. */
export const sealedCells = ['forum_id', 'document_id', 'symbol', 'kind', 'revises', 'issued_at', 'issued_by', 'issuer_name', 'signer_key', 'snapshot', 'hash', 'signature'] as const;
export type SealedCell = (typeof sealedCells)[number];
const sealed: ReadonlySet<string> = new Set(sealedCells);
/** What may change later: which of two same-symbol issuances stands. */
const mutable: ReadonlySet<string> = new Set(['withdrawn']);

export type SealedValues = Record<SealedCell, string | null>;

/** JSON with every object's keys sorted: the same value always gives the same text, hence hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash the issuing laptop signs: every sealed cell but the hash and signature themselves. */
export function sealHash(values: Omit<SealedValues, 'hash' | 'signature'>): string {
  const { snapshot, ...rest } = values;
  return sha256(canonicalJson({ format: 'plenary-issuance/1', ...rest, snapshot: sha256(snapshot ?? '') }));
}

export const issuanceIdFor = (hash: string) => derivedId('issuance', hash);

/** True when the id, hash and signature all follow from the sealed cells. */
export function isSealIntact(rowId: string, values: Partial<Record<SealedCell, unknown>>): boolean {
  for (const cell of sealedCells) {
    const value = values[cell];
    if (cell === 'revises' ? value !== null && typeof value !== 'string' : typeof value !== 'string') return false;
  }
  const v = values as SealedValues;
  if (!(issuanceKinds as readonly string[]).includes(v.kind ?? '')) return false;
  if ((v.snapshot ?? '').length > issuanceSnapshotChars) return false;
  const { hash, signature } = v;
  if (hash === null || signature === null || v.signer_key === null) return false;
  const rest = Object.fromEntries(sealedCells.filter((cell) => cell !== 'hash' && cell !== 'signature').map((cell) => [cell, v[cell]])) as Omit<SealedValues, 'hash' | 'signature'>;
  return sealHash(rest) === hash && issuanceIdFor(hash) === rowId && verifyBytes(v.signer_key, Buffer.from(hash, 'utf8'), signature);
}

/**
 * Why a change to an issuance may not be applied, or undefined: a sealed cell may be set only by
 * the change that creates the issuance, with every sealed cell, a seal that holds, by the laptop
 * that signed it (whose key, when known, is the one it signed with). Nothing is ever deleted.
 */
export function issuanceChangeProblem(change: { device: string; rowId: string; cells: Record<string, unknown> }, keyOf: (deviceId: string) => string | undefined): string | undefined {
  const cells = Object.keys(change.cells);
  const unknown = cells.find((cell) => !sealed.has(cell) && !mutable.has(cell));
  if (unknown !== undefined) return `sets ${unknown} of an issuance, which never changes`;
  if (!cells.some((cell) => sealed.has(cell))) return undefined;
  if (!isSealIntact(change.rowId, change.cells)) return 'changes a sealed cell of an issuance, or carries a seal that does not hold';
  if (change.cells.issued_by !== change.device) return 'claims an issuance signed by another laptop';
  const known = keyOf(change.device);
  if (known !== undefined && known !== change.cells.signer_key) return 'carries an issuance signed with a key that is not its laptop’s';
  return undefined;
}
