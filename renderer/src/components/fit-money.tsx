import { formatMoneyFit } from '../format/format';
import './fit-money.css';

type Numeric = number | string | null | undefined;

/**
 * A sum on a card: in full below a million; beyond, compact ("$1.29B") with the exact figure in
 * the title (on hover), shown again on keyboard focus, and read out in full by screen readers.
 */
export function FitMoney({ value, currency, signed = false }: { value: Numeric; currency: string; signed?: boolean }) {
  const fit = formatMoneyFit(value, currency, signed);
  if (!fit.compact) return <>{fit.text}</>;
  return (
    <span className="fit-money" tabIndex={0} title={fit.full} data-full={fit.full}>
      <span aria-hidden="true">{fit.text}</span>
      <span className="visually-hidden">{fit.full}</span>
    </span>
  );
}
