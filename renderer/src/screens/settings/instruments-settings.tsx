import { useState } from 'react';
import { SLEEVE_LABELS, SLEEVES, type Sleeve } from '../../../../shared/domain/sleeve';
import { useInstruments, useUpdateInstrument } from '../../api/portfolio-hooks';
import { ErrorNote } from '../../components/error-note';
import { Notice } from '../../components/notice';

/** Which sleeve each instrument counts in: the default rule, or the user's choice. */
export function InstrumentsSettings() {
  const instruments = useInstruments();
  const update = useUpdateInstrument();
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  // Bumped when a typed currency is refused, so the inputs show the stored currencies again.
  const [resets, setResets] = useState(0);

  function change(symbol: string, value: string) {
    const sleeve = value === '' ? null : (value as Sleeve);
    update.mutate(
      { symbol, sleeve },
      {
        onSuccess: (row) =>
          setMessage({
            tone: 'info',
            text: `${row.symbol} now counts in ${SLEEVE_LABELS[row.sleeve]}${row.sleeveOverride ? '' : ' (the default)'}.`,
          }),
        onError: (error) => setMessage({ tone: 'error', text: `Could not change ${symbol}: ${error.message}` }),
      },
    );
  }

  /** A typed currency is sent once it is a three-letter code that differs from the stored one. */
  function changeCurrency(symbol: string, stored: string, typed: string) {
    const currency = typed.trim().toUpperCase();
    if (currency === stored) return;
    if (!/^[A-Z]{3}$/.test(currency)) {
      setMessage({ tone: 'error', text: `Write ${symbol}'s currency as a three-letter code such as USD.` });
      setResets((n) => n + 1);
      return;
    }
    update.mutate(
      { symbol, currency },
      {
        onSuccess: (row) => setMessage({ tone: 'info', text: `${row.symbol} is now priced in ${row.currency}.` }),
        onError: (error) => {
          setMessage({ tone: 'error', text: `Could not change ${symbol}: ${error.message}` });
          setResets((n) => n + 1);
        },
      },
    );
  }

  return (
    <section className="card" aria-labelledby="set-instruments-title">
      <h2 id="set-instruments-title">Sleeve and currency of each instrument</h2>
      <p className="muted small">
        Each instrument counts in one sleeve. The default comes from its symbol; choose another to override it. Its
        currency, the one its prices are in, comes from its first transaction or the price provider.
      </p>
      {message && (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      )}
      {instruments.isError && <ErrorNote what="list the instruments" error={instruments.error} />}
      {instruments.data && instruments.data.length === 0 && (
        <p className="muted">No instruments yet: they appear with your first buy or imported prices.</p>
      )}
      {instruments.data && instruments.data.length > 0 && (
        <div className="table-scroll short" tabIndex={0} role="region" aria-label="Instruments, scrollable">
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Sleeve</th>
                <th scope="col">Currency</th>
              </tr>
            </thead>
            <tbody>
              {instruments.data.map((row) => {
                const auto = row.sleeveOverride === null ? row.sleeve : null;
                return (
                  <tr key={row.symbol}>
                    <th scope="row">{row.symbol}</th>
                    <td>{row.name ?? ''}</td>
                    <td>{row.kind}</td>
                    <td>
                      <select
                        aria-label={`Sleeve of ${row.symbol}`}
                        value={row.sleeveOverride ?? ''}
                        disabled={update.isPending}
                        onChange={(e) => change(row.symbol, e.target.value)}
                      >
                        <option value="">Default{auto ? ` (${SLEEVE_LABELS[auto]})` : ''}</option>
                        {SLEEVES.map((s) => (
                          <option key={s} value={s}>
                            {SLEEVE_LABELS[s]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        key={`${row.currency} ${resets}`}
                        className="currency-input"
                        aria-label={`Currency of ${row.symbol}`}
                        defaultValue={row.currency}
                        maxLength={3}
                        size={4}
                        spellCheck={false}
                        disabled={update.isPending}
                        onBlur={(e) => changeCurrency(row.symbol, row.currency, e.target.value)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') changeCurrency(row.symbol, row.currency, e.currentTarget.value);
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
