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
      <ul role="status" aria-live="polite">
        {toasts.filter((toast) => toast.kind === 'info').map(render)}
      </ul>
      <ul role="alert" aria-live="assertive">
        {toasts.filter((toast) => toast.kind === 'error').map(render)}
      </ul>
    </section>
  );
}
