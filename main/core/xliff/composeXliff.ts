import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { xliffExportInput, XliffExportOutput } from '../../../shared/xliff';
import { CoreError } from '../errors';
import { slugOf } from '../exports/exportFileName';
import { writeXliff } from './writeXliff';
import { collectUnits } from './xliffUnits';

export type XliffExportRequest = z.output<typeof xliffExportInput>;

/** The file for one target language, composed from a read-only view (the worker's). */
export function composeXliff(db: Database, input: XliffExportRequest): XliffExportOutput {
  const { forum, subject, label, units } = collectUnits(db, input.forumId, input.lang, input.scope);
  // XLIFF 2.0 has no empty file, and a translator has no use for one.
  if (units.length === 0) throw new CoreError('not_found', `There is nothing to translate in the ${label.replace(/_/g, ' ')}: no text in the source language yet.`);
  const xml = writeXliff(input.version, { forumId: forum.id, subject, sourceLanguage: forum.sourceLanguage, lang: input.lang }, units);
  const slug = slugOf([forum.title[forum.sourceLanguage], ...Object.values(forum.title)], 'forum');
  const count = (state: string) => units.filter((unit) => unit.state === state).length;
  return {
    fileName: `${slug}-${label.replace(/_/g, '-')}-${forum.sourceLanguage}-${input.lang}${input.version === '1.2' ? '-xliff12' : ''}.xlf`,
    xml,
    units: units.length,
    missing: count('missing'),
    outdated: count('outdated'),
    current: count('current'),
  };
}

