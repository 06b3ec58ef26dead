import { z } from 'zod';
import { pickText } from '../../../shared/multilingual';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { getForum, listForums } from '../store/forums';
import { logGeneration } from '../store/logGeneration';
import { exportBundleInWorker } from '../sync/exportBundle';
import { importBundles } from '../sync/importSession';
import { oneImportAtATime } from '../sync/oneImportAtATime';
import { maxBundleBase64 } from '../../../shared/sync';
import { jsonOf, peerError, requestPeer, type PeerAddress } from './venueClient';
import type { VenueCertificate } from './venueCertificate';
import { maxKnowledgeBytes } from './venueServer';
import type { PairedPeer } from './venuePeers';

/** A bundle over the network weighs at most what one may cross the contract as (its bytes, not base64). */
export const maxBundleBytes = (maxBundleBase64 / 4) * 3;
const maxForums = 1000;

const forumListing = z
  .array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/), title: z.string().max(1000), deleted: z.boolean() }).strict())
  .max(maxForums);

const knowledgeRequest = z
  .object({ knowledge: z.array(z.object({ device: z.string().min(1).max(200), hlc: z.string().min(1).max(100) }).strict()).max(Math.floor(maxKnowledgeBytes / 40)) })
  .strict();

/** The forums this laptop has, deleted ones too: their deletion must reach the others. */
export function hostForums(ctx: CoreContext): z.infer<typeof forumListing> {
  const listed = (deleted: boolean) =>
    listForums(ctx.db, deleted).map((forum) => ({ id: forum.id, title: pickText(forum.title, forum.sourceLanguage, forum.sourceLanguage).text, deleted }));
  return [...listed(false), ...listed(true)];
}

/**
 * What a peer lacks of a forum: a bundle signed by this laptop, as `bundle:export --for` makes
 * it, after any import under way. What the peer has is what it says it has (its newest clock
 * value per laptop), not what this laptop last heard from it: a peer that says less only gets
 * more, and one that has just received everything from this laptop is not sent it all again.
 */
export function hostBundle(ctx: CoreContext, peer: PairedPeer, forumId: string, body: unknown): Promise<Uint8Array | null> {
  const parsed = knowledgeRequest.safeParse(body);
  if (!parsed.success) return Promise.reject(new CoreError('invalid_input', 'The request must say what the peer has: { knowledge: [{ device, hlc }] }.'));
  const peerHas = new Map(parsed.data.knowledge.map((k) => [k.device, k.hlc]));
  // Most pulls find nothing new: answered from the cached knowledge, without reading the forum's log.
  if (localKnowledge(ctx, forumId).every((k) => (peerHas.get(k.device) ?? '') >= k.hlc)) {
    getForum(ctx.db, forumId, { includeDeleted: true }); // still a 404 for a forum this laptop lacks
    return Promise.resolve(null);
  }
  return oneImportAtATime(ctx, async () => {
    try {
      return (await exportBundleInWorker(ctx, { forumId, forPeer: peer.deviceId, peerHas })).bytes;
    } catch (error) {
      // Nothing the peer lacks: an empty answer, not an error.
      if (error instanceof CoreError && error.code === 'invalid_input') return null;
      throw error;
    }
  });
}

type Knowledge = Array<{ device: string; hlc: string }>;

// Asked of every forum at every pull, by both sides, while the log rarely moves between two pulls:
// kept until the log (or what is held back by role) grows or is rewritten.
const knowledgeCache = new WeakMap<CoreContext, Map<string, { stamp: string; knowledge: Knowledge }>>();

/** What this laptop has of a forum, per laptop that wrote: the newest clock value, as a bundle's knowledge says it. */
export function localKnowledge(ctx: CoreContext, forumId: string): Knowledge {
  const stamp = [
    ctx.db.prepare('SELECT ifnull(max(seq), 0) FROM changes').pluck().get(),
    ctx.db.prepare('SELECT ifnull(max(rowid), 0) || \'/\' || count(*) FROM held_changes').pluck().get(),
    logGeneration(ctx.db),
  ].join(':');
  let forums = knowledgeCache.get(ctx);
  if (!forums) knowledgeCache.set(ctx, (forums = new Map()));
  const cached = forums.get(forumId);
  if (cached?.stamp === stamp) return cached.knowledge;
  const knowledge = ctx.db
    .prepare(
      `SELECT device, max(hlc) AS hlc FROM (
         SELECT device, hlc FROM changes WHERE forum_id = @forumId
         UNION ALL SELECT device, hlc FROM held_changes WHERE forum_id = @forumId AND reason = 'role')
       GROUP BY device ORDER BY device`,
    )
    .all({ forumId }) as Knowledge;
  if (forums.size > 1000) forums.clear();
  forums.set(forumId, { stamp, knowledge });
  return knowledge;
}

