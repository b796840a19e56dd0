/** The toast area: a polite live region for information, an assertive one for errors. */
import { useTranslation } from 'react-i18next';
import { useToasts, type Toast } from '../stores/toasts';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  const render = (toast: Toast) => (
    <li key={toast.id} className={`toast toast-${toast.kind}`}>
      <span>{toast.message}</span>
      <button
        type="button"
        aria-label={t('common.dismiss')}
        onClick={() => {
          dismiss(toast.id);
        }}
      >
        ×
      </button>
    </li>
  );
  return (
    <section className="toasts" aria-label={t('common.notifications')}>
      {/* The live regions wrap the lists: a list given another role leaves its items outside any list. */}
      <div role="status" aria-live="polite">
        <ul>{toasts.filter((toast) => toast.kind === 'info').map(render)}</ul>
      </div>
      <div role="alert" aria-live="assertive">
        <ul>{toasts.filter((toast) => toast.kind === 'error').map(render)}</ul>
      </div>
    </section>
  );
}
