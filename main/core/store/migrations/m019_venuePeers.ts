import type { Migration } from './migration';

// Laptops paired for live sync at a venue (issue 17): this device's own decision whom to exchange
// with, like known_devices, so never logged and never synced. A peer is recognised on the network
// by its venue certificate's SHA-256 (pinned at pairing) and its changes by its device key.
export const m019VenuePeers: Migration = {
  version: 19,
  name: 'paired laptops for live sync at a venue',
  up(db) {
    db.exec(`
      CREATE TABLE venue_peers (
        device_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        public_key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        cert_fingerprint TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        paired_at TEXT NOT NULL,
        last_exchange_at TEXT,
        changes_received INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `);
  },
};
