import fs from 'node:fs';
import { pickText } from '../../../shared/multilingual';
import { maxBundleBase64, type ImportPreview } from '../../../shared/sync';
import { invoke } from '../commands/invoke';
import type { CoreContext } from '../coreContext';
import type { CliCommand } from './cliCommands';
import { dbOption as db, forumOption, jsonOption as json, privateFileMode } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

/** "adds 134 notes and 3 participants from Rapporteur B (ABCD-EFGH-…)" */
export function describePreview(preview: ImportPreview): string {
  const parts = Object.entries(preview.rows).flatMap(([table, n]) => [
    ...(n.added ? [`${n.added} new ${table.replace(/_/g, ' ')}`] : []),
    ...(n.updated ? [`${n.updated} changed ${table.replace(/_/g, ' ')}`] : []),
  ]);
  const what = parts.length ? parts.join(', ') : 'nothing new';
  const forum = preview.forum.isNew ? `a new forum, “${preview.forum.title}”` : `“${preview.forum.title}”`;
  const signer = `${preview.device.name} (${preview.device.fingerprint}${preview.device.status === 'unknown' ? ', not yet trusted' : ''})`;
  const days = (ms: number) => (ms >= 2 * 86_400_000 ? `${Math.round(ms / 86_400_000)} days` : `${Math.round(ms / 3_600_000)} hours`);
  const skew = preview.skew.changes
    ? `\nWarning: ${preview.skew.changes} changes are stamped up to ${Math.round(preview.skew.maxAheadMs / 60000)} minutes ahead of this computer's clock; check the clocks.`
    : '';
  const held = preview.held.changes
    ? `\nHeld back: ${preview.held.changes} changes come from a laptop whose clock is wrong (up to ${days(preview.held.maxAheadMs)} ahead); they are kept aside unless you add --apply-held.`
    : '';
  const quarantined = preview.quarantined.changes
    ? `\nQuarantined: ${preview.quarantined.changes} changes were made by laptops whose role did not allow them (${preview.quarantined.reasons
        .map((r) => `${r.changes} from ${r.fingerprint || r.device}, needing ${r.needed.join(' or ') || 'a role'}`)
        .join('; ')}); they are kept aside, never applied (see \`plenary bundle held\`).`
    : '';
  const mass = preview.massChanges.length
    ? `\nCareful: ${preview.massChanges
        .map((m) => (m.table === 'forums' ? 'it deletes the forum itself' : `it deletes ${m.deleted} and rewrites ${m.rewritten} of ${m.live} ${m.table.replace(/_/g, ' ')}`))
        .join('; ')}. Importing it needs --confirm-mass-changes.`
    : '';
  return `${what} to ${forum} from ${signer}; ${preview.changes.alreadyHere} of ${preview.changes.total} changes are already here.${skew}${held}${quarantined}${mass}`;
}

