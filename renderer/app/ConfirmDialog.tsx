/**
 * Asks before something hard to undo, in a modal dialog (render it only while asking). The
 * safe choice comes first and has focus, so Enter or Escape never deletes by accident.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  title: string;
  /** What will happen, usually a paragraph. */
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice; "Cancel" unless the area says it better (e.g. "Keep it"). */
  cancelLabel?: string;
  /** The confirm button in the danger style (deleting, cancelling for good). */
  danger?: boolean;
  /** While the confirmed work runs: the confirm button cannot be pressed twice. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal title={title} onClose={onCancel}>
      {children}
      <div className="actions">
        <button type="button" className="secondary" autoFocus onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : undefined} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
