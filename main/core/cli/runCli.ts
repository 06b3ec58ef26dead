import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeCore, openCore } from '../coreContext';
import { defaultDatabasePath } from '../defaultDataDir';
import { CoreError } from '../errors';
import { fileKeyStore } from '../sync/deviceKeyStore';
import { cliCommands, type CliCommand } from './cliCommands';
import { UsageError } from './usageError';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

function usage(): string {
  const width = Math.max(...cliCommands.map((c) => c.name.length));
  return [
    'Usage: plenary <command> [options]',
    '',
    'Commands:',
    ...cliCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `plenary <command> --help` for the options of one command.',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [
    `Usage: plenary ${command.name} [options]${command.files ? ` ${command.files.label.toUpperCase().replace(/ /g, '_')}...` : ''}`,
    '',
    command.summary,
    '',
    'Options:',
    ...command.options.map((o) => `${`  --${o.name}${o.type === 'string' ? ' VALUE' : ''}`.padEnd(20)} ${o.description}`),
    `${'  --help'.padEnd(20)} show this help`,
  ].join('\n');
}

/** Runs one CLI invocation; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const command =
    cliCommands.find((c) => c.name === argv.slice(0, 2).join(' ')) ?? cliCommands.find((c) => c.name === argv[0]);
  if (!command) {
    const firstOption = argv.findIndex((a) => a.startsWith('-'));
    const words = argv.slice(0, firstOption === -1 ? argv.length : firstOption).slice(0, 2);
    io.err(`Unknown command "${words.join(' ')}".\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let values: Record<string, string | boolean | undefined>;
  let files: string[];
  try {
    const options = Object.fromEntries([
      ...command.options.map((o) => [o.name, { type: o.type }] as const),
      ['help', { type: 'boolean' }] as const,
    ]);
    const parsed = parseArgs({ args: rest, options, allowPositionals: command.files !== undefined, strict: true });
    values = parsed.values;
    files = parsed.positionals;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    if (command.files && !values.help && files.length < command.files.min) {
      throw new UsageError(`Name at least ${command.files.min} ${command.files.label}.`);
    }
    command.validate?.(values, files);
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${commandHelp(command)}`);
    return 2;
  }
  const dbPath = typeof values.db === 'string' ? values.db : defaultDatabasePath(io.env);
  if ((command.readOnly || command.mustExist) && !fs.existsSync(dbPath)) {
    const hint = typeof values.db === 'string' ? 'Check the path given to --db.' : 'Create a forum in the app, or run `plenary demo`.';
    io.err(`There is no database at ${dbPath}. ${hint}`);
    return 1;
  }
  let ctx;
  try {
    // Told on stderr when the key file had to be made private again.
    const deviceKeys = fileKeyStore(dbPath, { warn: (line) => io.err(line) });
    ctx = await openCore(dbPath, { deviceKeys, ...(command.readOnly ? { readonly: true } : {}) });
  } catch (error) {
    io.err(error instanceof CoreError ? error.message : `Could not open ${dbPath}: ${(error as Error).message}`);
    return 1;
  }
  try {
    return await command.run(ctx, values, io.out, files);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    io.err((error as Error).message);
    return 1;
  } finally {
    // The worker's read connection goes first: a read-only open's -wal and -shm can only be
    // removed by the last connection to close.
    await ctx.worker.close();
    closeCore(ctx);
  }
}
