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

  it('keeps Electron out of electron/ except its main and preload processes', async () => {
    const staticImport = "import { app } from 'electron';\nexport const x = app;\n";
    const typeImport = "import type { WebContents } from 'electron';\nexport type X = WebContents;\n";
    const dynamicImport = "export const x = await import('electron');\n";
    for (const folder of ['backend', 'db', 'csv', 'quotes', 'cli', 'web', 'launcher', 'bench', 'test-support']) {
      const file = `electron/${folder}/probe.ts`;
      expect(await errorsFor(file, staticImport), file).toContain('no-restricted-imports');
      expect(await errorsFor(file, typeImport), file).toContain('no-restricted-imports');
      expect(await errorsFor(file, dynamicImport), file).toContain('no-restricted-syntax');
    }
    expect(await errorsFor('electron/probe.ts', staticImport)).toContain('no-restricted-imports');
    for (const file of [
      'electron/main/probe.ts',
      'electron/main/probe.test.ts',
      'electron/preload/probe.ts',
      'electron/test-support/electron-double.ts',
    ]) {
      expect(await errorsFor(file, staticImport), file).toEqual([]);
      expect(await errorsFor(file, dynamicImport), file).toEqual([]);
    }
    // Still no renderer in Electron's own processes.
    expect(
      await errorsFor('electron/main/probe.ts', "import React from 'react';\nexport const x = React;\n"),
    ).toContain('no-restricted-imports');
  });

  it('lets each runtime use what it owns', async () => {
    expect(await errorsFor('electron/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toEqual([]);
    expect(await errorsFor('renderer/src/probe.ts', 'export const x = window.location;\n')).toEqual([]);
  });
});
