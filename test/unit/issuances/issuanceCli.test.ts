import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { IssuanceList } from '../../../shared/issuances';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

const symbol = 'UN-Habitat/EGM/2026/L.1';
const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file).toString('base64') : '');

async function demoDatabase() {
  const dir = tempDir();
  const db = path.join(dir, 'issuances.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  return { dir, db };
}

describe('plenary outcome issue / issuances / export outcome --compare-to', () => {
  it('issues L.1, lists it, issues Rev.1 and exports Word with tracked changes against L.1', async () => {
    const { dir, db } = await demoDatabase();
    const issued = await cli('outcome', 'issue', '--db', db, '--symbol', symbol);
    expect(issued).toMatchObject({ code: 0, err: '' });
    expect(issued.out).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
    const listed = await cli('outcome', 'issuances', '--db', db, '--json');
    const list = JSON.parse(listed.out) as IssuanceList;
    expect(list.issuances.map((i) => [i.id, i.symbol, i.kind])).toEqual([[issued.out, symbol, 'original']]);
    expect(list.next.symbol).toBe(`${symbol}/Rev.1`);
    const text = await cli('outcome', 'issuances', '--db', db);
    expect(text.out).toContain(`${symbol}  original`);
    expect(text.out).toContain(`Next revision: ${symbol}/Rev.1`);

    const rev = await cli('outcome', 'issue', '--db', db, '--symbol', `${symbol}/Rev.1`, '--kind', 'revision');
    expect(rev.code).toBe(0);
    const out = path.join(dir, 'against-l1.docx');
    const exported = await cli('export', 'outcome', '--db', db, '--out', out, '--compare-to', symbol);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(strFromU8(unzipSync(fs.readFileSync(out))['word/document.xml'] ?? new Uint8Array())).toMatch(/<w:document/);
  });

  it('bad arguments: a clear message, exit code 2, nothing changed', async () => {
    const { dir, db } = await demoDatabase();
    expect((await cli('outcome', 'issue', '--db', db, '--symbol', symbol)).code).toBe(0);
    const before = bytesOf(db);
    const taken = await cli('outcome', 'issue', '--db', db, '--symbol', symbol);
    expect(taken.code).toBe(2);
    expect(taken.err).toContain('already the symbol of an issuance');
    const noSymbol = await cli('outcome', 'issue', '--db', db);
    expect(noSymbol).toMatchObject({ code: 2 });
    expect(noSymbol.err).toContain('--symbol SYMBOL');
    expect((await cli('outcome', 'issue', '--db', db, '--symbol', 'L.2', '--kind', 'addendum')).err).toContain('--kind must be original, revision, corrigendum');
    expect((await cli('outcome', 'issue', '--db', db, '--symbol', '   ')).code).toBe(2);
    expect((await cli('outcome', 'issue', '--db', db, '--symbol', 'L.2', '--document', 'no such')).code).toBe(2);
    const unknown = await cli('export', 'outcome', '--db', db, '--out', path.join(dir, 'x.docx'), '--compare-to', 'L.404');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No issuance L.404');
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false);
    expect((await cli('export', 'outcome', '--db', db, '--out', path.join(dir, 'y.docx'), '--compare-to', 'L.1\tx')).code).toBe(2);
    expect(bytesOf(db)).toBe(before);
  });
});
