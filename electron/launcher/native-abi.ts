import fs from 'node:fs';

/**
 * The Node module ABI a native addon was compiled for, read from the binary itself: non-N-API
 * addons such as better-sqlite3 export `node_register_module_v<ABI>`. This catches a rebuild
 * "for Electron" that silently compiled against Node's headers (npm's nodedir setting does that).
 */
export function readModuleAbi(file: string): number | null {
  const bytes = fs.readFileSync(file);
  const match = /node_register_module_v(\d+)/.exec(bytes.toString('latin1'));
  return match ? Number(match[1]) : null;
}
