import type { Database } from 'better-sqlite3';
import os from 'node:os';
import type { ParagraphRevision } from '../../../shared/outcome';
import { decodeHlc } from '../sync/hybridClock';
import { rowHistory } from './rowHistory';
import { cellHeads, changeId, newerFirst } from './proseHeads';

/**
 * Every version of a paragraph's text in one language, newest first, as the log keeps it: who
 * wrote it (the laptop's name where known), when (read from the clock), and whether it is still
 * one of the versions shown. A version that emptied the translation is one too, with no text.
 */
export function paragraphHistory(db: Database, deviceId: string, paragraphId: string, lang: string): ParagraphRevision[] {
  const cell = `text@${lang}`;
  const history = rowHistory(db, 'outcome_paragraphs', paragraphId);
  const live = new Set(cellHeads('outcome_paragraphs', cell, history).map(changeId));
  const names = deviceNames(db, deviceId);
  return history
    .filter((c) => Object.prototype.hasOwnProperty.call(c.cells, cell))
    .sort(newerFirst)
    .map((c) => ({
      id: changeId(c),
      text: typeof c.cells[cell] === 'string' ? (c.cells[cell] as string) : '',
      device: c.device,
      author: names(c.device),
      at: new Date(decodeHlc(c.hlc).millis).toISOString(),
      live: live.has(changeId(c)),
    }));
}

/** This laptop's own name, or the name another laptop signed its bundles with; else its id. */
function deviceNames(db: Database, deviceId: string): (device: string) => string {
  const known = new Map<string, string>();
  const lookup = db.prepare('SELECT name FROM known_devices WHERE device_id = ?').pluck();
  return (device) => {
    let name = known.get(device);
    if (name === undefined) {
      const found =
        device === deviceId
          ? ((db.prepare("SELECT value FROM meta WHERE key = 'device_name'").pluck().get() as string | undefined) ?? os.hostname())
          : (lookup.get(device) as string | undefined);
      name = found || device;
      known.set(device, name);
    }
    return name;
  };
}
