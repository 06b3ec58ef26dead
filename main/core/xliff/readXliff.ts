import { SaxesParser, type SaxesTagNS } from 'saxes';
import { maxXliffFileBytes, maxXliffUnits, type XliffVersion } from '../../../shared/xliff';
import { CoreError } from '../errors';
import type { TargetNode } from './inlineCodes';
import { plenaryNamespace } from './writeXliff';

export interface ReadUnit {
  id: string;
  /** The source text's hash at export, where the tool kept it. */
  hash: string | undefined;
  source: TargetNode[];
  /** null: the unit has no target (not translated). */
  target: TargetNode[] | null;
}

export interface ReadXliff {
  version: XliffVersion;
  sourceLanguage: string;
  targetLanguage: string;
  /** Each <file>'s `original` (Plenary writes one file per document). */
  originals: string[];
  units: ReadUnit[];
}

const namespaces: Record<string, XliffVersion> = {
  'urn:oasis:names:tc:xliff:document:2.0': '2.0',
  'urn:oasis:names:tc:xliff:document:1.2': '1.2',
};
const maxDepth = 64;

const malformed = (message: string) => new CoreError('xliff_malformed', message);

/**
 * Reads a translators' file with a strict, namespace-aware XML parser (saxes: it checks
 * well-formedness and never reads a DTD). A DOCTYPE is refused outright, so no entity is ever
 * declared, let alone expanded (the "billion laughs" bomb); an undeclared entity is an error.
 * Within units, only what an import needs is kept: each unit's source and target text with its
 * inline codes; the rest (notes, metadata, other namespaces) is skipped.
 */
