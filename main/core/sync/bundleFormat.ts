import { z } from 'zod';
import { hlcPattern } from './hybridClock';

/** Bumped when a reader of an older version could not understand a bundle. */
export const bundleFormatVersion = 2;
export const bundleExtension = '.plenary';

/** changes.jsonl holds one change per line, in the form parseChangeLine (changeLine.ts) reads. */
export const entryNames = { manifest: 'manifest.json', signature: 'manifest.sig', changes: 'changes.jsonl' } as const;

/** How changes.jsonl is compressed; the exporter hashes exactly these bytes. */
export const changesCompressionLevel = 6;

/**
 * What a bundle may unpack to, counted while inflating (see bundleZip.ts): the zip's declared
 * sizes are never trusted, only refused at once when they already admit to more.
 */
export const bundleLimits = {
  fileBytes: 256 * 1024 * 1024,
  // Room for a secretariat's relay of fifty laptops' signed blocks over a week.
  manifestBytes: 16 * 1024 * 1024,
  signatureBytes: 1024,
  changesBytes: 1024 * 1024 * 1024,
  /** Unpacked to stored bytes, as they come; JSON change lines compress about 5 to 10 times. */
  ratio: 200,
  /** Unpacked bytes allowed beyond the ratio, so that a short run of repeated text passes. */
  ratioAllowance: 1024 * 1024,
};

const hlc = z.string().regex(hlcPattern);
const id = z.string().min(1).max(200);

export const manifestSchema = z
  .object({
    format: z.literal('plenary-bundle'),
    formatVersion: z.number().int().positive(),
    forum: z.object({ id, title: z.string().max(1000) }),
    device: z.object({ id, name: z.string().max(200), publicKey: z.string().min(40).max(200) }),
    createdAt: z.string(),
    /** Per device: the oldest and newest change carried, and how many. */
    ranges: z.array(z.object({ device: id, from: hlc, to: hlc, count: z.number().int().positive() })),
    /** Changes carried per table. */
    counts: z.record(z.string(), z.number().int().nonnegative()),
    /** What the sender has of this forum, per device: lets a receiver answer with only what it lacks. */
    knowledge: z.array(z.object({ device: id, hlc })),
    /** The key of every device whose changes the bundle carries, the signer's included. */
    devices: z.array(z.object({ id, publicKey: z.string().min(40).max(200) })).max(100_000),
    /** Each device's signatures over runs of its changes (see changeBlocks.ts). */
    blocks: z
      .array(
        z.object({
          device: id,
          first: hlc,
          last: hlc,
          count: z.number().int().positive(),
          digest: z.string().regex(/^[0-9a-f]{64}$/),
          signature: z.string().min(1).max(200),
        }),
      )
      .max(1_000_000),
    entries: z.array(
      z.object({
        name: z.string(),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        /**
         * Of the bytes as stored in the zip (compressed). No longer checked: the content's size and
         * sha256 prove everything that is imported, and tying the hash to one compressor's output
         * would make a bundle written by any other zip writer unreadable. Still written, because
         * Plenary releases that read format 1 before this change require it.
         */
        storedSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      }),
    ),
  })
  .strict();
export type BundleManifest = z.infer<typeof manifestSchema>;

