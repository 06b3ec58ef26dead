import type { VenuePeer, VenueStatus } from '../../../shared/venue';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { isAllInterfaces, localAddresses } from '../venue/localAddresses';
import { venueController } from '../venue/venueController';
import { venueSetting } from '../venue/venuePeers';
import type { CliCommand } from './cliCommands';
import { dbOption, jsonOption } from './cliOptions';
import { UsageError } from './usageError';

/** --venue, --host and --venue-port of `serve`, checked before the database is opened. */
export function checkVenueOptions(values: Record<string, string | boolean | undefined>): void {
  if (values.venue !== true && (values.host !== undefined || values['venue-port'] !== undefined)) {
    throw new UsageError('--host and --venue-port go with --venue.');
  }
  if (values.host !== undefined && !/^[0-9a-fA-F.:]{2,64}$/.test(String(values.host))) {
    throw new UsageError(`--host must be an IP address of this computer (see the addresses venue mode lists), not "${String(values.host)}".`);
  }
  const port = values['venue-port'];
  if (port !== undefined && (!/^\d+$/.test(String(port)) || Number(port) < 1024 || Number(port) > 65535)) {
    throw new UsageError(`--venue-port must be a whole number from 1024 to 65535, not "${String(port)}".`);
  }
}

/** What `serve` prints of venue mode: the address other laptops pair with, and the code. */
export function describeVenue(status: VenueStatus): string[] {
  return [
    ...(status.laptopUrl ? [`Laptop URL: ${status.laptopUrl}`] : []),
    ...(status.pairing ? [`Pairing code: ${status.pairing.code} (single use, until ${status.pairing.expiresAt.slice(11, 16)} UTC)`] : []),
  ];
}

/**
 * Starts venue mode for `serve --venue` (on --host, or the address it had last time, or this
 * computer's first network address), or resumes it as it was left. Prints the laptop URL and
 * pairing code, and a new code whenever the one shown is used or runs out; returns the stop.
 */
export async function serveVenue(
  ctx: CoreContext,
  values: Record<string, string | boolean | undefined>,
  out: (line: string) => void,
): Promise<(() => Promise<void>) | null> {
  const controller = venueController(ctx);
  let status: VenueStatus | null;
  if (values.venue === true) {
    const host = typeof values.host === 'string' ? values.host : (venueSetting(ctx.db)?.host ?? localAddresses().find((a) => a.family === 'IPv4')?.address);
    if (!host) throw new UsageError('This computer has no network address now: join the venue network, or name one with --host.');
    status = await controller.start({ host, ...(values['venue-port'] === undefined ? {} : { port: Number(values['venue-port']) }), allInterfaces: isAllInterfaces(host) });
  } else {
    // Resuming is a convenience: an address or port gone since is said, and browser mode serves on.
    try {
      status = await controller.resume();
    } catch (error) {
      out(`Venue mode did not resume: ${(error as Error).message} Start it again with --venue.`);
      return null;
    }
  }
  if (!status) return null;
  out(`Venue mode: paired laptops sync with this one over ${status.host ?? ''}, port ${status.port ?? ''}.`);
  describeVenue(status).forEach(out);
  (await companionLines(ctx)).forEach(out);
  let shown = status.pairing?.code ?? null;
  const refresh = setInterval(() => {
    void (async () => {
      const now = await controller.status();
      if (now.enabled && now.pairing?.code === shown) return;
      if (!now.enabled) return;
      const fresh = now.pairing ?? (await controller.newPairingCode()).pairing;
      shown = fresh?.code ?? null;
      if (fresh) out(`Pairing code: ${fresh.code} (single use, until ${fresh.expiresAt.slice(11, 16)} UTC)`);
    })().catch(() => undefined);
  }, 2000);
  return async () => {
    clearInterval(refresh);
    await controller.close();
  };
}

/** `Companion URL:` for each live forum (its link made now if it had none): what phones open. */
async function companionLines(ctx: CoreContext): Promise<string[]> {
  const lines: string[] = [];
  for (const forum of await invoke(ctx, 'forums:list', {})) {
    const link = await invoke(ctx, 'companion:link', { forumId: forum.id });
    const title = forum.title[forum.sourceLanguage] ?? Object.values(forum.title)[0] ?? forum.id;
    if (link.url) lines.push(`Companion URL: ${link.url} (${title})`);
  }
  return lines;
}

function describePeer(peer: VenuePeer): string {
  const last = peer.lastExchangeAt ? `last exchange ${peer.lastExchangeAt}` : 'no exchange yet';
  const error = peer.lastError ? ` (${peer.lastError})` : '';
  return `${peer.fingerprint}  ${peer.name}  ${peer.url || '(not listening)'}  ${peer.state}${error}, ${last}, ${peer.changesReceived} changes received`;
}

export const venueCommands: CliCommand[] = [
  {
    name: 'peers add',
    summary: 'pair with a laptop in venue mode: its URL and the code it shows',
    options: [dbOption, { name: 'code', type: 'string', description: 'the six-digit pairing code shown on that laptop' }],
    files: { min: 1, label: 'laptop URL' },
    validate(values, words) {
      if (words.length !== 1) throw new UsageError('Name one laptop URL (https://HOST:PORT/#fp=…).');
      if (!/^https:\/\/\S+$/.test(words[0] ?? '')) throw new UsageError(`The laptop URL starts with https://, as that laptop shows it; not "${words[0] ?? ''}".`);
      if (typeof values.code !== 'string' || !/^\d{6}$/.test(values.code)) throw new UsageError('--code must be the six digits shown on that laptop.');
    },
    async run(ctx, values, out, words) {
      const peer = await invoke(ctx, 'peers:add', { url: words[0] ?? '', code: String(values.code) });
      out(`Paired with “${peer.name}” (${peer.fingerprint}) at ${peer.url}. Both laptops now sync while in venue mode.`);
      return 0;
    },
  },
  {
    name: 'peers list',
    summary: 'list the paired laptops and how their exchanges go',
    options: [dbOption, jsonOption],
    readOnly: true,
    async run(ctx, values, out) {
      const peers = await invoke(ctx, 'peers:list', {});
      if (values.json) out(JSON.stringify(peers, null, 2));
      else if (peers.length === 0) out('No paired laptops. Pair with `plenary peers add URL --code CODE`.');
      else peers.forEach((peer) => out(describePeer(peer)));
      return 0;
    },
  },
  {
    name: 'peers sync',
    summary: 'one exchange with every paired laptop now; exit code 1 if any failed',
    options: [dbOption, jsonOption],
    mustExist: true,
    async run(ctx, values, out) {
      const names = new Map((await invoke(ctx, 'peers:list', {})).map((p) => [p.deviceId, p.name]));
      const { peers } = await invoke(ctx, 'peers:sync', {});
      if (values.json) out(JSON.stringify({ peers }, null, 2));
      else if (peers.length === 0) out('No paired laptops to sync with.');
      else {
        for (const outcome of peers) {
          const name = names.get(outcome.deviceId) ?? outcome.deviceId;
          const held = outcome.held ? `, ${outcome.held} kept aside` : '';
          out(outcome.ok ? `${name}: ${outcome.changes} changes came in${held}${outcome.error ? ` (${outcome.error})` : ''}` : `${name}: failed (${outcome.error ?? 'internal'})`);
        }
      }
      return peers.some((p) => !p.ok) ? 1 : 0;
    },
  },
];
