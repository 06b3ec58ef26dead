import { randomUUID } from 'node:crypto';
import { closeCore, openCore } from '../../main/core/coreContext';
import { writeRows } from '../../main/core/store/writeRows';
import type { KeyMessagesGeneration } from '../../shared/keyMessagesDocument';
import { must, time } from './measure';

export interface KeyMessagesDocumentFigures {
  sessions: number;
  keyMessages: number;
  languages: number;
  seedMs: number;
  /** The document built from nothing: every heading and paragraph written through the log. */
  firstMs: number;
  /** Run again with nothing new: everything read and compared, nothing written. */
  unchangedMs: number;
  /** Run again after a tenth of the messages changed, half of their paragraphs edited meanwhile. */
  refreshMs: number;
  refresh: KeyMessagesGeneration;
  /** documents:generatedFlags on the refreshed document (the drafting screen asks after each change). */
  flagsMs: number;
  flags: number;
}

/** 500 sessions over five days with five validated key messages each, in English and French. */
export async function benchKeyMessagesDocument(file: string, sessionCount = 500, perSession = 5): Promise<KeyMessagesDocumentFigures> {
  const ctx = await openCore(file);
  try {
    const forum = await must<{ id: string }>(ctx, 'forums:create', {
      title: { en: 'Key messages benchmark', fr: 'Banc d’essai des messages clés' },
      theme: {},
      venue: { en: 'Songyang' },
      startDate: '2026-11-23',
      endDate: '2026-11-27',
      timeZone: 'Asia/Shanghai',
      coOrganisers: [],
      languages: ['en', 'fr'],
      sourceLanguage: 'en',
      outcomeKind: 'key_messages',
    });
    const sessions = Array.from({ length: sessionCount }, (_, i) => ({
      rowId: randomUUID(),
      values: {
        forum_id: forum.id,
        day: `2026-11-2${3 + (i % 5)}`,
        start_time: `${String(8 + (Math.floor(i / 5) % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
        end_time: '23:00',
        kind: 'parallel',
        title: { en: `Session ${i + 1}: territories and livelihoods`, fr: `Session ${i + 1} : territoires et moyens de subsistance` },
        deleted: 0,
      },
    }));
    const messages = sessions.flatMap((s, i) =>
      Array.from({ length: perSession }, (_, k) => ({
        rowId: randomUUID(),
        values: {
          forum_id: forum.id,
          session_id: s.rowId,
          text: {
            en: `Key message ${k + 1} of session ${i + 1}: urban and rural areas form one territory, and planning must follow the flows of people, goods and services between them.`,
            fr: `Message clé ${k + 1} de la session ${i + 1} : villes et campagnes forment un seul territoire, et la planification doit suivre les flux entre elles.`,
          },
          position: `a${k + 1}`,
          status: 'validated',
          deleted: 0,
        },
      })),
    );
    const seedMs = await time(() => {
      writeRows(ctx, 'sessions', sessions);
      writeRows(ctx, 'key_messages', messages);
    });
    let first: KeyMessagesGeneration | undefined;
    const firstMs = await time(async () => {
      first = await must<KeyMessagesGeneration>(ctx, 'documents:generateKeyMessages', { forumId: forum.id });
    });
    const unchangedMs = await time(() => must(ctx, 'documents:generateKeyMessages', { forumId: forum.id }));
    const changed = messages.filter((_, i) => i % 10 === 0);
    for (const [n, m] of changed.entries()) {
      if (n % 2 === 0) {
        const paragraph = ctx.db.prepare('SELECT paragraph_id FROM generated_paragraphs WHERE key_message_id = ?').pluck().get(m.rowId) as string;
        await must(ctx, 'paragraphs:update', { id: paragraph, text: { en: `Edited by the drafters (${n}).` } });
      }
      await must(ctx, 'keyMessages:update', { id: m.rowId, text: { en: `Revised key message ${n}.` } });
    }
    let refresh: KeyMessagesGeneration | undefined;
    const refreshMs = await time(async () => {
      refresh = await must<KeyMessagesGeneration>(ctx, 'documents:generateKeyMessages', { forumId: forum.id });
    });
    let flags: unknown[] = [];
    const flagsMs = await time(async () => {
      flags = await must<unknown[]>(ctx, 'documents:generatedFlags', { documentId: refresh?.documentId ?? '' });
    });
    if (!first || !refresh || first.added !== sessionCount * (perSession + 1)) throw new Error('the generated document is incomplete');
    return { sessions: sessionCount, keyMessages: messages.length, languages: 2, seedMs, firstMs, unchangedMs, refreshMs, refresh, flagsMs, flags: flags.length };
  } finally {
    closeCore(ctx);
  }
}
