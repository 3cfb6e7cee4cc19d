// `npm run bench`: one JSON object per line, {"bench", "value", "unit"} plus "baseline" and
// "ratio" where a baseline is measured in the same run. Figures, never pass/fail.
import { benchCsv } from '../csv/bench/csv-bench';
import { benchQuotesReadSymbol, benchQuotesUpsert } from '../db/bench/quotes-bench';
import { benchHttpCall } from './api-bench';
import { APP_CASES, benchApp } from './app/app-bench';
import { benchEngineRecompute, benchEngineRevalue, benchEngineRotation } from './engine-bench';
import type { BenchResult } from './measure';

const cases: Record<string, () => Promise<BenchResult | BenchResult[]>> = {
  'api.http_call': benchHttpCall,
  'quotes.upsert': async () => benchQuotesUpsert(),
  'quotes.read_symbol': async () => benchQuotesReadSymbol(),
  'engine.recompute': benchEngineRecompute,
  'engine.revalue': benchEngineRevalue,
  'engine.rotation': benchEngineRotation,
  // csv.import_transactions and csv.export_transactions, on one generated file.
  csv: () => benchCsv(),
  // What a person feels, large portfolio against the demo (issue 20): one run serves every app.* case.
  ...Object.fromEntries(
    APP_CASES.map((name) => [name, async () => (await benchApp()).filter((result) => result.bench === name)]),
  ),
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((prefix) => !Object.keys(cases).some((name) => name.startsWith(prefix)));
  if (unknown.length > 0) {
    console.error(`bench: no benchmark named ${unknown.join(', ')}; there are ${Object.keys(cases).join(', ')}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(cases)) {
    if (only.length > 0 && !only.some((prefix) => name.startsWith(prefix))) continue;
    const results = await run();
    for (const result of Array.isArray(results) ? results : [results]) console.log(JSON.stringify(result));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
