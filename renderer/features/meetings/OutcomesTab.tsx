/**
 * What a meeting produced: outcome notes per session, the decisions it took (in order) and
 * action items with an owner, a due date and a done mark. The secretariat writes them; a
 * delegation reads them.
 */
import { useId, useMemo, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { validateActionItem, validateOutcome, validateTextItem, type ActionItemDraft, type FieldIssue } from '../../../shared/meetings/validation';
import type { ActionItem, Decision, Meeting, Participation, Session } from '../../../shared/model';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { BilingualInput, FormAlert, SelectInput, TextInput, errorsFromException, focusFirstError, issuesToErrors, useFormSubmit, type FieldErrors } from './formKit';
import { OutcomeList } from './OutcomeList';
import { personName, type Registry } from './useRegistry';
import { joinIsolated } from '../../../shared/bidi';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  decisions: readonly Decision[];
  actionItems: readonly ActionItem[];
  participations: readonly Participation[];
  registry: Registry;
  editable: boolean;
  /** The done mark of action items (followed up after the meeting, even once the minutes are approved). */
  doneEditable?: boolean;
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
  return (
    <OutcomeList
      heading={t('meetings.outcomes.decisions')}
      emptyText={t('meetings.outcomes.noDecisions')}
      addLabel={t('meetings.outcomes.addDecision')}
      items={decisions}
      editable={editable}
      repository={repositories.meetings.decisions}
      renderRow={(_decision, text) => <p className="m-item-text">{text}</p>}
      renderForm={(decision, index, close) => (
        <InlineForm
          title={decision ? t('meetings.outcomes.editDecision', { number: index + 1 }) : t('meetings.outcomes.newDecision')}
          initial={decision ? decision.text : { en: '', ru: '' }}
          saveLabel={t('meetings.outcomes.saveDecision')}
          validate={(text) => validateTextItem({ text })}
          onCancel={close}
          onSave={async (value) => {
            await repositories.meetings.decisions.save({ ...(decision ? { id: decision.id } : {}), meetingId: meeting.id, text: value });
            close();
            return t('meetings.outcomes.decisionSaved');
          }}
        >
          {({ prefix, value, setValue, errors }) => (
            <BilingualInput prefix={prefix} path="text" field={t('meetings.fields.text')} value={value} errors={errors} multiline onChange={setValue} />
          )}
        </InlineForm>
      )}
    />
  );
}

interface InlineFormProps<V> {
  title: string;
  initial: V;
  saveLabel: string;
  /** The local check; its problems are shown by field and nothing is saved. */
  validate: (value: V) => readonly FieldIssue[];
  onCancel: () => void;
  /** Saves; resolves to the confirmation to show. */
  onSave: (value: V) => Promise<string>;
  /** The form's fields, addressed by `prefix`. */
  children: (fields: { prefix: string; value: V; setValue: (value: V) => void; errors: FieldErrors }) => ReactNode;
}

/** A decision's or an action item's form, in place in the list: title, fields, Save and Cancel. */
function InlineForm<V>({ title, initial, saveLabel, validate, onCancel, onSave, children }: InlineFormProps<V>) {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  const prefix = useId();
  const [value, setValue] = useState(initial);
  const { errors, busy, run } = useFormSubmit(prefix);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(issuesToErrors(validate(value), t), async () => {
      showToast('info', await onSave(value));
    });
  };

  return (
    <form className="form m-inline-form" noValidate aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      <FormAlert errors={errors} message={t('meetings.form.notSaved')} />
      {children({ prefix, value, setValue, errors })}
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

// ---------------------------------------------------------------------------------------
// Action items

function ActionItems({ meeting, actionItems, participations, registry, editable, doneEditable = editable }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
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
    return joinIsolated([delegate ? personName(delegate, language) : '', pick(item.ownerName, language)], ', ');
  };

  return (
    <OutcomeList
      heading={t('meetings.outcomes.actionItems')}
      emptyText={t('meetings.outcomes.noActionItems')}
      addLabel={t('meetings.outcomes.addActionItem')}
      items={actionItems}
      editable={editable}
      repository={repositories.meetings.actionItems}
      rowClassName={(item) => (item.done ? 'm-done' : undefined)}
      renderRow={(item, text) => {
        const overdue = !item.done && item.dueDate !== null && item.dueDate < today;
        return (
          <div className="m-action-item">
            {doneEditable ? (
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
        );
      }}
      renderForm={(item, _index, close) => (
        <ActionItemForm
          key={item?.id ?? 'new'}
          title={item ? t('meetings.outcomes.editActionItem') : t('meetings.outcomes.newActionItem')}
          owners={owners}
          initial={
            item
              ? { text: item.text, ownerDelegateId: item.ownerDelegateId, ownerName: item.ownerName, dueDate: item.dueDate ?? '', done: item.done }
              : { text: { en: '', ru: '' }, ownerDelegateId: null, ownerName: { en: '', ru: '' }, dueDate: '', done: false }
          }
          onCancel={close}
          onSave={async (draft) => {
            await repositories.meetings.actionItems.save({ ...draft, meetingId: meeting.id, ...(item ? { id: item.id } : {}) });
            close();
            return t('meetings.outcomes.actionItemSaved');
          }}
        />
      )}
    />
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
  return (
    <InlineForm title={title} initial={initial} saveLabel={t('meetings.outcomes.saveActionItem')} validate={validateActionItem} onCancel={onCancel} onSave={onSave}>
      {({ prefix, value: draft, setValue: setDraft, errors }) => (
        <>
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
        </>
      )}
    </InlineForm>
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
