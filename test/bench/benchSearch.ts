import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { dispatch } from '../../main/core/commands/dispatch';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { createDemoForum } from '../../main/core/demo/createDemoForum';
import { writeRow } from '../../main/core/store/changeLog';
import type { SearchResults } from '../../shared/search';
import { startServer, stopServer } from '../e2e/serverFixture';
import { rareTerm, syntheticNote } from './searchCorpus';
import { percentile, time } from './measure';

export interface SearchFigures {
  notes: number;
  /** Writing the notes through the change log, 10,000 to a transaction. */
  seedMs: number;
  /** search:query through dispatch (validation, all four groups, snippets) against raw FTS5 ranked top 20 on notes. */
  queries: Array<{ label: string; query: string; hits: number; medianMs: number; p95Ms: number; rawMedianMs: number; rawP95Ms: number }>;
  /** The first one- or two-character search after opening, which indexes how notes end. */
  firstShortSearchMs: number;
  runs: number;
  /** Browser-mode server after answering searches over HTTP: resident memory now and at its peak. */
  serverRssMb: number;
  serverPeakRssMb: number;
  serverSearchMedianMs: number;
}

async function searchOnce(ctx: CoreContext, forumId: string, text: string): Promise<SearchResults> {
  const result = await dispatch(ctx, 'cli', 'search:query', { forumId, text, limit: 20 });
  if (!result.ok) throw new Error(`search:query: ${result.error.message}`);
  return result.value as SearchResults;
}

/** What FTS5 does unaided: every hit scored, the forum's live notes kept, the best 20. */
function rawRanked(db: Database, forumId: string, text: string): number {
  return db
    .prepare(
      `SELECT n.id FROM notes_search s JOIN notes n ON n.rowid = s.rowid
        WHERE notes_search MATCH ? AND n.forum_id = ? AND n.deleted = 0 ORDER BY rank LIMIT 20`,
    )
    .all(`"${text.replace(/"/g, '""')}"`, forumId).length;
}

function seed(ctx: CoreContext, forumId: string, notes: number): void {
  const sessions = ctx.db.prepare("SELECT id FROM sessions WHERE forum_id = ? AND kind <> 'break' ORDER BY day, start_time").pluck().all(forumId) as string[];
  const start = Date.parse('2026-11-23T09:00:00Z');
  for (let from = 0; from < notes; from += 10_000) {
    ctx.db.transaction(() => {
      for (let i = from; i < Math.min(notes, from + 10_000); i++) {
        const { lang, text } = syntheticNote(i);
        writeRow(ctx, 'notes', `bench-note-${i}`, {
          forum_id: forumId,
          session_id: sessions[i % sessions.length] ?? null,
          lang,
          text,
          created_at: new Date(start + i * 2_000).toISOString(),
          deleted: 0,
        });
      }
    })();
  }
}

/** Resident set of a process, in MB, from /proc (Linux). */
function residentMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * A forum of `notes` rapporteurs' notes (English, Spanish, Chinese, Arabic) on top of the demo
 * forum, searched as the search screen searches; then `plenary serve` on the same file answering
 * searches over HTTP, for its memory. Needs the build (dist/main/cli.cjs), as `npm run bench` does.
 */
export async function benchSearch(dir: string, notes = 100_000, runs = 50): Promise<SearchFigures> {
  const dbPath = path.join(dir, 'search.sqlite');
  const ctx = await openCore(dbPath);
  const forumId = createDemoForum(ctx).id;
  const seedMs = await time(() => seed(ctx, forumId, notes));
  const firstShortSearchMs = await time(() => searchOnce(ctx, forumId, '村庄'));
  const terms = [
    { label: 'rare (a name, 10 notes)', query: rareTerm },
    { label: 'common (1 note in 10)', query: 'urban' },
    { label: 'very common (1 in 3)', query: 'the' },
    { label: 'Chinese, 2 characters', query: '乡村' },
    { label: 'Chinese, 4 characters', query: '城乡联系' },
    { label: 'Arabic', query: 'الحكومات' },
    { label: 'two words', query: 'local governments' },
  ];
  const queries: SearchFigures['queries'] = [];
  try {
    for (const { label, query } of terms) {
      let hits = (await searchOnce(ctx, forumId, query)).totals.notes;
      const ours: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(await time(async () => (hits = (await searchOnce(ctx, forumId, query)).totals.notes)));
        if ([...query].length >= 3 && !query.includes(' ')) raw.push(await time(() => rawRanked(ctx.db, forumId, query)));
      }
      queries.push({
        label,
        query,
        hits,
        medianMs: percentile(ours, 0.5),
        p95Ms: percentile(ours, 0.95),
        rawMedianMs: raw.length ? percentile(raw, 0.5) : NaN,
        rawP95Ms: raw.length ? percentile(raw, 0.95) : NaN,
      });
    }
  } finally {
    closeCore(ctx);
  }

  const server = await startServer(dbPath);
  try {
    const url = new URL(server.url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    const api = async (text: string) => {
      const response = await fetch(new URL('/api/search:query', url.origin), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ forumId, text }),
      });
      const body = (await response.json()) as { ok: boolean };
      if (!body.ok) throw new Error(`search over HTTP failed: ${JSON.stringify(body)}`);
    };
    const overHttp: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const { query } of terms) overHttp.push(await time(() => api(query)));
    }
    const pid = server.process.pid ?? 0;
    return {
      notes,
      seedMs,
      queries,
      firstShortSearchMs,
      runs,
      serverRssMb: residentMb(pid, 'VmRSS'),
      serverPeakRssMb: residentMb(pid, 'VmHWM'),
      serverSearchMedianMs: percentile(overHttp, 0.5),
    };
  } finally {
    await stopServer(server);
  }
}
