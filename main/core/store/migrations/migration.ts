import type { Database } from 'better-sqlite3';

export interface Migration {
  /** user_version after this migration; the list runs in this order with no gaps. */
  version: number;
  name: string;
  up(db: Database): void;
}
