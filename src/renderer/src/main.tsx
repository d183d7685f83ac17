// Renderer entry: finds how to reach the core (the preload's connection inside Electron, the
// page's own origin in a browser), builds the stores and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StoresContext } from './app/stores-context';
import { createStores } from './stores';
import './styles/app.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  const connection = window.desk ? await window.desk.connection() : null;
  const stores = createStores({
    baseUrl: connection?.apiBaseUrl ?? '',
    storage: window.localStorage,
    now: () => Date.now(),
    online: navigator.onLine,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  });
  createRoot(root).render(
    <StrictMode>
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>
    </StrictMode>,
  );
}

void start();
