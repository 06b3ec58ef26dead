import type { Note } from '../../../../shared/capture';

/** What a rapporteur sets on a note; everything else comes from the core. */
export interface NoteFields {
  sessionId: string;
  lang: string;
  text: string;
  speakerId: string | null;
  speakerName: string;
  tags: string[];
  keyPoint: boolean;
}
export type NoteMeta = Omit<NoteFields, 'text'>;

export function metaOf(fields: NoteFields): NoteMeta {
  return { sessionId: fields.sessionId, lang: fields.lang, speakerId: fields.speakerId, speakerName: fields.speakerName, tags: fields.tags, keyPoint: fields.keyPoint };
}

/** What the saver tracks of a note from the core. */
export function fieldsOf(note: Note): NoteFields {
  return { sessionId: note.sessionId, lang: note.lang, text: note.text, speakerId: note.speakerId, speakerName: note.speakerName, tags: note.tags, keyPoint: note.keyPoint };
}

/** Blank notes are never stored. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
