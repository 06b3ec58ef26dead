import type { RoleName } from '../../../../shared/roles';
import type { AppError } from '../../../../shared/result';
import type { ImportPreview, MassChange, SessionOutcome } from '../../../../shared/sync';

/** One bundle of a laptop's group, by its place in the files sent to the core. */
export interface GroupBundle {
  index: number;
  name: string;
  /** It deletes or rewrites much of the forum: it goes in only with the user's yes. */
  sweeping: boolean;
}

/** Everything a session's bundles from one laptop would add, summed. */
export interface LaptopGroup {
  deviceId: string;
  name: string;
  fingerprint: string;
  status: ImportPreview['device']['status'];
  bundles: GroupBundle[];
  forums: ImportPreview['forum'][];
  /** Rows created or changed per table: notes and key messages first, then as they came. */
  rows: Array<{ table: string; added: number; updated: number }>;
  changes: ImportPreview['changes'];
  skew: ImportPreview['skew'];
  held: ImportPreview['held'];
  /** Changes their authors' roles did not allow: kept aside, never applied, and the roles they needed. */
  quarantined: { changes: number; needed: RoleName[] };
  massChanges: MassChange[];
}

/**
 * Why a file will not go in, in words the screen translates: the core's error code, refined where
 * the screen knows more (a laptop left untrusted, the same file twice).
 */
export type RefusalReason = 'duplicate' | 'untrusted' | AppError['code'];

export interface RefusedFile {
  name: string;
  reason: RefusalReason;
  /** The core's own words (English), kept for the technical details. */
  message: string;
  /** For a duplicate: the file it repeats. */
  sameAs?: string;
}

export interface SessionSummary {
  groups: LaptopGroup[];
  refused: RefusedFile[];
  /** Files sent to the core (duplicates left out). */
  bundles: number;
}

export interface DuplicateFile {
  name: string;
  sameAs: string;
}

/** Files whose bytes repeat an earlier one's: sent once, listed as left out. */
export function splitDuplicates<T extends { name: string; data: string }>(files: readonly T[]): { unique: T[]; duplicates: DuplicateFile[] } {
  const seen = new Map<string, string>();
  const unique: T[] = [];
  const duplicates: DuplicateFile[] = [];
  for (const file of files) {
    const first = seen.get(file.data);
    if (first === undefined) {
      seen.set(file.data, file.name);
      unique.push(file);
    } else duplicates.push({ name: file.name, sameAs: first });
  }
  return { unique, duplicates };
}

const firstTables = ['notes', 'key_messages'];

/** The session's previews grouped per laptop (in the order they first appear), and what is refused. */
export function summariseSession(outcomes: readonly SessionOutcome[], duplicates: readonly DuplicateFile[] = []): SessionSummary {
  const groups = new Map<string, LaptopGroup>();
  const refused: RefusedFile[] = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'refused') {
      refused.push({ name: outcome.name, reason: outcome.error.code as RefusalReason, message: outcome.error.message });
      return;
    }
    const { preview } = outcome;
    const group = groups.get(preview.device.id) ?? newGroup(preview);
    groups.set(preview.device.id, group);
    group.bundles.push({ index, name: outcome.name, sweeping: preview.massChanges.length > 0 });
    if (!group.forums.some((f) => f.id === preview.forum.id)) group.forums.push(preview.forum);
    for (const [table, counts] of Object.entries(preview.rows)) {
      const row = group.rows.find((r) => r.table === table);
      if (row) {
        row.added += counts.added;
        row.updated += counts.updated;
      } else group.rows.push({ table, added: counts.added, updated: counts.updated });
    }
    group.changes = {
      total: group.changes.total + preview.changes.total,
      new: group.changes.new + preview.changes.new,
      alreadyHere: group.changes.alreadyHere + preview.changes.alreadyHere,
    };
    group.skew = { changes: group.skew.changes + preview.skew.changes, maxAheadMs: Math.max(group.skew.maxAheadMs, preview.skew.maxAheadMs) };
    group.held = { changes: group.held.changes + preview.held.changes, maxAheadMs: Math.max(group.held.maxAheadMs, preview.held.maxAheadMs) };
    group.quarantined = {
      changes: group.quarantined.changes + preview.quarantined.changes,
      needed: [...new Set([...group.quarantined.needed, ...preview.quarantined.reasons.flatMap((r) => r.needed)])],
    };
    for (const mass of preview.massChanges) {
      const known = group.massChanges.find((m) => m.table === mass.table);
      // Each bundle is planned after the ones before it: their deletions add up, out of what is here now.
      if (known) Object.assign(known, { deleted: known.deleted + mass.deleted, rewritten: known.rewritten + mass.rewritten, live: Math.max(known.live, mass.live) });
      else group.massChanges.push({ ...mass });
    }
  });
  for (const group of groups.values()) {
    group.rows = group.rows
      .filter((r) => r.added + r.updated > 0)
      .sort((a, b) => rank(a.table) - rank(b.table));
  }
  for (const d of duplicates) refused.push({ name: d.name, reason: 'duplicate', message: '', sameAs: d.sameAs });
  return { groups: [...groups.values()], refused, bundles: outcomes.length };
}

