// "An RS line crossing its average" for signals: relative-strength.ts's crossings, which count only
// after DEFAULT_RS_CONFIRM closes in a row on the new side (docs/engine.md), as every label uses.
import type { Bar } from '../domain/bar';
import { DEFAULT_RS_AVERAGE, relativeStrength, type RegimeChange } from './relative-strength';

/** The days from `from` on that A's relative strength against B crossed its average and stayed crossed. */
export function regimeCrossings(a: readonly Bar[], b: readonly Bar[], from: string): RegimeChange[] {
  return relativeStrength(a, b, { maPeriod: DEFAULT_RS_AVERAGE, from }).crossings;
}
