// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../shared/api/errors';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient } from '../../test-support/render';
import { ImportQuotesForm } from './import-quotes-form';

afterEach(cleanup);

const YAHOO = 'Date,Open,High,Low,Close,Adj Close,Volume\n2019-02-21,1,2,0.5,1.5,1.4,100\n';
const EXPORT = 'symbol,date,close\nAAPL,2019-02-21,150\nJPM,2019-02-21,100\nJPM,2019-02-22,101\n';

function setup() {
  const client = fakeClient({
    'quotes:importFile': ({ fileName, content, symbol, rescaleOlder }) => {
      if (fileName === 'amzn-later.csv') {
        if (!rescaleOlder)
          throw new ApiError('conflict', 'AMZN on 2022-06-01: the cache holds 2,404.2 (2022-05-31), … a 20:1 ratio', [
            'AMZN: 20:1 scale jump on 2022-06-01',
          ]);
        return {
          bars: 146,
          symbols: [{ symbol: 'AMZN', bars: 146 }],
          note: 'rescaled 3,124 older cached bars by 20:1',
        };
      }
      if (fileName === 'bad.csv')
        throw new ApiError('invalid_input', 'bad.csv line 2, column Close: "x" is not a number');
      const lines = content.trim().split('\n').length - 1;
      return content.startsWith('symbol')
        ? {
            bars: lines,
            symbols: [
              { symbol: 'AAPL', bars: 1 },
              { symbol: 'JPM', bars: 2 },
            ],
          }
        : { bars: lines, symbols: [{ symbol: symbol ?? fileName.replace('.csv', '').toUpperCase(), bars: lines }] };
    },
  });
  renderWithClient(<ImportQuotesForm />, client);
  const form = screen.getByRole('form', { name: 'Import prices from a file' });
  return { client, form, input: within(form).getByLabelText('CSV files') };
}

const csv = (name: string, text: string) => new File([text], name, { type: 'text/csv' });

describe('importing price files', () => {
  it('imports several files in one go, each on its own, and says per file what happened', async () => {
    const user = userEvent.setup();
    const { client, form, input } = setup();
    await user.upload(input, [csv('vti.csv', YAHOO), csv('bad.csv', YAHOO), csv('all.csv', EXPORT)]);
    expect((within(form).getByLabelText('Symbol (optional, one file)') as HTMLInputElement).disabled).toBe(true);
    await user.click(within(form).getByRole('button', { name: 'Import 3 files' }));

    const outcomes = await within(form).findByRole('list', { name: 'Files imported' });
    expect(
      within(outcomes)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'vti.csv: Imported 1 daily close for VTI.',
      'bad.csv: Not imported: bad.csv line 2, column Close: "x" is not a number',
      'all.csv: Imported 3 daily closes for AAPL (1), JPM (2).',
    ]);
    expect(form.textContent).toContain('2 of 3 files imported; nothing was written from the other.');
    // One call per file, in the order chosen, with each file's own text and no symbol.
    expect(client.callsTo('quotes:importFile')).toEqual([
      { fileName: 'vti.csv', content: YAHOO },
      { fileName: 'bad.csv', content: YAHOO },
      { fileName: 'all.csv', content: EXPORT },
    ]);
  });

  it('keeps the one-file form: a typed symbol, the result as a sentence, a failure as the problem', async () => {
    const user = userEvent.setup();
    const { client, form, input } = setup();
    await user.upload(input, csv('russell.csv', YAHOO));
    await user.type(within(form).getByLabelText('Symbol (optional, one file)'), '^RUT');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(await within(form).findByText('Imported 1 daily close for ^RUT.')).toBeDefined();
    expect(client.callsTo('quotes:importFile')).toEqual([{ fileName: 'russell.csv', content: YAHOO, symbol: '^RUT' }]);

    await user.upload(input, csv('bad.csv', YAHOO));
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(
      await within(form).findByText('Could not import bad.csv: bad.csv line 2, column Close: "x" is not a number'),
    ).toBeDefined();
  });

  it('offers to rescale the older bars when a file sits on another split scale, and imports it so', async () => {
    const user = userEvent.setup();
    const { client, form, input } = setup();
    await user.upload(input, csv('amzn-later.csv', YAHOO));
    await user.type(within(form).getByLabelText('Symbol (optional, one file)'), 'AMZN');
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    expect(await within(form).findByText(/Could not import amzn-later.csv: AMZN on 2022-06-01/)).toBeDefined();
    // A bad file gets no such offer; this one does.
    await user.click(within(form).getByRole('button', { name: 'Rescale older bars and import amzn-later.csv' }));
    expect(
      await within(form).findByText(
        'Imported 146 daily closes for AMZN. First rescaled 3,124 older cached bars by 20:1.',
      ),
    ).toBeDefined();
    expect(client.callsTo('quotes:importFile')).toEqual([
      { fileName: 'amzn-later.csv', content: YAHOO, symbol: 'AMZN' },
      { fileName: 'amzn-later.csv', content: YAHOO, symbol: 'AMZN', rescaleOlder: true },
    ]);
    expect(within(form).queryByRole('button', { name: /Rescale older bars/ })).toBeNull();
  });

  it('makes no offer for a file refused for another reason', async () => {
    const user = userEvent.setup();
    const { form, input } = setup();
    await user.upload(input, csv('bad.csv', YAHOO));
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await within(form).findByText(/Could not import bad.csv/);
    expect(within(form).queryByRole('button', { name: /Rescale older bars/ })).toBeNull();
  });
});
