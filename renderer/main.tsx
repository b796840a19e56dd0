/** Renderer entry: language first (so the first paint is in the user's language), then the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import i18next from 'i18next';
import { initI18n } from './app/i18n';
import { isRunningShort, requestPersistentStorage, storageStatus } from './lib/storage';
import { useToasts } from './stores/toasts';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Ask once per start that the engine never evict our data; warn when space runs short.
void requestPersistentStorage()
  .then(() => storageStatus())
  .then((status) => {
    if (isRunningShort(status)) useToasts.getState().show('error', i18next.t('settings.storage.lowToast'));
  })
  .catch((error: unknown) => {
    console.warn('Storage status unavailable', error);
  });

void initI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
