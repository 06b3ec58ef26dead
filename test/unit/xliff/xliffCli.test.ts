import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { cli } from '../helpers/cli';
import { snapshot, tempDir } from '../helpers/tempCore';
import { translateLikeCatTool } from './xliffFixture';

async function demoFolder() {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  return { dir, db, out: (name: string) => path.join(dir, name) };
}

async function stateOf(db: string): Promise<string> {
  const ctx = await openCore(db);
  try {
    return snapshot(ctx);
  } finally {
    closeCore(ctx);
  }
}

describe('plenary export xliff / import xliff', () => {
  it('exports the first outcome document in XLIFF 2.0 by default, 1.2 and the agenda on request; imports with a dry run first', async () => {
    const { db, out } = await demoFolder();
    const exported = await cli('export', 'xliff', '--db', db, '--lang', 'es', '--out', out('es.xlf'));
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toMatch(/^Wrote .*es\.xlf: \d+ units \(\d+ missing, \d+ out of date, \d+ translated\)/);
    const xml = fs.readFileSync(out('es.xlf'), 'utf8');
    expect(xml).toContain('version="2.0" srcLang="en" trgLang="es"');
    expect((await cli('export', 'xliff', '--db', db, '--lang', 'es', '--version', '1.2', '--agenda', '--out', out('agenda.xlf'))).code).toBe(0);
    expect(fs.readFileSync(out('agenda.xlf'), 'utf8')).toContain('<trans-unit id="sessions.title.');

    fs.writeFileSync(out('es-done.xlf'), translateLikeCatTool(xml, 'es', () => false));
    const before = await stateOf(db);
    const dry = await cli('import', 'xliff', '--db', db, '--dry-run', out('es-done.xlf'));
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/XLIFF 2\.0, en → es, \d+ units\.\n {2}\d+ translated \(to write\), \d+ unchanged, 0 not translated, 0 changed since export \(kept aside\), 0 unknown \(skipped\)\.\nDry run: nothing was written\./);
    expect(await stateOf(db)).toBe(before);

    const imported = await cli('import', 'xliff', '--db', db, out('es-done.xlf'));
    expect(imported.code).toBe(0);
    const written = Number(/Wrote (\d+) translations/.exec(imported.out)?.[1]);
    expect(written).toBeGreaterThan(0);
    const after = await stateOf(db);
    expect((await cli('import', 'xliff', '--db', db, out('es-done.xlf'))).out).toContain('Wrote 0 translations.');
    expect(await stateOf(db)).toBe(after);
  });

  it('bad input: exit 2, a message, nothing changed', async () => {
    const { db, out } = await demoFolder();
    expect((await cli('export', 'xliff', '--db', db, '--lang', 'es', '--out', out('es.xlf'))).code).toBe(0);
    const xml = fs.readFileSync(out('es.xlf'), 'utf8');
    fs.writeFileSync(out('bomb.xlf'), xml.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>'));
    fs.writeFileSync(out('cut.xlf'), xml.slice(0, 200));
    fs.writeFileSync(out('fr.xlf'), xml.replace('trgLang="es"', 'trgLang="de"'));
    const before = await stateOf(db);
    for (const [file, message] of [
      ['bomb.xlf', /DOCTYPE/],
      ['cut.xlf', /Not well-formed XML/],
      ['fr.xlf', /translation into de/],
    ] as const) {
      const result = await cli('import', 'xliff', '--db', db, out(file));
      expect(result.code, file).toBe(2);
      expect(result.err).toMatch(/^Nothing was changed\./);
      expect(result.err).toMatch(message);
    }
    expect(await stateOf(db)).toBe(before);
    const usage = await cli('export', 'xliff', '--db', db, '--out', out('x.xlf'));
    expect(usage).toMatchObject({ code: 2 });
    expect(usage.err).toContain('--lang');
    expect((await cli('export', 'xliff', '--db', db, '--lang', 'en', '--out', out('x.xlf'))).code).toBe(2);
  });
});
