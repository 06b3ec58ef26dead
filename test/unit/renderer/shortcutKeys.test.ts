import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../../renderer/src');
const sources = (fs.readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => ({ file, text: fs.readFileSync(path.join(root, file), 'utf8') }));

/**
 * Where a shortcut reads a letter or digit from `event.key`, the character the layout types: on an
 * Arabic keyboard L types م, on a Russian one д, so such a shortcut never fires there. Letters and
 * digits go by `event.code`, the key's place. Punctuation (? for help, / for search) may stay on
 * `event.key`: it is named by its character, which sits on different keys from layout to layout.
 */
function letterKeyReads(text: string): string[] {
  const found: string[] = [];
  const letter = String.raw`['"\x60][\p{L}\p{N}]['"\x60]`;
  const patterns = [
    // event.key === 'l', 'L' !== e.key
    new RegExp(String.raw`\b\w+\.key\s*[!=]==?\s*${letter}`, 'gu'),
    new RegExp(String.raw`${letter}\s*[!=]==?\s*\w+\.key\b`, 'gu'),
    // event.key.toLowerCase() (only ever wanted to compare a letter)
    /\b\w+\.key\.to(?:Lower|Upper|LocaleLower|LocaleUpper)Case\(/gu,
    // a table of shortcuts looked up by the character
    /\[\s*(?:event|e|ev)\.key\s*\]/gu,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[0]);
  // switch (event.key) { case 'l': ... }
  for (const match of text.matchAll(/switch\s*\(\s*\w+\.key\s*\)\s*\{/gu)) {
    let depth = 1;
    let end = (match.index ?? 0) + match[0].length;
    while (depth > 0 && end < text.length) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}') depth--;
      end++;
    }
    const body = text.slice(match.index, end);
    for (const c of body.matchAll(new RegExp(String.raw`case\s+${letter}\s*:`, 'gu'))) found.push(`${match[0]} … ${c[0]}`);
  }
  return found;
}

describe('keyboard shortcuts', () => {
  it('read letters and digits by the key’s place (event.code), so they work in Arabic and Russian layouts', () => {
    const offenders = sources.flatMap(({ file, text }) => letterKeyReads(text).map((read) => `${file}: ${read}`));
    expect(offenders).toEqual([]);
  });

  it('would catch each way of reading a letter from event.key', () => {
    const examples = [
      "if (event.key === 'l') cycle();",
      "if ('F' === e.key) full();",
      'const key = event.key.toLowerCase();',
      "if (event.key.toLowerCase() !== 's') return;",
      'const action = shortcuts[event.key];',
      "switch (event.key) {\n  case 'ArrowUp':\n    up();\n    break;\n  case 'j': {\n    down();\n  }\n}",
      "if (event.key === '1') first();",
    ];
    for (const example of examples) expect(letterKeyReads(example), example).not.toEqual([]);
    const fine = ["if (event.key === '?') help();", "if (event.key === 'Escape') back();", "switch (event.key) { case ' ': toggle(); }", "if (event.code === 'KeyL') cycle();"];
    for (const example of fine) expect(letterKeyReads(example), example).toEqual([]);
  });
});
