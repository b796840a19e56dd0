/** Progress of long sync work: a labelled progress bar, the current step in words, and a cancel button. */
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n';
import { formatNumber } from './syncFormat';

export interface ProgressStatusProps {
  /** Accessible name of the bar, e.g. "Import progress". */
  label: string;
  /** What is happening now, already translated. */
  step: string;
  done: number;
  total: number;
  cancelLabel: string;
  onCancel: () => void;
}

export function ProgressStatus({ label, step, done, total, cancelLabel, onCancel }: ProgressStatusProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const known = total > 0;
  return (
    <div className="sync-progress" role="status" aria-live="polite">
      <p>
        {step}
        {known && total > 1 && ` — ${t('sync.import.progressCount', { done: formatNumber(done, language), total: formatNumber(total, language) })}`}
      </p>
      <progress aria-label={label} max={known ? total : undefined} value={known ? done : undefined} />
      <p>
        <button type="button" className="secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </p>
    </div>
  );
}
