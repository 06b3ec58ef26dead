/** A stored copy of text the core has not acknowledged, so a closed tab or a dead server loses nothing. */
export interface ProseCopy<F> {
  id: string;
  fields: F;
  created: boolean;
  startedAt: string;
}

/**
 * Copies of unsaved drafts in the page's local storage, one key per draft (`prefix + id`: the
 * prefix names the forum and table, the id the row and cell), removed once the core has the text.
 * Storage that is full or forbidden only costs the copy, never the save.
 */
export class ProseCopies<F> {
  constructor(
    private readonly storage: Storage | undefined,
    private readonly prefix: string,
  ) {}

  write(copy: ProseCopy<F>): void {
    try {
      this.storage?.setItem(this.prefix + copy.id, JSON.stringify(copy));
    } catch {
      // Full or forbidden: the save itself goes on.
    }
  }

  remove(id: string): void {
    try {
      this.storage?.removeItem(this.prefix + id);
    } catch {
      // Forbidden storage held no copy either.
    }
  }

  /** Every copy under this prefix that `keep` accepts; unreadable ones are thrown away. */
  list(keep: (copy: ProseCopy<F>) => boolean = () => true): ProseCopy<F>[] {
    const storage = this.storage;
    if (!storage) return [];
    const found: ProseCopy<F>[] = [];
    const unreadable: string[] = [];
    try {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (!key?.startsWith(this.prefix)) continue;
        try {
          const copy = JSON.parse(storage.getItem(key) ?? '') as ProseCopy<F>;
          if (typeof copy.id !== 'string' || typeof copy.fields !== 'object' || copy.fields === null) throw new Error('not a copy');
          if (keep(copy)) found.push(copy);
        } catch {
          unreadable.push(key);
        }
      }
      unreadable.forEach((key) => storage.removeItem(key));
    } catch {
      return found;
    }
    return found;
  }
}
