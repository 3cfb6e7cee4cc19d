/**
 * A float (a quote's close) as the decimal JavaScript prints for it, its shortest round-trip
 * form, but never in exponent notation: 1e-7 is written 0.0000001 and 1e21 in full.
 */
export function plainNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}.`);
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (match === null) return text;
  const [, sign = '', lead = '', rest = '', exponentText = '0'] = match;
  const digits = lead + rest;
  const exponent = Number(exponentText);
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  return (
    sign +
    (digits.length > exponent + 1
      ? `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`
      : digits.padEnd(exponent + 1, '0'))
  );
}
