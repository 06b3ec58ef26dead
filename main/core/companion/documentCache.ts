import type { CoreContext } from '../coreContext';
import { exportInWorker } from '../exports/exportInWorker';
import type { ExportJob } from '../exports/exportJob';

export interface CachedDocument {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Documents kept composed at once: a venue's forum has a handful, in at most six languages. */
const maxEntries = 48;

/**
 * The published documents as phones download them: the outcome document's clean HTML export in
 * one language (the source's text where a translation is missing, marked), composed by the
 * export worker through the same path as the app's exports, once per version of the forum's data.
 * Two hundred phones asking at once share one composition.
 */
export class DocumentCache {
  private readonly entries = new Map<string, { version: number; done: Promise<CachedDocument> }>();

  constructor(private readonly ctx: CoreContext) {}

  get(documentId: string, lang: string, version: number): Promise<CachedDocument> {
    const key = `${documentId}\u0000${lang}`;
    const found = this.entries.get(key);
    if (found && found.version === version) return found.done;
    const job: ExportJob = {
      kind: 'outcome',
      input: {
        documentId,
        format: 'html',
        languages: [lang],
        variant: 'clean',
        annexes: { participation: false, provenance: false },
        fallback: true,
        paper: 'a4',
      },
    };
    const done = exportInWorker(this.ctx, job, () => undefined).then((produced) => {
      if (produced.kind !== 'file') throw new Error('An HTML export is a file.');
      return { fileName: produced.fileName, mimeType: produced.mimeType, bytes: produced.bytes };
    });
    // A failed composition is not kept: the next request tries again.
    done.catch(() => {
      if (this.entries.get(key)?.done === done) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, { version, done });
    while (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value ?? '');
    return done;
  }
}