export function readXliff(xml: string): ReadXliff {
  if (Buffer.byteLength(xml, 'utf8') > maxXliffFileBytes) {
    throw new CoreError('file_too_large', `The file is larger than ${maxXliffFileBytes / 1024 / 1024} MB, more than any forum's texts.`);
  }
  const parser = new SaxesParser({ xmlns: true, position: true });
  let version: XliffVersion | undefined;
  let sourceLanguage = '';
  let targetLanguage = '';
  const originals: string[] = [];
  const units: ReadUnit[] = [];
  const ids = new Set<string>();
  let unit: ReadUnit | undefined;
  // Where text goes: a source or target being read, or nowhere.
  let into: TargetNode[] | undefined;
  let skipDepth = 0;
  let depth = 0;
  const at = () => `line ${parser.line}`;

  parser.on('error', (error) => {
    throw malformed(`Not well-formed XML (${error.message.replace(/^[^:]*:\d+:\d+: /, '')}).`);
  });
  parser.on('doctype', () => {
    throw new CoreError('xliff_doctype', 'The file declares a DOCTYPE; translators\' files never need one, and its entities could expand without bound. Export the file again from the CAT tool as plain XLIFF.');
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    if (depth > maxDepth) throw malformed(`Elements nest deeper than ${maxDepth} levels (${at()}).`);
    if (skipDepth > 0) {
      skipDepth += 1;
      return;
    }
    const attr = (name: string) => tag.attributes[name]?.value;
    if (depth === 1) {
      version = namespaces[tag.uri];
      if (tag.local !== 'xliff' || !version) throw malformed('This is not an XLIFF 2.0 or 1.2 file (its root is not <xliff> in the XLIFF namespace).');
      if (attr('version') !== version) throw malformed(`The file says version ${attr('version') ?? '(none)'} but uses the XLIFF ${version} namespace.`);
      if (version === '2.0') {
        sourceLanguage = attr('srcLang') ?? '';
        targetLanguage = attr('trgLang') ?? '';
      }
      return;
    }
    if (!version || tag.uri !== namespaceOf(version)) {
      // Another vocabulary (a tool's metadata): skipped with everything inside it.
      skipDepth = 1;
      return;
    }
    const name = tag.local;
    if (name === 'file') {
      originals.push(attr('original') ?? '');
      if (version === '1.2') {
        sourceLanguage = attr('source-language') ?? '';
        targetLanguage = attr('target-language') ?? '';
      }
      return;
    }
    if ((version === '2.0' && name === 'unit') || (version === '1.2' && name === 'trans-unit')) {
      const id = attr('id') ?? '';
      if (id === '') throw malformed(`A unit has no id (${at()}).`);
      if (ids.has(id)) throw new CoreError('xliff_duplicate_unit', `Unit ${id} appears twice in the file; each unit may appear once.`);
      if (ids.size >= maxXliffUnits) throw new CoreError('file_too_large', `The file holds more than ${maxXliffUnits} units.`);
      ids.add(id);
      const hash = version === '2.0' ? Object.values(tag.attributes).find((a) => a.uri === plenaryNamespace && a.local === 'sourceHash')?.value : /(?:^|\s)sourceHash=([0-9a-f]{16})/.exec(attr('extradata') ?? '')?.[1];
      unit = { id, hash, source: [], target: null };
      units.push(unit);
      return;
    }
    if (!unit) return;
    if (name === 'source' && into === undefined) {
      into = unit.source;
      return;
    }
    if (name === 'target' && into === undefined) {
      unit.target ??= [];
      into = unit.target;
      return;
    }
    if (name === 'notes' || name === 'note' || name === 'originalData' || (version === '1.2' && name === 'alt-trans')) {
      skipDepth = 1;
      return;
    }
    if (!into) return;
    // 1.2's native-code elements hold the code itself, never words to read.
    if (inlineOpen(version, name, attr, into, at)) skipDepth = 1;
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    depth -= 1;
    if (skipDepth > 0) {
      skipDepth -= 1;
      return;
    }
    if (!version || tag.uri !== namespaceOf(version)) return;
    const name = tag.local;
    if (name === 'source' || name === 'target') into = undefined;
    else if (name === 'unit' || name === 'trans-unit') unit = undefined;
    else if (into && (name === 'pc' || name === 'g')) into.push({ kind: 'close', id: tag.attributes.id?.value ?? '' });
  });
  const text = (value: string) => {
    if (skipDepth === 0 && into) into.push({ kind: 'text', text: value });
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.write(xml).close();
  if (!version) throw malformed('The file is empty.');
  return { version, sourceLanguage, targetLanguage, originals, units };
}

const namespaceOf = (version: XliffVersion) => (version === '2.0' ? 'urn:oasis:names:tc:xliff:document:2.0' : 'urn:oasis:names:tc:xliff:document:1.2');

/** An inline element inside a source or target, as the node it stands for. */
function inlineOpen(version: XliffVersion, name: string, attr: (name: string) => string | undefined, into: TargetNode[], at: () => string): boolean {
  const id = attr('id') ?? '';
  if (version === '2.0') {
    if (name === 'ph') into.push({ kind: 'ph', id });
    else if (name === 'pc' || name === 'sc') into.push({ kind: 'open', id });
    else if (name === 'ec') into.push({ kind: 'close', id: attr('startRef') ?? id });
    else if (name === 'cp') {
      const code = Number.parseInt(attr('hex') ?? '', 16);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff) throw malformed(`A <cp> with no valid hex code (${at()}).`);
      into.push({ kind: 'text', text: String.fromCodePoint(code) });
    }
    // mrk, sm, em: annotations around words; their words are read, the marks dropped.
    return false;
  }
  if (name === 'x' || name === 'ph' || name === 'it') into.push({ kind: 'ph', id });
  else if (name === 'g') into.push({ kind: 'open', id });
  else if (name === 'bx' || name === 'bpt') into.push({ kind: 'open', id: attr('rid') ?? id });
  else if (name === 'ex' || name === 'ept') into.push({ kind: 'close', id: attr('rid') ?? id });
  return name === 'ph' || name === 'it' || name === 'bpt' || name === 'ept' || name === 'sub';
}
