import { entryNames } from './bundleFormat';
import { readBundle, type ReadProgress, type VerifiedBundle } from './readBundle';

/**
 * Bundles a preview has read and verified, kept for the import that follows it. In the app an
 * import always comes after its preview, and reading a bundle (unpacking, hashing, checking every
 * line and cell) is the same work both times: for a whole forum of 200,000 changes, about a
 * second of the worker's time. What readBundle makes depends on the bytes alone, never on the
 * database or the clock, so it is kept under the SHA-256 of the file's bytes; the same bytes
 * read again would give the same answer.
 *
 * Only the latest preview's bundles are kept, only up to a budget, and not for long: the worker
 * holds about three times the changes' text in memory for them.
 */
export interface VerifiedBundleLimits {
  /** The changes' text (unpacked bytes, as the signed manifests give them) kept at most. */
  changesBytes: number;
  /** How long a kept bundle waits for its import before it is let go. */
  keepMs: number;
}

export const verifiedBundleLimits: VerifiedBundleLimits = {
  // The whole of a World Urban Forum day (200,000 changes) is 62 MB of lines.
  changesBytes: 64 * 1024 * 1024,
  keepMs: 10 * 60 * 1000,
};

interface Kept {
  bundle: VerifiedBundle;
  bytes: number;
}

export class VerifiedBundles {
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly limits: VerifiedBundleLimits = verifiedBundleLimits,
    private readonly readBytes: (bytes: Uint8Array, onRead?: ReadProgress) => VerifiedBundle = readBundle,
  ) {}

  /** A preview of these files begins: bundles kept for any other file are let go. */
  keepOnly(digests: ReadonlySet<string>): void {
    for (const digest of [...this.kept.keys()]) if (!digests.has(digest)) this.drop(digest);
  }

  /**
   * The bundle in these bytes, read and verified: the kept one if a preview read them, taken out
   * (an import uses it once), or read now. With `keep`, it stays for the import to come.
   */
  read(digest: string, bytes: Uint8Array, keep: boolean, onRead?: ReadProgress): VerifiedBundle {
    const kept = this.kept.get(digest);
    if (kept) this.drop(digest);
    const bundle = kept?.bundle ?? this.readBytes(bytes, onRead);
    if (kept && onRead) onRead(kept.bytes, kept.bytes);
    if (keep) this.keep(digest, bundle);
    return bundle;
  }

  /** The import no longer needs this bundle read (it took its plan ahead instead). */
  forget(digest: string): void {
    this.drop(digest);
  }

  /** How many bundles are kept, and their changes' bytes (for tests). */
  get size(): { bundles: number; bytes: number } {
    return { bundles: this.kept.size, bytes: this.keptBytes };
  }

  private keep(digest: string, bundle: VerifiedBundle): void {
    const bytes = changesBytes(bundle);
    if (this.keptBytes + bytes > this.limits.changesBytes) return;
    this.kept.set(digest, { bundle, bytes });
    this.keptBytes += bytes;
    // One timer for all: a preview nobody imports does not hold the memory for the day.
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.clear(), this.limits.keepMs);
    this.expiry.unref?.();
  }

  private drop(digest: string): void {
    const kept = this.kept.get(digest);
    if (!kept) return;
    this.kept.delete(digest);
    this.keptBytes -= kept.bytes;
  }

  clear(): void {
    this.kept.clear();
    this.keptBytes = 0;
    if (this.expiry) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}

function changesBytes(bundle: VerifiedBundle): number {
  // readBundle refused any bundle whose manifest does not describe its changes.
  return bundle.manifest.entries.find((entry) => entry.name === entryNames.changes)?.size ?? 0;
}

/** The worker thread's own: previews and imports run there one after another. */
export const verifiedBundles = new VerifiedBundles();
