import type { Migration } from './migration';

// Erasure of a participant's personal data: a participant row can be marked erased (a change in
// the log like any other, so the erasure travels), and a change whose values were erased keeps
// the hash its bundle line had, so the signed block covering it still verifies on every laptop.
export const m010Erasure: Migration = {
  version: 10,
  name: 'erased participants, and the hashes of erased changes',
  up(db) {
    db.exec(`
      ALTER TABLE participants ADD COLUMN erased INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE changes ADD COLUMN erased_hash TEXT;
    `);
  },
};
