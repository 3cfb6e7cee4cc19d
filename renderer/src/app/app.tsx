import type { ReactNode } from 'react';
import { useAppInfo, useDataChangedInvalidation } from '../api/hooks';
import { CsvScreen } from '../screens/csv/csv-screen';
import { HomeScreen } from '../screens/home-screen';
import { TransactionsScreen } from '../screens/transactions/transactions-screen';
import { ROUTES, useRoute, type RouteId } from './use-route';

const SCREENS: Record<RouteId, () => ReactNode> = {
  dashboard: () => <HomeScreen />,
  transactions: () => <TransactionsScreen />,
  csv: () => <CsvScreen />,
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
  useDataChangedInvalidation();
  const info = useAppInfo();
  const [route, go] = useRoute();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <Logo />
          <span className="brand-name">Tiltfolio</span>
        </div>
        <ul>
          {ROUTES.map((r) => (
            <li key={r.id}>
              <a
                href={`#/${r.id}`}
                aria-current={route === r.id ? 'page' : undefined}
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
        {info.data && (
          <p className="sidebar-foot">
            <span className="version" data-testid="app-version" aria-label={`Version ${info.data.version}`}>
              v{info.data.version}
            </span>
          </p>
        )}
      </nav>
      <div className="content">{SCREENS[route]()}</div>
    </div>
  );
}
