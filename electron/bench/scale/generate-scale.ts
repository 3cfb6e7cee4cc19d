// `node scripts/run-ts.mjs electron/bench/scale/generate-scale.ts DIR [--seed N] [--transactions N]
// [--instruments N] [--accounts N] [--bars N]`: writes the large benchmark portfolio into DIR,
// which `npm run web -- --data-dir DIR` then opens. Defaults: the full size of issue 20.
import { FULL_SCALE, writeScaleDataDir, type ScaleOptions } from './write-scale';

function parseArgs(argv: string[]): { dir: string; options: ScaleOptions } {
  const options: ScaleOptions = { ...FULL_SCALE };
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const key = arg.replace(/^--/, '') as keyof ScaleOptions;
    if (arg.startsWith('--') && key in options && key !== 'from' && key !== 'to') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg}: a whole number, not ${argv[i]}`);
      options[key] = value;
    } else if (!arg.startsWith('--') && dir === undefined) dir = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!dir)
    throw new Error(
      'usage: generate-scale.ts DIR [--seed N] [--transactions N] [--instruments N] [--accounts N] [--bars N]',
    );
  return { dir, options };
}

// No top-level await: scripts/run-ts.mjs bundles to CommonJS.
async function main(): Promise<void> {
  const { dir, options } = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const counts = await writeScaleDataDir(dir, options);
  console.log(JSON.stringify({ dir, ...counts, seconds: (Date.now() - started) / 1000 }));
}

main().catch((error: unknown) => {
  console.error(`generate-scale: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
