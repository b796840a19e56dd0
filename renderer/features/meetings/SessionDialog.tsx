/**
 * The session form, in a modal dialog: day, start and end in the venue's time, kind,
 * bilingual title, description and location, moderators and speakers, topics. Errors show
 * inline and block saving; overlaps and double bookings show live as warnings that do not.
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaWarnings, type StaffedSlot } from '../../../shared/meetings/agenda';
import { meetingDays, minutesOf, parseTimeInput, timeFromMinutes } from '../../../shared/meetings/dates';
import { KNOWN_TOPICS, isKnownTopic, orderTopics, parseOtherTopics } from '../../../shared/meetings/topics';
import { validateSessionDraft, type SessionDraft } from '../../../shared/meetings/validation';
import { sessionKinds, type Meeting, type Session } from '../../../shared/model';
import { formatDate } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { Modal } from '../../app/Modal';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { BilingualInput, EnumSelect, FormAlert, SelectInput, TextInput, errorsFromException, fieldId, focusFirstError, issuesToErrors, type FieldErrors } from './formKit';
import { PeoplePicker } from './PeoplePicker';
import { WarningList } from './SessionCard';
import type { PersonOption } from './useRegistry';

const PREFIX = 'session';
/** Id the draft carries while its warnings are computed against the saved sessions. */
const DRAFT_ID = '__draft__';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  /** The session to edit; absent for a new one on `date`. */
  session?: Session;
  date: string;
  people: readonly PersonOption[];
  onClose: () => void;
}

/** A new session starts when the day's last one ends (or at 09:00) and lasts an hour. */
function newSessionTimes(sessions: readonly Session[], date: string): { start: string; end: string } {
  const lastEnd = sessions.filter((session) => session.date === date).reduce((latest, session) => Math.max(latest, minutesOf(session.end)), 0);
  const start = lastEnd === 0 ? 9 * 60 : lastEnd;
  const end = Math.min(start + 60, 23 * 60 + 59);
  return { start: timeFromMinutes(Math.min(start, 23 * 60 + 58)), end: timeFromMinutes(end) };
}

