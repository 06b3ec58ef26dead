import type { Migration } from './migration';

// Local security and bookkeeping state of file sync. None of it is forum data, and none of it may
// travel: whom this laptop trusts, and what each peer is known to have.
export const m003SyncState: Migration = {
  version: 3,
  name: 'known devices and what peers have',
  up(db) {
    db.exec(`
      CREATE TABLE known_devices (
        device_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        trusted_at TEXT NOT NULL,
        last_import_at TEXT
      ) STRICT;

      -- "peer has every change of device up to hlc": learnt from the peer's own bundles.
      CREATE TABLE peer_knowledge (
        peer TEXT NOT NULL,
        forum_id TEXT NOT NULL,
        device TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (peer, forum_id, device)
      ) STRICT;
    `);
  },
};
