import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { closeCore, openCore, type CoreContext } from '../../../main/core/coreContext';

const cleanups: Array<() => void> = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-test-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real core on a real SQLite file in a temp folder. */
export async function tempCore(options: { wallClock?: () => number } = {}): Promise<CoreContext> {
  const ctx = await openCore(path.join(tempDir(), 'plenary.sqlite'), options);
  cleanups.push(() => closeCore(ctx));
  return ctx;
}

/**
 * Every row of every table, for "nothing changed" assertions. Full-text indexes are left out: they
 * are derived from the tables by triggers, and their internal pages depend on write order.
 */
export function snapshot(ctx: CoreContext): string {
  const virtual = ctx.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  const tables = (
    ctx.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
  return JSON.stringify(tables.map((name) => [name, ctx.db.prepare(`SELECT * FROM ${name} ORDER BY ${orderOf(ctx, name)}`).all()]));
}

export const validForum = {
  title: { en: 'Workshop on Rural Heritage', es: 'Taller sobre patrimonio rural' },
  theme: { en: 'Keeping villages alive' },
  venue: { en: 'Mérida, Yucatán, Mexico' },
  startDate: '2026-03-02',
  endDate: '2026-03-04',
  timeZone: 'America/Merida',
  coOrganisers: ['UN-Habitat', 'State Government of Yucatán'],
  languages: ['en', 'es'],
  sourceLanguage: 'en',
  outcomeKind: 'communique' as const,
};

/** Every column, in order: a stable order for a table's rows whatever its shape. */
function orderOf(ctx: CoreContext, table: string): string {
  const count = (ctx.db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
  return Array.from({ length: count }, (_, i) => i + 1).join(', ');
}
