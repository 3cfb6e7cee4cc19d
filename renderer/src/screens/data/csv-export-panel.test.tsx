// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../test-support/fake-client';
import { renderWithClient, stubLayout } from '../../test-support/render';
import { CsvExportPanel } from './csv-export-panel';

beforeAll(() => {
  stubLayout();
  // jsdom has no object URLs; the download itself is not what this test is about.
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

describe('the export panel', () => {
  it('asks for the formula guard by default, and not once the box is cleared', async () => {
    const user = userEvent.setup();
    const client = fakeClient({
      'csv:export': ({ kind }) => ({ kind, fileName: `tiltfolio-${kind}.csv`, content: 'x\r\n', rows: 0 }),
    });
    renderWithClient(<CsvExportPanel />, client);
    const box = screen.getByLabelText('Protect spreadsheets from formulas');
    expect((box as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Export transactions' }));
    await waitFor(() => expect(client.callsTo('csv:export')).toHaveLength(1));
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Export holdings' }));
    await waitFor(() => expect(client.callsTo('csv:export')).toHaveLength(2));
    expect(client.callsTo('csv:export')).toEqual([
      { kind: 'transactions', formulaGuard: true },
      { kind: 'holdings', formulaGuard: false },
    ]);
  });
});
