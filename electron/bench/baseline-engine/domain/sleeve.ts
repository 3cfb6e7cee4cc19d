// The four buckets every instrument falls into. The product's whole point is watching money
// rotate between these, so the list is closed: user overrides pick one of them.
export const SLEEVES = ['large_cap_tech', 'financials', 'small_caps', 'other'] as const;

export type Sleeve = (typeof SLEEVES)[number];

export const SLEEVE_LABELS: Record<Sleeve, string> = {
  large_cap_tech: 'Large-cap tech',
  financials: 'Financials',
  small_caps: 'Small caps',
  other: 'Other',
};

/** A weight per sleeve, as fractions of one (0.25 = 25 %). */
export type SleeveWeights = Record<Sleeve, number>;

export function isSleeve(value: unknown): value is Sleeve {
  return typeof value === 'string' && (SLEEVES as readonly string[]).includes(value);
}
