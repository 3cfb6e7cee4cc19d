import { Screen } from '../../components/screen';
import { DeleteBarsForm } from './delete-bars-form';
import { ImportQuotesForm } from './import-quotes-form';
import { ManualPriceForm } from './manual-price-form';
import { RefreshPanel } from './refresh-panel';
import { TransactionsCsvSection } from './transactions-csv-section';
import './data-screen.css';

export function DataScreen() {
  return (
    <Screen title="Import & export">
      <RefreshPanel />
      <div className="two-up">
        <ImportQuotesForm />
        <ManualPriceForm />
      </div>
      <DeleteBarsForm />
      <TransactionsCsvSection />
    </Screen>
  );
}
