import path from 'node:path';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import { backupFolder } from '../store/backupDatabase';
import { latestVersion } from '../store/migrations';
import { renameDevice } from '../sync/deviceIdentity';
import { openServer } from '../transport/serveAddress';
import { bonjourDiscovery } from '../venue/bonjourDiscovery';
import { venueController } from '../venue/venueController';
import { agendaCommands } from './agendaCommands';
import { bundleCommands } from './bundleCommands';
import { deviceCommands, deviceNameProblem } from './deviceCommands';
import { documentCommands } from './documentCommands';
import { exportCommands } from './exportCommands';
import { keyMessagesDocumentCommand } from './keyMessagesDocumentCommand';
import { outcomeCommands } from './outcomeCommands';
import { decisionCommands } from './decisionCommands';
import { issuanceCommands } from './issuanceCommands';
import { participantCommands } from './participantCommands';
import { roleCommands } from './roleCommands';
import { searchCommands } from './searchCommands';
import { speakerCommands } from './speakerCommands';
import { statsCommands } from './statsCommands';
import { dbOption, jsonOption } from './cliOptions';
import { UsageError } from './usageError';
import { checkVenueOptions, serveVenue, venueCommands } from './venueCommands';
import { xliffCommands } from './xliffCommands';
import type { Forum } from '../../../shared/forum';

export interface CliOption {
  name: string;
  type: 'string' | 'boolean';
  description: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  options: CliOption[];
  /**
   * Commands that only read the database (they may write other files) open it read-only: never
   * created where a mistyped --db points, never upgraded or backed up, never written.
   */
  readOnly?: boolean;
  /** Commands that write, but only into a database that already exists. */
  mustExist?: boolean;
  /** Checks option values (and the files or words named) before the database is opened, throwing UsageError. */
  validate?(values: Record<string, string | boolean | undefined>, files: string[]): void;
  /** Files named after the options (`bundle import A.plenary B.plenary`); none unless declared. */
  files?: { min: number; label: string };
  /** Returns the exit code; long-running commands (serve) resolve only when stopped. */
  run(
    ctx: CoreContext,
    values: Record<string, string | boolean | undefined>,
    out: (line: string) => void,
    files: string[],
  ): Promise<number>;
}

function describe(forum: Forum): string {
  const title = forum.title[forum.sourceLanguage] ?? Object.values(forum.title)[0] ?? '';
  return `${forum.id}  ${forum.startDate}..${forum.endDate}  ${title}${forum.isDemo ? '  (demo)' : ''}`;
}

const coreCommands: CliCommand[] = [
  {
    name: 'demo',
    summary: 'create the demo forum (Forum on Urban-Rural Linkages)',
    options: [dbOption, jsonOption],
    async run(ctx, values, out) {
      const forum = await invoke(ctx, 'demo:create', {});
      out(values.json ? JSON.stringify(forum, null, 2) : `Created the demo forum: ${describe(forum)}`);
      return 0;
    },
  },
  {
    name: 'forums list',
    summary: 'list the forums in the database',
    options: [dbOption, jsonOption],
    readOnly: true,
    async run(ctx, values, out) {
      const forums = await invoke(ctx, 'forums:list', {});
      if (values.json) out(JSON.stringify(forums, null, 2));
      else if (forums.length === 0) out('No forums yet. Create one in the app, or run `plenary demo`.');
      else for (const forum of forums) out(describe(forum));
      return 0;
    },
  },
  {
    name: 'upgrade',
    summary: 'upgrade a database written by an older Plenary (a backup is written first)',
    options: [dbOption],
    mustExist: true,
    run(ctx, _values, out) {
      out(`${ctx.databasePath} is up to date (schema ${latestVersion}); backups are kept in ${backupFolder(ctx.databasePath)}.`);
      return Promise.resolve(0);
    },
  },
  {
    name: 'serve',
    summary: 'serve the app to a browser on this computer (browser mode), at the same address each time',
    options: [
      dbOption,
      { name: 'port', type: 'string', description: 'port on 127.0.0.1, kept for next time (default: the last one, or a free one; 0: a free one)' },
      { name: 'new-token', type: 'boolean', description: 'make a new token: tabs opened with the old address are refused' },
      { name: 'laptop-name', type: 'string', description: 'name this laptop first, as `device rename` does' },
      { name: 'venue', type: 'boolean', description: 'venue mode too: paired laptops sync with this one over the network (kept for next time)' },
      { name: 'host', type: 'string', description: 'with --venue: the network address to listen on (default: the last one, or the first); 0.0.0.0: every one' },
      { name: 'venue-port', type: 'string', description: 'with --venue: the port on that address (default: the last one, or a free one)' },
    ],
    validate(values) {
      const port = values.port === undefined ? 0 : Number(values.port);
      if (!/^\d+$/.test(String(values.port ?? '0')) || port > 65535) {
        throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(values.port)}".`);
      }
      if (values['laptop-name'] !== undefined) {
        const problem = deviceNameProblem(String(values['laptop-name']));
        if (problem) throw new UsageError(`--laptop-name: ${problem}`);
      }
      checkVenueOptions(values);
    },
    async run(ctx, values, out) {
      if (typeof values['laptop-name'] === 'string') renameDevice(ctx.db, values['laptop-name']);
      // Venue mode, when switched on, announces this laptop by mDNS and lists the others nearby.
      venueController(ctx, { discovery: bonjourDiscovery({ ownDeviceId: ctx.deviceId }) });
      const staticDir = path.join(__dirname, '..', 'renderer');
      const server = await openServer(ctx, staticDir, {
        ...(values.port === undefined ? {} : { port: Number(values.port) }),
        ...(values['new-token'] === true ? { newToken: true } : {}),
      });
      out(`Plenary is serving ${ctx.databasePath}`);
      server.notes.forEach(out);
      out(`Open ${server.url}`);
      let stopVenue: (() => Promise<void>) | null;
      try {
        stopVenue = await serveVenue(ctx, values, out);
      } catch (error) {
        await server.close();
        throw error;
      }
      out('The address stays the same next time (`--new-token` changes its token). Press Ctrl+C to stop.');
      return new Promise((resolve) => {
        const stop = () => void Promise.all([server.close(), stopVenue?.()]).then(() => resolve(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    },
  },
];

export const cliCommands: CliCommand[] = [...coreCommands, ...bundleCommands, ...deviceCommands, ...agendaCommands, ...participantCommands, ...statsCommands, ...searchCommands, ...outcomeCommands, ...decisionCommands, ...issuanceCommands, ...documentCommands, keyMessagesDocumentCommand, ...exportCommands, ...xliffCommands, ...roleCommands, ...venueCommands, ...speakerCommands];
