import { CsvExportPanel } from './csv-export-panel';
import { CsvImportForm } from './csv-import-form';
import './transactions-csv.css';

/** Transactions in and out as CSV: import with a mapping step, and every export. */
export function TransactionsCsvSection() {
  return (
    <section className="card csv-section" aria-labelledby="tx-csv-title" data-testid="transactions-csv">
      <h2 id="tx-csv-title">Transactions CSV</h2>
      <CsvImportForm />
      <CsvExportPanel />
    </section>
  );
}