/** A bundle file as the contract carries it, refused with a plain message when it cannot be. */
function readAsBase64(file: string): string {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (Math.ceil(size / 3) * 4 > maxBundleBase64) {
      throw new Error(`${file} is ${Math.round(size / 1024 / 1024)} MiB, more than a bundle may be; export it again for one forum or one peer.`);
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return bytes.toString('base64');
}

export const bundleCommands: CliCommand[] = [
  {
    name: 'bundle export',
    summary: 'write a forum’s changes to a .plenary file for other laptops',
    options: [
      db,
      forumOption,
      { name: 'out', type: 'string', description: 'the file to write' },
      { name: 'for', type: 'string', description: 'only what this device id does not have yet' },
    ],
    // Not read-only: the first export creates this laptop's signing key, kept in the database.
    mustExist: true,
    validate(values) {
      if (typeof values.out !== 'string') throw new UsageError('Say where to write the bundle with --out FILE.');
      checkForumOption(values);
    },
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      const bundle = await invoke(ctx, 'bundle:export', { forumId: forum.id, ...(typeof values.for === 'string' ? { forPeer: values.for } : {}) });
      fs.writeFileSync(String(values.out), Buffer.from(bundle.data, 'base64'), { mode: privateFileMode });
      const title = pickText(forum.title, forum.sourceLanguage, forum.sourceLanguage).text;
      out(`Wrote ${bundle.changes} changes of “${title}” to ${String(values.out)} (${bundle.bytes} bytes).`);
      return 0;
    },
  },
  {
    name: 'bundle inspect',
    summary: 'check a .plenary file and say what importing it would do, changing nothing',
    options: [db, json],
    files: { min: 1, label: 'bundle file' },
    readOnly: true,
    async run(ctx: CoreContext, values, out, files) {
      for (const file of files) {
        const preview = await invoke(ctx, 'bundle:preview', { data: readAsBase64(file) });
        out(values.json ? JSON.stringify(preview, null, 2) : `${file}: would add ${describePreview(preview)}`);
      }
      return 0;
    },
  },
  {
    name: 'bundle import',
    summary: 'merge .plenary files (a USB stick full, in any order) into this laptop, in one session with one backup',
    options: [
      db,
      { name: 'trust', type: 'boolean', description: 'trust laptops seen for the first time (compare fingerprints first)' },
      { name: 'confirm-mass-changes', type: 'boolean', description: 'import bundles that delete or rewrite much of a forum (read `bundle inspect` first)' },
      { name: 'apply-held', type: 'boolean', description: 'apply changes from a laptop whose clock runs far ahead instead of keeping them aside' },
      json,
    ],
    files: { min: 1, label: 'bundle file' },
    async run(ctx, values, out, files) {
      let failed = 0;
      // With --json, one line of JSON at the end: per file, what happened and how many changes were quarantined.
      const results: Array<Record<string, unknown>> = [];
      const say = (line: string) => (values.json ? undefined : out(line));
      // As many files per session as one request may carry; usually the whole stick in one.
      let session: Array<{ name: string; data: string }> = [];
      let size = 0;
      const flush = async () => {
        if (session.length === 0) return;
        const { bundles } = await invoke(ctx, 'bundles:import', {
          files: session,
          trust: values.trust === true ? true : [],
          confirmMassChanges: values['confirm-mass-changes'] === true,
          applyHeld: values['apply-held'] === true,
        });
        for (const outcome of bundles) {
          results.push(
            outcome.status === 'imported'
              ? { name: outcome.name, status: 'imported', quarantined: outcome.preview.quarantined.changes, quarantinedReasons: outcome.preview.quarantined.reasons, preview: outcome.preview }
              : { name: outcome.name, status: outcome.status, quarantined: 0, ...('error' in outcome ? { error: outcome.error } : {}) },
          );
          if (outcome.status === 'imported') say(`${outcome.name}: added ${describePreview(outcome.preview)}`);
          // The same file named twice is read once: nothing is missing, so it is no failure.
          else if (outcome.status === 'refused' && outcome.error.code === 'bundle_duplicate') say(`${outcome.name}: skipped. ${outcome.error.message}`);
          else {
            failed += 1;
            say(`${outcome.name}: not imported. ${outcome.status === 'refused' ? outcome.error.message : ''}`);
          }
        }
        session = [];
        size = 0;
      };
      for (const file of files) {
        let data: string;
        try {
          data = readAsBase64(file);
        } catch (error) {
          failed += 1;
          say(`${file}: not imported. ${(error as Error).message}`);
          results.push({ name: file, status: 'refused', quarantined: 0, error: { code: 'file_unreadable', message: (error as Error).message } });
          continue;
        }
        if (size + data.length > maxBundleBase64 / 2) await flush();
        session.push({ name: file, data });
        size += data.length;
      }
      await flush();
      if (values.json) out(JSON.stringify(results, null, 2));
      return failed ? 1 : 0;
    },
  },
  {
    name: 'bundle held',
    summary: 'list changes kept aside (a clock far ahead, or a role that did not allow them); apply or discard them',
    options: [
      db,
      forumOption,
      json,
      { name: 'apply', type: 'string', description: 'apply what this device id sent (see the list)' },
      { name: 'discard', type: 'string', description: 'forget what this device id sent, for good' },
      { name: 'role', type: 'boolean', description: 'with --apply or --discard: the changes held for want of a role (applying makes them again as this laptop’s own)' },
    ],
    validate(values) {
      if (values.apply !== undefined && values.discard !== undefined) throw new UsageError('Say --apply or --discard, not both.');
      checkForumOption(values);
    },
    async run(ctx, values, out) {
      const forum = await resolveForum(ctx, values.forum);
      if (typeof values.apply === 'string') {
        const { applied } = await invoke(ctx, 'held:apply', { forumId: forum.id, deviceId: values.apply, ...(values.role ? { reason: 'role' as const } : {}) });
        out(`Applied ${applied} changes that were held back.`);
        return 0;
      }
      if (typeof values.discard === 'string') {
        const { discarded } = await invoke(ctx, 'held:discard', { forumId: forum.id, deviceId: values.discard, ...(values.role ? { reason: 'role' as const } : {}) });
        out(`Discarded ${discarded} changes that were held back; they were never applied.`);
        return 0;
      }
      const groups = await invoke(ctx, 'held:list', { forumId: forum.id });
      if (values.json) out(JSON.stringify(groups, null, 2));
      else if (groups.length === 0) out('Nothing is held back.');
      else {
        for (const g of groups) {
          const days = Math.round(g.maxAheadMs / 86_400_000);
          if (g.reason === 'role') out(`${g.changes} changes brought by ${g.device.name} (${g.device.id}) that their authors' roles did not allow (they needed ${g.needed.join(' or ') || 'a role'}); received ${g.receivedAt}.`);
          else out(`${g.changes} changes from ${g.device.name} (${g.device.id}), stamped up to ${days} days ahead of this computer's clock; received ${g.receivedAt}.`);
        }
        out('Apply them with --apply DEVICE_ID, or forget them with --discard DEVICE_ID (add --role for those held for want of a role).');
      }
      return 0;
    },
  },
];