export interface PullOptions {
  address: PeerAddress;
  certificate: VenueCertificate;
  timeoutMs: number;
  maxBundleBytes: number;
  /** Whether this import may skip the backup (one was made by venue mode a short while ago). */
  skipBackup: boolean;
  /** Stops between forums when the core is being closed. */
  cancelled: () => boolean;
  /**
   * Forums whose last bundle from this peer was refused for want of the user's yes (much of the
   * forum deleted): not asked for again until their time, so the same bundle is not fetched and
   * refused every few seconds. Kept by the caller, per peer.
   */
  waiting?: Map<string, { until: number; times: number }>;
}

export interface PullResult {
  changes: number;
  held: number;
  backedUp: boolean;
  /** A forum refused for a reason that is not the peer's fault (much of it deleted): reported, not backed off. */
  refused: CoreError | null;
}

/** Codes of a refused bundle that say the peer sent something wrong, rather than something to confirm. */
const harmless = new Set(['confirmation_required']);

/**
 * One pull from a paired peer: its forums, then for each what this laptop lacks, imported through
 * the same session import as a USB stick of bundles (worker plan, main-thread slices, one writer),
 * trusting the peer's key (pinned at pairing) and signers already trusted, never applying changes
 * held back. A damaged or refused bundle throws, and the caller backs the peer off.
 */
export async function pullFromPeer(ctx: CoreContext, peer: PairedPeer, options: PullOptions): Promise<PullResult> {
  const request = { pinned: peer.certFingerprint, timeoutMs: options.timeoutMs };
  const listing = jsonOf(options.address, await requestPeer(options.address, options.certificate, { ...request, method: 'GET', path: '/v1/forums', maxBytes: 1024 * 1024 }));
  const forums = forumListing.safeParse(listing);
  if (!forums.success) throw new CoreError('peer_response_invalid', `${peer.name} answered the list of forums with something else; nothing was taken from it.`);
  const result: PullResult = { changes: 0, held: 0, backedUp: false, refused: null };
  for (const forum of forums.data) {
    if (options.cancelled()) break;
    const wait = options.waiting?.get(forum.id);
    if (wait && wait.until > Date.now()) {
      result.refused ??= new CoreError('confirmation_required', `${peer.name}'s changes to “${forum.title}” wait for a yes: import them from a bundle file.`);
      continue;
    }
    const response = await requestPeer(options.address, options.certificate, {
      ...request,
      method: 'POST',
      path: `/v1/forums/${forum.id}/bundle`,
      json: { knowledge: localKnowledge(ctx, forum.id) },
      maxBytes: options.maxBundleBytes,
    });
    if (response.status === 204) continue;
    if (response.status !== 200) throw peerError(options.address, response.status, safeJson(response.body));
    if (options.cancelled()) break;
    const session = await importBundles(ctx, [{ name: `${peer.name} (${forum.title})`, bytes: new Uint8Array(response.body) }], {
      trust: [peer.deviceId],
      confirmMassChanges: false,
      applyHeld: false,
      skipBackup: options.skipBackup || result.backedUp,
    });
    if (session.backupPath) result.backedUp = true;
    const outcome = session.bundles[0];
    if (!outcome) continue;
    if (outcome.status === 'refused') {
      const error = new CoreError(outcome.error.code, outcome.error.message);
      if (!harmless.has(outcome.error.code)) throw error;
      result.refused = error;
      const times = (wait?.times ?? 0) + 1;
      options.waiting?.set(forum.id, { until: Date.now() + Math.min(60_000 * 2 ** (times - 1), 30 * 60_000), times });
      continue;
    }
    options.waiting?.delete(forum.id);
    // New changes count those kept aside too: applied are the rest.
    const held = outcome.preview.held.changes + outcome.preview.quarantined.changes;
    result.changes += Math.max(0, outcome.preview.changes.new - held);
    result.held += held;
  }
  return result;
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
