import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCommands } from '../../../main/core/cli/cliCommands';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { contract, type CommandName } from '../../../shared/ipc';
import { cli } from '../helpers/cli';
import { importBytes } from '../helpers/exchange';
import { tempCore, tempDir } from '../helpers/tempCore';

const day = 86_400_000;
const participantsCsv = path.join(__dirname, '../../fixtures/participants/english.csv');

/** The JSON is exactly what the contract says `name` answers: it parses, and nothing is left over. */
function expectOutputOf(name: CommandName, value: unknown): void {
  const parsed = contract[name].output.safeParse(value);
  if (!parsed.success) throw new Error(`not the output of ${name}: ${JSON.stringify(parsed.error.issues.slice(0, 5), null, 2)}`);
  expect(parsed.data, name).toEqual(value);
}

async function json(...argv: string[]): Promise<unknown> {
  const result = await cli(...argv, '--json');
  expect(result, argv.join(' ')).toMatchObject({ code: 0, err: '' });
  return JSON.parse(result.out);
}

/**
 * The demo forum, with an amendment on its second point and changes held back from a laptop whose
 * clock runs days ahead (imported through the CLI), and that laptop's bundle.
 */
async function demoDatabase() {
  const dir = tempDir();
  const db = path.join(dir, 'plenary.sqlite');
  const demo = await json('demo', '--db', db);
  expectOutputOf('demo:create', demo);
  const ahead = await tempCore({ wallClock: () => Date.now() + 5 * day });
  const ctx = await openCore(db);
  let forumId: string;
  let deviceId: string;
  try {
    const [forum] = await invoke(ctx, 'forums:list', {});
    forumId = forum?.id ?? '';
    deviceId = ctx.deviceId;
    const [, paragraph] = (await invoke(ctx, 'outcome:get', { documentId: forumId })).paragraphs;
    if (!paragraph) throw new Error('the demo document has points');
    await invoke(ctx, 'amendments:propose', { paragraphId: paragraph.id, kind: 'delete', lang: 'en', text: '', proposer: { participantId: null, name: 'Kenya' }, rationale: 'Said already.' });
    await importBytes(ahead, exportBundle(ctx, { forumId }).bytes);
  } finally {
    closeCore(ctx);
  }
  await invoke(ahead, 'participants:create', {
    forumId,
    participant: { name: 'Late Arrival', organisation: 'UN-Habitat', orgType: null, country: 'KE', gender: null, roles: [], email: '', languages: [] },
  });
  const bundle = path.join(dir, 'ahead.plenary');
  fs.writeFileSync(bundle, exportBundle(ahead, { forumId, forPeer: deviceId }).bytes);
  expect((await cli('bundle', 'import', '--db', db, '--trust', bundle)).code).toBe(0);
  return { db, bundle };
}

describe('the CLI’s --json', () => {
  it('prints the contract’s output for each command that has it', { timeout: 60_000 }, async () => {
    const { db, bundle } = await demoDatabase();

    expectOutputOf('forums:list', await json('forums', 'list', '--db', db));
    expectOutputOf('agenda:get', await json('agenda', 'show', '--db', db));
    expectOutputOf('stats:get', await json('stats', '--db', db));
    const agenda = (await json('agenda', 'show', '--db', db)) as { sessions: Array<{ id: string }> };
    expectOutputOf('speakers:list', await json('speakers', 'list', '--db', db, '--session', agenda.sessions[0]?.id ?? ''));
    expectOutputOf('search:query', await json('search', 'rural', '--db', db));
    expectOutputOf('bundle:preview', await json('bundle', 'inspect', '--db', db, bundle));
    const held = await json('bundle', 'held', '--db', db);
    expect(held).toHaveLength(1);
    expectOutputOf('held:list', held);
    expectOutputOf('outcome:get', await json('outcome', 'show', '--db', db));
    expectOutputOf('roles:list', await json('roles', 'list', '--db', db));
    expectOutputOf('peers:list', await json('peers', 'list', '--db', db));
    expectOutputOf('peers:sync', await json('peers', 'sync', '--db', db));
    expectOutputOf('decisions:get', await json('outcome', 'decide', '--db', db, '--consensus'));
    expectOutputOf('decisions:get', await json('outcome', 'silence', 'status', '--db', db));
    // documents list: the contract's list, each with whether this Plenary knows its kind.
    const documents = (await json('documents', 'list', '--db', db)) as Array<Record<string, unknown>>;
    expectOutputOf('outcome:list', documents.map(({ knownKind: _known, ...rest }) => rest));
    expect(documents.length).toBeGreaterThan(1);
    expect(documents.every((d) => d.knownKind === true)).toBe(true);
    expectOutputOf('outcome:issuances', await json('outcome', 'issuances', '--db', db));

    // The amendments variant is the document with each amended paragraph's amendments beside it.
    const { amendments, ...document } = (await json('outcome', 'show', '--db', db, '--variant', 'amendments')) as { amendments: Record<string, unknown> };
    expectOutputOf('outcome:get', document);
    expect(Object.keys(amendments)).toHaveLength(1);
    for (const list of Object.values(amendments)) expectOutputOf('amendments:list', list);

    // participants import: the preview, and what the import did (or the error that refused it).
    const dry = (await json('participants', 'import', participantsCsv, '--db', db, '--dry-run')) as Record<string, unknown>;
    expect(Object.keys(dry).sort()).toEqual(['imported', 'preview']);
    expectOutputOf('participants:importPreview', dry.preview);
    expect(dry.imported).toBeNull();
    const done = (await json('participants', 'import', participantsCsv, '--db', db)) as Record<string, unknown>;
    expect(Object.keys(done).sort()).toEqual(['error', 'imported', 'preview']);
    expectOutputOf('participants:importPreview', done.preview);
    expectOutputOf('participants:import', done.imported);
    expect(done.error).toBeNull();

    // import xliff: the preview with --dry-run, what the import wrote without.
    const xlf = path.join(path.dirname(db), 'es.xlf');
    expect((await cli('export', 'xliff', '--db', db, '--lang', 'es', '--out', xlf)).code).toBe(0);
    expectOutputOf('xliff:preview', await json('import', 'xliff', xlf, '--db', db, '--dry-run'));
    expectOutputOf('xliff:import', await json('import', 'xliff', xlf, '--db', db));
  });

  it('is covered above for every command that takes it; device show reports the key store, which no contract command does', () => {
    const withJson = cliCommands.filter((c) => c.options.some((o) => o.name === 'json')).map((c) => c.name);
    expect(withJson.sort()).toEqual(['agenda show', 'bundle held', 'bundle import', 'bundle inspect', 'demo', 'device show', 'documents list', 'forums list', 'import xliff', 'outcome decide', 'outcome issuances', 'outcome show', 'outcome silence', 'participants import', 'peers list', 'peers sync', 'roles list', 'search', 'speakers list', 'stats']);
  });
});
