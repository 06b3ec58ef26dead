import { z } from 'zod';
import { rowId } from './agenda';
import { forumId } from './forum';
import { languageTagPattern } from './languages';

/** A note longer than this is refused: a rapporteur's note is a paragraph, not a transcript. */
export const maxNoteLength = 100_000;

/**
 * Tags: `theme:<free text>` for the rapporteur's own themes, or a catalogue item's id
 * (`sdg:11`, `sdg:11.3`, `nua:15`, `urlgp:p1`, `urlgp:f3`; see resources/catalogues/).
 */
export const tag = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong').regex(/^(theme|sdg|nua|urlgp):\S/, 'validation.tag');

const noteText = z.string().max(maxNoteLength, 'validation.noteTooLong');
const language = z.string().regex(languageTagPattern, 'validation.languageTag');

export const note = z.object({
  id: z.string(),
  sessionId: z.string(),
  /** A listed participant, or null with `speakerName` typed on the spot (or nobody). */
  speakerId: z.string().nullable(),
  speakerName: z.string(),
  lang: z.string(),
  text: z.string(),
  /** ISO instant the note was started. */
  createdAt: z.string(),
  tags: z.array(z.string()),
  keyPoint: z.boolean(),
  /** Written on this laptop: only its author edits or deletes a note. */
  mine: z.boolean(),
  /** Other live versions of the text from concurrent edits on other laptops, not yet settled. */
  alternatives: z.array(z.string()),
  /** Key messages that cite this note. */
  keyMessageIds: z.array(z.string()),
});
export type Note = z.infer<typeof note>;

export const noteCreate = z
  .object({
    sessionId: rowId,
    lang: language,
    /** Empty notes are not stored: the UI creates a note with its first character. */
    text: noteText.refine((t) => t.trim().length > 0, 'validation.noteEmpty'),
    speakerId: rowId.nullable().default(null),
    speakerName: z.string().trim().max(200, 'validation.tooLong').default(''),
    tags: z.array(tag).max(50, 'validation.tooMany').default([]),
    keyPoint: z.boolean().default(false),
    /** The client's id for the note, so a save retried after a lost answer never makes two. */
    id: rowId.optional(),
  })
  .strict();

export const noteUpdate = z
  .object({
    id: rowId,
    text: noteText.optional(),
    lang: language.optional(),
    speakerId: rowId.nullable().optional(),
    speakerName: z.string().trim().max(200, 'validation.tooLong').optional(),
    tags: z.array(tag).max(50, 'validation.tooMany').optional(),
    keyPoint: z.boolean().optional(),
  })
  .strict();

export const catalogueItem = z.object({
  id: z.string(),
  /** What people cite it as: "11.3", "¶ 49", "Principle 3". */
  code: z.string(),
  title: z.record(z.string(), z.string()),
  parent: z.string().nullable(),
});
export const catalogue = z.object({
  id: z.enum(['sdg', 'nua', 'urlgp']),
  title: z.record(z.string(), z.string()),
  items: z.array(catalogueItem),
});
export type Catalogue = z.infer<typeof catalogue>;

/** The most notes one 'notes:list' page returns. */
export const maxNotesPage = 1000;

/**
 * Without `limit`, every live note of the session. With it, the newest `limit` notes started
 * before the `before` note (or the newest of all), still oldest first: the screen shows the end of
 * a long session at once and fetches older pages as the user scrolls up.
 */
export const notesListInput = z
  .object({
    sessionId: rowId,
    /** The oldest note already shown: its start time and id (notes started at the same instant go by id). */
    before: z.object({ createdAt: z.string().min(1, 'validation.required').max(64, 'validation.tooLong'), id: z.string().min(1, 'validation.required').max(200, 'validation.tooLong') }).strict().optional(),
    limit: z.number().int('validation.invalid').min(1, 'validation.invalid').max(maxNotesPage, 'validation.tooMany').optional(),
  })
  .strict();

export const captureContract = {
  'notes:list': { input: notesListInput, output: z.array(note) },
  'notes:create': { input: noteCreate, output: note },
  'notes:update': { input: noteUpdate, output: note },
  'notes:setDeleted': { input: z.object({ id: rowId, deleted: z.boolean() }).strict(), output: z.object({ id: z.string(), deleted: z.boolean() }) },
  'catalogues:get': { input: z.object({}).strict(), output: z.array(catalogue) },
  /** Notes and key messages per session, and the sessions with none yet. */
  'capture:progress': {
    input: z.object({ forumId }).strict(),
    output: z.array(z.object({ sessionId: z.string(), notes: z.number().int(), keyMessages: z.number().int(), validated: z.number().int() })),
  },
} as const;
