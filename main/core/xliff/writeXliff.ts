import type { XliffVersion } from '../../../shared/xliff';
import { escapeAttribute, escapeXml, originalData, piecesToXliff12, piecesToXliff2, toPieces } from './inlineCodes';
import { sourceHash, type XliffUnit } from './xliffUnits';

/** Plenary's own attributes (2.0 allows foreign attributes on a unit): the source text's hash. */
export const plenaryNamespace = 'urn:plenary:xliff:1';

export interface XliffHeader {
  forumId: string;
  /** `document:<id>`, `agenda` or `keyMessages`. */
  subject: string;
  sourceLanguage: string;
  lang: string;
}

/**
 * The file's `original`: which forum and what it carries. Tools keep it as it is (it names the
 * file the units came from), so an import can refuse a file for another forum.
 */
export const originalOf = (header: Pick<XliffHeader, 'forumId' | 'subject'>): string => `plenary:${header.forumId}:${header.subject}`;

// States a CAT tool understands: missing: not translated yet; out of date: a translation to check
// against the changed source; current: translated.
const states2 = { missing: 'initial', outdated: 'initial', current: 'translated' } as const;
const states12 = { missing: 'new', outdated: 'needs-review-translation', current: 'translated' } as const;

export function writeXliff(version: XliffVersion, header: XliffHeader, units: readonly XliffUnit[]): string {
  return version === '2.0' ? writeXliff2(header, units) : writeXliff12(header, units);
}

function writeXliff2(header: XliffHeader, units: readonly XliffUnit[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:plenary="${plenaryNamespace}" version="2.0" srcLang="${escapeAttribute(header.sourceLanguage)}" trgLang="${escapeAttribute(header.lang)}">`,
    ` <file id="f1" original="${escapeAttribute(originalOf(header))}">`,
  ];
  for (const unit of units) {
    const source = toPieces(unit.source);
    const target = unit.target ? toPieces(unit.target) : undefined;
    out.push(`  <unit id="${unit.id}" plenary:sourceHash="${sourceHash(unit.source)}" xml:space="preserve">`);
    if (unit.notes.length > 0) {
      out.push(`   <notes>${unit.notes.map((note) => `<note category="context">${escapeXml(note)}</note>`).join('')}</notes>`);
    }
    // The target's codes are the source's (the same marks in the same order); a target whose
    // marks differ keeps its own text as text for the translator to fix.
    const targetPieces = target && sameCodes(source.marks, target.marks) ? piecesToXliff2(target.pieces) : target ? escapeXml(unit.target) : undefined;
    const data = originalData(source.pieces);
    if (data.length > 0) out.push(`   <originalData>${data.join('')}</originalData>`);
    const subState = unit.state === 'outdated' ? ' subState="plenary:outdated"' : '';
    out.push(`   <segment state="${states2[unit.state]}"${subState}>`);
    out.push(`    <source>${piecesToXliff2(source.pieces)}</source>`);
    if (targetPieces !== undefined) out.push(`    <target>${targetPieces}</target>`);
    out.push('   </segment>', '  </unit>');
  }
  out.push(' </file>', '</xliff>', '');
  return out.join('\n');
}

function writeXliff12(header: XliffHeader, units: readonly XliffUnit[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">',
    ` <file original="${escapeAttribute(originalOf(header))}" source-language="${escapeAttribute(header.sourceLanguage)}" target-language="${escapeAttribute(header.lang)}" datatype="plaintext">`,
    '  <body>',
  ];
  for (const unit of units) {
    const source = toPieces(unit.source);
    const target = unit.target ? toPieces(unit.target) : undefined;
    // 1.2 lets only its own attributes on a trans-unit: the hash travels in `extradata`.
    out.push(`   <trans-unit id="${unit.id}" extradata="sourceHash=${sourceHash(unit.source)}" xml:space="preserve">`);
    out.push(`    <source>${piecesToXliff12(source.pieces)}</source>`);
    if (target) {
      const content = sameCodes(source.marks, target.marks) ? piecesToXliff12(target.pieces) : escapeXml(unit.target);
      out.push(`    <target state="${states12[unit.state]}">${content}</target>`);
    }
    for (const note of unit.notes) out.push(`    <note from="plenary">${escapeXml(note)}</note>`);
    out.push('   </trans-unit>');
  }
  out.push('  </body>', ' </file>', '</xliff>', '');
  return out.join('\n');
}

/** Whether a translation's codes are the source's, id for id: only then can they be written as codes. */
function sameCodes(source: ReturnType<typeof toPieces>['marks'], target: ReturnType<typeof toPieces>['marks']): boolean {
  for (const [id, mark] of target) {
    const own = source.get(id);
    if (!own || JSON.stringify(own) !== JSON.stringify(mark)) return false;
  }
  return true;
}
