import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore } from '../../main/core/coreContext';
import { startServer, stopServer } from '../e2e/serverFixture';
import { percentile } from './measure';
import { participantsCsv } from './syntheticForum';

export interface OneWriterFigures {
  people: number;
  importMs: number;
  saves: number;
  failedSaves: number;
  longestWaitMs: number;
  p95WaitMs: number;
  medianWaitMs: number;
}

/**
 * The shipped path under load: `plenary serve` (its own process, as browser mode runs) imports
 * 25,000 people while the screen saves a note every 20 ms. Each save's wait is its round trip,
 * measured by the client; the longest is the figure the one-writer design is judged by.
 */
export async function benchOneWriter(dir: string, people = 25_000): Promise<OneWriterFigures> {
  const db = path.join(dir, 'one-writer.sqlite');
  const ctx = await openCore(db);
  const forum = await invoke(ctx, 'forums:create', {
    title: { en: 'One writer' }, theme: {}, venue: { en: 'Nairobi' }, startDate: '2026-12-01', endDate: '2026-12-03',
    timeZone: 'Africa/Nairobi', coOrganisers: [], languages: ['en'], sourceLanguage: 'en', outcomeKind: 'declaration',
  });
  const session = await invoke(ctx, 'sessions:create', {
    forumId: forum.id,
    session: { day: '2026-12-01', startTime: '09:00', endTime: '10:00', kind: 'plenary', title: { en: 'Opening' }, room: {}, description: {}, roles: [] },
  });
  closeCore(ctx);

  const server = await startServer(db);
  const url = new URL(server.url);
  const token = url.hash.replace('#token=', '');
  const post = async (name: string, body: unknown) => {
    const response = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean };
  };
  try {
    const file = { fileName: 'participants.csv', data: Buffer.from(participantsCsv(people), 'utf8').toString('base64') };
    const waits: number[] = [];
    let failed = 0;
    let importing = true;
    const saves: Array<Promise<void>> = [];
    const typing = (async () => {
      while (importing) {
        const start = performance.now();
        saves.push(
          post('notes:create', { id: randomUUID(), sessionId: session.id, lang: 'en', text: 'Typed while the list came in' }).then((answer) => {
            waits.push(performance.now() - start);
            if (!answer.ok) failed += 1;
          }),
        );
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const start = performance.now();
    const imported = await post('participants:import', { forumId: forum.id, file, duplicates: 'skip' });
    const importMs = performance.now() - start;
    importing = false;
    await typing;
    await Promise.all(saves);
    if (!imported.ok) throw new Error('The import failed in the one-writer bench');
    return {
      people,
      importMs,
      saves: waits.length,
      failedSaves: failed,
      longestWaitMs: Math.max(...waits),
      p95WaitMs: percentile(waits, 0.95),
      medianWaitMs: percentile(waits, 0.5),
    };
  } finally {
    await stopServer(server);
  }
}
