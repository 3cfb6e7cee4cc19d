import { useSettings } from '../../api/quote-hooks';
import { ErrorNote } from '../../components/error-note';
import { Screen } from '../../components/screen';
import { AppearanceSettings } from './appearance-settings';
import { AttributionSettings } from './attribution-settings';
import { BackupSettings } from './backup-settings';
import { BaseCurrencySettings } from './base-currency-settings';
import { FxRatesSettings } from './fx-rates-settings';
import { InstrumentsSettings } from './instruments-settings';
import { PortfolioSettings } from './portfolio-settings';
import { AccountCostMethods } from './account-cost-methods';
import { QuotesSettings } from './quotes-settings';
import { WeightsSettings } from './weights-settings';
import './settings.css';

export function SettingsScreen() {
  const settings = useSettings();
  const s = settings.data;
  return (
    <Screen title="Settings">
      {settings.isError && <ErrorNote what="load the settings" error={settings.error} />}
      {s && (
        <>
          <QuotesSettings settings={s} />
          <div className="two-up">
            <PortfolioSettings settings={s} />
            <AccountCostMethods />
            <AppearanceSettings settings={s} />
          </div>
          <BaseCurrencySettings settings={s} />
          <FxRatesSettings baseCurrency={s.baseCurrency} />
          <WeightsSettings settings={s} />
          <AttributionSettings settings={s} />
          <InstrumentsSettings />
          <BackupSettings settings={s} />
        </>
      )}
    </Screen>
  );
}
