import { describe, expect, it } from 'vitest';
import { grantRowId, grantableRoles, type RoleName } from '../../../shared/roles';
import type { CoreContext } from '../../../main/core/coreContext';
import { invoke } from '../../../main/core/commands/invoke';
import { authorityOf } from '../../../main/core/roles/authorityOf';
import { projectedSession } from '../../../main/core/roles/authoriseWrite';
import { isAuthorityChange } from '../../../main/core/roles/forumAuthority';
import { writeRow } from '../../../main/core/store/changeLog';
import { createForum } from '../../../main/core/store/forums';
import { exportBundle } from '../../../main/core/sync/exportBundle';
import { fingerprintOf, publicDeviceIdentity } from '../../../main/core/sync/deviceIdentity';
import { forumInput } from '../../../shared/forum';
import { craftBundle, hlcAt } from '../helpers/craftBundle';
import { importBytes } from '../helpers/exchange';
import { seededRandom } from '../helpers/mutations';
import { tempCore, validForum } from '../helpers/tempCore';
import { forumTables } from '../sync/forumTables';

type Rng = ReturnType<typeof seededRandom>;

const fingerprint = (ctx: CoreContext) => fingerprintOf(publicDeviceIdentity(ctx).publicKey);

async function send(from: CoreContext, to: CoreContext, forumId: string, saved: Uint8Array[]): Promise<void> {
  const bytes = exportBundle(from, { forumId }).bytes;
  saved.push(bytes);
  await importBytes(to, bytes);
}

/** A write a laptop's user might try; its own laptop refuses what its role does not allow. */
function tryEdit(laptop: CoreContext, forumId: string, rng: Rng, serial: number): void {
  const ids = (table: string) => laptop.db.prepare(`SELECT id FROM ${table} WHERE forum_id = ? AND deleted = 0`).pluck().all(forumId) as string[];
  const sessions = ids('sessions');
  const paragraphs = ids('outcome_paragraphs');
  const tag = `${laptop.deviceId.slice(0, 4)}-${serial}`;
  try {
    switch (rng.int(6)) {
      case 0:
        if (sessions.length) writeRow(laptop, 'notes', `n-${tag}`, { forum_id: forumId, session_id: rng.pick(sessions), lang: 'en', text: `Note ${serial}`, deleted: 0 });
        break;
      case 1:
        if (paragraphs.length) writeRow(laptop, 'outcome_paragraphs', rng.pick(paragraphs), { status: rng.pick(['agreed', 'bracketed', 'proposed']) });
        break;
      case 2:
        if (paragraphs.length) writeRow(laptop, 'outcome_paragraphs', rng.pick(paragraphs), { text: { en: `Text ${serial}` } });
        break;
      case 3:
        if (sessions.length) writeRow(laptop, 'sessions', rng.pick(sessions), { title: { en: `Session ${serial}` } });
        break;
      case 4:
        writeRow(laptop, 'outcome_paragraphs', `p-${tag}`, { forum_id: forumId, document_id: forumId, kind: 'operative', text: { en: `New ${serial}` }, position: `b${rng.int(1000)}`, status: 'draft', deleted: 0 });
        break;
      default:
        writeRow(laptop, 'participants', `u-${tag}`, { forum_id: forumId, name: `Person ${serial}`, roles: ['participant'], deleted: 0 });
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'role_required') throw error;
  }
}

/** Every change in the log of the forum is one the final authority allows. */
function forbiddenApplied(ctx: CoreContext, forumId: string): string[] {
  const authority = authorityOf(ctx.db, ctx.deviceId, forumId);
  const rows = ctx.db.prepare('SELECT device, hlc, tbl, row_id AS rowId, cells FROM changes WHERE forum_id = ?').all(forumId) as Array<{ device: string; hlc: string; tbl: string; rowId: string; cells: string }>;
  const invalid = new Set([...authority.invalid].map((c) => `${c.device}|${c.hlc}`));
  return rows
    .map((row) => ({ ...row, cells: JSON.parse(row.cells) as Record<string, unknown> }))
    .filter((change) =>
      isAuthorityChange(change) ? invalid.has(`${change.device}|${change.hlc}`) : authority.check(change, () => projectedSession(ctx.db, change.tbl, change.rowId, change.cells)) !== undefined,
    )
    .map((c) => `${c.tbl}/${c.rowId} by ${c.device.slice(0, 4)}`);
}

