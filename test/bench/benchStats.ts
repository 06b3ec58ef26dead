import { randomUUID } from 'node:crypto';
import { dispatch } from '../../main/core/commands/dispatch';
import { closeCore, openCore } from '../../main/core/coreContext';
import { writeRow } from '../../main/core/store/changeLog';
import { percentile } from './measure';

export interface StatsFigures {
  participants: number;
  sessions: number;
  roles: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * The statistics screen's one call, `stats:get`, on a World-Urban-Forum-size forum (the one the
 * participants bench leaves behind), after giving each session a chair, a moderator, six speakers
 * and two rapporteurs so the per-session and speaker figures have real work to do.
 */
export async function benchStats(dbPath: string, forumId: string, runs = 20): Promise<StatsFigures> {
  const ctx = await openCore(dbPath);
  try {
    const sessions = ctx.db
      .prepare("SELECT id FROM sessions WHERE forum_id = ? AND deleted = 0 AND kind <> 'break'")
      .pluck()
      .all(forumId) as string[];
    const people = ctx.db.prepare('SELECT id FROM participants WHERE forum_id = ? AND deleted = 0').pluck().all(forumId) as string[];
    const roles = ['chair', 'moderator', 'speaker', 'speaker', 'speaker', 'speaker', 'speaker', 'speaker', 'rapporteur', 'rapporteur'];
    ctx.db.transaction(() => {
      sessions.forEach((sessionId, s) => {
        roles.forEach((role, r) => {
          const participantId = people[(s * 37 + r * 101) % people.length];
          if (!participantId) return;
          writeRow(ctx, 'session_roles', randomUUID(), { forum_id: forumId, deleted: 0, session_id: sessionId, participant_id: participantId, role });
        });
      });
    })();
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const start = performance.now();
      const result = await dispatch(ctx, 'cli', 'stats:get', { forumId });
      if (!result.ok) throw new Error(`stats:get: ${result.error.message}`);
      // The first two runs warm the statement cache and SQLite's page cache.
      if (i >= 2) times.push(performance.now() - start);
    }
    return {
      participants: people.length,
      sessions: sessions.length,
      roles: sessions.length * roles.length,
      runs,
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
    };
  } finally {
    closeCore(ctx);
  }
}
