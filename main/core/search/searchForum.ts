import type { Database } from 'better-sqlite3';
import type { SearchResults } from '../../../shared/search';
import { getForum } from '../store/forums';
import { highlightSnippet } from './highlightSnippet';
import { searchMultilingual, keyMessagesTable, sessionsTable, type MultilingualHit } from './searchMultilingual';
import { searchNotes } from './searchNotes';
import { searchParticipants } from './searchParticipants';
import { searchWords } from './searchWords';

export interface SearchInput {
  forumId: string;
  text: string;
  limit: number;
}

/**
 * One query over a forum's notes, key messages, sessions and participants (live rows only), each
 * group its best `limit` hits with how many there are, each hit a snippet with the words marked.
 * The text is plain text: quotes, *, NEAR, AND, parentheses are searched for as typed. Every word
 * must appear; case and accents of Latin letters are ignored, as the indexes ignore them.
 */
export function searchForum(db: Database, input: SearchInput): SearchResults {
  // One read transaction: the four groups and their totals see the same moment.
  return db.transaction(() => {
    const forum = getForum(db, input.forumId);
    const words = searchWords(input.text);
    const folded = words.map((word) => word.folded);
    const preferred = [forum.sourceLanguage, ...forum.languages];
    const notes = searchNotes(db, forum.id, words, input.limit);
    const keyMessages = searchMultilingual(db, keyMessagesTable, forum.id, words, preferred);
    const sessions = searchMultilingual(db, sessionsTable, forum.id, words, preferred);
    const participants = searchParticipants(db, forum.id, words, input.limit);
    const multilingual = (hits: MultilingualHit[]) =>
      hits.slice(0, input.limit).map((hit) => ({ id: hit.id, sessionId: hit.sessionId, lang: hit.lang, snippet: highlightSnippet(hit.text, folded) }));
    return {
      query: input.text,
      notes: notes.rows.map((row) => ({ id: row.id, sessionId: row.sessionId, lang: row.lang, snippet: highlightSnippet(row.text, folded) })),
      keyMessages: multilingual(keyMessages),
      sessions: multilingual(sessions),
      participants: participants.hits.map((hit) => ({ id: hit.id, sessionId: null, lang: null, snippet: highlightSnippet(hit.text, folded) })),
      totals: { notes: notes.total, keyMessages: keyMessages.length, sessions: sessions.length, participants: participants.total },
      notesTotalIsLowerBound: notes.totalIsLowerBound,
    };
  })();
}
