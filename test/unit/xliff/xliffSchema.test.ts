import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { skipWithout, xliffSchemaDir, xliffSchemas, xmllint } from '../../programs';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';
import { exportFile, translateLikeCatTool, xliffForum } from './xliffFixture';

/**
 * The schemas with their import of the W3C xml.xsd pointed at the copy beside them: the 1.2 one
 * names it by URL, and the tests run offline.
 */
function localSchemas(): { v20: string; v12: string } {
  const dir = tempDir();
  for (const file of ['xliff-core-1.2-strict.xsd', 'xliff-core-2.0.xsd', 'xml.xsd']) {
    const text = fs.readFileSync(path.join(xliffSchemaDir, file), 'utf8').replace(/schemaLocation="[^"]*xml\.xsd"/g, 'schemaLocation="xml.xsd"');
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { v20: path.join(dir, 'xliff-core-2.0.xsd'), v12: path.join(dir, 'xliff-core-1.2-strict.xsd') };
}

/** xmllint's verdict: undefined when valid, else what it printed. */
function invalidity(schema: string, xml: string): string | undefined {
  const file = path.join(tempDir(), 'file.xlf');
  fs.writeFileSync(file, xml);
  try {
    execFileSync(xmllint.path ?? 'xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8', stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

describe('translators\' files against the OASIS XLIFF schemas (xmllint --schema)', () => {
  it('a document, the agenda and the key messages, untranslated and translated, in 2.0 and 1.2 strict', async (context) => {
    skipWithout(context, xmllint, xliffSchemas);
    const schemas = localSchemas();
    const { ctx, forum, left, plain } = await xliffForum();
    // One translation out of date (the source changed after it): its state travels too.
    await call(ctx, 'paragraphs:update', { id: plain.id, text: { en: 'Rural heritage sustains villages.', es: 'El patrimonio rural sostiene las aldeas.' } });
    await call(ctx, 'paragraphs:update', { id: plain.id, text: { en: 'Rural heritage sustains villages and towns.' } });
    for (const version of ['2.0', '1.2'] as const) {
      const schema = version === '2.0' ? schemas.v20 : schemas.v12;
      for (const scope of [{ kind: 'document' }, { kind: 'agenda' }, { kind: 'keyMessages' }]) {
        const { xml } = await exportFile(ctx, forum.id, 'es', { version, scope });
        if (scope.kind === 'document') expect(xml).toContain(version === '2.0' ? 'state="initial" subState="plenary:outdated"' : 'state="needs-review-translation"');
        expect(invalidity(schema, xml), `${version} ${scope.kind}`).toBeUndefined();
        const translated = translateLikeCatTool(xml, 'es', (id) => id.endsWith(left.id));
        expect(invalidity(schema, translated), `${version} ${scope.kind} translated`).toBeUndefined();
      }
    }
  });

  it('the check can fail: a unit without its source is refused by the 2.0 schema', async (context) => {
    skipWithout(context, xmllint, xliffSchemas);
    const schemas = localSchemas();
    const { ctx, forum } = await xliffForum();
    const { xml } = await exportFile(ctx, forum.id, 'es');
    expect(invalidity(schemas.v20, xml.replace(/<source>[\s\S]*?<\/source>/, ''))).toMatch(/fails to validate|not expected|Expected/);
  });
});
