import type { Database, Statement } from 'better-sqlite3';

const statements = new WeakMap<Database, Map<string, Statement<unknown[]>>>();

/**
 * The statement for this SQL, prepared once per database: list queries and keystroke saves run
 * often enough that preparing each time would show.
 */
export function cachedStatement(db: Database, sql: string): Statement<unknown[]> {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
