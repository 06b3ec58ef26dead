import path from 'node:path';
import { closeCore, openCore, type CoreContext } from '../../main/core/coreContext';
import { writeRow } from '../../main/core/store/changeLog';
import { writeRows } from '../../main/core/store/writeRows';
import { fingerprintOf, publicDeviceIdentity } from '../../main/core/sync/deviceIdentity';
import { must, time } from './measure';

export interface RoleFigures {
  changes: number;
  /** Importing a rapporteur's bundle of notes into a fresh laptop, medians of `repeats` runs. */
  importOffMs: number;
  importOnMs: number;
  writes: number;
  /** One local write in its own transaction, roles off and on (this laptop a rapporteur). */
  writeOffMs: number;
  writeOnMs: number;
  repeats: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function bundleOf(ctx: CoreContext, forumId: string): Promise<string> {
  return (await must<{ data: string }>(ctx, 'bundle:export', { forumId })).data;
}

/**
 * What checking roles costs: the same 10,000 notes by a rapporteur imported into a fresh laptop
 * from a forum whose roles are off and from one where the rapporteur holds its role (every change
 * checked against the grants at its clock), and single local writes in each.
 */
export async function benchRoles(dir: string, notes = 10_000, writes = 500, repeats = 3): Promise<RoleFigures> {
  const owner = await openCore(path.join(dir, 'roles-owner.sqlite'));
  const rapporteur = await openCore(path.join(dir, 'roles-rapporteur.sqlite'));
  try {
    const forum = (on: boolean) =>
      must<{ id: string }>(owner, 'forums:create', {
        title: { en: on ? 'Roles on' : 'Roles off' },
        theme: {},
        venue: { en: 'Songyang' },
        startDate: '2026-11-23',
        endDate: '2026-11-24',
        timeZone: 'Asia/Shanghai',
        coOrganisers: [],
        languages: ['en'],
        sourceLanguage: 'en',
        outcomeKind: 'consensus',
      });
    const off = await forum(false);
    const on = await forum(true);
    const sessionIds: Record<string, string> = {};
    for (const f of [off, on]) {
      const session = await must<{ id: string }>(owner, 'sessions:create', { forumId: f.id, session: { day: '2026-11-23', startTime: '09:00', endTime: '10:00', kind: 'plenary', title: { en: 'Opening' }, description: {}, room: {}, roles: [] } });
      sessionIds[f.id] = session.id;
      await must(rapporteur, 'bundle:import', { data: await bundleOf(owner, f.id), trustNewDevice: true });
      await must(owner, 'bundle:import', { data: await bundleOf(rapporteur, f.id), trustNewDevice: true });
    }
    await must(owner, 'roles:grant', { forumId: on.id, fingerprint: fingerprintOf(publicDeviceIdentity(rapporteur).publicKey), role: 'rapporteur' });
    await must(rapporteur, 'bundle:import', { data: await bundleOf(owner, on.id), trustNewDevice: true });

    const importMs: Record<string, number[]> = { [off.id]: [], [on.id]: [] };
    const writeMs: Record<string, number[]> = {};
    const bundles: Record<string, string> = {};
    for (const f of [off, on]) {
      const rows = Array.from({ length: notes }, (_, i) => ({
        rowId: `${f.id.slice(0, 8)}-note-${i}`,
        values: { forum_id: f.id, session_id: sessionIds[f.id], lang: 'en', text: `Note ${i}: water, land and the market town`, created_at: '2026-11-23T09:30:00Z', deleted: 0 },
      }));
      writeRows(rapporteur, 'notes', rows);
      bundles[f.id] = await bundleOf(rapporteur, f.id);
    }
    // Off and on in turn, so the machine's load moves both alike; the first round warms up.
    for (let r = 0; r <= repeats; r++) {
      for (const f of [off, on]) {
        const fresh = await openCore(path.join(dir, `roles-fresh-${f.id.slice(0, 8)}-${r}.sqlite`));
        try {
          const ms = await time(() => must(fresh, 'bundle:import', { data: bundles[f.id], trustNewDevice: true }));
          if (r > 0) importMs[f.id]?.push(ms);
        } finally {
          closeCore(fresh);
        }
        const prefix = f.id.slice(0, 8);
        const ms = await time(() => {
          for (let i = 0; i < writes; i++) writeRow(rapporteur, 'notes', `${prefix}-note-${i}`, { tags: [`t${r}-${i}`] });
        });
        if (r > 0) (writeMs[f.id] ??= []).push(ms / writes);
      }
    }
    return {
      changes: notes,
      importOffMs: median(importMs[off.id] ?? []),
      importOnMs: median(importMs[on.id] ?? []),
      writes,
      writeOffMs: median(writeMs[off.id] ?? []),
      writeOnMs: median(writeMs[on.id] ?? []),
      repeats,
    };
  } finally {
    closeCore(owner);
    closeCore(rapporteur);
  }
}
