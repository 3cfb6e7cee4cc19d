// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallOutput } from '../../../../shared/api/contract';
import { ApiError } from '../../../../shared/api/errors';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { FxRatesSettings } from './fx-rates-settings';

afterEach(cleanup);

const ECB = 'Date,USD,JPY,\n2016-11-14,1.0777,116.27,\n';

function setup() {
  let pairs: CallOutput<'fx:pairs'> = [
    { base: 'EUR', quote: 'USD', firstDay: '1999-01-04', lastDay: '2026-04-13', days: 6983, sources: 'ecb,manual' },
  ];
  const client = fakeClient({
    'fx:pairs': () => pairs,
    'fx:importFiles': ({ files }: CallInput<'fx:importFiles'>) => {
      if (files.some((f) => f.fileName === 'bad.csv'))
        throw new ApiError('invalid_input', 'bad.csv line 2, column USD: "x" is not a rate above zero.');
      return {
        rates: 2,
        files: [{ fileName: files[0]!.fileName, format: 'ecb', rates: 2, skipped: 0 }],
        pairs: [
          { base: 'EUR', quote: 'JPY', rates: 1, firstDay: '2016-11-14', lastDay: '2016-11-14' },
          { base: 'EUR', quote: 'USD', rates: 1, firstDay: '2016-11-14', lastDay: '2016-11-14' },
        ],
      };
    },
    'fx:setManualRate': (input: CallInput<'fx:setManualRate'>) => ({
      ...(input as { base: string; quote: string; day: string; rate: string }),
      source: 'manual',
      fetchedAt: '2026-01-01T00:00:00Z',
    }),
    'fx:deletePair': ({ base, quote }: CallInput<'fx:deletePair'>) => {
      pairs = [];
      return { base, quote, deleted: 6990 };
    },
  });
  renderWithClient(<FxRatesSettings baseCurrency="USD" />, client);
  return client;
}

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('the exchange rates card', () => {
  it('lists each pair with its span, days and sources', async () => {
    setup();
    const row = await screen.findByRole('row', { name: /EUR\/USD/ });
    expect(within(row).getByText('6,983')).toBeTruthy();
    expect(within(row).getByText('ECB file, typed')).toBeTruthy();
  });

  it('uploads the chosen file as text and says what was imported; a refusal names the line', async () => {
    const client = setup();
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText('Rate files'), csv('eurofxref-hist.csv', ECB));
    await user.click(screen.getByRole('button', { name: 'Import rates' }));
    expect(
      await screen.findByText('Imported 2 rates for 2 pairs from eurofxref-hist.csv (ECB reference rates).'),
    ).toBeTruthy();
    expect(client.callsTo('fx:importFiles')).toEqual([{ files: [{ fileName: 'eurofxref-hist.csv', content: ECB }] }]);

    await user.upload(screen.getByLabelText('Rate files'), csv('bad.csv', ECB));
    await user.click(screen.getByRole('button', { name: 'Import rates' }));
    await waitFor(() =>
      expect(screen.getByText(/Not imported: bad.csv line 2, column USD: "x" is not a rate above zero./)).toBeTruthy(),
    );
  });

  it('sends a typed rate as typed and refuses one that is not a decimal before sending', async () => {
    const client = setup();
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: 'Type a rate' });
    await user.type(within(form).getByLabelText('Date'), '2016-11-14');
    await user.type(within(form).getByLabelText('Rate'), '1,0777');
    await user.click(within(form).getByRole('button', { name: 'Save rate' }));
    expect(within(form).getByText(/Rate: Type the rate as a decimal above zero/)).toBeTruthy();
    expect(client.callsTo('fx:setManualRate')).toEqual([]);

    await user.clear(within(form).getByLabelText('Rate'));
    await user.type(within(form).getByLabelText('Rate'), '1.0777');
    await user.click(within(form).getByRole('button', { name: 'Save rate' }));
    expect(await within(form).findByText(/Saved 1 EUR = 1.0777 USD on/)).toBeTruthy();
    expect(client.callsTo('fx:setManualRate')).toEqual([
      { base: 'EUR', quote: 'USD', day: '2016-11-14', rate: '1.0777' },
    ]);
  });

  it('deletes a pair only after a second click', async () => {
    const client = setup();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Delete EUR/USD' }));
    expect(client.callsTo('fx:deletePair')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Delete 6,983 rates' }));
    expect(await screen.findByText('Deleted 6,990 rates of EUR/USD.')).toBeTruthy();
    expect(client.callsTo('fx:deletePair')).toEqual([{ base: 'EUR', quote: 'USD' }]);
  });
});
