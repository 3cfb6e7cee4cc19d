// The Electron fuses of the installed app, as electron-builder reads them from electron-builder.yml
// (its own loader and schema, so a misspelt key fails here rather than being ignored). Whether the
// packaged binary carries them is packaging.test.ts's part.
import fs from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('Electron fuses in electron-builder.yml', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await getConfig(root, null, null);
  });

  it('is a configuration electron-builder accepts, fuses included', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The schema does check the fuses: an unknown one is refused.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('turns off ELECTRON_RUN_AS_NODE, NODE_OPTIONS and the --inspect arguments', () => {
    expect(config.electronFuses?.runAsNode).toBe(false);
    expect(config.electronFuses?.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(config.electronFuses?.enableNodeCliInspectArguments).toBe(false);
  });

  it('encrypts cookies on disk', () => {
    expect(config.electronFuses?.enableCookieEncryption).toBe(true);
  });

  it('loads the app only from app.asar, and checks the asar’s integrity', () => {
    expect(config.electronFuses?.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses?.enableEmbeddedAsarIntegrityValidation).toBe(true);
    // Only-from-asar needs the app packed as one; without it the installed app would not start.
    expect(config.asar).toBe(true);
  });

  it('leaves main nothing that needs ELECTRON_RUN_AS_NODE (child_process.fork of Electron itself)', () => {
    const dir = path.join(root, 'electron', 'main');
    const sources = fs.readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(0);
    for (const file of sources) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE/);
    }
  });
});
