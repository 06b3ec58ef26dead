import type { Migration } from './migration';

// What lets a laptop relay other laptops' changes, and the one receiving them prove who made
// them: each device's signed blocks over runs of its changes, and the keys of devices known only
// through the laptops that relayed their work (trusted signers stay in known_devices).
export const m009ChangeBlocks: Migration = {
  version: 9,
  name: 'signed blocks of changes, and keys of relayed devices',
  up(db) {
    db.exec(`
      CREATE TABLE change_blocks (
        forum_id TEXT NOT NULL,
        device TEXT NOT NULL,
        first_hlc TEXT NOT NULL,
        last_hlc TEXT NOT NULL,
        count INTEGER NOT NULL,
        digest TEXT NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (forum_id, device, first_hlc, last_hlc)
      ) STRICT;

      CREATE TABLE relayed_devices (
        device_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        -- The laptop whose bundle first gave this key.
        vouched_by TEXT NOT NULL,
        learned_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
