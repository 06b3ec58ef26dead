import path from 'node:path';
import * as Y from 'yjs';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { writeRow } from '../../main/core/store/changeLog';
import { exportBundle } from '../../main/core/sync/exportBundle';
import { rowIdGenerator } from '../../shared/rowIds';

/**
 * The same day of work built twice: 50 rapporteur laptops, each making `perLaptop` changes (notes
 * created, then edited as the app saves them, the whole text replaced; every tenth laptop also
 * edits the one outcome paragraph everyone drafts), as Plenary bundles and as Yjs updates. What
 * each laptop starts from (the forum, its sessions and the paragraph) is shared and not counted.
 */
export interface MergeWorkload {
  /** The base forum as a bundle, which the merging laptop has before the day's bundles. */
  base: Uint8Array;
  forumId: string;
  bundles: Uint8Array[];
  changes: number;
  /** The same edits as Yjs updates over the same base, and the base update itself. */
  yjsBase: Uint8Array;
  yjsUpdates: Uint8Array[];
  /** Note id -> final text, as every laptop should end up with it. */
  expectedNotes: Map<string, string>;
}

const sessionsPerForum = 10;

export async function buildMergeWorkload(dir: string, laptops = 50, perLaptop = 2_000): Promise<MergeWorkload> {
  const seed = await openCore(path.join(dir, 'merge-seed.sqlite'));
  const forum = await invoke(seed, 'forums:create', {
    title: { en: 'World Urban Forum, day one' }, theme: {}, venue: { en: 'Baku' }, startDate: '2026-11-23', endDate: '2026-11-27',
    timeZone: 'Asia/Baku', coOrganisers: [], languages: ['en'], sourceLanguage: 'en', outcomeKind: 'declaration',
  });
  const sessions: string[] = [];
  for (let s = 0; s < sessionsPerForum; s++) {
    const created = await invoke(seed, 'sessions:create', {
      forumId: forum.id,
      session: { day: '2026-11-23', startTime: '09:00', endTime: '10:00', kind: 'parallel', title: { en: `Session ${s}` }, room: { en: `Room ${s}` }, description: {}, roles: [] },
    });
    sessions.push(created.id);
  }
  writeRow(seed, 'outcome_paragraphs', 'shared-paragraph', { forum_id: forum.id, document_id: forum.id, kind: 'point', position: 'a0', text: { en: 'We, the participants,' }, status: 'draft', deleted: 0 });
  const base = exportBundle(seed, { forumId: forum.id }).bytes;

  const yBase = new Y.Doc();
  yBase.getText('paragraph').insert(0, 'We, the participants,');
  const yjsBase = Y.encodeStateAsUpdate(yBase);
  const baseVector = Y.encodeStateVector(yBase);

  const bundles: Uint8Array[] = [];
  const yjsUpdates: Uint8Array[] = [];
  const expectedNotes = new Map<string, string>();
  let changes = 0;
  for (let l = 0; l < laptops; l++) {
    const laptop = await openCore(path.join(dir, `merge-laptop-${l}.sqlite`));
    await invoke(laptop, 'bundle:import', { data: Buffer.from(base).toString('base64'), trustNewDevice: true });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, yjsBase);
    // Each note as the same fields Plenary's row holds, its text a Y.Text.
    const notes = doc.getMap<Y.Map<unknown>>('notes');
    const paragraphEdits = l % 10 === 0 ? 4 : 0;
    // Four notes in ten of the changes are new notes; the rest are later saves of them.
    const created = Math.round(perLaptop * 0.398);
    const edited = perLaptop - paragraphEdits - created;
    const yjsWork = (fn: () => void) => doc.transact(fn);
    // The ids the app gives new notes, from this laptop's own maker (each laptop is its own app).
    const newId = rowIdGenerator();
    const ids: string[] = [];
    laptop.db.transaction(() => yjsWork(() => {
      for (let n = 0; n < created; n++) {
        const id = newId();
        ids.push(id);
        const text = `Laptop ${l}, speaker ${n % 40}: rural land markets need clearer rules (${n}).`;
        writeRow(laptop, 'notes', id, {
          forum_id: forum.id, session_id: sessions[n % sessions.length], lang: 'en', text, created_at: '2026-11-23T09:30:00.000Z',
          tags: [], key_point: 0, author: laptop.deviceId, deleted: 0,
        });
        const note = new Y.Map<unknown>();
        notes.set(id, note);
        note.set('session', sessions[n % sessions.length]);
        note.set('lang', 'en');
        note.set('created', '2026-11-23T09:30:00.000Z');
        note.set('tags', []);
        note.set('keyPoint', 0);
        note.set('author', doc.clientID);
        note.set('deleted', 0);
        note.set('text', new Y.Text(text));
        expectedNotes.set(id, text);
      }
      for (let n = 0; n < edited; n++) {
        const id = ids[n % created] ?? '';
        const text = `${expectedNotes.get(id) ?? ''} Agreed (${n}).`;
        writeRow(laptop, 'notes', id, { text });
        // As the app saves a note: the whole text replaced by the new one.
        const y = notes.get(id)?.get('text') as Y.Text | undefined;
        y?.delete(0, y.length);
        y?.insert(0, text);
        expectedNotes.set(id, text);
      }
      for (let e = 0; e < paragraphEdits; e++) {
        writeRow(laptop, 'outcome_paragraphs', 'shared-paragraph', { text: { en: `We, the participants (laptop ${l}, edit ${e}),` } });
        doc.getText('paragraph').insert(3, ` (laptop ${l}, edit ${e})`);
      }
    }))();
    changes += perLaptop;
    // Only this laptop's own work: what the merging laptop lacks (it has the base).
    bundles.push(exportBundle(laptop, { forumId: forum.id, forPeer: seed.deviceId }).bytes);
    yjsUpdates.push(Y.encodeStateAsUpdate(doc, baseVector));
    closeCore(laptop);
  }
  closeCore(seed);
  return { base, forumId: forum.id, bundles, changes, yjsBase, yjsUpdates, expectedNotes };
}

