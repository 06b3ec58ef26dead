import fs from 'node:fs';
import type { CoreContext } from '../coreContext';
import { exportBundle } from '../sync/exportBundle';
import { importBundle, previewImport, type ImportPreview } from '../sync/importBundle';
import { readBundle } from '../sync/readBundle';
import type { CliCommand } from './cliCommands';
import { dbOption as db, forumOption, jsonOption as json, privateFileMode } from './cliOptions';
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
  const skew = preview.skew.changes
    ? `\nWarning: ${preview.skew.changes} changes are stamped up to ${Math.round(preview.skew.maxAheadMs / 60000)} minutes ahead of this computer's clock; check the clocks.`
    : '';
  return `${what} to ${forum} from ${signer}; ${preview.changes.alreadyHere} of ${preview.changes.total} changes are already here.${skew}`;
}

function read(file: string) {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
  return readBundle(bytes);
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
    },
    async run(ctx, values, out) {
      let forumId = values.forum;
      if (typeof forumId !== 'string') {
        const ids = ctx.db.prepare('SELECT id FROM forums WHERE deleted = 0').pluck().all() as string[];
        if (ids.length !== 1) {
          throw new UsageError(`This database holds ${ids.length} forums: say which with --forum ID (see \`plenary forums list\`).`);
        }
        forumId = ids[0] ?? '';
      }
      const bundle = exportBundle(ctx, {
        forumId,
        ...(typeof values.for === 'string' ? { forPeer: values.for } : {}),
      });
      fs.writeFileSync(String(values.out), bundle.bytes, { mode: privateFileMode });
      const total = Object.values(bundle.manifest.counts).reduce((a, b) => a + b, 0);
      out(`Wrote ${total} changes of “${bundle.manifest.forum.title}” to ${String(values.out)} (${bundle.bytes.length} bytes).`);
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
        const preview = previewImport(ctx, read(file));
        out(values.json ? JSON.stringify(preview, null, 2) : `${file}: would add ${describePreview(preview)}`);
      }
      return 0;
    },
  },
  {
    name: 'bundle import',
    summary: 'merge .plenary files (a USB stick full, in any order) into this laptop',
    options: [db, { name: 'trust', type: 'boolean', description: 'trust laptops seen for the first time (compare fingerprints first)' }],
    files: { min: 1, label: 'bundle file' },
    async run(ctx, values, out, files) {
      let failed = 0;
      for (const file of files) {
        try {
          const result = await importBundle(ctx, read(file), { trustNewDevice: values.trust === true });
          out(`${file}: added ${describePreview(result)}`);
        } catch (error) {
          failed += 1;
          out(`${file}: not imported. ${(error as Error).message}`);
        }
      }
      return failed ? 1 : 0;
    },
  },
];
