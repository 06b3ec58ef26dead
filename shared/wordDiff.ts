import { diffArrays } from 'diff';

export type DiffPart = { kind: 'equal' | 'insert' | 'delete'; text: string };

// Segmenters are costly to build and the same few languages come back all the time.
const segmenters = new Map<string, Intl.Segmenter>();

/** A tag the segmenter knows, else the default locale (a malformed tag would throw). */
function supportedLocale(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.Segmenter.supportedLocalesOf([lang]).length > 0 ? lang : undefined;
  } catch {
    return undefined;
  }
}

function segmenterFor(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(supportedLocale(lang), { granularity: 'word' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

// A place where every word segmentation breaks (UAX #29): after a space, or after Chinese or
// Japanese punctuation, before a letter (or a digit after a space). Cutting a text there and
// segmenting the pieces gives the same words as segmenting it whole.
const cutPoint = /(?:\s(?=[\p{L}\p{N}])|[\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F](?=\p{L}))/gu;

// V8's segment iterator slows down with the length of the text it walks (a 2,000-word paragraph
// takes ~40 ms in one piece, ~4 ms in pieces of a couple of hundred characters), so long texts
// are segmented piece by piece, cut only where a word boundary is certain.
const pieceLength = 200;

/**
 * Words, spaces and punctuation as separate tokens (Intl.Segmenter also splits Chinese and Thai,
 * which have no spaces, into words), so the tokens joined give back the text exactly.
 */
export function wordTokens(text: string, lang?: string): string[] {
  const segmenter = segmenterFor(lang);
  const tokens: string[] = [];
  let start = 0;
  while (start < text.length) {
    cutPoint.lastIndex = start + pieceLength;
    const cut = start + pieceLength < text.length ? cutPoint.exec(text) : null;
    const end = cut ? cut.index + cut[0].length : text.length;
    for (const { segment } of segmenter.segment(text.slice(start, end))) tokens.push(segment);
    start = end;
  }
  return tokens;
}

/** The text cut at every certain word boundary that follows a space or Chinese punctuation. */
function phrases(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of text.matchAll(cutPoint)) {
    const end = match.index + match[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/**
 * A word-level diff of two versions of a text: `equal` + `delete` parts joined give `before`,
 * `equal` + `insert` parts give `after`. A change spanning several words separated only by
 * spaces reads as one deletion and one insertion ("[-big red-][+small blue+]") rather than a
 * word-by-word patchwork.
 */
export function wordDiff(before: string, after: string, lang?: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'equal', text: before }] : [];
  // Two passes, because segmenting is the slow part: first the texts cut at spaces and Chinese
  // punctuation (a word with what sticks to it, or a Chinese clause), then only the stretches
  // that differ are segmented into words and diffed again.
  const raw: DiffPart[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const refine = () => {
    if (deleted.length > 0 && inserted.length > 0) {
      for (const c of diffArrays(wordTokens(deleted.join(''), lang), wordTokens(inserted.join(''), lang))) {
        raw.push({ kind: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value.join('') });
      }
    } else if (deleted.length > 0) raw.push({ kind: 'delete', text: deleted.join('') });
    else if (inserted.length > 0) raw.push({ kind: 'insert', text: inserted.join('') });
    deleted = [];
    inserted = [];
  };
  for (const change of diffArrays(phrases(before), phrases(after))) {
    if (change.removed) deleted.push(...change.value);
    else if (change.added) inserted.push(...change.value);
    else {
      refine();
      raw.push({ kind: 'equal', text: change.value.join('') });
    }
  }
  refine();
  return mergeRuns(absorbBlankGaps(raw));
}

const isBlank = (text: string): boolean => text.trim().length === 0;

/** A blank `equal` between two changes joins both sides, so the changes around it merge. */
function absorbBlankGaps(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (!part) continue;
    const prev = parts[i - 1];
    const next = parts[i + 1];
    if (part.kind === 'equal' && isBlank(part.text) && prev && next && prev.kind !== 'equal' && next.kind !== 'equal') {
      out.push({ kind: 'delete', text: part.text }, { kind: 'insert', text: part.text });
    } else out.push(part);
  }
  return out;
}

/**
 * Each run of changes between two equal parts becomes one deletion then one insertion (either
 * may be absent); the order within each side is kept, so both texts still join back exactly.
 */
function mergeRuns(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    if (deleted) out.push({ kind: 'delete', text: deleted });
    if (inserted) out.push({ kind: 'insert', text: inserted });
    deleted = '';
    inserted = '';
  };
  for (const part of parts) {
    if (part.kind === 'delete') deleted += part.text;
    else if (part.kind === 'insert') inserted += part.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.kind === 'equal') last.text += part.text;
      else if (part.text) out.push({ ...part });
    }
  }
  flush();
  return out;
}
