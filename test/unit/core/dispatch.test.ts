import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/core/commands/dispatch';
import { handlers } from '../../../main/core/commands/handlers';
import { commandNames } from '../../../shared/commandNames';
import { contract } from '../../../shared/ipc';
import { snapshot, tempCore, validForum } from '../helpers/tempCore';

describe('dispatch', () => {
  it('has a handler, and a preload channel, for every command in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    expect([...commandNames].sort()).toEqual(Object.keys(contract).sort());
  });

  it('runs a valid command and wraps its value', async () => {
    const ctx = await tempCore();
    const created = await dispatch(ctx, 'cli', 'forums:create', validForum);
    expect(created.ok).toBe(true);
    const listed = await dispatch(ctx, 'cli', 'forums:list', {});
    expect(listed).toMatchObject({ ok: true, value: [{ title: validForum.title }] });
  });

  it.each([
    ['a wrong type', 'forums:create', { ...validForum, startDate: 20260302 }],
    ['an end date before the start date', 'forums:create', { ...validForum, endDate: '2026-03-01' }],
    ['a source language that is not a working language', 'forums:create', { ...validForum, sourceLanguage: 'fr' }],
    ['no title in the source language', 'forums:create', { ...validForum, title: { es: 'Taller' } }],
    ['an unknown time zone', 'forums:create', { ...validForum, timeZone: 'Mars/Olympus' }],
    ['an extra field on a strict input', 'settings:set', { language: 'fr', admin: true }],
    ['a language outside the six', 'settings:set', { language: 'xx' }],
    ['a non-object payload', 'forums:update', 'DROP TABLE forums'],
    ['an id with SQL in it', 'forums:get', { id: "x' OR 1=1 --" }],
    ['an array payload', 'forums:create', [validForum]],
    ['a day that is not in the calendar', 'forums:create', { ...validForum, startDate: '2026-02-30', endDate: '2026-03-04' }],
    ['an unknown field on a forum', 'forums:create', { ...validForum, isDemo: true }],
  ])('refuses %s with invalid_input and changes nothing', async (_label, name, payload) => {
    const ctx = await tempCore();
    await dispatch(ctx, 'cli', 'forums:create', validForum);
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'http', name, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('points the date-range error at the end date with a translatable key', async () => {
    const ctx = await tempCore();
    const result = await dispatch(ctx, 'http', 'forums:create', { ...validForum, endDate: '2026-03-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([{ path: 'endDate', message: 'validation.endBeforeStart' }]);
  });

  it('refuses unknown commands, and reports missing rows as not_found', async () => {
    const ctx = await tempCore();
    expect(await dispatch(ctx, 'http', 'forums:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await dispatch(ctx, 'http', '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await dispatch(ctx, 'http', 'forums:get', { id: 'missing-forum-id' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps the interface language per device', async () => {
    const ctx = await tempCore();
    expect(await dispatch(ctx, 'http', 'settings:get', {})).toEqual({ ok: true, value: { language: null } });
    await dispatch(ctx, 'http', 'settings:set', { language: 'ar' });
    expect(await dispatch(ctx, 'http', 'settings:get', {})).toEqual({ ok: true, value: { language: 'ar' } });
    expect(ctx.db.prepare("SELECT count(*) FROM changes WHERE tbl = 'settings'").pluck().get()).toBe(1);
  });
});

describe('sync over the contract', () => {
  it('exports a bundle as base64 that another laptop previews, then imports once trusted', async () => {
    const a = await tempCore();
    const b = await tempCore();
    const demo = await dispatch(a, 'http', 'demo:create', {});
    if (!demo.ok) throw new Error(demo.error.message);
    const forumId = (demo.value as { id: string }).id;
    const exported = await dispatch(a, 'http', 'bundle:export', { forumId });
    if (!exported.ok) throw new Error(exported.error.message);
    const { data, fileName } = exported.value as { data: string; fileName: string };
    expect(fileName).toMatch(/^Forum-on-Urban-Rural-Linkages-.+\.plenary$/);
    const preview = await dispatch(b, 'http', 'bundle:preview', { data });
    expect(preview).toMatchObject({ ok: true, value: { forum: { isNew: true }, device: { status: 'unknown' } } });
    const before = snapshot(b);
    expect(await dispatch(b, 'http', 'bundle:import', { data, trustNewDevice: false })).toMatchObject({
      ok: false,
      error: { code: 'bundle_rejected' },
    });
    expect(snapshot(b)).toBe(before);
    expect(await dispatch(b, 'http', 'bundle:progress', { importId: 'import-0001' })).toEqual({ ok: true, value: null });
    expect(await dispatch(b, 'http', 'bundle:import', { data, trustNewDevice: true, importId: 'import-0001' })).toMatchObject({ ok: true });
    expect(await dispatch(b, 'http', 'bundle:progress', { importId: 'import-0001' })).toMatchObject({
      ok: true,
      value: { phase: 'done', done: 614, total: 614 },
    });
    expect(await dispatch(b, 'http', 'bundle:progress', { importId: '../../etc' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The id a preview reports its progress under is held to the same form.
    const beforePreview = snapshot(b);
    expect(await dispatch(b, 'http', 'bundles:preview', { files: [{ name: 'a.plenary', data }], importId: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(snapshot(b)).toBe(beforePreview);
    expect(await dispatch(b, 'http', 'devices:peers', { forumId })).toMatchObject({
      ok: true,
      value: [{ deviceId: a.deviceId }],
    });
  });

  it.each([
    ['not base64', { data: 'not base64!' }],
    ['base64 of something that is not a bundle', { data: Buffer.from('hello').toString('base64') }],
    ['no data', {}],
  ])('refuses a preview of %s and changes nothing', async (_label, payload) => {
    const ctx = await tempCore();
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'http', 'bundle:preview', payload);
    expect(result.ok).toBe(false);
    expect(snapshot(ctx)).toBe(before);
  });

  it('renames this laptop, refusing an empty name', async () => {
    const ctx = await tempCore();
    expect(await dispatch(ctx, 'http', 'device:rename', { name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await dispatch(ctx, 'http', 'device:rename', { name: 'Rapporteur B, room 2' })).toMatchObject({
      ok: true,
      value: { name: 'Rapporteur B, room 2', fingerprint: expect.stringMatching(/^[A-Z2-9]{4}-/) },
    });
  });
});
