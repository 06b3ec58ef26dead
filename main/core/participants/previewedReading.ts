import { createHash } from 'node:crypto';
import type { Participant } from '../../../shared/participants';
import type { DuplicatePlan } from './findDuplicates';
import type { ImportRequest } from './planParticipantImport';
import type { ParticipantRow } from './participantRows';
import type { ColumnMapping } from '../../../shared/participantImport';

/**
 * What a preview read of a participant file, kept in the worker for the import that follows it:
 * the screen previews a file, then imports the same file with the same choices, and reading it
 * and matching it against the list again took a 25,000-person import half a second.
 */
export interface PreviewedReading {
  key: string;
  /** participantListVersion before the preview read the list: the matches hold while it holds. */
  listVersion: string;
  mapping: ColumnMapping;
  rows: ParticipantRow[];
  plan: DuplicatePlan;
  listed: Map<string, Participant>;
}

/** Not kept for long: a file left on screen over lunch is read again. */
const keepMs = 5 * 60_000;

let kept: PreviewedReading | undefined;
let expiry: ReturnType<typeof setTimeout> | undefined;

/** Everything of a request the reading depends on: the forum, the file, the mapping and the choices. */
export function readingKey(request: ImportRequest): string {
  const mapping = request.mapping ? Object.entries(request.mapping).sort(([a], [b]) => a.localeCompare(b)) : null;
  const samePerson = [...new Set(request.samePerson ?? [])].sort((a, b) => a - b);
  return createHash('sha256')
    .update(JSON.stringify([request.forumId, request.file.fileName, mapping, request.duplicates, samePerson]))
    .update('\u0000')
    .update(request.file.data)
    .digest('hex');
}

/** Keeps the latest preview's reading, in place of any other. */
export function keepReading(reading: PreviewedReading): void {
  forgetReading();
  kept = reading;
  expiry = setTimeout(forgetReading, keepMs);
  expiry.unref?.();
}

/** The reading kept for this request, taken out, if the list is still as the preview saw it. */
export function takeReading(key: string, listVersion: string): PreviewedReading | undefined {
  const reading = kept;
  if (!reading || reading.key !== key) return undefined;
  forgetReading();
  return reading.listVersion === listVersion ? reading : undefined;
}

export function forgetReading(): void {
  kept = undefined;
  if (expiry) clearTimeout(expiry);
  expiry = undefined;
}
