import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { isSleeve, SLEEVE_LABELS } from '../../../../shared/domain/sleeve';

/** A subject as one string, for <select> values and query keys: portfolio, sleeve:x, symbol:X. */
export function subjectKey(subject: Subject): string {
  if (subject.kind === 'portfolio') return 'portfolio';
  return subject.kind === 'sleeve' ? `sleeve:${subject.sleeve}` : `symbol:${subject.symbol}`;
}

export function parseSubjectKey(key: string): Subject {
  if (key === 'portfolio') return { kind: 'portfolio' };
  const [kind, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'sleeve' && isSleeve(rest)) return { kind: 'sleeve', sleeve: rest };
  return { kind: 'symbol', symbol: rest };
}

export function subjectName(subject: Subject): string {
  if (subject.kind === 'portfolio') return 'Your portfolio';
  return subject.kind === 'sleeve' ? `${SLEEVE_LABELS[subject.sleeve]} sleeve` : subject.symbol;
}

export interface Preset {
  id: string;
  label: string;
  /** Candidates in order: the first with cached prices is used. */
  subject: string[];
  vs: string[];
}

export const PRESETS: Preset[] = [
  { id: 'small-vs-large', label: 'Small caps vs S&P 500', subject: ['RUT', '^RUT', 'IWM'], vs: ['SPY', '^GSPC'] },
  { id: 'fin-vs-tech', label: 'Financials vs tech', subject: ['XLF'], vs: ['XLK'] },
];

export function resolvePreset(preset: Preset, cached: ReadonlySet<string>): { subject: Subject; vs: Subject } {
  const pick = (candidates: string[]) => candidates.find((s) => cached.has(s)) ?? (candidates[0] as string);
  return { subject: { kind: 'symbol', symbol: pick(preset.subject) }, vs: { kind: 'symbol', symbol: pick(preset.vs) } };
}
