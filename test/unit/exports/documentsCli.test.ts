import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutcomeDocument } from '../../../shared/outcome';
import { invoke } from '../../../main/core/commands/invoke';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

/** The demo forum's database with a concept note beside its Consensus. */
async function demoWithConceptNote() {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  const ctx = await openCore(db);
  let note: OutcomeDocument;
  try {
    const [forum] = await invoke(ctx, 'forums:list', {});
    if (!forum) throw new Error('no demo forum');
    note = await invoke(ctx, 'outcome:create', {
      forumId: forum.id,
      document: {
        kind: 'concept_note',
        title: { en: 'Concept note', zh: '概念说明', es: 'Nota conceptual' },
        subtitle: {},
        place: {},
        startDate: forum.startDate,
        endDate: forum.endDate,
        coOrganisers: [],
        preamble: { en: '{{forum.title}}, {{forum.dates}}' },
        leadIn: {},
        closing: {},
        numbering: 'none',
      },
    });
  } finally {
    closeCore(ctx);
  }
  return { dir, db, note, out: (name: string) => path.join(dir, name) };
}

describe('plenary documents list', () => {
  it('lists every document with its kind and its title in each language, as text or JSON', async () => {
    const { db, note } = await demoWithConceptNote();
    const text = await cli('documents', 'list', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`${note.id}  concept_note  6 paragraphs`);
    expect(text.out).toContain('  zh: 概念说明');
    expect(text.out).toMatch(/ {2}consensus {2}/);
    const json = await cli('documents', 'list', '--db', db, '--json');
    const listed = JSON.parse(json.out) as Array<{ id: string; kind: string; knownKind: boolean; title: Record<string, string> }>;
    expect(listed.map((d) => d.kind)).toEqual(['consensus', 'concept_note', 'letter_of_intent', 'session_report', 'communique', 'declaration', 'key_messages', 'concept_note']);
    expect(listed[7]).toMatchObject({ id: note.id, knownKind: true, title: { es: 'Nota conceptual' } });
  });

  it('refuses a malformed --forum with exit 2', async () => {
    const { db } = await demoWithConceptNote();
    const bad = await cli('documents', 'list', '--db', db, '--forum', 'not an id');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--forum must be a forum id');
  });
});

describe('plenary export document', () => {
  it('writes any kind in the asked language, headings and merge fields in that language', async () => {
    const { db, note, out } = await demoWithConceptNote();
    const md = await cli('export', 'document', '--db', db, '--document', note.id, '--lang', 'zh', '--fallback', '--out', out('note.md'));
    expect(md).toMatchObject({ code: 0, err: '' });
    const text = fs.readFileSync(out('note.md'), 'utf8');
    for (const heading of ['背景', '目标', '预期成果', '与会者', '背景文件', '议程']) expect(text).toContain(`## ${heading}`);
    expect(text).toContain('城乡联系论坛');
    expect(text).not.toContain('{{');
    const docx = await cli('export', 'document', '--db', db, '--document', note.id, '--format', 'docx', '--lang', 'en,es', '--fallback', '--out', out('note.docx'));
    expect(docx.code).toBe(0);
    expect(fs.readFileSync(out('note.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses bad arguments with exit 2, a clear message, and writes nothing', async () => {
    const { db, dir, note, out } = await demoWithConceptNote();
    const before = fs.readdirSync(dir).sort();
    const cases: Array<[string[], string]> = [
      [['--out', out('a.md')], 'Say which document with --document ID'],
      [['--document', 'nope!', '--out', out('a.md')], '--document must be a document id'],
      [['--document', '00000000-0000-4000-8000-000000000000', '--out', out('a.md')], 'there is no document 00000000-0000-4000-8000-000000000000'],
      [['--document', note.id, '--out', out('a.txt')], 'Say which format with --format'],
      [['--document', note.id, '--format', 'odt', '--out', out('a.md')], '--format must be docx, pdf, md or html, not "odt"'],
      [['--document', note.id, '--lang', 'fr', '--out', out('a.md')], 'fr is not a working language'],
    ];
    for (const [args, message] of cases) {
      const result = await cli('export', 'document', '--db', db, ...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
