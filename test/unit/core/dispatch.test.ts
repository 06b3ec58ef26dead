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
    const created = dispatch(ctx, 'cli', 'forums:create', validForum);
    expect(created.ok).toBe(true);
    const listed = dispatch(ctx, 'cli', 'forums:list', {});
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
    dispatch(ctx, 'cli', 'forums:create', validForum);
    const before = snapshot(ctx);
    const result = dispatch(ctx, 'http', name, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(snapshot(ctx)).toBe(before);
  });

  it('points the date-range error at the end date with a translatable key', async () => {
    const ctx = await tempCore();
    const result = dispatch(ctx, 'http', 'forums:create', { ...validForum, endDate: '2026-03-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toEqual([{ path: 'endDate', message: 'validation.endBeforeStart' }]);
  });

  it('refuses unknown commands, and reports missing rows as not_found', async () => {
    const ctx = await tempCore();
    expect(dispatch(ctx, 'http', 'forums:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(dispatch(ctx, 'http', '__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(dispatch(ctx, 'http', 'forums:get', { id: 'missing-forum-id' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps the interface language per device', async () => {
    const ctx = await tempCore();
    expect(dispatch(ctx, 'http', 'settings:get', {})).toEqual({ ok: true, value: { language: null } });
    dispatch(ctx, 'http', 'settings:set', { language: 'ar' });
    expect(dispatch(ctx, 'http', 'settings:get', {})).toEqual({ ok: true, value: { language: 'ar' } });
    expect(ctx.db.prepare("SELECT count(*) FROM changes WHERE tbl = 'settings'").pluck().get()).toBe(1);
  });
});
