// SCAFFOLD: filled in this session.
import type { CliCommand } from './cliCommands';

export const searchCommands: CliCommand[] = [];
