import { z } from 'zod';
import { roleNames } from './roles';

/** The most a bundle may weigh when it crosses the contract as base64 (the core caps files at 256 MiB). */
export const maxBundleBase64 = 128 * 1024 * 1024;

export const bundleData = z
  .string()
  .max(maxBundleBase64, 'validation.bundleTooLarge')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'validation.invalid');

export const deviceInfo = z.object({
  deviceId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  /** False until someone chose the name (it is the computer's host name till then): the first run asks for one. */
  named: z.boolean(),
});
export type DeviceInfo = z.infer<typeof deviceInfo>;

/** Bidirectional controls and other invisible format characters would make one laptop pass for another. */
const controlCharacters = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
export const maxDeviceNameLength = 100;
/** A laptop's name as people read it in every import preview and history: visible text, one line. */
export const deviceName = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(maxDeviceNameLength, 'validation.tooLong')
  .refine((name) => !controlCharacters.test(name), 'validation.controlCharacters');

export const knownPeer = z.object({
  deviceId: z.string(),
  name: z.string(),
  fingerprint: z.string(),
  lastImportAt: z.string().nullable(),
});
export type KnownPeer = z.infer<typeof knownPeer>;

/** A bundle deleting or rewriting much of one table (or deleting the forum). */
export const massChange = z.object({
  table: z.string(),
  deleted: z.number().int(),
  rewritten: z.number().int(),
  /** Rows of that table in the forum here, not deleted. */
  live: z.number().int(),
});
export type MassChange = z.infer<typeof massChange>;

export const importPreview = z.object({
  forum: z.object({ id: z.string(), title: z.string(), isNew: z.boolean() }),
  device: z.object({
    id: z.string(),
    name: z.string(),
    fingerprint: z.string(),
    status: z.enum(['this-device', 'trusted', 'unknown']),
  }),
  changes: z.object({ total: z.number().int(), new: z.number().int(), alreadyHere: z.number().int() }),
  /** Rows the import creates or changes, per table. */
  rows: z.record(z.string(), z.object({ added: z.number().int(), updated: z.number().int() })),
  /** Changes stamped further in the future than clocks plausibly drift: accepted, but worth a look. */
  skew: z.object({ changes: z.number().int(), maxAheadMs: z.number() }),
  /**
   * Changes stamped so far ahead (a day, by default) that the laptop's clock must be wrong: kept
   * aside, applied only when the user says so.
   */
  held: z.object({ changes: z.number().int(), maxAheadMs: z.number() }),
  /**
   * Changes their author's role did not allow at their clock value (and changes that need them):
   * kept aside, never applied, listed per author with the roles that would have allowed them.
   */
  quarantined: z.object({
    changes: z.number().int(),
    reasons: z.array(z.object({ device: z.string(), fingerprint: z.string(), needed: z.array(z.enum(roleNames)), changes: z.number().int() })),
  }),
  /** Much of a table deleted or rewritten at once: applied only when the user confirms. */
  massChanges: z.array(massChange),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const exportedBundle = z.object({ fileName: z.string(), data: z.string(), changes: z.number().int(), bytes: z.number().int() });

/** Where a running import stands, for a progress bar: changes applied out of all in the bundle. */
export const importProgress = z.object({
  phase: z.enum(['verify', 'plan', 'backup', 'apply', 'done']),
  done: z.number().int(),
  total: z.number().int(),
  /** In a session: the bundle being worked on (from 1) of how many, for "Bundle 12 of 50". */
  bundle: z.number().int().optional(),
  bundles: z.number().int().optional(),
  /** How far the whole session is, from 0 to 1, for the bar: it moves within a bundle too. */
  share: z.number().min(0).max(1).optional(),
});
export type ImportProgress = z.infer<typeof importProgress>;

/** A device id as bundles carry them. */
export const heldDeviceId = z.string().min(1, 'validation.required').max(200, 'validation.tooLong');

/** Chosen by the UI so it can ask how an import it started is going. */
export const importId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'validation.id');

/** Changes kept aside from one laptop's bundles because its clock runs far ahead. */
export const heldGroup = z.object({
  forumId: z.string(),
  /** Held for a clock far ahead, or because the author's role did not allow the changes. */
  reason: z.enum(['clock_ahead', 'role']),
  /** For `role`: the roles any one of which would have allowed them. */
  needed: z.array(z.enum(roleNames)),
  forumTitle: z.string(),
  /** The laptop whose bundle brought them. */
  device: z.object({ id: z.string(), name: z.string(), fingerprint: z.string() }),
  changes: z.number().int(),
  /** How far ahead of this laptop's clock the newest of them is stamped. */
  maxAheadMs: z.number(),
  receivedAt: z.string(),
});
export type HeldGroup = z.infer<typeof heldGroup>;

/** A session's files, as the contract carries them: base64 each, the whole no larger than one bundle may be. */
export const sessionFiles = z
  .array(z.object({ name: z.string().min(1).max(255), data: bundleData }).strict())
  .min(1, 'validation.required')
  .max(500, 'validation.tooMany')
  .refine((files) => files.reduce((sum, f) => sum + f.data.length, 0) <= maxBundleBase64, 'validation.bundleTooLarge');

const refusal = z.object({ code: z.string(), message: z.string() });

/** Each bundle of a session: what it would add (or added), or why it will not go in. */
export const sessionOutcome = z.union([
  z.object({ name: z.string(), status: z.literal('ready'), preview: importPreview }),
  z.object({ name: z.string(), status: z.literal('imported'), preview: importPreview }),
  z.object({ name: z.string(), status: z.literal('refused'), error: refusal }),
]);
export type SessionOutcome = z.infer<typeof sessionOutcome>;
