import type { Migration } from './migration';

// Every index on participants is kept up row by row on each write. Two of them serve nothing:
// each query of a forum's people also names `deleted`, which the sort indexes (forum_id, deleted,
// key, id) serve as well as participants_by_forum did, and no query looks people up by
// lower(email) (duplicates are found in the worker, from the list). The coded columns' sort
// indexes stay: sorting 25,000 people by country at query time costs 25 ms of CPU a page
// (p95 40 ms) against 1.5 ms from the index, over the list's 30 ms budget.
export const droppedParticipantIndexes = ['participants_by_forum', 'participants_by_email'] as const;

export const m013LeanParticipantIndexes: Migration = {
  version: 13,
  name: 'participant indexes no query reads dropped',
  up(db) {
    for (const name of droppedParticipantIndexes) db.exec(`DROP INDEX IF EXISTS ${name}`);
  },
};
