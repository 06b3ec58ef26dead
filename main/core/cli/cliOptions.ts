import type { CliOption } from './cliCommands';

export const dbOption: CliOption = { name: 'db', type: 'string', description: "database file (default: the app's, or $PLENARY_DB)" };
export const jsonOption: CliOption = { name: 'json', type: 'boolean', description: 'print JSON instead of text' };
