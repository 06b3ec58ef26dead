import type { Database } from 'better-sqlite3';

const generations = new WeakMap<Database, number>();

/**
 * Caches that follow the log by its newest seq (the search scopes) trust that a seq, once seen,
 * always names the same change. A rollback takes seqs back and SQLite hands them out again, so it
 * bumps this connection's generation, and those caches start over when it moves.
 */
export function logRewritten(db: Database): void {
  generations.set(db, logGeneration(db) + 1);
}

export function logGeneration(db: Database): number {
  return generations.get(db) ?? 0;
}

const authorityVersions = new WeakMap<Database, number>();

/**
 * Who may change what is replayed from the forums' and grants' changes and cached per connection
 * (see authorityOf); every path that puts such changes into the log (or takes them out) says so
 * here, so a local write never asks the database whether they moved.
 */
export function authorityMoved(db: Database): void {
  authorityVersions.set(db, authorityVersion(db) + 1);
}

export function authorityVersion(db: Database): number {
  return authorityVersions.get(db) ?? 0;
}
