import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { closeCore, openCore } from '../../main/core/coreContext';
import { participantsCsv, syntheticSessions } from './syntheticForum';
import { must, percentile, time } from './measure';

export interface ParticipantFigures {
  people: number;
  csvBytes: number;
  previewMs: number;
  /** The import after its preview, which takes the preview's reading of the file (previewedReading.ts). */
  importMs: number;
  /** The same import with no preview before it, as the CLI runs it: the file read and matched again. */
  importAloneMs: number;
  /** Per kind of query: our command (validation included) and raw FTS5 on the same table. */
  search: Array<{ label: string; query: string; medianMs: number; p95Ms: number; rawMedianMs: number; rawP95Ms: number; hits: number }>;
  sortedPageMs: { median: number; p95: number };
  /** Pages sorted or filtered by a coded column (country, type, gender, check-in), read from their sort indexes. */
  codedPages: Array<{ label: string; medianMs: number; p95Ms: number }>;
  sessions: number;
  createSessionsMs: number;
  agendaGetMs: { median: number; p95: number };
  dbPath: string;
  forumId: string;
}

const forumInput = {
  title: { en: 'World Urban Forum (synthetic)', zh: '世界城市论坛（合成数据）', es: 'Foro Urbano Mundial (sintético)' },
  theme: {},
  venue: { en: 'Baku' },
  startDate: '2026-11-23',
  endDate: '2026-11-27',
  timeZone: 'Asia/Baku',
  coOrganisers: [],
  languages: ['en', 'zh', 'es'],
  sourceLanguage: 'en',
  outcomeKind: 'declaration' as const,
};

/** The same file imported with no preview before it, into a database of its own, as the CLI does. */
async function importAlone(dbPath: string, input: typeof forumInput, file: { fileName: string; data: string }): Promise<number> {
  const ctx = await openCore(dbPath);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', input);
    return await time(() => must(ctx, 'participants:import', { forumId: forum.id, file, duplicates: 'skip' }));
  } finally {
    closeCore(ctx);
  }
}

function rawSearch(db: Database, forumId: string, text: string): number {
  return db
    .prepare(
      `SELECT p.id FROM participants_search s JOIN participants p ON p.rowid = s.rowid
        WHERE participants_search MATCH ? AND p.forum_id = ? AND p.deleted = 0 ORDER BY rank LIMIT 20`,
    )
    .all(`"${text.replace(/"/g, '""')}"`, forumId).length;
}

/**
 * A World-Urban-Forum-size list: 25,000 people imported from CSV through the same command the
 * wizard uses, searched as the check-in desk searches, and an agenda of 500 sessions. Leaves the
 * database behind for the browser figures.
 */
export async function benchParticipants(dir: string, people = 25_000, sessionCount = 500): Promise<ParticipantFigures> {
  const dbPath = path.join(dir, 'wuf.sqlite');
  const ctx = await openCore(dbPath);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', forumInput);
    const csv = Buffer.from(participantsCsv(people), 'utf8');
    const file = { fileName: 'participants.csv', data: csv.toString('base64') };
    const previewMs = await time(() => must(ctx, 'participants:importPreview', { forumId: forum.id, file }));
    const importMs = await time(() => must(ctx, 'participants:import', { forumId: forum.id, file, duplicates: 'skip' }));
    const importAloneMs = await importAlone(path.join(dir, 'wuf-alone.sqlite'), forumInput, file);

    const queries = [
      { label: 'rare (one person)', query: 'Kowalczyk 1234' },
      { label: 'common (thousands)', query: 'organisation' },
      { label: 'accent-folded', query: 'nunez' },
      { label: 'Chinese, 2 characters', query: '小明' },
      { label: 'Chinese, 3 characters', query: '王小明' },
      { label: 'Arabic', query: 'فاطمة' },
    ];
    const search: ParticipantFigures['search'] = [];
    for (const { label, query } of queries) {
      const ours: number[] = [];
      const raw: number[] = [];
      let hits = 0;
      for (let i = 0; i < 60; i++) {
        ours.push(
          await time(async () => {
            hits = (await must<{ total: number }>(ctx, 'participants:query', { forumId: forum.id, text: query, limit: 20 })).total;
          }),
        );
        if (query.length >= 3) raw.push(await time(() => rawSearch(ctx.db, forum.id, query)));
      }
      search.push({
        label,
        query,
        hits,
        medianMs: percentile(ours, 0.5),
        p95Ms: percentile(ours, 0.95),
        rawMedianMs: raw.length ? percentile(raw, 0.5) : NaN,
        rawP95Ms: raw.length ? percentile(raw, 0.95) : NaN,
      });
    }
    const pages: number[] = [];
    for (let i = 0; i < 40; i++) {
      pages.push(await time(() => must(ctx, 'participants:query', { forumId: forum.id, sort: 'organisation', offset: (i * 617) % people, limit: 200 })));
    }
    const coded: Array<[string, Record<string, unknown>]> = [
      ['sorted by organisation type', { sort: 'orgType' }],
      ['sorted by country', { sort: 'country' }],
      ['sorted by gender', { sort: 'gender' }],
      ['sorted by check-in time', { sort: 'checkedInAt' }],
      ['checked in, by name', { checkedIn: true }],
      ['one country, by country', { country: 'KE', sort: 'country' }],
    ];
    const codedPages: ParticipantFigures['codedPages'] = [];
    for (const [label, query] of coded) {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        times.push(await time(() => must(ctx, 'participants:query', { forumId: forum.id, ...query, descending: i % 2 === 1, offset: (i * 617) % (people / 2), limit: 200 })));
      }
      codedPages.push({ label, medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95) });
    }

    const sessions = syntheticSessions(sessionCount, '2026-11-23');
    const createSessionsMs = await time(async () => {
      for (const session of sessions) {
        await must(ctx, 'sessions:create', { forumId: forum.id, session: { ...session, description: {}, roles: [] } });
      }
    });
    const agendaTimes: number[] = [];
    for (let i = 0; i < 20; i++) agendaTimes.push(await time(() => must(ctx, 'agenda:get', { forumId: forum.id })));

    return {
      people,
      csvBytes: csv.length,
      previewMs,
      importMs,
      importAloneMs,
      search,
      sortedPageMs: { median: percentile(pages, 0.5), p95: percentile(pages, 0.95) },
      codedPages,
      sessions: sessionCount,
      createSessionsMs,
      agendaGetMs: { median: percentile(agendaTimes, 0.5), p95: percentile(agendaTimes, 0.95) },
      dbPath,
      forumId: forum.id,
    };
  } finally {
    closeCore(ctx);
  }
}
