/**
 * An ordered list of a meeting's outcomes (decisions, action items): each row with Edit,
 * Move up/down and Delete (asked first), edited in place, and an Add button that opens the
 * form below the list. The caller draws a row and the form; the list keeps which row is
 * being edited or deleted.
 */
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/model';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { showError } from '../../stores/toasts';

interface OutcomeListProps<T extends { id: string; text: Bilingual }> {
  heading: string;
  emptyText: string;
  addLabel: string;
  items: readonly T[];
  editable: boolean;
  /** Reorders and deletes (a tombstone) the items. */
  repository: { move(id: string, direction: 'up' | 'down'): Promise<void>; remove(id: string): Promise<void> };
  /** The row's content, before its actions; `text` is the item's text in the UI language. */
  renderRow: (item: T, text: string) => ReactNode;
  rowClassName?: (item: T) => string | undefined;
  /** The form for `item` (null: a new one) at `index`; `close` ends editing. */
  renderForm: (item: T | null, index: number, close: () => void) => ReactNode;
}

export function OutcomeList<T extends { id: string; text: Bilingual }>({
  heading,
  emptyText,
  addLabel,
  items,
  editable,
  repository,
  renderRow,
  rowClassName,
  renderForm,
}: OutcomeListProps<T>) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const close = () => {
    setEditing(null);
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {items.length === 0 && editing !== 'new' && <p className="hint">{emptyText}</p>}
      {items.length > 0 && (
        <ol className="m-item-list">
          {items.map((item, index) => {
            const text = pick(item.text, language);
            if (editing !== 'new' && editing?.id === item.id) return <li key={item.id}>{renderForm(item, index, close)}</li>;
            return (
              <li key={item.id} className={rowClassName?.(item)}>
                {renderRow(item, text)}
                {editable && (
                  <ItemActions
                    label={text}
                    isFirst={index === 0}
                    isLast={index === items.length - 1}
                    onEdit={() => {
                      setEditing(item);
                    }}
                    onMove={(direction) => {
                      repository.move(item.id, direction).catch(showError);
                    }}
                    onDelete={() => {
                      setDeleting(item);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {editable &&
        (editing === 'new' ? (
          renderForm(null, items.length, close)
        ) : (
          <button
            type="button"
            onClick={() => {
              setEditing('new');
            }}
          >
            {addLabel}
          </button>
        ))}
      {deleting && (
        <ConfirmDialog
          title={t('meetings.outcomes.deleteNamed', { text: pick(deleting.text, language) })}
          cancelLabel={t('meetings.page.keep')}
          confirmLabel={t('meetings.outcomes.delete')}
          danger
          onCancel={() => {
            setDeleting(null);
          }}
          onConfirm={() => {
            const target = deleting.id;
            setDeleting(null);
            repository.remove(target).catch(showError);
          }}
        >
          <p>{pick(deleting.text, language)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function ItemActions({
  label,
  isFirst,
  isLast,
  onEdit,
  onMove,
  onDelete,
}: {
  label: string;
  isFirst: boolean;
  isLast: boolean;
  onEdit: () => void;
  onMove: (direction: 'up' | 'down') => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const short = label.length > 60 ? `${label.slice(0, 57)}…` : label;
  return (
    <div className="m-item-actions">
      <button type="button" className="small" aria-label={t('meetings.outcomes.editNamed', { text: short })} onClick={onEdit}>
        {t('meetings.outcomes.edit')}
      </button>
      <button type="button" className="small secondary" disabled={isFirst} aria-label={`${t('meetings.outcomes.moveUp')}: ${short}`} onClick={() => { onMove('up'); }}>
        {t('meetings.outcomes.moveUp')}
      </button>
      <button type="button" className="small secondary" disabled={isLast} aria-label={`${t('meetings.outcomes.moveDown')}: ${short}`} onClick={() => { onMove('down'); }}>
        {t('meetings.outcomes.moveDown')}
      </button>
      <button type="button" className="small danger" aria-label={t('meetings.outcomes.deleteNamed', { text: short })} onClick={onDelete}>
        {t('meetings.outcomes.delete')}
      </button>
    </div>
  );
}
