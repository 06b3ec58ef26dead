/**
 * Why a write failed, in words a person can act on, never SQLite's own text: that goes to the
 * log (stderr in the CLI and browser mode, the desktop app's console) for whoever diagnoses it.
 */
export function describeWriteFailure(error: unknown, context: string): string {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? ((error as { code: string }).code) : '';
  console.error(`${context}: ${(error as Error)?.message ?? String(error)}`);
  if (code.startsWith('SQLITE_FULL')) return 'the disk is full; free some space and try again';
  if (code.startsWith('SQLITE_IOERR')) return 'the disk could not be written; check it and try again';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'the database file is damaged; restore a backup';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'another program was using the database; close it and try again';
  return 'an unexpected error, written to the log';
}
