import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The runtime boundaries are lint rules; this proves the rules bite.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function errorsFor(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

describe('runtime boundaries', () => {
  it('keeps Node, Electron, the backend and DOM out of shared/', async () => {
    expect(await errorsFor('shared/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await errorsFor('shared/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await errorsFor('shared/probe.ts', "import D from 'better-sqlite3';\nexport const x = D;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await errorsFor('shared/probe.ts', 'export const x = window.location;\n')).toContain(
      'no-restricted-globals',
    );
  });

  it('keeps Node and Electron out of renderer/', async () => {
    expect(await errorsFor('renderer/src/probe.ts', "import path from 'path';\nexport const x = path;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await errorsFor(
        'renderer/src/probe.ts',
        "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(
      await errorsFor(
        'renderer/src/probe.ts',
        "import { openDatabase } from '../../electron/db/connection';\nexport const x = openDatabase;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('lets each runtime use what it owns', async () => {
    expect(await errorsFor('electron/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([]);
    expect(await errorsFor('renderer/src/probe.ts', 'export const x = window.location;\n')).toEqual([]);
  });
});
