// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Subject } from '../../../../shared/api/portfolio-schemas';
import { BenchmarkField } from './benchmark-field';

afterEach(cleanup);

/** The field as the RRG card holds it; the chosen benchmark is printed to be read back. */
function Card() {
  const [value, setValue] = useState<Subject>({ kind: 'symbol', symbol: 'SPY' });
  return (
    <>
      <BenchmarkField id="b" value={value} symbols={['IWM', 'SPY', 'XLF']} onChange={setValue} />
      <output data-testid="benchmark">{JSON.stringify(value)}</output>
    </>
  );
}

describe('BenchmarkField', () => {
  it('suggests the cached symbols and takes one typed in lower case', async () => {
    const user = userEvent.setup();
    render(<Card />);
    const field = screen.getByRole('combobox', { name: 'Against' });
    const options = [...document.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(expect.arrayContaining(['IWM', 'SPY', 'XLF', 'Your portfolio', 'Financials sleeve']));
    await user.clear(field);
    await user.type(field, 'xlf{Enter}');
    expect(screen.getByTestId('benchmark').textContent).toBe('{"kind":"symbol","symbol":"XLF"}');
    expect(field).toHaveProperty('value', 'XLF');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses a symbol without cached prices, naming it, and keeps the benchmark', async () => {
    const user = userEvent.setup();
    render(<Card />);
    const field = screen.getByRole('combobox', { name: 'Against' });
    await user.clear(field);
    await user.type(field, 'nope{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'Against: no cached prices for NOPE. Import or refresh its quotes under Import & export, or pick a symbol from the list. The graph stays against SPY.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('benchmark').textContent).toBe('{"kind":"symbol","symbol":"SPY"}');
    // Leaving the field does the same; a good symbol then clears the message.
    await user.tab();
    expect(screen.getByRole('alert').textContent).toContain('NOPE');
    await user.clear(field);
    await user.type(field, 'Your portfolio{Enter}');
    expect(screen.getByTestId('benchmark').textContent).toBe('{"kind":"portfolio"}');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
