import { SLEEVES, type Sleeve, type SleeveWeights } from '../../../../shared/domain/sleeve';

export type PercentDraft = Record<Sleeve, string>;

export function toPercentDraft(weights: SleeveWeights | null): PercentDraft {
  const draft = {} as PercentDraft;
  // Two decimals of a percent: enough for any weight a person types, no float noise (0.13 → "13").
  for (const s of SLEEVES) draft[s] = weights ? String(Math.round(weights[s] * 10000) / 100) : '';
  return draft;
}

export interface ParsedWeights {
  weights: SleeveWeights | null;
  /** The typed percents' sum, for the running total. */
  total: number;
  problem: string | null;
}

/** Percent inputs → fractions of one, refusing anything the contract would (blank, negative, not 100 in all). */
export function parseWeights(draft: PercentDraft): ParsedWeights {
  const weights = {} as SleeveWeights;
  let total = 0;
  let problem: string | null = null;
  for (const s of SLEEVES) {
    const text = draft[s].trim().replace(/%$/, '');
    const value = text === '' ? NaN : Number(text);
    if (!Number.isFinite(value) || value < 0 || value > 100) {
      problem ??= 'Give every sleeve a weight from 0 to 100.';
      continue;
    }
    total += value;
    weights[s] = value / 100;
  }
  if (problem) return { weights: null, total, problem };
  if (Math.abs(total - 100) > 1e-4) return { weights: null, total, problem: 'The four weights must add up to 100 %.' };
  return { weights, total, problem: null };
}
