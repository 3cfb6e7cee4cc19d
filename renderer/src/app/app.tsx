import type { ReactNode } from 'react';
import { useAppInfo, useDataChangedInvalidation } from '../api/hooks';
import { useQueriesSettled } from '../components/use-queries-settled';
import { RefreshJobProvider } from '../api/refresh-job';
import { DashboardScreen } from '../screens/dashboard/dashboard-screen';
import { DataScreen } from '../screens/data/data-screen';
import { HealthScreen } from '../screens/health/health-screen';
import { HoldingScreen } from '../screens/holding/holding-screen';
import { HoldingsScreen } from '../screens/holdings/holdings-screen';
import { RealizedScreen } from '../screens/realized/realized-screen';
import { IncomeScreen } from '../screens/income/income-screen';
import { RotationScreen } from '../screens/rotation/rotation-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { TransactionsScreen } from '../screens/transactions/transactions-screen';
import { BusyStatus } from './busy-status';
import { ConnectionStatus } from './connection-status';
import { RefreshWidget } from './refresh-widget';
import { ROUTES, useRoute, type ScreenId } from './use-route';
import { useAppliedTheme } from './use-theme';
import './shell.css';

const SCREENS: Record<ScreenId, () => ReactNode> = {
  dashboard: () => <DashboardScreen />,
  holdings: () => <HoldingsScreen />,
  holding: () => <HoldingScreen />,
  income: () => <IncomeScreen />,
  transactions: () => <TransactionsScreen />,
  rotation: () => <RotationScreen />,
  realized: () => <RealizedScreen />,
  data: () => <DataScreen />,
  health: () => <HealthScreen />,
  settings: () => <SettingsScreen />,
};

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="3" y="17" width="6" height="12" rx="1.5" />
      <rect x="13" y="10" width="6" height="19" rx="1.5" />
      <rect x="23" y="4" width="6" height="25" rx="1.5" />
    </svg>
  );
}

export function App() {
  return (
    <RefreshJobProvider>
      <Shell />
    </RefreshJobProvider>
  );
}

function Shell() {
  useDataChangedInvalidation();
  useAppliedTheme();
  const info = useAppInfo();
  const [route, go] = useRoute();
  const ready = useQueriesSettled(route);
  return (
    // data-route and data-ready: when the screen shown has its data on screen (npm run bench).
    <div className="shell" data-route={route} data-ready={ready ? 'true' : undefined}>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash is the route: move focus instead of navigating to #main.
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="sidebar-inner">
          <div className="brand">
            <Logo />
            <span className="brand-name">Tiltfolio</span>
          </div>
          <ul>
            {ROUTES.map((r) => (
              <li key={r.id}>
                <a
                  href={`#/${r.id}`}
                  aria-current={
                    route === r.id ? 'page' : route === 'holding' && r.id === 'holdings' ? 'true' : undefined
                  }
                  onClick={(e) => {
                    e.preventDefault();
                    go(r.id);
                  }}
                >
                  {r.label}
                </a>
              </li>
            ))}
          </ul>
          <div className="sidebar-foot">
            <RefreshWidget />
            <ConnectionStatus />
            <BusyStatus />
            {info.data && (
              <span className="version" data-testid="app-version" aria-label={`Version ${info.data.version}`}>
                v{info.data.version}
              </span>
            )}
          </div>
        </div>
      </nav>
      <div className="content">{SCREENS[route]()}</div>
    </div>
  );
}
