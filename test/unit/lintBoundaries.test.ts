import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '../..') });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

// The layout only means something if crossing it fails the build: these prove the rules bite.
describe('import boundaries', () => {
  it.each([
    ['renderer/src/Leak.tsx', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['renderer/src/Leak.tsx', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['renderer/src/Leak.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/Leak.tsx', "import { openCore } from '../../main/core/coreContext';\nexport const x = openCore;\n"],
    ['shared/leak.ts', "import { openCore } from '../main/core/coreContext';\nexport const x = openCore;\n"],
    ['shared/leak.ts', "import path from 'node:path';\nexport const x = path;\n"],
    ['shared/leak.ts', "import { api } from '../renderer/src/api/plenaryApi';\nexport const x = api;\n"],
    ['main/core/leak.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/Leak.tsx', "import zlib from 'zlib';\nexport const x = zlib;\n"],
  ])('%s may not import what %j imports', async (file, code) => {
    expect((await problems(file, code)).some((p) => p.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('allows what each side may import', async () => {
    expect(await problems('renderer/src/Fine.tsx', "import { contract } from '../../shared/ipc';\nexport const x = contract;\n")).toEqual([]);
    expect(await problems('main/core/fine.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([]);
  });

  it('gives the renderer no Node globals', async () => {
    for (const code of ['export const x = process.env.HOME;\n', "export const x = Buffer.from('a');\n"]) {
      expect(await problems('renderer/src/Leak.tsx', code)).toContainEqual(expect.stringMatching(/no-restricted-globals/));
    }
  });

  it('forbids any', async () => {
    expect(await problems('shared/loose.ts', 'export const x = (v: unknown) => v as any;\n')).toContainEqual(
      expect.stringMatching(/no-explicit-any/),
    );
  });
});