/** Yjs merging the same updates into a fresh document; the note texts it ends with. */
export function mergeWithYjs(workload: MergeWorkload): { ms: number; notes: Map<string, string> } {
  const start = performance.now();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, workload.yjsBase);
  for (const update of workload.yjsUpdates) Y.applyUpdate(doc, update);
  const notes = new Map<string, string>();
  doc.getMap<Y.Map<unknown>>('notes').forEach((note, id) => notes.set(id, String(note.get('text'))));
  return { ms: performance.now() - start, notes };
}

/** The note texts a Plenary laptop ends with. */
export function plenaryNotes(ctx: CoreContext, forumId: string): Map<string, string> {
  return new Map((ctx.db.prepare('SELECT id, text FROM notes WHERE forum_id = ?').raw().all(forumId) as Array<[string, string]>).map(([id, text]) => [id, text]));
}

/**
 * Day two of the same laptops: each saves the notes it wrote `editsEach` more times, round them
 * in order, and hands in what the merging laptop (`to`) lacks. Every change is an edit of a note
 * that laptop has already, so its merge re-projects rows instead of inserting them. The expected
 * texts move on with the edits.
 */
export async function buildDayTwo(dir: string, workload: MergeWorkload, to: string, laptops = 50, editsEach = 2_000): Promise<{ bundles: Uint8Array[]; changes: number }> {
  const bundles: Uint8Array[] = [];
  for (let l = 0; l < laptops; l++) {
    const laptop = await openCore(path.join(dir, `merge-laptop-${l}.sqlite`));
    const ids = laptop.db.prepare('SELECT id FROM notes WHERE author = ? ORDER BY rowid').pluck().all(laptop.deviceId) as string[];
    laptop.db.transaction(() => {
      for (let n = 0; n < editsEach; n++) {
        const id = ids[n % ids.length] ?? '';
        const text = `${workload.expectedNotes.get(id) ?? ''} Day two (${n}).`;
        writeRow(laptop, 'notes', id, { text });
        workload.expectedNotes.set(id, text);
      }
    })();
    bundles.push(exportBundle(laptop, { forumId: workload.forumId, forPeer: to }).bytes);
    closeCore(laptop);
  }
  return { bundles, changes: laptops * editsEach };
}
