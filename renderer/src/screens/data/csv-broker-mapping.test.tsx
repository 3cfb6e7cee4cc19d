// @vitest-environment jsdom
// The mapping step for a US broker's file: several fee columns, one account and one currency typed
// for the whole file, and problems that name the screen's own fields, never a CLI option.
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '../../../../shared/api/contract';
import type { CsvPreview, ImportResult } from '../../../../shared/api/csv-schemas';
import { bindHeader } from '../../../../shared/csv/convert';
import { emptyImportResult } from '../../../../shared/csv/import-result';
import { describeProblems } from '../../../../shared/csv/problems';
import { mappingPreset } from '../../../../shared/csv/presets/mapping';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { TransactionsCsvSection } from './transactions-csv-section';

beforeAll(() => stubLayout());
afterEach(cleanup);

const HEADER = ['Run Date', 'Action', 'Symbol', 'Quantity', 'Price ($)', 'Commission ($)', 'Fees ($)', 'Amount ($)'];
const ROW = ['01/15/2024', 'YOU BOUGHT', 'AAPL', '10', '$150.00', '$4.95', '$0.05', '-$1,505.00'];

const preview: CsvPreview = {
  delimiter: ',',
  header: HEADER,
  rows: [ROW],
  suggestedPreset: null,
  mapping: {
    columns: {
      date: 'Run Date',
      type: 'Action',
      symbol: 'Symbol',
      quantity: 'Quantity',
      price: 'Price ($)',
      fee: 'Commission ($)',
      amount: 'Amount ($)',
    },
    extraFees: ['Fees ($)'],
  },
  dateFormat: 'MM/DD/YYYY',
  numberFormat: '1,234.56',
  columnValues: HEADER.map((_, i) => [ROW[i] ?? '']),
  problem: null,
};

/** What the backend answers the app: the shared binding's own problems, worded for the app. */
function answer(input: CallInput<'csv:import'>): ImportResult {
  const preset = mappingPreset('custom', 'Custom', input.mapping ?? { columns: {} }, {
    delimiter: ',',
    dateFormat: 'MM/DD/YYYY',
    numberFormat: '1,234.56',
  });
  const bound = bindHeader(preset, HEADER, { account: input.account ?? null, currency: input.currency ?? null });
  const result = { ...emptyImportResult('job', 'history.csv', 'custom', input.dryRun ?? false), rows: 1 };
  if (bound.ok) return { ...result, committed: !input.dryRun, added: 1 };
  return {
    ...result,
    errors: bound.problems,
    errorCount: bound.problems.length,
    errorMessages: describeProblems('history.csv', bound.problems, bound.problems.length),
  };
}

async function open() {
  const user = userEvent.setup();
  const client = fakeClient({
    'csv:presets': () => ({ presets: [] }),
    'csv:preview': () => preview,
    'csv:import': answer,
  });
  renderWithClient(<TransactionsCsvSection />, client);
  await user.upload(
    screen.getByLabelText('Transactions CSV file'),
    new File([`${HEADER.join(',')}\n${ROW.join(',')}\n`], 'history.csv', { type: 'text/csv' }),
  );
  await screen.findByTestId('csv-preview');
  return { user, client };
}

describe('the mapping step for a broker file', () => {
  it('shows the suggested second fee column, adds and removes others, and sends them all', async () => {
    const { user, client } = await open();
    expect((screen.getByLabelText('Fee') as HTMLSelectElement).value).toBe('Commission ($)');
    expect((screen.getByLabelText('Plus fee column 2') as HTMLSelectElement).value).toBe('Fees ($)');
    await user.click(screen.getByRole('button', { name: 'Add another fee column' }));
    const third = screen.getByLabelText('Plus fee column 3') as HTMLSelectElement;
    expect(third.value).toBe('');
    await user.selectOptions(third, 'Quantity');
    expect(third.value).toBe('Quantity');
    await user.selectOptions(third, '(none)');
    expect(screen.queryByLabelText('Plus fee column 3')).toBeNull();

    expect(screen.getByTestId('csv-missing').textContent).toBe('Not mapped yet: Account, Currency.');
    await user.type(screen.getByLabelText('Account for every row'), 'Fidelity');
    await user.type(screen.getByLabelText('Currency for every row'), 'usd');
    expect((screen.getByLabelText('Currency for every row') as HTMLInputElement).value).toBe('USD');
    expect(screen.queryByTestId('csv-missing')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByText(/Imported 1 row/)).toBeTruthy();
    expect(client.callsTo('csv:import')[0]).toMatchObject({
      account: 'Fidelity',
      currency: 'USD',
      mapping: {
        columns: { fee: 'Commission ($)', amount: 'Amount ($)' },
        extraFees: ['Fees ($)'],
        constants: { currency: 'USD' },
      },
    });
  });

  it('words a missing account or currency with the fields of this screen, never a CLI option', async () => {
    const { user } = await open();
    await user.click(screen.getByRole('button', { name: 'Check (dry run)' }));
    const alert = await screen.findByRole('alert');
    const messages = within(alert)
      .getAllByRole('listitem')
      .map((item) => item.textContent ?? '');
    expect(messages).toEqual([
      'history.csv line 1: has no account column: type it in “Account for every row” in the mapping step',
      'history.csv line 1: has no currency column: type it in “Currency for every row” in the mapping step',
    ]);
    expect(alert.textContent).not.toMatch(/--[a-z]/);
    // Each message names a field the screen really has.
    for (const message of messages) {
      const field = /“([^”]+)”/.exec(message)?.[1] ?? '';
      expect(screen.getByLabelText(field)).toBeTruthy();
    }
  });
});
