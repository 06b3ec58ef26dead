import { CoreError } from '../errors';
import type { ColumnKind } from './syncedTables';

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What each kind of column accepts; anything else would be stored as something nobody wrote. */
const accepts: Record<ColumnKind, (value: unknown) => boolean> = {
  text: (value) => value === null || typeof value === 'string',
  integer: (value) => value === null || typeof value === 'boolean' || Number.isSafeInteger(value),
  json: (value) => value === null || Array.isArray(value) || isPlainObject(value),
  multilingual: (value) => isPlainObject(value) && Object.values(value).every((text) => text === null || text === undefined || typeof text === 'string'),
};

const described: Record<ColumnKind, string> = {
  text: 'a text or null',
  integer: 'a whole number, a boolean or null',
  json: 'a list, an object or null',
  multilingual: 'an object of texts by language',
};

/**
 * Refuses a value of the wrong kind for its column before it reaches the log: SQLite would
 * otherwise store a number as text in one place and fail on an object in another, and the log
 * would keep what the projection could not.
 */
export function requireKind(table: string, column: string, kind: ColumnKind, value: unknown): void {
  if (accepts[kind](value)) return;
  const got = value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
  throw new CoreError('invalid_input', `${table}.${column} takes ${described[kind]}, not ${got}`);
}
