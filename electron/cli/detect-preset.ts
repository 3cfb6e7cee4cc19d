// `tiltfolio tx import FILE` without --preset: the layout is told from the file's header, as the
// import screen tells it (csv:preview's suggestion), and the CLI says which preset it chose.
import path from 'node:path';
import { calls } from '../../shared/api/contract';
import { presetMisses } from '../../shared/csv/detect';
import { BUILT_IN_PRESETS } from '../../shared/csv/presets';
import type { Backend } from '../backend/backend';
import { readHead } from '../csv/csv-service';
import { CliFailure, type CliIo } from './session';

const CLOSEST = 3;

/**
 * The built-in preset whose columns FILE's header has, named on stdout. Undefined when the file
 * cannot be read: the import itself then says so. Exits 1 naming the file and the columns each
 * of the closest presets looked for when none fits.
 */
export async function detectPreset(
  backend: Backend,
  io: CliIo,
  file: string,
  delimiter: string | undefined,
): Promise<string | undefined> {
  let head: string;
  try {
    head = readHead(file).head;
  } catch {
    return undefined;
  }
  const name = path.basename(file);
  const preview = await backend.handlers['csv:preview'](
    calls['csv:preview'].input.parse({ content: head, ...(delimiter === undefined ? {} : { delimiter }) }),
  );
  if (preview.suggestedPreset !== null) {
    io.out(`${name}: preset ${preview.suggestedPreset}, detected from its header (--preset NAME chooses another).\n`);
    return preview.suggestedPreset;
  }
  const header = preview.header.map((h) => h.trim()).filter((h) => h !== '');
  if (header.length === 0) {
    io.err(`tiltfolio: ${name} line 1: there is no header row to tell the layout from; name it with --preset NAME.\n`);
    throw new CliFailure(1);
  }
  const closest = presetMisses(header, BUILT_IN_PRESETS).slice(0, CLOSEST);
  io.err(
    `tiltfolio: ${name} line 1: no preset fits this header (${header.join(', ')}).\n` +
      `  Looked for each preset's required columns; the closest:\n` +
      closest
        .map((miss) => `    ${miss.preset}: ${miss.required.join(', ')} (missing ${miss.missing.join(', ')})\n`)
        .join('') +
      '  Name the layout with --preset NAME (`tiltfolio tx presets` lists every preset and its columns),\n' +
      '  or map the columns on the import screen of the app and save the mapping as a preset.\n',
  );
  throw new CliFailure(1);
}
