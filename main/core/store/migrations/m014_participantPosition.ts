import type { Migration } from './migration';

// A person's title or position ("Director, Urban Planning Department"), for signature blocks and
// the participant list. Plain text: a title is written once, in the language its holder uses.
export const m014ParticipantPosition: Migration = {
  version: 14,
  name: 'participant title or position',
  up(db) {
    db.exec(`ALTER TABLE participants ADD COLUMN position TEXT`);
  },
};
