import { holdingHref } from '../app/use-route';

/** A symbol wherever it is shown: a link to its holding's page (for one account when given). */
export function SymbolLink({
  symbol,
  account,
  className = 'symbol',
}: {
  symbol: string;
  account?: string;
  className?: string;
}) {
  return (
    <a className={`symbol-link ${className}`} href={holdingHref(symbol, account)}>
      {symbol}
    </a>
  );
}
