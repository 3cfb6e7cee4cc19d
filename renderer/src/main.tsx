// The app-wide sheets come first: CSS follows import order, and the sheets that screens and
// components import build on these.
import './styles/theme.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/tables.css';
import './styles/layout.css';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectClient } from './api/client';
import { ClientProvider } from './api/client-context';
import { App } from './app/app';

// Everything is local: no retry storms, no refetch on focus; pushes tell us when data changed.
// networkMode 'always': the backend is on this computer, so a lost network must not pause calls to it.
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
    mutations: { networkMode: 'always' },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={detectClient()}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ClientProvider>
  </StrictMode>,
);
