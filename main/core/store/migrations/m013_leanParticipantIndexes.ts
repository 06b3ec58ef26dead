import type { Migration } from './migration';

// Each index on participants is kept up row by row on every write: eight of them made writing a
// person cost four times what the row itself does. The list needs only two: names and
// organisations are sorted by folded keys no query could sort quickly on its own. A coded column
// (organisation type, country, gender, check-in time) is sorted at query time: SQLite reads the
// forum's live people through the name index and sorts them in memory, within the list's time
// budget at 25,000 people (npm run bench -- --only participants). Nothing reads
// participants_by_forum that the sort indexes (forum_id, deleted, ...) do not serve as well, and
// no query looks people up by lower(email).
export const droppedParticipantIndexes = [
  'participants_by_forum',
  'participants_by_email',
  'participants_by_org_type_key',
  'participants_by_country_key',
  'participants_by_gender_key',
  'participants_by_checked_in_at_key',
] as const;

export const m013LeanParticipantIndexes: Migration = {
  version: 13,
  name: 'participant indexes the list does not need dropped',
  up(db) {
    for (const name of droppedParticipantIndexes) db.exec(`DROP INDEX IF EXISTS ${name}`);
  },
};
