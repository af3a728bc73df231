/** Entry: wire the client, i18n and the app together. No logic lives here. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createDefaultClient } from './api';
import { App } from './App';
import { KioskProvider } from './context';
import { createI18n } from './i18n';
import './styles/base.css';
import './styles/citizen.css';
import './styles/queue.css';
import './styles/staff.css';
import './styles/display.css';
import './styles/contrast.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={createI18n('vi')}>
      <KioskProvider client={createDefaultClient(window)}>
        <App />
      </KioskProvider>
    </I18nextProvider>
  </StrictMode>,
);
