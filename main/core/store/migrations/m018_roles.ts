import type { Migration } from './migration';

// Roles that hold across offline laptops (issue 16). A forum records its owner's public key and
// the nonce its id was derived from, so no laptop can claim a forum it did not create; the owner
// switches roles on by recording which laptops had written so far (they keep their rights until
// narrowed). Grants are rows of their own, one per forum, laptop and role, written through the
// log like everything else. A change held back for want of a role says which role it needed.
export const m018Roles: Migration = {
  version: 18,
  name: 'forum owner, role grants, and why a change is held back',
  up(db) {
    db.exec(`
      ALTER TABLE forums ADD COLUMN owner_key TEXT;
      ALTER TABLE forums ADD COLUMN owner_nonce TEXT;
      ALTER TABLE forums ADD COLUMN roles_legacy TEXT NOT NULL DEFAULT '[]';
      CREATE TABLE role_grants (
        id TEXT PRIMARY KEY,
        forum_id TEXT REFERENCES forums (id) DEFERRABLE INITIALLY DEFERRED,
        device_id TEXT,
        fingerprint TEXT,
        role TEXT,
        sessions TEXT NOT NULL DEFAULT '[]',
        active INTEGER NOT NULL DEFAULT 1,
        deleted INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX role_grants_by_forum ON role_grants (forum_id, device_id);
      ALTER TABLE held_changes ADD COLUMN detail TEXT;
    `);
  },
};
