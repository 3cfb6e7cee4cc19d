import { useAppInfo, useDataChangedInvalidation } from '../api/hooks';
import { HomeScreen } from '../screens/home-screen';

function Header() {
  const info = useAppInfo();
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
          <rect x="3" y="17" width="6" height="12" rx="1.5" />
          <rect x="13" y="10" width="6" height="19" rx="1.5" />
          <rect x="23" y="4" width="6" height="25" rx="1.5" />
        </svg>
        <h1>Tiltfolio</h1>
      </div>
      {info.data && (
        <span className="version" data-testid="app-version" aria-label={`Version ${info.data.version}`}>
          v{info.data.version}
        </span>
      )}
    </header>
  );
}

export function App() {
  useDataChangedInvalidation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Header />
      <HomeScreen />
    </>
  );
}
