/**
 * Creating and editing a meeting: bilingual title, kind, status, dates, city and venue,
 * the venue's IANA time zone (suggested from the city), host and co-organizers, the meeting
 * it is held in conjunction with, and objectives. Problems show inline beside each field and
 * nothing is saved until all are fixed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { daysBetween, isValidIsoDate, zonedToEpoch } from '../../../shared/meetings/dates';
import { allTimeZones, findVenueCity, preferredTimeZones, suggestTimeZone, timeZoneLabel } from '../../../shared/meetings/timeZones';
import { validateMeetingDraft, type MeetingDraft } from '../../../shared/meetings/validation';
import { meetingKinds, meetingStatuses, type Meeting } from '../../../shared/model';
import { pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { BilingualInput, EnumSelect, FormAlert, SelectInput, TextInput, issuesToErrors, useFormSubmit } from './formKit';
import './meetings.css';
import { useMayPlanMeetings } from './useRegistry';

const PREFIX = 'meeting';

function emptyDraft(): MeetingDraft {
  const today = todayIso();
  return {
    title: { en: '', ru: '' },
    kind: 'workshop',
    status: 'planned',
    startDate: today,
    endDate: today,
    city: { en: '', ru: '' },
    venue: { en: '', ru: '' },
    timeZone: 'Asia/Bishkek',
    hostOrganizationId: null,
    coOrganizerIds: [],
    inConjunctionWith: { en: '', ru: '' },
    objectives: { en: '', ru: '' },
  };
}

function draftOf(meeting: Meeting): MeetingDraft {
  return {
    title: { ...meeting.title },
    kind: meeting.kind,
    status: meeting.status,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    city: { ...meeting.city },
    venue: { ...meeting.venue },
    timeZone: meeting.timeZone,
    hostOrganizationId: meeting.hostOrganizationId,
    coOrganizerIds: [...meeting.coOrganizerIds],
    inConjunctionWith: { ...meeting.inConjunctionWith },
    objectives: { ...meeting.objectives },
  };
}

/** Route element for meetings/new and meetings/:id/edit. */
export function MeetingFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const repositories = useRepositories();
  const secretariat = useMayPlanMeetings();
  const loaded = useLiveQuery(async () => ({ meeting: id === undefined ? undefined : await repositories.meetings.get(id) }), [repositories, id]);
  if (loaded === undefined || secretariat === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (id !== undefined && loaded.meeting === undefined) {
    return (
      <div className="page m-area">
        <PageTitle>{t('meetings.form.editTitle')}</PageTitle>
        <p>{t('meetings.page.notFound')}</p>
        <Link to="/meetings">{t('meetings.page.allMeetings')}</Link>
      </div>
    );
  }
  if (!secretariat) {
    return (
      <div className="page m-area">
        <PageTitle>{loaded.meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}</PageTitle>
        <p>{t('meetings.refusals.secretariatOnly')}</p>
        <Link to="/meetings">{t('meetings.page.allMeetings')}</Link>
      </div>
    );
  }
  // Keyed by id: the form's state starts from the stored meeting, once.
  return <MeetingForm key={loaded.meeting?.id ?? 'new'} {...(loaded.meeting ? { meeting: loaded.meeting } : {})} />;
}