const heldKeys = (ctx: CoreContext, forumId: string) =>
  ctx.db.prepare("SELECT device || '|' || hlc FROM held_changes WHERE forum_id = ? AND reason = 'role' ORDER BY 1").pluck().all(forumId);

async function run(seed: number): Promise<void> {
  const rng = seededRandom(seed);
  const owner = await tempCore();
  const forum = createForum(owner, forumInput.parse(validForum));
  const forumId = forum.id;
  for (let i = 0; i < 3; i++) writeRow(owner, 'sessions', `s-${i}`, { forum_id: forumId, title: { en: `Session ${i}` }, kind: 'parallel', day: '2026-03-02', deleted: 0 });
  writeRow(owner, 'outcome_documents', forumId, { forum_id: forumId, kind: 'consensus', title: { en: 'Outcome' }, deleted: 0 });
  for (let i = 0; i < 3; i++) writeRow(owner, 'outcome_paragraphs', `p-${i}`, { forum_id: forumId, document_id: forumId, kind: 'operative', text: { en: `Paragraph ${i}` }, position: `a${i}`, status: 'draft', deleted: 0 });
  const honest = [owner];
  const count = 3 + rng.int(4);
  for (let i = 1; i < count; i++) honest.push(await tempCore());
  const forger = await tempCore();
  const saved: Uint8Array[] = [];
  for (const laptop of [...honest.slice(1), forger]) {
    await send(owner, laptop, forumId, saved);
    await send(laptop, owner, forumId, saved);
  }
  for (const laptop of honest.slice(1)) await send(owner, laptop, forumId, saved);

  for (let step = 0; step < 40; step++) {
    const roll = rng.int(10);
    if (roll < 2) {
      // The owner, or a laptop that believes it is secretariat, grants or revokes.
      const granter = rng.int(3) === 0 ? rng.pick(honest) : owner;
      const target = rng.pick([...honest, forger]);
      const role = rng.pick(grantableRoles) as RoleName;
      const input = { forumId, fingerprint: fingerprint(target), role };
      await invoke(granter, rng.int(3) === 0 ? 'roles:revoke' : 'roles:grant', input).catch((error: { code?: string }) => {
        if (!['role_required', 'invalid_input', 'not_found'].includes(error.code ?? '')) throw error;
      });
    } else if (roll < 6) {
      tryEdit(rng.pick(honest), forumId, rng, step);
    } else if (roll < 7) {
      // The forger signs what no role of its allows: a paragraph agreed, and a grant to itself.
      const paragraph = `p-${rng.int(3)}`;
      const lines: Parameters<typeof craftBundle>[2] = [
        [forger.deviceId, hlcAt(step), 'outcome_paragraphs', paragraph, { status: 'agreed' }],
        [forger.deviceId, hlcAt(step, 1), 'role_grants', grantRowId(forumId, forger.deviceId, 'secretariat'), { forum_id: forumId, device_id: forger.deviceId, fingerprint: fingerprint(forger), role: 'secretariat', sessions: [], active: 1, deleted: 0 }],
      ];
      const bytes = craftBundle(forger, forumId, lines);
      saved.push(bytes);
      await importBytes(rng.pick(honest), bytes);
    } else if (roll < 9) {
      const from = rng.pick(honest);
      const to = rng.pick(honest);
      if (from !== to) await send(from, to, forumId, saved);
    } else if (saved.length) {
      await importBytes(rng.pick(honest), rng.pick(saved)); // an old bundle, replayed
    }
  }
  // Everyone meets everyone through the owner, twice.
  for (let round = 0; round < 2; round++) {
    for (const laptop of honest.slice(1)) await send(laptop, owner, forumId, saved);
    for (const laptop of honest.slice(1)) await send(owner, laptop, forumId, saved);
  }

  const expected = forumTables(owner);
  const expectedHeld = heldKeys(owner, forumId);
  for (const laptop of honest) {
    expect(forbiddenApplied(laptop, forumId), `seed ${seed}: forbidden changes applied`).toEqual([]);
    expect(forumTables(laptop), `seed ${seed}: the forum`).toEqual(expected);
    expect(heldKeys(laptop, forumId), `seed ${seed}: the quarantine`).toEqual(expectedHeld);
  }
}

describe('roles across 3 to 8 laptops (property)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`every honest laptop ends with the same forum and the same quarantine, nothing forbidden applied (seed ${seed})`, { timeout: 120_000 }, async () => {
      await run(seed);
    });
  }
});
