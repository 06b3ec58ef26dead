import type { Database } from 'better-sqlite3';
import type { Issuance, IssuanceKind, IssuanceList } from '../../../shared/issuances';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { writeRow } from '../store/changeLog';
import { liveDocument } from '../store/outcomeDocuments';
import { deviceIdentity, fingerprintOf, signBytes } from '../sync/deviceIdentity';
import { isSealIntact, issuanceIdFor, sealHash, sealedCells, type SealedValues } from './issuanceSeal';
import { readSnapshot, snapshotText, type IssuanceSnapshot } from './issuanceSnapshot';

interface IssuanceRow extends SealedValues {
  id: string;
  withdrawn: number;
}

const columns = `id, ${sealedCells.join(', ')}, withdrawn`;

function summary(row: IssuanceRow, symbols: ReadonlyMap<string, string>, intact: boolean): Omit<Issuance, 'conflict'> {
  let title: Record<string, string> = {};
  let languages: string[] = [];
  let paragraphs = 0;
  if (intact) {
    const snapshot = readSnapshot(row.snapshot ?? '{}');
    languages = snapshot.languages;
    paragraphs = snapshot.paragraphs.length;
    title = Object.fromEntries(snapshot.columns.flatMap((c) => (c.title && !c.title.fallback ? [[c.lang, c.title.text]] : [])));
  }
  return {
    id: row.id,
    forumId: row.forum_id ?? '',
    documentId: row.document_id ?? '',
    symbol: row.symbol ?? '',
    kind: (row.kind ?? 'original') as IssuanceKind,
    revises: row.revises,
    revisesSymbol: row.revises === null ? null : (symbols.get(row.revises) ?? null),
    issuedAt: row.issued_at ?? '',
    laptop: { deviceId: row.issued_by ?? '', name: row.issuer_name ?? '', fingerprint: row.signer_key ? safeFingerprint(row.signer_key) : '' },
    languages,
    title,
    paragraphs,
    withdrawn: row.withdrawn === 1,
    damaged: !intact,
  };
}

function safeFingerprint(key: string): string {
  try {
    return fingerprintOf(key);
  } catch {
    return '';
  }
}

