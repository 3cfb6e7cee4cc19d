import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbPathIn, platformUserDataDir, resolveDataDir } from './paths';

describe('data folder', () => {
  it('matches Electron userData on each platform', () => {
    expect(platformUserDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Tiltfolio');
    expect(platformUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ann')).toBe('/cfg/Tiltfolio');
    expect(platformUserDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Tiltfolio');
    expect(platformUserDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe(
      path.join('C:\\Users\\ann\\AppData\\Roaming', 'Tiltfolio'),
    );
  });

  it('prefers --data-dir, then TILTFOLIO_DATA_DIR, then the platform folder', () => {
    const fallback = () => '/platform/Tiltfolio';
    expect(resolveDataDir('/flag', { TILTFOLIO_DATA_DIR: '/env' }, fallback)).toBe('/flag');
    expect(resolveDataDir(undefined, { TILTFOLIO_DATA_DIR: '/env' }, fallback)).toBe('/env');
    expect(resolveDataDir(undefined, { TILTFOLIO_DATA_DIR: '' }, fallback)).toBe('/platform/Tiltfolio');
    expect(resolveDataDir('relative', {}, fallback)).toBe(path.resolve('relative'));
    expect(dbPathIn('/d')).toBe('/d/tiltfolio.sqlite');
  });
});
