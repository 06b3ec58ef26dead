import fs from 'node:fs';
import path from 'node:path';
import { languageTagPattern } from '../../../shared/languages';
import { documentId as documentIdSchema } from '../../../shared/outcome';
import { maxXliffFileBytes, xliffVersions, type XliffPreview, type XliffScope } from '../../../shared/xliff';
import { invoke } from '../commands/invoke';
import { CoreError } from '../errors';
import type { CliCommand } from './cliCommands';
import { dbOption as db, forumOption as forum, jsonOption as json, privateFileMode } from './cliOptions';
import { checkForumOption, resolveForum } from './resolveForum';
import { UsageError } from './usageError';

type Values = Record<string, string | boolean | undefined>;

function scopeOf(values: Values): XliffScope {
  const chosen = [values.document !== undefined, values.agenda === true, values['key-messages'] === true].filter(Boolean).length;
  if (chosen > 1) throw new UsageError('Choose one of --document ID, --agenda and --key-messages.');
  if (values.agenda === true) return { kind: 'agenda' };
  if (values['key-messages'] === true) return { kind: 'keyMessages' };
  if (values.document === undefined) return { kind: 'document' };
  if (typeof values.document !== 'string' || !documentIdSchema.safeParse(values.document).success) {
    throw new UsageError(`--document must be a document id (see \`plenary documents list\`), not "${String(values.document)}".`);
  }
  return { kind: 'document', documentId: values.document };
}

function checkExport(values: Values): void {
  checkForumOption(values);
  if (typeof values.lang !== 'string' || !languageTagPattern.test(values.lang)) throw new UsageError('Say which language the translators translate into with --lang, such as --lang es.');
  if (values.version !== undefined && !(xliffVersions as readonly string[]).includes(String(values.version))) {
    throw new UsageError(`--version must be 2.0 or 1.2, not "${String(values.version)}".`);
  }
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError('Say where to write the file with --out FILE.');
  const folder = path.dirname(path.resolve(values.out));
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out: there is no folder ${folder}.`);
  scopeOf(values);
}

/** "42 units: 38 translated, 3 changed since export (kept aside), 1 unknown…", and which units. */
export function describeXliffPreview(file: string, preview: XliffPreview): string[] {
  const lines = [
    `${file}: XLIFF ${preview.version}, ${preview.sourceLanguage} → ${preview.lang}, ${preview.units} units.`,
    `  ${preview.translated} translated (to write), ${preview.unchanged} unchanged, ${preview.untranslated} not translated, ${preview.changed} changed since export (kept aside), ${preview.unknown} unknown (skipped).`,
  ];
  if (preview.changedIds.length) lines.push(`  Source changed since the export: ${preview.changedIds.join(', ')}. Send these units again.`);
  if (preview.unknownIds.length) lines.push(`  Gone from this forum: ${preview.unknownIds.join(', ')}.`);
  return lines;
}

/** A refused file is bad input (exit 2), said in the core's words; anything else is a failure (exit 1). */
function refusedFile(error: unknown): never {
  if (error instanceof CoreError && (error.code.startsWith('xliff_') || error.code === 'file_too_large' || error.code === 'invalid_input')) {
    throw new UsageError(`Nothing was changed. ${error.message}`);
  }
  throw error;
}

export const xliffCommands: CliCommand[] = [
  {
    name: 'export xliff',
    summary: "write a translators' file (XLIFF 2.0, or 1.2 for older CAT tools) for one target language",
    options: [
      db,
      forum,
      { name: 'lang', type: 'string', description: 'the language to translate into, such as es' },
      { name: 'document', type: 'string', description: "a document's id (default: the forum's first outcome document)" },
      { name: 'agenda', type: 'boolean', description: "the agenda: the forum's title, theme and venue, and every session's title, room and description" },
      { name: 'key-messages', type: 'boolean', description: 'every key message' },
      { name: 'version', type: 'string', description: '2.0 (default) or 1.2' },
      { name: 'out', type: 'string', description: 'the file to write' },
    ],
    readOnly: true,
    validate: checkExport,
    async run(ctx, values, say) {
      const resolved = await resolveForum(ctx, values.forum);
      const input = { forumId: resolved.id, lang: String(values.lang), scope: scopeOf(values), version: values.version === '1.2' ? ('1.2' as const) : ('2.0' as const) };
      let exported;
      try {
        exported = await invoke(ctx, 'xliff:export', input);
      } catch (error) {
        if (error instanceof CoreError) throw new UsageError(`Nothing was written. ${error.message}`);
        throw error;
      }
      const file = String(values.out);
      fs.writeFileSync(file, exported.xml, { mode: privateFileMode });
      say(`Wrote ${file}: ${exported.units} units (${exported.missing} missing, ${exported.outdated} out of date, ${exported.current} translated); suggested name ${exported.fileName}.`);
      return 0;
    },
  },
  {
    name: 'import xliff',
    summary: "read a translators' file back: shows what it changes, then writes the translations through the change log",
    options: [db, forum, { name: 'dry-run', type: 'boolean', description: 'show what would be imported, write nothing' }, json],
    mustExist: true,
    files: { min: 1, label: 'XLIFF file' },
    validate(values, files) {
      checkForumOption(values);
      if (files.length > 1) throw new UsageError('Name one XLIFF file to import.');
      const stat = fs.statSync(files[0] ?? '', { throwIfNoEntry: false });
      if (!stat?.isFile()) throw new UsageError(`There is no file ${files[0] ?? ''}.`);
      if (stat.size > maxXliffFileBytes) throw new UsageError(`Nothing was changed. ${files[0] ?? ''} is larger than ${maxXliffFileBytes / 1024 / 1024} MB, more than any forum's texts.`);
    },
    async run(ctx, values, say, files) {
      const file = files[0] ?? '';
      const resolved = await resolveForum(ctx, values.forum);
      const input = { forumId: resolved.id, fileName: path.basename(file), xml: fs.readFileSync(file, 'utf8') };
      try {
        if (values['dry-run']) {
          const preview = await invoke(ctx, 'xliff:preview', input);
          say(values.json ? JSON.stringify(preview) : [...describeXliffPreview(file, preview), 'Dry run: nothing was written.'].join('\n'));
          return 0;
        }
        const result = await invoke(ctx, 'xliff:import', input);
        say(values.json ? JSON.stringify(result) : [...describeXliffPreview(file, result), `Wrote ${result.written} translations.`].join('\n'));
        return 0;
      } catch (error) {
        return refusedFile(error);
      }
    },
  },
];
