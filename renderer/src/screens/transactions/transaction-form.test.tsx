// @vitest-environment jsdom
// The form's exchange-rate field (issue 16): shown only for a trade in another currency than its
// account's, saying which way the rate goes, and sent as fxRate.
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { TransactionForm } from './transaction-form';

beforeAll(() => stubLayout());
afterEach(() => cleanup());

const accounts = [
  { name: 'Depot', currency: 'EUR' },
  { name: 'Brokerage', currency: 'USD' },
];

function setup() {
  const client = fakeClient({
    'transactions:create': (input: CallInput<'transactions:create'>) => ({
      id: 1,
      date: input.date,
      time: null,
      account: input.account,
      type: input.type,
      symbol: input.symbol ?? null,
      quantity: input.quantity ?? null,
      price: input.price ?? null,
      fee: null,
      amount: null,
      currency: input.currency,
      fxRate: input.fxRate ?? null,
      note: '',
    }),
  });
  renderWithClient(
    <TransactionForm accounts={accounts} editing={null} onDone={() => {}} onCancel={() => {}} />,
    client,
  );
  return client;
}

describe('the exchange rate field', () => {
  it('appears when the currency differs from the account’s, with the direction, and is sent', async () => {
    const user = userEvent.setup();
    const client = setup();
    // Depot is EUR and so is the currency: no rate to give.
    expect(screen.queryByLabelText('Exchange rate (optional)')).toBeNull();
    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'USD');
    const rate = screen.getByLabelText('Exchange rate (optional)');
    expect(
      screen.getByText("EUR per 1 USD, as your broker charged it. Left empty, the day's cached rate is used."),
    ).toBeTruthy();
    await user.type(screen.getByLabelText('Symbol'), 'JPM');
    await user.type(screen.getByLabelText('Quantity'), '10');
    await user.type(screen.getByLabelText('Price'), '78.47');
    await user.type(rate, '-1');
    await user.click(screen.getByRole('button', { name: 'Add transaction' }));
    expect(
      await screen.findByText('Write the exchange rate (fxRate) as a plain positive number, such as 1.0856.'),
    ).toBeTruthy();
    await user.clear(rate);
    await user.type(rate, '0.93150');
    await user.click(screen.getByRole('button', { name: 'Add transaction' }));
    await waitFor(() => expect(client.callsTo('transactions:create')).toHaveLength(1));
    expect(client.callsTo('transactions:create')[0]).toMatchObject({ currency: 'USD', fxRate: '0.93150' });
  });

  it('drops a rate left behind when the account changes to the trade’s currency', async () => {
    const user = userEvent.setup();
    const client = setup();
    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'USD');
    await user.type(screen.getByLabelText('Exchange rate (optional)'), '0.9315');
    await user.selectOptions(screen.getByLabelText('Account'), 'Brokerage');
    expect(screen.queryByLabelText('Exchange rate (optional)')).toBeNull();
    await user.type(screen.getByLabelText('Symbol'), 'JPM');
    await user.type(screen.getByLabelText('Quantity'), '10');
    await user.type(screen.getByLabelText('Price'), '78.47');
    await user.click(screen.getByRole('button', { name: 'Add transaction' }));
    await waitFor(() => expect(client.callsTo('transactions:create')).toHaveLength(1));
    expect(client.callsTo('transactions:create')[0]).toMatchObject({ account: 'Brokerage', fxRate: null });
  });
});
