import { describe, expect, it } from 'vitest';
import { invoke } from '../../../main/core/commands/invoke';
import type { CoreContext } from '../../../main/core/coreContext';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { createBundleSession, type SessionApi } from '../../../renderer/src/components/sync/createBundleSession';
import { tempCore, validForum } from '../helpers/tempCore';
import { coreTransport } from './coreTransport';

/** The session's commands, reaching the real core as the browser's transport does. */
function sessionApi(ctx: CoreContext) {
  const transport = coreTransport(ctx);
  const api: SessionApi = {
    'bundles:preview': (input) => transport.call('bundles:preview', input),
    'bundles:import': (input) => transport.call('bundles:import', input),
    'bundle:progress': (input) => transport.call('bundle:progress', input),
  };
  return { api, transport };
}

/** A laptop with a forum of its own, and its bundle as a file chosen in the page. */
async function laptopWithForum(title: string) {
  const ctx = await tempCore();
  const forum = await invoke(ctx, 'forums:create', { ...validForum, title: { en: title } });
  const bytes = exportBundle(ctx, { forumId: forum.id }).bytes;
  return { ctx, forum, file: (name: string) => new File([Uint8Array.from(bytes)], name) };
}

describe('an import session, kept outside any screen', () => {
  it('previews every chosen file at once, imports them in one session, and says what became of each', async () => {
    const here = await tempCore();
    const a = await laptopWithForum('Workshop on Rural Heritage');
    const c = await laptopWithForum('Expert group on small towns');
    const { api, transport } = sessionApi(here);
    const session = createBundleSession(api, 5);
    const changed: string[] = [];
    session.onImported((ids) => changed.push(...ids));

    // A stick: two laptops' bundles and a copy of one; then a damaged file added to them.
    await session.choose([a.file('a.plenary'), c.file('c.plenary'), a.file('a (copy).plenary')]);
    expect(session.get().step).toBe('preview');
    expect(session.get().duplicates).toEqual([{ name: 'a (copy).plenary', sameAs: 'a.plenary' }]);
    await session.choose([new File(['not a bundle'], 'junk.plenary')]);
    const previewed = session.get();
    expect(previewed.previews.map((p) => [p.name, p.status])).toEqual([
      ['a.plenary', 'ready'],
      ['c.plenary', 'ready'],
      ['junk.plenary', 'refused'],
    ]);
    // One preview per choice, of everything chosen so far; the copy is never sent.
    expect(transport.sent('bundles:preview').map((input) => input.files.map((f) => f.name))).toEqual([
      ['a.plenary', 'c.plenary'],
      ['a.plenary', 'c.plenary', 'junk.plenary'],
    ]);

    session.setTrusted(a.ctx.deviceId, true);
    const running = session.start();
    expect(session.get()).toMatchObject({ step: 'importing', progress: { bundle: 1, bundles: 3 } });
    await running;

    const done = session.get();
    expect(done.step).toBe('done');
    expect(done.progress).toMatchObject({ phase: 'done', bundle: 3, bundles: 3 });
    expect(done.results?.map((r) => [r.name, r.status === 'imported' ? 'imported' : r.reason])).toEqual([
      ['a.plenary', 'imported'],
      ['c.plenary', 'untrusted'],
      ['junk.plenary', 'bundle_rejected'],
      ['a (copy).plenary', 'duplicate'],
    ]);
    expect(transport.sent('bundles:import')).toMatchObject([{ trust: [a.ctx.deviceId] }]);
    // The screens showing the forum it changed are told, and only that forum came in.
    expect(changed).toEqual([a.forum.id]);
    expect((await invoke(here, 'forums:list', {})).map((f) => f.id)).toEqual([a.forum.id]);
  });

  it('keeps a running import when asked to forget it, and starts afresh once it is through', async () => {
    const here = await tempCore();
    const a = await laptopWithForum('Workshop on Rural Heritage');
    const { api, transport } = sessionApi(here);
    const session = createBundleSession(api, 5);
    await session.choose([a.file('a.plenary')]);
    session.setTrusted(a.ctx.deviceId, true);
    transport.state.hold = true;
    const running = session.start();
    session.clear();
    expect(session.get().step).toBe('importing');
    transport.state.hold = false;
    while (transport.held() > 0) transport.release();
    await running;
    expect(session.get().step).toBe('done');
    session.clear();
    expect(session.get()).toMatchObject({ step: 'empty', previews: [], trust: [] });
  });
});
