// A Schwab transactions export read by hand for the tests: its own parsing and exact integer
// arithmetic (10⁻⁵ dollars as BigInt), independent of the importer, the presets and the engine.

/** "$170.00", "-$17000.03" → thousandths of a cent as a BigInt (10⁻⁵ dollars), by string work. */
function units(text: string): bigint {
  const match = /^(-?)\$?(\d+)(?:\.(\d{1,5}))?$/.exec(text.replace(/,/g, ''));
  if (!match) throw new Error(`not a Schwab number: ${text}`);
  const value = BigInt((match[2] ?? '') + (match[3] ?? '').padEnd(5, '0'));
  return match[1] === '-' ? -value : value;
}

/** A count of 10⁻⁵ units as a plain decimal, trailing zeros dropped (any currency, not only dollars). */
export const dollars = (value: bigint) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const fraction = (abs % 100000n).toString().padStart(5, '0').replace(/0+$/, '');
  return `${sign}${abs / 100000n}${fraction ? `.${fraction}` : ''}`;
};

/**
 * The file as a person reads it: every Amount moves cash; a Buy adds shares at their cost with the
 * commission, a Sell takes shares off at the average cost per share (one lot here, so FIFO agrees).
 */
export function readByHand(text: string) {
  const [, ...lines] = text.trim().split('\n');
  const rows = lines
    .map((line) => line.slice(1, -1).split('","'))
    .map(([date = '', action = '', symbol = '', , quantity = '', , , amount = '']) => {
      const [m, d, y] = date.split('/');
      return { day: `${y}-${m}-${d}`, action, symbol, quantity, amount };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let cash = 0n;
  const shares = new Map<string, bigint>();
  const cost = new Map<string, bigint>();
  const realised = new Map<string, bigint>();
  for (const row of rows) {
    const amount = units(row.amount);
    cash += amount;
    const held = shares.get(row.symbol) ?? 0n;
    const q = BigInt(row.quantity || '0');
    if (row.action === 'Buy') {
      shares.set(row.symbol, held + q);
      cost.set(row.symbol, (cost.get(row.symbol) ?? 0n) - amount);
    } else if (row.action === 'Sell') {
      const soldCost = ((cost.get(row.symbol) ?? 0n) * q) / held;
      shares.set(row.symbol, held - q);
      cost.set(row.symbol, (cost.get(row.symbol) ?? 0n) - soldCost);
      realised.set(row.symbol, (realised.get(row.symbol) ?? 0n) + amount - soldCost);
    }
  }
  return { cash, shares, cost, realised };
}