export function SessionDialog({ meeting, sessions, session, date, people, onClose }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const days = meetingDays(meeting.startDate, meeting.endDate);
  const [draft, setDraft] = useState<SessionDraft>(() => {
    if (session) {
      return {
        date: session.date,
        start: session.start,
        end: session.end,
        kind: session.kind,
        title: { ...session.title },
        description: { ...session.description },
        location: { ...session.location },
        moderatorIds: [...session.moderatorIds],
        speakerIds: [...session.speakerIds],
        topics: [...session.topics],
      };
    }
    return {
      date,
      ...newSessionTimes(sessions, date),
      kind: 'presentation',
      title: { en: '', ru: '' },
      description: { en: '', ru: '' },
      location: { en: '', ru: '' },
      moderatorIds: [],
      speakerIds: [],
      topics: [],
    };
  });
  const [otherTopics, setOtherTopics] = useState(() => draft.topics.filter((topic) => !isKnownTopic(topic)).join(', '));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const set = (patch: Partial<SessionDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);

  // Live warnings: the draft (when its times read) against the other saved sessions.
  const warnings = useMemo(() => {
    const start = parseTimeInput(draft.start);
    const end = parseTimeInput(draft.end);
    if (start === null || end === null || end <= start) return [];
    const others: StaffedSlot[] = sessions.filter((other) => other.id !== session?.id);
    const probe: StaffedSlot = { id: DRAFT_ID, date: draft.date, start, end, order: Number.MAX_SAFE_INTEGER, speakerIds: draft.speakerIds, moderatorIds: draft.moderatorIds };
    return agendaWarnings([...others, probe]).get(DRAFT_ID) ?? [];
  }, [draft, sessions, session?.id]);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const topics = orderTopics([...draft.topics.filter(isKnownTopic), ...parseOtherTopics(otherTopics)]);
    const input = { ...draft, topics };
    const checked = validateSessionDraft(input, meeting);
    if (!checked.ok) {
      const found = issuesToErrors(checked.issues, t);
      setErrors(found);
      focusFirstError(PREFIX, found);
      return;
    }
    setBusy(true);
    try {
      await repositories.meetings.sessions.save({ ...input, meetingId: meeting.id, ...(session ? { id: session.id } : {}) });
      showToast('info', warnings.length > 0 ? t('meetings.session.warningsAfterSave') : t('meetings.session.saved'));
      onClose();
    } catch (error) {
      const found = errorsFromException(error, t);
      if (found) {
        setErrors(found);
        focusFirstError(PREFIX, found);
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  const sessionsById = new Map(sessions.map((other) => [other.id, other]));

  return (
    <Modal title={session ? t('meetings.session.editTitle') : t('meetings.session.newTitle')} onClose={onClose} wide>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <FormAlert errors={errors} message={t('meetings.form.notSaved')} />
        <div className="m-form-row">
          <SelectInput
            prefix={PREFIX}
            path="date"
            label={t('meetings.session.day')}
            errors={errors}
            value={draft.date}
            onChange={(value) => {
              set({ date: value });
            }}
          >
            {/* A session saved on a day the meeting no longer has is still shown, so the error can say so. */}
            {(days.includes(draft.date) ? days : [draft.date, ...days]).map((day) => (
              <option key={day} value={day}>
                {days.includes(day)
                  ? t('meetings.agenda.dayOption', { number: days.indexOf(day) + 1, date: formatDate(day, language) })
                  : formatDate(day, language)}
              </option>
            ))}
          </SelectInput>
          <TextInput
            prefix={PREFIX}
            path="start"
            label={t('meetings.session.start')}
            value={draft.start}
            errors={errors}
            inputMode="numeric"
            placeholder="09:00"
            className="m-time-field"
            onChange={(start) => {
              set({ start });
            }}
          />
          <TextInput
            prefix={PREFIX}
            path="end"
            label={t('meetings.session.end')}
            value={draft.end}
            errors={errors}
            inputMode="numeric"
            placeholder="10:30"
            className="m-time-field"
            onChange={(end) => {
              set({ end });
            }}
          />
          <EnumSelect
            prefix={PREFIX}
            path="kind"
            label={t('meetings.session.kind')}
            errors={errors}
            values={sessionKinds}
            value={draft.kind}
            optionLabel={(kind) => t(`meetings.sessionKinds.${kind}`)}
            onChange={(kind) => {
              set({ kind });
            }}
          />
        </div>
        <p className="hint">{t('meetings.session.timeHint')}</p>

        <BilingualInput
          prefix={PREFIX}
          path="title"
          field={t('meetings.fields.title')}
          value={draft.title}
          errors={errors}
          hint={t('meetings.bilingualHint')}
          onChange={(title) => {
            set({ title });
          }}
        />
        <BilingualInput
          prefix={PREFIX}
          path="description"
          field={t('meetings.fields.description')}
          value={draft.description}
          errors={errors}
          multiline
          onChange={(description) => {
            set({ description });
          }}
        />
        <BilingualInput
          prefix={PREFIX}
          path="location"
          field={t('meetings.fields.location')}
          value={draft.location}
          errors={errors}
          onChange={(location) => {
            set({ location });
          }}
        />

        <div className="m-form-row">
          <PeoplePicker
            legend={t('meetings.session.moderators')}
            addLabel={t('meetings.picker.addModerator')}
            options={people}
            value={draft.moderatorIds}
            fallbackName={t('meetings.agenda.unknownPerson')}
            inputId={fieldId(PREFIX, 'moderatorIds')}
            errorId={`${fieldId(PREFIX, 'moderatorIds')}-error`}
            {...(errors.moderatorIds ? { error: errors.moderatorIds } : {})}
            onChange={(moderatorIds) => {
              set({ moderatorIds });
            }}
          />
          <PeoplePicker
            legend={t('meetings.session.speakers')}
            addLabel={t('meetings.picker.addSpeaker')}
            options={people}
            value={draft.speakerIds}
            fallbackName={t('meetings.agenda.unknownPerson')}
            inputId={fieldId(PREFIX, 'speakerIds')}
            errorId={`${fieldId(PREFIX, 'speakerIds')}-error`}
            {...(errors.speakerIds ? { error: errors.speakerIds } : {})}
            onChange={(speakerIds) => {
              set({ speakerIds });
            }}
          />
        </div>

        <fieldset className="field topics">
          <legend>{t('meetings.session.topics')}</legend>
          <div className="m-checkbox-grid">
            {KNOWN_TOPICS.map((topic) => (
              <label key={topic} className="choice">
                <input
                  type="checkbox"
                  checked={draft.topics.includes(topic)}
                  onChange={(event) => {
                    set({ topics: event.target.checked ? [...draft.topics, topic] : draft.topics.filter((other) => other !== topic) });
                  }}
                />
                {t(`meetings.topics.${topic}`)}
              </label>
            ))}
          </div>
          <TextInput
            prefix={PREFIX}
            path="otherTopics"
            label={t('meetings.session.otherTopics')}
            hint={t('meetings.session.otherTopicsHint')}
            value={otherTopics}
            errors={errors}
            onChange={setOtherTopics}
          />
        </fieldset>

        {/* Always in the page, so screen readers hear warnings as they appear (a live region). */}
        <div role="status" className="m-warnings-box">
          {warnings.length > 0 && (
            <>
              <h3>{t('meetings.agenda.warnings')}</h3>
              <WarningList warnings={warnings} sessionsById={sessionsById} names={names} />
            </>
          )}
        </div>

        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('common.saving') : t('meetings.session.save')}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {t('meetings.session.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
