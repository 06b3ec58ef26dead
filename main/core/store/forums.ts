import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../coreContext';
import { forumIdFor } from '../roles/forumAuthority';
import { ownPublicKey, publicDeviceIdentity } from '../sync/deviceIdentity';
import type { Forum, ForumInput, OutcomeKind } from '../../../shared/forum';
import { CoreError } from '../errors';
import { writeRow, type Writer } from './changeLog';

interface ForumRow {
  id: string;
  title: string;
  theme: string;
  venue: string;
  start_date: string | null;
  end_date: string | null;
  time_zone: string | null;
  co_organisers: string;
  co_organiser_names: string;
  languages: string;
  source_language: string | null;
  outcome_kind: string | null;
  is_demo: number;
}

function toForum(row: ForumRow): Forum {
  return {
    id: row.id,
    title: JSON.parse(row.title) as Record<string, string>,
    theme: JSON.parse(row.theme) as Record<string, string>,
    venue: JSON.parse(row.venue) as Record<string, string>,
    startDate: row.start_date ?? '',
    endDate: row.end_date ?? '',
    timeZone: row.time_zone ?? 'UTC',
    coOrganisers: JSON.parse(row.co_organisers) as string[],
    coOrganiserNames: JSON.parse(row.co_organiser_names) as Record<string, string>,
    languages: JSON.parse(row.languages) as string[],
    sourceLanguage: row.source_language ?? 'en',
    outcomeKind: (row.outcome_kind ?? 'consensus') as OutcomeKind,
    isDemo: row.is_demo === 1,
  };
}

const columns =
  'id, title, theme, venue, start_date, end_date, time_zone, co_organisers, co_organiser_names, languages, source_language, outcome_kind, is_demo';

/** The forums this laptop lists, or those deleted (which can be restored, and shared so the deletion travels). */
export function listForums(db: Database, deleted = false): Forum[] {
  const rows = db
    .prepare(`SELECT ${columns} FROM forums WHERE deleted = ? ORDER BY start_date DESC, id`)
    .all(deleted ? 1 : 0) as ForumRow[];
  return rows.map(toForum);
}

export function getForum(db: Database, id: string, options: { includeDeleted?: boolean } = {}): Forum {
  const row = db.prepare(`SELECT ${columns} FROM forums WHERE id = ? AND deleted IN (0, ?)`).get(id, options.includeDeleted ? 1 : 0) as ForumRow | undefined;
  if (!row) throw new CoreError('not_found', `No forum with id ${id}.`);
  return toForum(row);
}

function forumValues(input: ForumInput) {
  return {
    title: input.title,
    theme: input.theme,
    venue: input.venue,
    start_date: input.startDate,
    end_date: input.endDate,
    time_zone: input.timeZone,
    co_organisers: input.coOrganisers,
    // Languages with a list only: an emptied box means "the names as entered".
    co_organiser_names: Object.fromEntries(Object.entries(input.coOrganiserNames ?? {}).filter(([, names]) => names.trim() !== '')),
    languages: input.languages,
    source_language: input.sourceLanguage,
    outcome_kind: input.outcomeKind,
  };
}

/**
 * A new forum's id is derived from this laptop's public key and a nonce, both recorded with it,
 * so every laptop can tell who owns it and no other key can claim it (see ForumAuthority). A
 * laptop with no signing key (a read-only view) makes a forum the old way, owned by whoever wrote
 * its first change.
 */
export function createForum(writer: Writer | CoreContext, input: ForumInput, extra: { isDemo?: boolean; id?: string } = {}): Forum {
  const ownerKey = extra.id === undefined ? signingKey(writer) : undefined;
  const nonce = randomUUID();
  const id = extra.id ?? (ownerKey ? forumIdFor(ownerKey, nonce) : randomUUID());
  const owner = ownerKey ? { owner_key: ownerKey, owner_nonce: nonce } : {};
  writeRow(writer, 'forums', id, { ...forumValues(input), ...owner, is_demo: extra.isDemo ? 1 : 0, deleted: 0 });
  return getForum(writer.db, id);
}

function signingKey(writer: Writer | CoreContext): string | undefined {
  const own = ownPublicKey(writer.db);
  if (own !== undefined || !('deviceKeys' in writer) || !writer.deviceKeys) return own;
  return publicDeviceIdentity(writer).publicKey;
}

/**
 * Records only the fields that differ, so an edit of the title does not overwrite a concurrent
 * edit of the dates made on another laptop. Languages removed from a text are cleared.
 */
export function updateForum(writer: Writer, id: string, input: ForumInput): Forum {
  const before = getForum(writer.db, id);
  const after = forumValues(input);
  const changed: Record<string, unknown> = {};
  const multilingual = { title: before.title, theme: before.theme, venue: before.venue, co_organiser_names: before.coOrganiserNames } as const;
  for (const field of ['title', 'theme', 'venue', 'co_organiser_names'] as const) {
    const diff: Record<string, string> = {};
    const old = multilingual[field];
    // Left out (an older client's form): unchanged.
    const next = field === 'co_organiser_names' && input.coOrganiserNames === undefined ? old : after[field];
    for (const lang of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if ((old[lang] ?? '') !== (next[lang] ?? '')) diff[lang] = next[lang] ?? '';
    }
    if (Object.keys(diff).length > 0) changed[field] = diff;
  }
  const scalars = {
    start_date: before.startDate,
    end_date: before.endDate,
    time_zone: before.timeZone,
    co_organisers: before.coOrganisers,
    languages: before.languages,
    source_language: before.sourceLanguage,
    outcome_kind: before.outcomeKind,
  };
  for (const [key, old] of Object.entries(scalars)) {
    const next = after[key as keyof typeof scalars];
    if (JSON.stringify(old) !== JSON.stringify(next)) changed[key] = next;
  }
  writeRow(writer, 'forums', id, changed);
  return getForum(writer.db, id);
}

/**
 * Deletes a forum (or brings it back) as a change in the log, so the deletion travels to the
 * other laptops like any edit and an undo is one more change. Its rows stay in the tables.
 */
export function setForumDeleted(writer: Writer, id: string, deleted: boolean): { id: string; deleted: boolean } {
  const exists = writer.db.prepare('SELECT 1 FROM forums WHERE id = ?').pluck().get(id);
  if (!exists) throw new CoreError('not_found', `No forum ${id}.`);
  writeRow(writer, 'forums', id, { deleted: deleted ? 1 : 0 });
  return { id, deleted };
}

/** The demo forum this laptop lists, if it has one: one demo at a time. */
export function currentDemoId(db: Database): string | undefined {
  return db.prepare('SELECT id FROM forums WHERE is_demo = 1 AND deleted = 0 ORDER BY id LIMIT 1').pluck().get() as string | undefined;
}
