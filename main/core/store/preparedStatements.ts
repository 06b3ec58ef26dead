import type { Database, Statement } from 'better-sqlite3';

/** A per-database memo: statements and projection plans are built once and reused. */
export function memo<T>(caches: WeakMap<Database, Map<string, T>>, db: Database, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

const statementCache = new WeakMap<Database, Map<string, Statement>>();

export function prepared(db: Database, key: string, build: () => string): Statement {
  return memo(statementCache, db, key, () => db.prepare(build()));
}
