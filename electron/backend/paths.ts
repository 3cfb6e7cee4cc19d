import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Tiltfolio';
export const DB_FILE_NAME = 'tiltfolio.sqlite';

/**
 * The folder Electron's app.getPath('userData') gives for this product, computed without
 * Electron so the browser host and the CLI find the same database as the desktop app.
 */
export function platformUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}

/** --data-dir wins, then TILTFOLIO_DATA_DIR, then the platform's user-data folder. */
export function resolveDataDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  fallback: () => string = () => platformUserDataDir(),
): string {
  const chosen = flag ?? (env.TILTFOLIO_DATA_DIR || undefined);
  return path.resolve(chosen ?? fallback());
}

export function dbPathIn(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}
