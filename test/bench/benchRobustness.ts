import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { invoke } from '../../main/core/commands/invoke';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { createDemoForum } from '../../main/core/demo/createDemoForum';
import { CoreError } from '../../main/core/errors';
import { exportBundle } from '../../main/core/sync/exportBundle';
import { startServer } from '../e2e/serverFixture';
import { mutations, seededRandom } from '../unit/helpers/mutations';

export interface RobustnessFigures {
  kill: { rounds: number; killedDuringImport: number; acknowledged: number; lost: number; halfImports: number };
  bundles: { mutated: number; accepted: number; refused: number; crashes: number; changedAfterRefusal: number };
  lists: { mutated: number; accepted: number; refused: number; crashes: number; changedAfterRefusal: number };
}

/** Every row of every ordinary table, hashed: what a refusal must leave exactly as it was. */
function contentHash(ctx: CoreContext): string {
  const hash = createHash('sha256');
  const tables = ctx.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables.filter((t) => !tables.some((v) => t !== v && t.startsWith(`${v}_`)))) {
    hash.update(table);
    for (const row of ctx.db.prepare(`SELECT * FROM ${table} ORDER BY ${orderOf(ctx, table)}`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

const post = async (url: URL, token: string, name: string, body: unknown) => {
  const response = await fetch(new URL(`/api/${name}`, url), { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return (await response.json()) as { ok: boolean; value?: unknown };
};

/**
 * Kill -9 in the middle of real work: `plenary serve` imports a day of another laptop's capture
 * while the screens save a note every 10 ms, and is killed at a random moment. On the next open,
 * every save the server answered must be there, and the import must be all there or not at all.
 */
async function killRounds(dir: string, rounds: number, random: ReturnType<typeof seededRandom>): Promise<RobustnessFigures['kill']> {
  const figures = { rounds, killedDuringImport: 0, acknowledged: 0, lost: 0, halfImports: 0 };
  const other = await openCore(path.join(dir, 'robust-other.sqlite'));
  const theirs = createDemoForum(other);
  const theirSession = other.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(theirs.id) as string;
  for (let i = 0; i < 3000; i++) await invoke(other, 'notes:create', { sessionId: theirSession, lang: 'en', text: `Their note ${i}` });
  const bundle = Buffer.from(exportBundle(other, { forumId: theirs.id }).bytes).toString('base64');
  const theirNotes = other.db.prepare('SELECT count(*) FROM notes WHERE forum_id = ?').pluck().get(theirs.id) as number;
  closeCore(other);

  const template = path.join(dir, 'robust-template.sqlite');
  const ours = await openCore(template);
  const forum = createDemoForum(ours);
  const session = ours.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(forum.id) as string;
  ours.db.pragma('wal_checkpoint(TRUNCATE)');
  closeCore(ours);

  for (let round = 0; round < rounds; round++) {
    const db = path.join(dir, `robust-${round}.sqlite`);
    for (const suffix of ['', '.key']) if (fs.existsSync(`${template}${suffix}`)) fs.copyFileSync(`${template}${suffix}`, `${db}${suffix}`);
    const server = await startServer(db);
    const url = new URL(server.url);
    const token = url.hash.replace('#token=', '');
    const acknowledged: string[] = [];
    let alive = true;
    const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
    void exited.then(() => (alive = false));
    let importDone = false;
    void post(url, token, 'bundle:import', { data: bundle, trustNewDevice: true }).then(
      () => (importDone = true),
      () => undefined,
    );
    const typing = (async () => {
      for (let i = 0; alive; i++) {
        const id = randomUUID();
        const answer = await post(url, token, 'notes:create', { id, sessionId: session, lang: 'en', text: `Round ${round}, note ${i}` }).catch(() => undefined);
        if (answer?.ok) acknowledged.push(id);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 100 + random.int(2500)));
    if (!importDone) figures.killedDuringImport += 1;
    server.process.kill('SIGKILL');
    await exited;
    await typing;

    const reopened = await openCore(db);
    try {
      const here = new Set(reopened.db.prepare('SELECT id FROM notes WHERE session_id = ?').pluck().all(session) as string[]);
      figures.acknowledged += acknowledged.length;
      figures.lost += acknowledged.filter((id) => !here.has(id)).length;
      const imported = reopened.db.prepare('SELECT count(*) FROM notes WHERE forum_id = ?').pluck().get(theirs.id) as number;
      if (imported !== 0 && imported !== theirNotes) figures.halfImports += 1;
    } finally {
      closeCore(reopened);
    }
    for (const suffix of ['', '-wal', '-shm', '.key']) fs.rmSync(`${db}${suffix}`, { force: true });
  }
  return figures;
}

/**
 * Mutated files through the commands the app uses: each must be taken (as the file it still is)
 * or refused with a CoreError the UI can word, and a refusal must leave every table as it was.
 */
async function mutatedInputs(
  ctx: CoreContext,
  original: Uint8Array,
  count: number,
  random: ReturnType<typeof seededRandom>,
  send: (bytes: Uint8Array) => Promise<unknown>,
): Promise<RobustnessFigures['bundles']> {
  const figures = { mutated: count, accepted: 0, refused: 0, crashes: 0, changedAfterRefusal: 0 };
  for (let run = 0; run < count; run++) {
    const [, mutate] = mutations[run % mutations.length] ?? mutations[0]!;
    const bytes = mutate(original, random);
    const before = contentHash(ctx);
    try {
      await send(bytes);
      figures.accepted += 1;
    } catch (error) {
      if (!(error instanceof CoreError) || error.code === 'internal') figures.crashes += 1;
      else figures.refused += 1;
      if (contentHash(ctx) !== before) figures.changedAfterRefusal += 1;
    }
  }
  return figures;
}

export async function benchRobustness(dir: string, options: { killRounds: number; bundles: number; lists: number }): Promise<RobustnessFigures> {
  const random = seededRandom(20261206);
  const kill = await killRounds(dir, options.killRounds, random);

  const a = await openCore(path.join(dir, 'fuzz-a.sqlite'));
  const b = await openCore(path.join(dir, 'fuzz-b.sqlite'));
  try {
    const forum = createDemoForum(a);
    await invoke(b, 'bundle:import', { data: Buffer.from(exportBundle(a, { forumId: forum.id }).bytes).toString('base64'), trustNewDevice: true });
    await invoke(a, 'bundle:import', { data: Buffer.from(exportBundle(b, { forumId: forum.id }).bytes).toString('base64'), trustNewDevice: true });
    const session = a.db.prepare('SELECT id FROM sessions WHERE forum_id = ? LIMIT 1').pluck().get(forum.id) as string;
    for (let i = 0; i < 20; i++) await invoke(a, 'notes:create', { sessionId: session, lang: 'en', text: `A delta note ${i}` });
    const delta = exportBundle(a, { forumId: forum.id, forPeer: b.deviceId }).bytes;
    const bundles = await mutatedInputs(b, delta, options.bundles, random, (bytes) =>
      invoke(b, 'bundle:import', { data: Buffer.from(bytes).toString('base64'), trustNewDevice: true, confirmMassChanges: true }),
    );
    // Half CSV, half a real workbook (the demo's list as the app exports it).
    const csv = Buffer.from('Name,Organisation,Country,E-mail\nAna Lima,UN-Habitat,Brazil,ana@example.org\nWang Fang,Zhejiang University,CN,wang@example.cn\n', 'utf8');
    const xlsx = Buffer.from((await invoke(a, 'participants:export', { forumId: forum.id, format: 'xlsx' })).data, 'base64');
    const importList = (fileName: string) => (bytes: Uint8Array) =>
      invoke(b, 'participants:import', { forumId: forum.id, file: { fileName, data: Buffer.from(bytes).toString('base64') }, duplicates: 'skip' });
    const fromCsv = await mutatedInputs(b, csv, Math.ceil(options.lists / 2), random, importList('people.csv'));
    const fromXlsx = await mutatedInputs(b, xlsx, Math.floor(options.lists / 2), random, importList('people.xlsx'));
    const lists = {
      mutated: fromCsv.mutated + fromXlsx.mutated,
      accepted: fromCsv.accepted + fromXlsx.accepted,
      refused: fromCsv.refused + fromXlsx.refused,
      crashes: fromCsv.crashes + fromXlsx.crashes,
      changedAfterRefusal: fromCsv.changedAfterRefusal + fromXlsx.changedAfterRefusal,
    };
    return { kill, bundles, lists };
  } finally {
    closeCore(a);
    closeCore(b);
  }
}

/** Every column, in order: a stable order for a table's rows whatever its shape. */
function orderOf(ctx: CoreContext, table: string): string {
  const count = (ctx.db.prepare(`SELECT count(*) FROM pragma_table_info(?)`).pluck().get(table) as number) || 1;
  return Array.from({ length: count }, (_, i) => i + 1).join(', ');
}
