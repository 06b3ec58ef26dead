import { randomUUID } from 'node:crypto';
import type { AgendaSession, SessionInput } from '../../../shared/agenda';
import type { CommandName } from '../../../shared/ipc';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { reprojectRows, writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { syncedTables, type SyncedTable } from '../../../main/core/store/syncedTables';
import { tempCore, validForum } from '../helpers/tempCore';

/** Runs a command through dispatch (validation included) and returns its value, or throws its message. */
export async function call<T = unknown>(ctx: CoreContext, name: CommandName, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export const names = ['Ana García', 'Wang Wei', 'Kofi Mensah', 'Olga Smirnova'] as const;

/** A forum working in English (source), Spanish and French, with four people in it. */
export async function agendaForum() {
  const ctx = await tempCore();
  const forum = createForum(ctx, { ...validForum, languages: ['en', 'es', 'fr'], sourceLanguage: 'en' });
  const people = names.map((name) => {
    const id = randomUUID();
    writeRow(ctx, 'participants', id, { forum_id: forum.id, name, deleted: 0 });
    return id;
  });
  return { ctx, forum, people };
}

export function sessionInput(overrides: Partial<SessionInput> = {}): SessionInput {
  return {
    day: '2026-03-02',
    startTime: '09:00',
    endTime: '10:30',
    kind: 'plenary',
    title: { en: 'Opening plenary', es: 'Plenaria de apertura' },
    room: { en: 'Main Hall' },
    description: {},
    roles: [],
    ...overrides,
  };
}

export const createSession = (ctx: CoreContext, forumId: string, session: SessionInput) =>
  call<AgendaSession>(ctx, 'sessions:create', { forumId, session });

/** Empties every synced table and rebuilds it from the change log alone. */
export function rebuildFromLog(ctx: CoreContext): void {
  ctx.db.transaction(() => {
    for (const table of Object.keys(syncedTables) as SyncedTable[]) {
      const ids = ctx.db.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
      ctx.db.prepare(`DELETE FROM ${table}`).run();
      reprojectRows(ctx.db, table, ids);
    }
  })();
}
