import type { NoteFields } from './noteFields';

/** A stored copy of text not yet saved, so a closed tab or a dead server loses nothing. */
export interface NoteBackup {
  id: string;
  fields: NoteFields;
  created: boolean;
  createdAt: string;
}

const prefix = 'plenary.capture.unsaved.';

/**
 * Copies of unsaved notes in the page's local storage, one key per note, removed once the core
 * has the text. Storage that is full or forbidden only costs the copy, never the save.
 */
export class NoteBackups {
  constructor(private readonly storage: Storage | undefined) {}

  write(copy: NoteBackup): void {
    try {
      this.storage?.setItem(prefix + copy.id, JSON.stringify(copy));
    } catch {
      // Full or forbidden: the save itself goes on.
    }
  }

  remove(id: string): void {
    this.storage?.removeItem(prefix + id);
  }

  forSession(sessionId: string): NoteBackup[] {
    const storage = this.storage;
    if (!storage) return [];
    const found: NoteBackup[] = [];
    const unreadable: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      try {
        const copy = JSON.parse(storage.getItem(key) ?? '') as NoteBackup;
        if (copy.fields.sessionId === sessionId) found.push(copy);
      } catch {
        unreadable.push(key);
      }
    }
    unreadable.forEach((key) => storage.removeItem(key));
    return found;
  }
}
