import { formatMoneyFit } from '../format/format';
import './fit-money.css';

type Numeric = number | string | null | undefined;

/**
 * A figure shown shorter than it is (a compact sum, a rounded share count): the exact figure in
 * the title (on hover), shown again on keyboard focus, and read out by screen readers. Plain text
 * when nothing was shortened.
 */
export function ShortFigure({ text, full }: { text: string; full: string }) {
  if (text === full) return <>{text}</>;
  return (
    <span className="fit-money" tabIndex={0} title={full} data-full={full}>
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{full}</span>
    </span>
  );
}

/** A sum on a card: in full below a million; beyond, compact ("$1.29B") with the exact figure beside. */
export function FitMoney({ value, currency, signed = false }: { value: Numeric; currency: string; signed?: boolean }) {
  const fit = formatMoneyFit(value, currency, signed);
  return <ShortFigure text={fit.text} full={fit.full} />;
}