/** Every issuance of a forum, oldest first, each checked against its seal. */
function forumIssuances(db: Database, forumId: string): Issuance[] {
  const rows = db.prepare(`SELECT ${columns} FROM issuances WHERE forum_id = ? AND deleted = 0 ORDER BY issued_at, id`).all(forumId) as IssuanceRow[];
  const symbols = new Map(rows.map((r) => [r.id, r.symbol ?? '']));
  const listed = rows.map((row) => summary(row, symbols, isSealIntact(row.id, row)));
  const live = listed.filter((i) => !i.withdrawn && !i.damaged);
  const count = new Map<string, number>();
  for (const i of live) count.set(i.symbol, (count.get(i.symbol) ?? 0) + 1);
  return listed.map((i) => ({ ...i, conflict: !i.withdrawn && !i.damaged && (count.get(i.symbol) ?? 0) > 1 }));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The highest n of `stem/Part.n` (with anything after it) among the symbols; 0 when none. */
function highest(symbols: readonly string[], stem: string, part: 'Rev' | 'Corr'): number {
  const pattern = new RegExp(`^${escapeRegExp(stem)}/${part}\\.(\\d+)(?:/|$)`);
  return symbols.reduce((max, s) => Math.max(max, Number(pattern.exec(s)?.[1] ?? 0)), 0);
}

const withoutCorrigendum = (symbol: string) => symbol.replace(/\/Corr\.\d+$/, '');
const stemOf = (symbol: string) => withoutCorrigendum(symbol).replace(/\/Rev\.\d+$/, '');

/** A document's issuances, its conflicts and what to issue next (L.1/Rev.n+1, or the latest's Corr.n+1). */
export function listIssuances(db: Database, documentId: string): IssuanceList {
  const { row } = liveDocument(db, documentId);
  const all = forumIssuances(db, row.forum_id);
  const issuances = all.filter((i) => i.documentId === documentId);
  const live = issuances.filter((i) => !i.withdrawn && !i.damaged);
  const forumSymbols = all.filter((i) => !i.withdrawn && !i.damaged).map((i) => i.symbol);
  const conflicts = [...new Set(live.filter((i) => i.conflict).map((i) => i.symbol))].map((symbol) => ({
    symbol,
    issuanceIds: live.filter((i) => i.symbol === symbol).map((i) => i.id),
  }));
  const latest = live.at(-1);
  const original = live.find((i) => i.kind === 'original') ?? live[0];
  const nextRevision = original ? `${stemOf(original.symbol)}/Rev.${highest(forumSymbols, stemOf(original.symbol), 'Rev') + 1}` : null;
  const nextCorrigendum = latest ? `${withoutCorrigendum(latest.symbol)}/Corr.${highest(forumSymbols, withoutCorrigendum(latest.symbol), 'Corr') + 1}` : null;
  return {
    documentId,
    issuances,
    conflicts,
    next: latest && nextRevision ? { kind: 'revision', symbol: nextRevision, revises: latest.id } : { kind: 'original', symbol: '', revises: null },
    nextRevision,
    nextCorrigendum,
  };
}

function issuanceRow(db: Database, id: string): IssuanceRow {
  const row = db.prepare(`SELECT ${columns} FROM issuances WHERE id = ? AND deleted = 0`).get(id) as IssuanceRow | undefined;
  if (!row) throw new CoreError('not_found', `No issuance with id ${id}.`);
  return row;
}

export function getIssuance(db: Database, id: string): Issuance {
  const row = issuanceRow(db, id);
  const found = forumIssuances(db, row.forum_id ?? '').find((i) => i.id === id);
  if (!found) throw new CoreError('not_found', `No issuance with id ${id}.`);
  return found;
}

/** An issuance whose seal holds, with its snapshot: what exports and circulation use. Damaged: refused. */
export function readIssuance(db: Database, id: string): { issuance: Issuance; snapshot: IssuanceSnapshot } {
  const row = issuanceRow(db, id);
  if (!isSealIntact(row.id, row)) {
    throw new CoreError('issuance_damaged', `Issuance ${row.symbol ?? id} does not match its signature: it was damaged or altered after it was issued, and is not used.`);
  }
  return { issuance: getIssuance(db, id), snapshot: readSnapshot(row.snapshot ?? '{}') };
}

/**
 * An issuance named by id or by symbol among a document's forum's issuances. A symbol two live
 * issuances share (a conflict not yet resolved) must be named by id.
 */
export function findIssuance(db: Database, documentId: string, idOrSymbol: string): Issuance {
  const { row } = liveDocument(db, documentId);
  const all = forumIssuances(db, row.forum_id);
  const byId = all.find((i) => i.id === idOrSymbol);
  if (byId) return byId;
  const named = all.filter((i) => i.symbol === idOrSymbol && !i.withdrawn);
  if (named.length === 0) throw new CoreError('not_found', `No issuance ${idOrSymbol} in this forum.`, [{ path: 'compareTo', message: 'validation.invalid' }]);
  if (named.length > 1) {
    throw new CoreError('invalid_input', `Two issuances are named ${idOrSymbol} (${named.map((i) => i.id).join(', ')}): choose the one that stands, or name it by id.`, [
      { path: 'compareTo', message: 'validation.invalid' },
    ]);
  }
  return named[0] as Issuance;
}

export interface IssueInput {
  documentId: string;
  symbol: string;
  kind?: IssuanceKind | undefined;
  revises?: string | undefined;
}

/**
 * Issues the document as it stands under `symbol`: a snapshot in every working language, hashed
 * and signed with this laptop's key, written through the log once. Refuses a symbol a live
 * issuance of the forum has (`symbol_taken`), a revision of nothing, and a revised issuance of
 * another document; nothing is written then.
 */
export function issueDocument(ctx: CoreContext, input: IssueInput): Issuance {
  const { row, forum } = liveDocument(ctx.db, input.documentId);
  const all = forumIssuances(ctx.db, forum.id);
  const taken = all.find((i) => i.symbol === input.symbol && !i.withdrawn && !i.damaged);
  if (taken) {
    throw new CoreError('symbol_taken', `${input.symbol} is already the symbol of an issuance of this forum (issued ${taken.issuedAt} by ${taken.laptop.name || taken.laptop.deviceId}). Nothing was changed.`, [
      { path: 'symbol', message: 'validation.symbolTaken' },
    ]);
  }
  const mine = all.filter((i) => i.documentId === row.id && !i.withdrawn && !i.damaged);
  const kind: IssuanceKind = input.kind ?? (mine.length === 0 ? 'original' : 'revision');
  let revises: string | null = null;
  if (kind !== 'original') {
    const target = input.revises === undefined ? mine.at(-1) : all.find((i) => i.id === input.revises);
    if (!target) {
      throw new CoreError(
        input.revises === undefined ? 'invalid_input' : 'not_found',
        input.revises === undefined ? `A ${kind} revises an earlier issuance, and this document has none yet: issue it as an original first.` : `No issuance with id ${input.revises}.`,
        [{ path: input.revises === undefined ? 'kind' : 'revises', message: 'validation.invalid' }],
      );
    }
    if (target.documentId !== row.id || target.damaged) {
      throw new CoreError('invalid_input', `Issuance ${target.symbol} is not a sound issuance of this document.`, [{ path: 'revises', message: 'validation.invalid' }]);
    }
    revises = target.id;
  } else if (input.revises !== undefined) {
    throw new CoreError('invalid_input', 'An original revises nothing: leave out what it revises, or issue a revision.', [{ path: 'revises', message: 'validation.invalid' }]);
  }
  const { text } = snapshotText(ctx.db, row.id);
  const identity = deviceIdentity(ctx);
  const values = {
    forum_id: forum.id,
    document_id: row.id,
    symbol: input.symbol,
    kind,
    revises,
    issued_at: new Date().toISOString(),
    issued_by: ctx.deviceId,
    issuer_name: identity.name,
    signer_key: identity.publicKey,
    snapshot: text,
  };
  const hash = sealHash(values);
  const id = issuanceIdFor(hash);
  writeRow(ctx, 'issuances', id, { ...values, hash, signature: signBytes(identity, Buffer.from(hash, 'utf8')), withdrawn: 0 });
  return getIssuance(ctx.db, id);
}

/** This issuance stands: every other live issuance of its symbol in the forum is marked withdrawn. */
export function chooseIssuance(ctx: CoreContext, issuanceId: string): IssuanceList {
  const chosen = getIssuance(ctx.db, issuanceId);
  if (chosen.damaged) throw new CoreError('issuance_damaged', `Issuance ${chosen.symbol} does not match its signature and cannot stand.`);
  const others = forumIssuances(ctx.db, chosen.forumId).filter((i) => i.symbol === chosen.symbol && i.id !== chosen.id && !i.withdrawn);
  ctx.db.transaction(() => {
    if (chosen.withdrawn) writeRow(ctx, 'issuances', chosen.id, { withdrawn: 0 });
    for (const other of others) writeRow(ctx, 'issuances', other.id, { withdrawn: 1 });
  })();
  return listIssuances(ctx.db, chosen.documentId);
}
