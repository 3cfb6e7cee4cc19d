// Prints the quote benchmarks as JSON lines: node <bundle> [upsert|read]...
import { benchQuotesReadSymbol, benchQuotesUpsert } from './quotes-bench';

const wanted = new Set(process.argv.slice(2));
const all = wanted.size === 0;
if (all || wanted.has('upsert')) for (const line of benchQuotesUpsert()) console.log(JSON.stringify(line));
if (all || wanted.has('read')) for (const line of benchQuotesReadSymbol()) console.log(JSON.stringify(line));
