/**
 * The notification area, below the screen (never over it: the screen scrolls above it, see
 * styles.css), with at most three messages (stores/toasts.ts). Both lists are announced
 * politely, so a notification never interrupts what a screen reader is reading; errors keep
 * the alert role (and stay until dismissed) but with aria-live="polite". Each close button
 * is described by its message (not named by it: a "Saved." notification must not turn its
 * close button into a second "Save" button).
 */
import { useTranslation } from 'react-i18next';
import { useToasts, type Toast } from '../stores/toasts';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToasts((state) => state.toasts);
  const dismiss = useToasts((state) => state.dismiss);
  const render = (toast: Toast) => (
    <li key={toast.id} className={`toast toast-${toast.kind}`}>
      <span id={`toast-${String(toast.id)}`}>
        {toast.message}
        {toast.repeats > 1 && <span className="toast-repeats"> {t('common.repeats', { count: toast.repeats })}</span>}
      </span>
      <button
        type="button"
        aria-label={t('common.dismissNotification')}
        aria-describedby={`toast-${String(toast.id)}`}
        onClick={() => {
          dismiss(toast.id);
        }}
      >
        ×
      </button>
    </li>
  );
  const info = toasts.filter((toast) => toast.kind === 'info');
  const errors = toasts.filter((toast) => toast.kind === 'error');
  return (
    <section className={toasts.length === 0 ? 'toasts toasts-empty' : 'toasts'} aria-label={t('common.notifications')}>
      {/* The live regions wrap the lists: a list given another role leaves its items outside any list. */}
      <div role="status" aria-live="polite">
        <ul>{info.map(render)}</ul>
      </div>
      <div role="alert" aria-live="polite">
        <ul>{errors.map(render)}</ul>
      </div>
    </section>
  );
}