const rank = (table: string) => {
  const at = firstTables.indexOf(table);
  return at === -1 ? firstTables.length : at;
};

function newGroup(preview: ImportPreview): LaptopGroup {
  return {
    deviceId: preview.device.id,
    name: preview.device.name,
    fingerprint: preview.device.fingerprint,
    status: preview.device.status,
    bundles: [],
    forums: [],
    rows: [],
    changes: { total: 0, new: 0, alreadyHere: 0 },
    skew: { changes: 0, maxAheadMs: 0 },
    held: { changes: 0, maxAheadMs: 0 },
    quarantined: { changes: 0, needed: [] },
    massChanges: [],
  };
}

/** What the user chose before importing. */
export interface SessionChoices {
  trust: readonly string[];
  confirmMassChanges: boolean;
}

/** The bundles that would go in with these choices: the others would be refused one by one. */
export function bundlesGoingIn(summary: SessionSummary, choices: SessionChoices): number {
  return summary.groups
    .filter((g) => g.status !== 'unknown' || choices.trust.includes(g.deviceId))
    .reduce((sum, g) => sum + g.bundles.filter((b) => !b.sweeping || choices.confirmMassChanges).length, 0);
}

export type BundleResult =
  | { name: string; status: 'imported'; laptop: string; changes: number; forumId: string }
  | ({ status: 'refused' } & RefusedFile);

/**
 * Each file's result after the import, in the order they were chosen, duplicates last. A refusal
 * of a bundle from a laptop the preview showed as unknown, and that was not trusted, says so.
 */
export function sessionResults(results: readonly SessionOutcome[], previews: readonly SessionOutcome[], trust: readonly string[], duplicates: readonly DuplicateFile[] = []): BundleResult[] {
  const lines = results.map((result, index): BundleResult => {
    if (result.status !== 'refused') {
      const { preview } = result;
      return { name: result.name, status: 'imported', laptop: preview.device.name, changes: preview.changes.new, forumId: preview.forum.id };
    }
    const before = previews[index];
    const untrusted = before?.status !== 'refused' && before?.preview.device.status === 'unknown' && !trust.includes(before.preview.device.id);
    const reason: RefusalReason = untrusted && result.error.code === 'bundle_rejected' ? 'untrusted' : (result.error.code as RefusalReason);
    return { name: result.name, status: 'refused', reason, message: result.error.message };
  });
  return [...lines, ...duplicates.map((d): BundleResult => ({ name: d.name, status: 'refused', reason: 'duplicate', message: '', sameAs: d.sameAs }))];
}

/**
 * A name or title put into a sentence, isolated (FSI…PDI), so a Latin name in an Arabic sentence,
 * or an Arabic one in English, keeps its own direction and leaves the sentence's punctuation alone.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** The forums a session changed, each once, for the screens to read again. */
export function importedForums(results: readonly BundleResult[]): string[] {
  return [...new Set(results.flatMap((r) => (r.status === 'imported' ? [r.forumId] : [])))];
}
