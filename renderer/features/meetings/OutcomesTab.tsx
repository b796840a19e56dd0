/**
 * What a meeting produced: outcome notes per session, the decisions it took (in order) and
 * action items with an owner, a due date and a done mark. The secretariat writes them; a
 * delegation reads them.
 */
import { useId, useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateActionItem, validateOutcome, validateTextItem, type ActionItemDraft } from '../../../shared/meetings/validation';
import type { ActionItem, Bilingual, Decision, Meeting, Participation, Session } from '../../../shared/model';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { BilingualInput, FormAlert, SelectInput, TextInput, errorsFromException, focusFirstError, issuesToErrors, type FieldErrors } from './formKit';
import { personName, type Registry } from './useRegistry';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  decisions: readonly Decision[];
  actionItems: readonly ActionItem[];
  participations: readonly Participation[];
  registry: Registry;
  editable: boolean;
}

export function OutcomesTab(props: Props) {
  return (
    <div className="m-outcomes">
      <Decisions {...props} />
      <ActionItems {...props} />
      <SessionOutcomes {...props} />
    </div>
  );
}

// ---------------------------------------------------------------------------------------
// Decisions

function Decisions({ meeting, decisions, editable }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
  const id = useId();
  const [editing, setEditing] = useState<Decision | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Decision | null>(null);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.outcomes.decisions')}</h2>
      {decisions.length === 0 && editing !== 'new' && <p className="hint">{t('meetings.outcomes.noDecisions')}</p>}
      {decisions.length > 0 && (
        <ol className="m-item-list">
          {decisions.map((decision, index) => {
            const text = pick(decision.text, language);
            return (
              <li key={decision.id}>
                {editing !== 'new' && editing?.id === decision.id ? (
                  <TextItemForm
                    title={t('meetings.outcomes.editDecision', { number: index + 1 })}
                    initial={decision.text}
                    saveLabel={t('meetings.outcomes.saveDecision')}
                    onCancel={() => {
                      setEditing(null);
                    }}
                    onSave={async (value) => {
                      await repositories.meetings.decisions.save({ id: decision.id, meetingId: meeting.id, text: value });
                      setEditing(null);
                      return t('meetings.outcomes.decisionSaved');
                    }}
                  />
                ) : (
                  <>
                    <p className="m-item-text">{text}</p>
                    {editable && (
                      <ItemActions
                        label={text}
                        isFirst={index === 0}
                        isLast={index === decisions.length - 1}
                        onEdit={() => {
                          setEditing(decision);
                        }}
                        onMove={(direction) => {
                          repositories.meetings.decisions.move(decision.id, direction).catch(showError);
                        }}
                        onDelete={() => {
                          setDeleting(decision);
                        }}
                      />
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {editable &&
        (editing === 'new' ? (
          <TextItemForm
            title={t('meetings.outcomes.newDecision')}
            initial={{ en: '', ru: '' }}
            saveLabel={t('meetings.outcomes.saveDecision')}
            onCancel={() => {
              setEditing(null);
            }}
            onSave={async (value) => {
              await repositories.meetings.decisions.save({ meetingId: meeting.id, text: value });
              setEditing(null);
              return t('meetings.outcomes.decisionSaved');
            }}
          />
        ) : (
          <button
            type="button"
            onClick={() => {
              setEditing('new');
            }}
          >
            {t('meetings.outcomes.addDecision')}
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
            repositories.meetings.decisions.remove(target).catch(showError);
          }}
        >
          <p>{pick(deleting.text, language)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface TextItemFormProps {
  title: string;
  initial: Bilingual;
  saveLabel: string;
  onCancel: () => void;
  /** Saves; resolves to the confirmation to show. */
  onSave: (value: Bilingual) => Promise<string>;
}

function TextItemForm({ title, initial, saveLabel, onCancel, onSave }: TextItemFormProps) {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const prefix = useId();
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = issuesToErrors(validateTextItem({ text: value }), t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(prefix, found);
      return;
    }
    setBusy(true);
    try {
      showToast('info', await onSave(value));
    } catch (error) {
      const refused = errorsFromException(error, t);
      if (refused) {
        setErrors(refused);
        focusFirstError(prefix, refused);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form m-inline-form" noValidate aria-label={title} onSubmit={(event) => void submit(event)}>
      <h3>{title}</h3>
      <FormAlert errors={errors} message={t('meetings.form.notSaved')} />
      <BilingualInput prefix={prefix} path="text" field={t('meetings.fields.text')} value={value} errors={errors} multiline onChange={setValue} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : saveLabel}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('meetings.outcomes.cancel')}
        </button>
      </div>
    </form>
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

// ---------------------------------------------------------------------------------------
// Action items

function ActionItems({ meeting, actionItems, participations, registry, editable }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
  const id = useId();
  const [editing, setEditing] = useState<ActionItem | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ActionItem | null>(null);
  const today = todayIso();

  const owners = useMemo(() => {
    const list = participations
      .map((participation) => registry.delegatesById.get(participation.delegateId))
      .filter((delegate) => delegate !== undefined)
      .map((delegate) => ({ id: delegate.id, name: personName(delegate, language) }));
    return list.sort((a, b) => a.name.localeCompare(b.name, language));
  }, [participations, registry, language]);

  const ownerText = (item: ActionItem): string => {
    const delegate = item.ownerDelegateId ? registry.delegatesById.get(item.ownerDelegateId) : undefined;
    return [delegate ? personName(delegate, language) : '', pick(item.ownerName, language)].filter(Boolean).join(', ');
  };

  const form = (item: ActionItem | null) => (
    <ActionItemForm
      key={item?.id ?? 'new'}
      title={item ? t('meetings.outcomes.editActionItem') : t('meetings.outcomes.newActionItem')}
      owners={owners}
      initial={
        item
          ? { text: item.text, ownerDelegateId: item.ownerDelegateId, ownerName: item.ownerName, dueDate: item.dueDate ?? '', done: item.done }
          : { text: { en: '', ru: '' }, ownerDelegateId: null, ownerName: { en: '', ru: '' }, dueDate: '', done: false }
      }
      onCancel={() => {
        setEditing(null);
      }}
      onSave={async (draft) => {
        await repositories.meetings.actionItems.save({ ...draft, meetingId: meeting.id, ...(item ? { id: item.id } : {}) });
        setEditing(null);
        return t('meetings.outcomes.actionItemSaved');
      }}
    />
  );

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.outcomes.actionItems')}</h2>
      {actionItems.length === 0 && editing !== 'new' && <p className="hint">{t('meetings.outcomes.noActionItems')}</p>}
      {actionItems.length > 0 && (
        <ol className="m-item-list">
          {actionItems.map((item, index) => {
            const text = pick(item.text, language);
            if (editing !== 'new' && editing?.id === item.id) return <li key={item.id}>{form(item)}</li>;
            const overdue = !item.done && item.dueDate !== null && item.dueDate < today;
            return (
              <li key={item.id} className={item.done ? 'm-done' : undefined}>
                <div className="m-action-item">
                  {editable ? (
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={item.done}
                        aria-label={t('meetings.outcomes.doneOf', { text })}
                        onChange={(event) => {
                          repositories.meetings.actionItems.setDone(item.id, event.target.checked).catch(showError);
                        }}
                      />
                      <span className="m-item-text">{text}</span>
                    </label>
                  ) : (
                    <p className="m-item-text">
                      {item.done && <span className="m-badge">{t('meetings.outcomes.done')}</span>} {text}
                    </p>
                  )}
                  <dl className="m-inline-facts">
                    <dt>{t('meetings.outcomes.owner')}</dt>
                    <dd>{ownerText(item) || t('meetings.outcomes.noOwner')}</dd>
                    <dt>{t('meetings.outcomes.due')}</dt>
                    <dd>
                      {item.dueDate ? formatDate(item.dueDate, language) : t('meetings.outcomes.noDue')}
                      {overdue && <strong className="m-overdue"> ({t('meetings.outcomes.overdue')})</strong>}
                    </dd>
                  </dl>
                </div>
                {editable && (
                  <ItemActions
                    label={text}
                    isFirst={index === 0}
                    isLast={index === actionItems.length - 1}
                    onEdit={() => {
                      setEditing(item);
                    }}
                    onMove={(direction) => {
                      repositories.meetings.actionItems.move(item.id, direction).catch(showError);
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
          form(null)
        ) : (
          <button
            type="button"
            onClick={() => {
              setEditing('new');
            }}
          >
            {t('meetings.outcomes.addActionItem')}
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
            repositories.meetings.actionItems.remove(target).catch(showError);
          }}
        >
          <p>{pick(deleting.text, language)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

interface ActionItemFormProps {
  title: string;
  owners: readonly { id: string; name: string }[];
  initial: ActionItemDraft;
  onCancel: () => void;
  onSave: (draft: ActionItemDraft) => Promise<string>;
}

function ActionItemForm({ title, owners, initial, onCancel, onSave }: ActionItemFormProps) {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const prefix = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = issuesToErrors(validateActionItem(draft), t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(prefix, found);
      return;
    }
    setBusy(true);
    try {
      showToast('info', await onSave(draft));
    } catch (error) {
      const refused = errorsFromException(error, t);
      if (refused) {
        setErrors(refused);
        focusFirstError(prefix, refused);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form m-inline-form" noValidate aria-label={title} onSubmit={(event) => void submit(event)}>
      <h3>{title}</h3>
      <FormAlert errors={errors} message={t('meetings.form.notSaved')} />
      <BilingualInput
        prefix={prefix}
        path="text"
        field={t('meetings.fields.text')}
        value={draft.text}
        errors={errors}
        multiline
        onChange={(text) => {
          setDraft({ ...draft, text });
        }}
      />
      <div className="m-form-row">
        <SelectInput
          prefix={prefix}
          path="ownerDelegateId"
          label={t('meetings.outcomes.ownerDelegate')}
          errors={errors}
          value={draft.ownerDelegateId ?? ''}
          onChange={(value) => {
            setDraft({ ...draft, ownerDelegateId: value === '' ? null : value });
          }}
        >
          <option value="">{t('meetings.outcomes.noOwner')}</option>
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </SelectInput>
        <TextInput
          prefix={prefix}
          path="dueDate"
          type="date"
          label={t('meetings.outcomes.due')}
          value={draft.dueDate}
          errors={errors}
          onChange={(dueDate) => {
            setDraft({ ...draft, dueDate });
          }}
        />
      </div>
      <BilingualInput
        prefix={prefix}
        path="ownerName"
        field={t('meetings.fields.ownerName')}
        value={draft.ownerName}
        errors={errors}
        onChange={(ownerName) => {
          setDraft({ ...draft, ownerName });
        }}
      />
      <label className="choice">
        <input
          type="checkbox"
          checked={draft.done}
          onChange={(event) => {
            setDraft({ ...draft, done: event.target.checked });
          }}
        />
        {t('meetings.outcomes.done')}
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('meetings.outcomes.saveActionItem')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('meetings.outcomes.cancel')}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------------------
// Session outcomes

function SessionOutcomes({ sessions, editable }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const withNotes = editable ? sessions : sessions.filter((session) => pick(session.outcome, language) !== '');
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.outcomes.sessionsHeading')}</h2>
      <p className="hint">{t('meetings.outcomes.sessionsHint')}</p>
      {withNotes.length === 0 ? (
        <p className="hint">{t('meetings.outcomes.noSessions')}</p>
      ) : (
        <ol className="m-item-list">
          {withNotes.map((session) => (
            <li key={session.id}>
              {editable ? (
                <SessionOutcomeForm session={session} />
              ) : (
                <>
                  <h3>
                    {formatDate(session.date, language)}, {t('meetings.agenda.timeRange', { start: session.start, end: session.end })}:{' '}
                    {pick(session.title, language)}
                  </h3>
                  <p className="m-item-text">{pick(session.outcome, language)}</p>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function SessionOutcomeForm({ session }: { session: Session }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const prefix = useId();
  const [value, setValue] = useState(session.outcome);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const title = pick(session.title, language);
  const changed = value.en !== session.outcome.en || value.ru !== session.outcome.ru;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = issuesToErrors(validateOutcome(value), t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstError(prefix, found);
      return;
    }
    setBusy(true);
    try {
      await repositories.meetings.sessions.saveOutcome(session.id, value);
      showToast('info', t('meetings.outcomes.outcomeSaved'));
    } catch (error) {
      const refused = errorsFromException(error, t);
      if (refused) setErrors(refused);
      else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form m-inline-form" noValidate aria-label={t('meetings.outcomes.outcomeOf', { title })} onSubmit={(event) => void submit(event)}>
      <h3>
        {formatDate(session.date, language)}, {t('meetings.agenda.timeRange', { start: session.start, end: session.end })}: {title}
      </h3>
      <BilingualInput prefix={prefix} path="outcome" field={t('meetings.fields.outcome')} value={value} errors={errors} multiline onChange={setValue} />
      <div className="actions">
        <button type="submit" disabled={busy || !changed} aria-label={`${t('meetings.outcomes.saveOutcome')}: ${title}`}>
          {busy ? t('common.saving') : t('meetings.outcomes.saveOutcome')}
        </button>
      </div>
    </form>
  );
}
