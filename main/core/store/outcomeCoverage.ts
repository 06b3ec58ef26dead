import type { Database } from 'better-sqlite3';
import type { CoverageRow } from '../../../shared/outcome';
import { cachedStatement } from './cachedStatement';
import { liveDocument } from './outcomeDocuments';
import { documentOrder } from './paragraphOrder';
import { documentLinks } from './paragraphSources';

interface SessionRow {
  id: string;
  title: string;
  day: string;
  start_time: string;
  kind: CoverageRow['kind'];
  key_messages: number;
}

/**
 * Every live session but breaks, in agenda order, with its live key messages and the document's
 * paragraphs that draw on them (through merges: a message merged into another counts for the
 * session of the one kept). A session with messages and no paragraph is what the view flags.
 */
export function documentCoverage(db: Database, documentId: string): CoverageRow[] {
  const { row } = liveDocument(db, documentId);
  const sessions = cachedStatement(
    db,
    `SELECT s.id, s.title, s.day, s.start_time, s.kind,
            (SELECT count(*) FROM key_messages m WHERE m.session_id = s.id AND m.deleted = 0 AND m.merged_into IS NULL) AS key_messages
       FROM sessions s WHERE s.forum_id = ? AND s.deleted = 0 AND s.kind <> 'break'
      ORDER BY s.day, s.start_time, s.id`,
  ).all(row.forum_id) as SessionRow[];
  const order = documentOrder(db, row.id);
  const place = new Map(order.map((p, index) => [p.id, index]));
  const numbers = new Map<string, number>();
  for (const p of order) if (p.kind === 'numbered') numbers.set(p.id, numbers.size + 1);
  const bySession = new Map<string, Set<string>>();
  for (const link of documentLinks(db, row.id)) {
    const set = bySession.get(link.session_id) ?? new Set<string>();
    set.add(link.paragraph_id);
    bySession.set(link.session_id, set);
  }
  return sessions.map((s) => ({
    sessionId: s.id,
    title: JSON.parse(s.title) as Record<string, string>,
    day: s.day,
    startTime: s.start_time,
    kind: s.kind,
    keyMessages: s.key_messages,
    paragraphs: [...(bySession.get(s.id) ?? [])]
      .sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0))
      .map((id) => {
        const kind = order[place.get(id) ?? 0]?.kind;
        return { id, number: numbers.get(id) ?? null, kind: kind === 'plain' || kind === 'heading' ? kind : 'numbered' };
      }),
  }));
}
