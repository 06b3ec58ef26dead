import { z } from 'zod';
import { forum, forumId, forumInput, forumOverview } from './forum';
import { uiLanguages } from './languages';
import { bundleData, deviceInfo, deviceName, exportedBundle, heldDeviceId, heldGroup, importId, importPreview, importProgress, knownPeer, sessionFiles, sessionOutcome } from './sync';
import type { Result } from './result';
import { agendaContract } from './agenda';
import { captureContract } from './capture';
import { companionContract } from './companion';
import { issuancesContract } from './issuances';
import { keyMessagesContract } from './keyMessages';
import { searchContract } from './search';
import { outcomeContract } from './outcome';
import { amendmentsContract } from './amendments';
import { exportsContract } from './exports';
import { compilationContract } from './compilation';
import { keyMessagesDocumentContract } from './keyMessagesDocument';
import { participantImportContract } from './participantImport';
import { participantsContract } from './participants';
import { participationStatsContract } from './participationStats';
import { rolesContract } from './roles';
import { speakersContract } from './speakers';
import { venueContract } from './venue';
import { xliffContract } from './xliff';
import { decisionsContract } from './decisions';

/**
 * The one contract between the UI and the core. Every transport (Electron IPC, the browser-mode
 * HTTP server, the CLI) validates inputs with these schemas and nothing else crosses.
 */
export const contract = {
  'app:info': {
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      transport: z.enum(['electron', 'http', 'cli']),
      deviceId: z.string(),
      databasePath: z.string(),
    }),
  },
  'settings:get': {
    input: z.object({}).strict(),
    output: z.object({ language: z.enum(uiLanguages).nullable() }),
  },
  'settings:set': {
    input: z.object({ language: z.enum(uiLanguages) }).strict(),
    output: z.object({ language: z.enum(uiLanguages) }),
  },
  'forums:list': {
    /** `deleted`: the deleted forums instead, to restore or share. */
    input: z.object({ deleted: z.boolean().optional() }).strict(),
    output: z.array(forum),
  },
  'forums:get': {
    input: z.object({ id: forumId }).strict(),
    output: forum,
  },
  'forums:overview': {
    input: z.object({ id: forumId }).strict(),
    output: forumOverview,
  },
  'forums:create': {
    input: forumInput,
    output: forum,
  },
  'forums:update': {
    input: z.object({ id: forumId, forum: forumInput }).strict(),
    output: forum,
  },
  /** Deletes a forum everywhere its next bundle goes, or undoes that. */
  'forums:setDeleted': {
    input: z.object({ id: forumId, deleted: z.boolean() }).strict(),
    output: z.object({ id: z.string(), deleted: z.boolean() }),
  },
  'demo:create': {
    input: z.object({}).strict(),
    output: forum,
  },
  'prose:choose': {
    input: z
      .object({
        table: z.enum(['notes', 'key_messages', 'outcome_paragraphs', 'amendments']),
        rowId: z.string().min(1).max(200),
        /** `text`, or `text@<lang>` for multilingual prose. */
        cell: z.string().regex(/^text(@[a-z]{2,3}(-[A-Za-z0-9]{2,8})*)?$/, 'validation.invalid'),
        text: z.string().max(100_000, 'validation.tooLong'),
      })
      .strict(),
    output: z.object({ versions: z.number().int() }),
  },
  'device:get': {
    input: z.object({}).strict(),
    output: deviceInfo,
  },
  'device:rename': {
    input: z.object({ name: deviceName }).strict(),
    output: deviceInfo,
  },
  'devices:peers': {
    input: z.object({ forumId }).strict(),
    output: z.array(knownPeer),
  },
  'bundle:export': {
    input: z.object({ forumId, forPeer: z.string().max(200).optional() }).strict(),
    output: exportedBundle,
  },
  'bundle:preview': {
    input: z.object({ data: bundleData }).strict(),
    output: importPreview,
  },
  'bundle:import': {
    input: z
      .object({
        data: bundleData,
        trustNewDevice: z.boolean(),
        /** The user saw the preview's warning that much of the forum is deleted or rewritten. */
        confirmMassChanges: z.boolean().optional(),
        /** Apply changes from a laptop whose clock runs far ahead, instead of keeping them aside. */
        applyHeld: z.boolean().optional(),
        importId: importId.optional(),
      })
      .strict(),
    output: importPreview,
  },
  'bundle:progress': {
    input: z.object({ importId }).strict(),
    output: importProgress.nullable(),
  },
  /** A USB stick of bundles: each one's preview, planned as if the ones before it went in. */
  'bundles:preview': {
    /** importId: chosen by the UI, so it can ask how the preview goes (`bundle:progress`). */
    input: z.object({ files: sessionFiles, importId: importId.optional() }).strict(),
    output: z.object({ bundles: z.array(sessionOutcome) }),
  },
  /** Imports them in one session: one backup, one progress, each bundle all or nothing. */
  'bundles:import': {
    input: z
      .object({
        files: sessionFiles,
        /** Laptops seen for the first time that the user trusts: their device ids, or all (the CLI's --trust). */
        trust: z.union([z.literal(true), z.array(z.string().min(1).max(200)).max(500)]),
        confirmMassChanges: z.boolean().optional(),
        applyHeld: z.boolean().optional(),
        importId: importId.optional(),
      })
      .strict(),
    output: z.object({ bundles: z.array(sessionOutcome), backedUp: z.boolean() }),
  },
  'held:list': {
    input: z.object({ forumId: forumId.optional() }).strict(),
    output: z.array(heldGroup),
  },
  /** Applies one laptop's held-back changes to a forum, as an import does. */
  'held:apply': {
    /** `role`: this laptop adopts them as its own changes, which its role must allow. */
    input: z.object({ forumId, deviceId: heldDeviceId, reason: z.enum(['clock_ahead', 'role']).optional() }).strict(),
    output: z.object({ applied: z.number().int() }),
  },
  /** Drops them: they were never applied, and this laptop forgets them. */
  'held:discard': {
    input: z.object({ forumId, deviceId: heldDeviceId, reason: z.enum(['clock_ahead', 'role']).optional() }).strict(),
    output: z.object({ discarded: z.number().int() }),
  },
  ...agendaContract,
  ...rolesContract,
  ...participantsContract,
  ...participantImportContract,
  ...participationStatsContract,
  ...captureContract,
  ...keyMessagesContract,
  ...searchContract,
  ...outcomeContract,
  ...amendmentsContract,
  ...exportsContract,
  ...compilationContract,
  ...keyMessagesDocumentContract,
  ...venueContract,
  ...companionContract,
  ...xliffContract,
  ...decisionsContract,
  ...issuancesContract,
  ...speakersContract,
} as const;

export type Contract = typeof contract;
export type CommandName = keyof Contract;
export type CommandInput<K extends CommandName> = z.input<Contract[K]['input']>;
export type CommandOutput<K extends CommandName> = z.output<Contract[K]['output']>;

/** What the renderer holds, whichever transport stands behind it. */
export type PlenaryApi = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;
};

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
