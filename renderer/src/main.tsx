import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './app/api-client';
import { App } from './app/App';
import { startPageTrail } from './app/page-trail';
import { createQueryClient } from './app/query-client';
import { applyInitialTheme } from './app/theme';
import { initI18n } from './i18n';
import './app/styles/index.css';

applyInitialTheme();
initI18n();
startPageTrail();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App apiClient={createApiClient()} queryClient={createQueryClient()} />
  </StrictMode>,
);
