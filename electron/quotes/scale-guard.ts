// The check every quote write makes before it writes (a file import, a Tiltfolio export, a
// refresh): do the new bars sit on another split scale than the cached ones they will stand
// beside? Refused unless the caller asked to rescale the older bars; the rule is in docs/engine.md
// ("A price file on another split scale").
import { ApiError } from '../../shared/api/errors';
import type { QuoteBar } from '../../shared/domain/bar';
import { oneRowPerDay } from '../../shared/quotes/merge';
import { describeScaleJump, factorText, findScaleJump, type ScaleJump } from '../../shared/quotes/scale-seam';
import { rescaleBar } from '../../shared/quotes/split-adjust';
import type { QuotesRepo, SourcedBar } from '../db/quotes-repo';

/** Bars about to be written for one symbol, each with the source and fetch time it is written under. */
export type IncomingBar = QuoteBar & { source: string; fetchedAt: string };

export interface ScaleWording {
  /** How the new prices are named in the message: `the file`, `yahoo's answer`. */
  what: string;
  /** What to do to rescale: `import it again with --rescale-older (…)`. */
  rescale: string;
}

export interface GuardedWrite<T extends IncomingBar> {
  /** The bars to write: rescaled when they were the older ones. */
  bars: T[];
  /** For the caller's message, e.g. `rescaled 2,994 older bars 20:1`; '' when nothing was. */
  note: string;
}

/** The cached rows the write leaves standing: those it does not overwrite (same source and day). */
function standing(quotes: QuotesRepo, symbol: string, incoming: readonly IncomingBar[]): SourcedBar[] {
  const replaced = new Set(incoming.map((bar) => `${bar.source}|${bar.day}`));
  return quotes.rows(symbol).filter((row) => !replaced.has(`${row.source}|${row.day}`));
}

function refuse(symbol: string, jump: ScaleJump, wording: ScaleWording): never {
  throw new ApiError('conflict', describeScaleJump(symbol, jump, wording.what, wording.rescale), [
    `${symbol}: ${factorText(jump.factor)} scale jump on ${jump.day}`,
  ]);
}

/**
 * Inside the caller's write transaction, before the write. Without `rescaleOlder` a scale jump
 * throws (the transaction rolls back, nothing is written). With it the older side is brought onto
 * the newer one's scale by the refresh's rescale rule: the cached bars the write leaves standing up
 * to its last day when the cache is older (or holds the same days), the new bars when they are
 * older (they end where the cache starts); then checked again.
 */
export function guardScale<T extends IncomingBar>(
  quotes: QuotesRepo,
  symbol: string,
  incoming: readonly T[],
  wording: ScaleWording,
  rescaleOlder: boolean,
): GuardedWrite<T> {
  const kept = standing(quotes, symbol, incoming);
  const jump = findScaleJump(oneRowPerDay(kept), oneRowPerDay(incoming));
  if (jump === null) return { bars: [...incoming], note: '' };
  if (!rescaleOlder) refuse(symbol, jump, wording);
  // cached ÷ new (numerator ÷ denominator): what the older side is divided by when the cache is
  // older, multiplied by otherwise; passed as the two terms so the rescale rounds once.
  const { numerator, denominator } = jump.factor;
  let bars = [...incoming];
  let count: number;
  if (jump.side === 'after') {
    bars = bars.map((bar) => rescaleBar(bar, denominator, numerator));
    count = bars.length;
  } else {
    const last = incoming.reduce((max, bar) => (bar.day > max ? bar.day : max), '');
    const older = kept.filter((row) => row.day <= last).map((row) => rescaleBar(row, numerator, denominator));
    quotes.setPrices(symbol, older);
    count = older.length;
  }
  const again = findScaleJump(oneRowPerDay(standing(quotes, symbol, bars)), oneRowPerDay(bars));
  if (again !== null) refuse(symbol, again, wording);
  const which = jump.side === 'after' ? 'new' : 'cached';
  return {
    bars,
    note: `rescaled ${count.toLocaleString('en-US')} older ${which} bar${count === 1 ? '' : 's'} by ${factorText(jump.factor)}`,
  };
}
