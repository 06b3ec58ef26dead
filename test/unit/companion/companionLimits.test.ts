import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CompanionLimits } from '../../../main/core/companion/companionLimits';
import { migrations } from '../../../main/core/store/migrations';
import { m020Companion } from '../../../main/core/store/migrations/m020_companion';
import { openDatabase } from '../../../main/core/store/openDatabase';
import { tempDir } from '../helpers/tempCore';

describe('the companion’s limits', () => {
  it('gives each client a burst, then a steady rate, and says when to come back', () => {
    let now = 0;
    const limits = new CompanionLimits({ burst: 20, ratePerSecond: 10, now: () => now });
    for (let i = 0; i < 20; i++) expect(limits.admit('10.0.0.5')).toEqual({ ok: true });
    expect(limits.admit('10.0.0.5')).toEqual({ ok: false, reason: 'rate_limited', retryAfterSeconds: 1 });
    // Another phone is not slowed by the first.
    expect(limits.admit('10.0.0.6')).toEqual({ ok: true });
    now += 100; // a tenth of a second: one more request's worth
    expect(limits.admit('10.0.0.5')).toEqual({ ok: true });
    expect(limits.admit('10.0.0.5').ok).toBe(false);
    now += 2000;
    for (let i = 0; i < 20; i++) expect(limits.admit('10.0.0.5').ok).toBe(true);
  });

  it('serves at most N clients over the window; one that falls silent frees its place', () => {
    let now = 0;
    const limits = new CompanionLimits({ maxClients: 3, windowMs: 60_000, now: () => now });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(limits.admit(address).ok).toBe(true);
    expect(limits.admit('10.0.0.4')).toEqual({ ok: false, reason: 'too_many_clients', retryAfterSeconds: 60 });
    now += 30_000;
    expect(limits.admit('10.0.0.1').ok).toBe(true); // still there, still served
    expect(limits.admit('10.0.0.4')).toEqual({ ok: false, reason: 'too_many_clients', retryAfterSeconds: 30 });
    now += 30_001; // 10.0.0.2 and 10.0.0.3 have been silent for the whole window
    expect(limits.admit('10.0.0.4').ok).toBe(true);
    expect(limits.clientCount()).toBe(2);
  });

  it('defaults to 1,000 clients at 10 requests a second with a burst of 20', () => {
    const limits = new CompanionLimits();
    expect([limits.maxClients, limits.ratePerSecond, limits.burst]).toEqual([1000, 10, 20]);
  });
});

describe('m020 (companion)', () => {
  it('upgrades a database of the version before it, keeping its forums', async () => {
    const file = path.join(tempDir(), 'before.sqlite');
    const db = new Database(file);
    const at = migrations.indexOf(m020Companion);
    for (const migration of migrations.slice(0, at)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.prepare(`INSERT INTO forums (id, title) VALUES ('f1', '{"en":"Kept"}')`).run();
    db.close();
    const upgraded = await openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') });
    expect(upgraded.prepare("SELECT title FROM forums WHERE id = 'f1'").pluck().get()).toBe('{"en":"Kept"}');
    for (const table of ['announcements', 'projections', 'companion_links']) expect(upgraded.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    upgraded.close();
  });
});
