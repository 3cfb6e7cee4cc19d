// THE SEAM for "an RS line crossing its average" in signals. Today it is the plain crossing of
// relative-strength.ts; the hysteresis of the RRG work (wip-rrg, shared/view/verdicts.ts) is to
// replace this body, and signals pick it up with no other change.
import type { Bar } from '../domain/bar';
import { DEFAULT_RS_AVERAGE, relativeStrength, type RegimeChange } from './relative-strength';

/** The days from `from` on that A's relative strength against B crossed its average and stayed crossed. */
export function regimeCrossings(a: readonly Bar[], b: readonly Bar[], from: string): RegimeChange[] {
  return relativeStrength(a, b, { maPeriod: DEFAULT_RS_AVERAGE, from }).crossings;
}