function MeetingForm({ meeting }: { meeting?: Meeting }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const [draft, setDraft] = useState<MeetingDraft>(() => (meeting ? draftOf(meeting) : emptyDraft()));
  const { errors, busy, run } = useFormSubmit(PREFIX);
  const [moveAgenda, setMoveAgenda] = useState(true);
  const [conjunctionSource, setConjunctionSource] = useState('');
  const [openedAt] = useState(() => Date.now());
  // The zone was chosen by hand: city changes no longer replace it.
  const zoneTouched = useRef(meeting !== undefined);

  const data = useLiveQuery(async () => {
    const [organizations, meetings] = await Promise.all([repositories.organizations.list(), repositories.meetings.list()]);
    return { organizations, meetings: meetings.filter((other) => other.id !== meeting?.id) };
  }, [repositories, meeting?.id]);

  const set = (patch: Partial<MeetingDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
  };

  const suggestion = suggestTimeZone(draft.city);
  const suggestedCity = findVenueCity(draft.city.en) ?? findVenueCity(draft.city.ru);
  // Offsets as of the meeting's first day: zones change over the years.
  const offsetDate = isValidIsoDate(draft.startDate) ? zonedToEpoch(draft.startDate, '12:00', 'UTC') : openedAt;
  const zones = useMemo(() => {
    const preferred = preferredTimeZones();
    const others = allTimeZones().filter((zone) => !preferred.includes(zone));
    return { preferred, others };
  }, []);
  const shift = meeting && isValidIsoDate(draft.startDate) ? daysBetween(meeting.startDate, draft.startDate) : 0;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(issuesToErrors(validateMeetingDraft(draft), t), async () => {
      const saved = await repositories.meetings.save({ ...draft, ...(meeting ? { id: meeting.id } : {}) }, { moveAgenda: shift !== 0 && moveAgenda });
      showToast('info', meeting ? t('meetings.form.saved') : t('meetings.form.created'));
      await navigate(`/meetings/${saved.id}${meeting ? '' : '/agenda'}`);
    });
  };

  const onCityChange = (city: MeetingDraft['city']) => {
    const zone = suggestTimeZone(city);
    set({ city, ...(zone && !zoneTouched.current ? { timeZone: zone } : {}) });
  };

  return (
    <div className="page narrow m-area">
      <PageTitle>{meeting ? t('meetings.form.editTitle') : t('meetings.form.newTitle')}</PageTitle>
      {meeting && <p className="lead">{pick(meeting.title, language)}</p>}
      <form className="form meeting-form" noValidate onSubmit={submit}>
        <FormAlert errors={errors} message={t('meetings.form.notSaved')} />
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
        <div className="m-form-row">
          <EnumSelect
            prefix={PREFIX}
            path="kind"
            label={t('meetings.fields.kind')}
            errors={errors}
            values={meetingKinds}
            value={draft.kind}
            optionLabel={(kind) => t(`meetingKinds.${kind}`)}
            onChange={(kind) => {
              set({ kind });
            }}
          />
          <EnumSelect
            prefix={PREFIX}
            path="status"
            label={t('meetings.fields.status')}
            errors={errors}
            values={meetingStatuses}
            value={draft.status}
            optionLabel={(status) => t(`meetingStatuses.${status}`)}
            onChange={(status) => {
              set({ status });
            }}
          />
        </div>
        <div className="m-form-row">
          <TextInput
            prefix={PREFIX}
            path="startDate"
            type="date"
            label={t('meetings.fields.startDate')}
            value={draft.startDate}
            errors={errors}
            onChange={(startDate) => {
              // Keep the meeting's length when the first day moves and the last day was not after it.
              if (isValidIsoDate(startDate) && isValidIsoDate(draft.startDate) && isValidIsoDate(draft.endDate) && draft.endDate >= draft.startDate) {
                const length = daysBetween(draft.startDate, draft.endDate);
                const [y, m, d] = startDate.split('-').map(Number) as [number, number, number];
                const end = new Date(Date.UTC(y, m - 1, d + length)).toISOString().slice(0, 10);
                set({ startDate, endDate: end });
              } else set({ startDate });
            }}
          />
          <TextInput
            prefix={PREFIX}
            path="endDate"
            type="date"
            label={t('meetings.fields.endDate')}
            value={draft.endDate}
            errors={errors}
            onChange={(endDate) => {
              set({ endDate });
            }}
          />
        </div>
        <p className="hint">{t('meetings.form.dateHint')}</p>
        {meeting && shift !== 0 && (
          <div className="field">
            <label className="choice">
              <input
                type="checkbox"
                checked={moveAgenda}
                onChange={(event) => {
                  setMoveAgenda(event.target.checked);
                }}
              />
              {t('meetings.form.moveAgenda', { count: shift })}
            </label>
            <p className="hint">{t('meetings.form.moveAgendaHint')}</p>
          </div>
        )}
        <BilingualInput prefix={PREFIX} path="city" field={t('meetings.fields.city')} value={draft.city} errors={errors} onChange={onCityChange} />
        <BilingualInput
          prefix={PREFIX}
          path="venue"
          field={t('meetings.fields.venue')}
          value={draft.venue}
          errors={errors}
          onChange={(venue) => {
            set({ venue });
          }}
        />
        <SelectInput
          prefix={PREFIX}
          path="timeZone"
          label={t('meetings.fields.timeZone')}
          errors={errors}
          hint={t('meetings.form.timeZoneHint')}
          value={draft.timeZone}
          onChange={(value) => {
            zoneTouched.current = true;
            set({ timeZone: value });
          }}
        >
          {!zones.preferred.includes(draft.timeZone) && !zones.others.includes(draft.timeZone) && (
            <option value={draft.timeZone}>{draft.timeZone}</option>
          )}
          <optgroup label={t('meetings.form.preferredZones')}>
            {zones.preferred.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone, offsetDate)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('meetings.form.otherZones')}>
            {zones.others.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone, offsetDate)}
              </option>
            ))}
          </optgroup>
        </SelectInput>
        {suggestion && suggestedCity && suggestion !== draft.timeZone && (
          <p className="hint m-suggestion">
            {t('meetings.form.suggestedZone', { city: pick(suggestedCity.name, language), zone: timeZoneLabel(suggestion, offsetDate) })}{' '}
            <button
              type="button"
              className="small secondary"
              onClick={() => {
                set({ timeZone: suggestion });
              }}
            >
              {t('meetings.form.useSuggested', { zone: suggestion })}
            </button>
          </p>
        )}

        <SelectInput
          prefix={PREFIX}
          path="hostOrganizationId"
          label={t('meetings.fields.host')}
          errors={errors}
          value={draft.hostOrganizationId ?? ''}
          onChange={(value) => {
            set({ hostOrganizationId: value === '' ? null : value });
          }}
        >
          <option value="">{t('meetings.form.noHost')}</option>
          {(data?.organizations ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {pick(organization.name, language)}
              {organization.acronym ? ` (${organization.acronym})` : ''}
            </option>
          ))}
        </SelectInput>
        <fieldset
          className="field"
          id={`${PREFIX}-coOrganizerIds`}
          tabIndex={-1}
          aria-invalid={errors.coOrganizerIds ? true : undefined}
          aria-describedby={errors.coOrganizerIds ? `${PREFIX}-coOrganizerIds-error` : `${PREFIX}-coOrganizerIds-hint`}
        >
          <legend>{t('meetings.fields.coOrganizers')}</legend>
          <p id={`${PREFIX}-coOrganizerIds-hint`} className="hint">
            {data?.organizations.length === 0 ? t('meetings.form.noOrganizations') : t('meetings.form.coOrganizersHint')}
          </p>
          <div className="m-checkbox-grid">
            {(data?.organizations ?? []).map((organization) => (
              <label key={organization.id} className="choice">
                <input
                  type="checkbox"
                  checked={draft.coOrganizerIds.includes(organization.id)}
                  onChange={(event) => {
                    set({
                      coOrganizerIds: event.target.checked
                        ? [...draft.coOrganizerIds, organization.id]
                        : draft.coOrganizerIds.filter((other) => other !== organization.id),
                    });
                  }}
                />
                {organization.acronym || pick(organization.name, language)}
              </label>
            ))}
          </div>
          {errors.coOrganizerIds && (
            <p id={`${PREFIX}-coOrganizerIds-error`} className="field-error">
              {errors.coOrganizerIds}
            </p>
          )}
        </fieldset>

        <BilingualInput
          prefix={PREFIX}
          path="inConjunctionWith"
          field={t('meetings.fields.inConjunctionWith')}
          value={draft.inConjunctionWith}
          errors={errors}
          onChange={(inConjunctionWith) => {
            set({ inConjunctionWith });
          }}
        />
        {(data?.meetings.length ?? 0) > 0 && (
          <div className="m-form-row m-align-end">
            <div className="field">
              <label htmlFor={`${PREFIX}-conjunction-source`}>{t('meetings.form.fillConjunction')}</label>
              <select
                id={`${PREFIX}-conjunction-source`}
                value={conjunctionSource}
                onChange={(event) => {
                  setConjunctionSource(event.target.value);
                }}
              >
                <option value="">{t('meetings.form.chooseMeeting')}</option>
                {(data?.meetings ?? []).map((other) => (
                  <option key={other.id} value={other.id}>
                    {other.startDate} · {pick(other.title, language)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="secondary"
              disabled={conjunctionSource === ''}
              onClick={() => {
                const source = data?.meetings.find((other) => other.id === conjunctionSource);
                if (source) set({ inConjunctionWith: { ...source.title } });
              }}
            >
              {t('meetings.form.fill')}
            </button>
          </div>
        )}
        <BilingualInput
          prefix={PREFIX}
          path="objectives"
          field={t('meetings.fields.objectives')}
          value={draft.objectives}
          errors={errors}
          multiline
          onChange={(objectives) => {
            set({ objectives });
          }}
        />

        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? t('common.saving') : meeting ? t('meetings.form.save') : t('meetings.form.create')}
          </button>
          <Link className="button secondary" to={meeting ? `/meetings/${meeting.id}` : '/meetings'}>
            {t('meetings.form.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
