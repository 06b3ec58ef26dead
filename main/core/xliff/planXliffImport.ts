import type { Database } from 'better-sqlite3';
import type { XliffPreview } from '../../../shared/xliff';
import { richTextProblems } from '../../../shared/richText';
import { CoreError } from '../errors';
import { cachedStatement } from '../store/cachedStatement';
import { getForum } from '../store/forums';
import { restoreMarks, toPieces, type TargetNode } from './inlineCodes';
import { readXliff } from './readXliff';
import { maxTextLength, parseUnitId, sourceHash, type TranslatableTable } from './xliffUnits';

/** One translation to write: the cell, the text, and the source hash it was checked against. */
export interface XliffWrite {
  table: TranslatableTable;
  rowId: string;
  column: string;
  text: string;
  sourceHash: string;
}

export interface XliffPlan {
  preview: XliffPreview;
  writes: XliffWrite[];
}

const listed = 50;

/**
 * Works out, without writing, what a translators' file would change. Refused as a whole (an
 * error, nothing planned): malformed XML, a DOCTYPE, a file for another forum or another
 * language, a unit id Plenary never wrote, a unit twice. Per unit: a translation equal to the one
 * stored is left alone (so importing the same file twice writes nothing); one whose source text
 * changed since the export is kept aside, so a translation of words that are gone never passes
 * for a translation of the new ones; a unit whose row is gone is skipped as unknown.
 */
export function planXliffImport(db: Database, forumId: string, xml: string): XliffPlan {
  const file = readXliff(xml);
  const forum = getForum(db, forumId);
  const prefix = `plenary:${forumId}:`;
  const foreign = file.originals.find((original) => !original.startsWith(prefix));
  if (file.originals.length === 0 || foreign !== undefined) {
    const theirs = /^plenary:([A-Za-z0-9_-]{8,64}):/.exec(foreign ?? '')?.[1];
    throw new CoreError(
      'xliff_wrong_forum',
      theirs
        ? `This file was exported from another forum (${theirs}), not from this one (${forumId}). Import it into the forum it came from.`
        : 'This file was not exported by Plenary from this forum (its <file original> does not name it).',
    );
  }
  if (file.sourceLanguage !== forum.sourceLanguage) {
    throw new CoreError('xliff_wrong_language', `The file translates from ${file.sourceLanguage || '(no language)'}, but this forum's source language is ${forum.sourceLanguage}.`);
  }
  const lang = file.targetLanguage;
  if (!forum.languages.includes(lang) || lang === forum.sourceLanguage) {
    throw new CoreError(
      'xliff_wrong_language',
      `The file is a translation into ${lang || '(no language)'}, which is not one of this forum's languages to translate into (${forum.languages.filter((l) => l !== forum.sourceLanguage).join(', ')}).`,
    );
  }
  const preview: XliffPreview = {
    forumId,
    sourceLanguage: forum.sourceLanguage,
    lang,
    version: file.version,
    units: file.units.length,
    translated: 0,
    unchanged: 0,
    untranslated: 0,
    changed: 0,
    unknown: 0,
    changedIds: [],
    unknownIds: [],
  };
  const writes: XliffWrite[] = [];
  for (const unit of file.units) {
    const cell = parseUnitId(unit.id);
    if (!cell) {
      throw new CoreError('xliff_unknown_unit', `Unit ${unit.id} is not one Plenary exports (a unit id names a table, a text column and a row). Was the file edited by hand or merged with another project?`);
    }
    const row = cachedStatement(db, `SELECT ${cell.table === 'forums' ? 'id' : 'forum_id'} AS forum_id, deleted, ${cell.column} AS text FROM ${cell.table} WHERE id = ?`).get(cell.rowId) as
      | { forum_id: string | null; deleted: number; text: string }
      | undefined;
    if (!row || row.deleted || row.forum_id !== forumId) {
      preview.unknown += 1;
      if (preview.unknownIds.length < listed) preview.unknownIds.push(unit.id);
      continue;
    }
    const stored = JSON.parse(row.text) as Record<string, string>;
    const source = stored[forum.sourceLanguage] ?? '';
    if (unit.target === null || nodesText(unit.target).trim() === '') {
      preview.untranslated += 1;
      continue;
    }
    const { marks } = toPieces(source);
    const hash = sourceHash(source);
    if (unit.hash !== undefined ? unit.hash !== hash : !sameSource(unit.id, unit.source, marks, source)) {
      preview.changed += 1;
      if (preview.changedIds.length < listed) preview.changedIds.push(unit.id);
      continue;
    }
    const text = restoreMarks(unit.id, unit.target, marks).trim();
    if (text === (stored[lang] ?? '')) {
      preview.unchanged += 1;
      continue;
    }
    checkTranslation(unit.id, `${cell.table}.${cell.column}`, text);
    preview.translated += 1;
    writes.push({ table: cell.table, rowId: cell.rowId, column: cell.column, text, sourceHash: hash });
  }
  return { preview, writes };
}

/**
 * A translation is held to what the screens accept of the same field: its length, and for a
 * paragraph its rich text (no javascript: link, no note reference without its note, nothing left
 * open), which a translator may have typed as plain characters.
 */
function checkTranslation(unitId: string, column: string, text: string): void {
  const max = maxTextLength[column] ?? 5000;
  if (text.length > max) throw new CoreError('invalid_input', `Unit ${unitId}: the translation has ${text.length} characters; this field takes at most ${max}.`);
  if (column !== 'outcome_paragraphs.text') return;
  const [problem] = richTextProblems(text);
  if (problem) throw new CoreError('invalid_input', `Unit ${unitId}: the translation cannot be kept as it is (${problem.code}: ${problem.detail}). Ask the translator to fix it, or fix it in the file.`);
}

const nodesText = (nodes: readonly TargetNode[]) => nodes.map((node) => (node.kind === 'text' ? node.text : 'x')).join('');

/** Without the hash (a tool dropped it): whether the file's source, marks put back, is the stored source. */
function sameSource(unitId: string, nodes: readonly TargetNode[], marks: ReturnType<typeof toPieces>['marks'], source: string): boolean {
  try {
    return restoreMarks(unitId, nodes, marks) === source;
  } catch {
    return false;
  }
}
