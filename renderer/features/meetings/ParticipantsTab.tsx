/**
 * Participants of a meeting: adding delegates one by one or a whole country's delegation
 * with a capacity and a status, the list with capacity and status per person, the
 * attendance checklist per day, and totals by country and capacity.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingDays } from '../../../shared/meetings/dates';
import { participantTotals } from '../../../shared/meetings/participants';
import {
  participationCapacities,
  participationStatuses,
  type Meeting,
  type Participation,
  type ParticipationCapacity,
  type ParticipationStatus,
} from '../../../shared/model';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { MeetingValidationError, type CapacityChoice } from '../../db';
import { showError, useToasts } from '../../stores/toasts';
import { AttendanceChecklist } from './AttendanceChecklist';
import { DelegateCombobox } from './PeoplePicker';
import { matchesText, personName, type PersonOption, type Registry } from './useRegistry';

interface Props {
  meeting: Meeting;
  participations: readonly Participation[];
  registry: Registry;
  people: readonly PersonOption[];
  editable: boolean;
}

/** A participation with what the screens show of its person. */
export interface ParticipantRow {
  participation: Participation;
  name: string;
  native: string;
  countryId: string | null;
  countryName: string;
  organization: string;
}

export function participantRows(participations: readonly Participation[], registry: Registry, language: 'en' | 'ru', unknown: string): ParticipantRow[] {
  const rows = participations.map((participation) => {
    const delegate = registry.delegatesById.get(participation.delegateId);
    const country = delegate?.countryId ? registry.countriesById.get(delegate.countryId) : undefined;
    const organization = delegate?.organizationId ? registry.organizationsById.get(delegate.organizationId) : undefined;
    return {
      participation,
      name: delegate ? personName(delegate, language) : unknown,
      native: delegate && delegate.nameNative !== personName(delegate, language) ? delegate.nameNative : '',
      countryId: delegate?.countryId ?? null,
      countryName: country ? pick(country.name, language) : '',
      organization: organization ? organization.acronym || pick(organization.name, language) : '',
    };
  });
  // By country (people of no country last), then by name.
  return rows.sort(
    (a, b) =>
      (a.countryName === '' ? 1 : 0) - (b.countryName === '' ? 1 : 0) ||
      a.countryName.localeCompare(b.countryName, language) ||
      a.name.localeCompare(b.name, language),
  );
}

export function ParticipantsTab({ meeting, participations, registry, people, editable }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const days = useMemo(() => meetingDays(meeting.startDate, meeting.endDate), [meeting.startDate, meeting.endDate]);
  const rows = useMemo(
    () => participantRows(participations, registry, language, t('meetings.agenda.unknownPerson')),
    [participations, registry, language, t],
  );

  return (
    <div className="m-participants">
      {editable && <AddParticipants meeting={meeting} participations={participations} registry={registry} people={people} />}
      <ParticipantList rows={rows} days={days} editable={editable} />
      {editable && <AttendanceChecklist meeting={meeting} rows={rows} days={days} />}
      <Totals participations={participations} registry={registry} days={days} />
    </div>
  );
}

function AddParticipants({ meeting, participations, registry, people }: { meeting: Meeting; participations: readonly Participation[]; registry: Registry; people: readonly PersonOption[] }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const id = useId();
  const [capacity, setCapacity] = useState<CapacityChoice>('suggested');
  const [status, setStatus] = useState<ParticipationStatus>('invited');
  const [countryId, setCountryId] = useState('');
  const [countryError, setCountryError] = useState<string | null>(null);
  const participating = useMemo(() => new Set(participations.map((participation) => participation.delegateId)), [participations]);
  const countriesWithDelegates = useMemo(() => {
    const withPeople = new Set(registry.delegates.map((delegate) => delegate.countryId));
    return registry.countries.filter((country) => withPeople.has(country.id));
  }, [registry]);

  const addCountry = async () => {
    if (countryId === '') {
      setCountryError(t('meetings.participants.chooseCountry'));
      document.getElementById(`${id}-country`)?.focus();
      return;
    }
    setCountryError(null);
    try {
      const result = await repositories.meetings.participants.addCountry(meeting.id, countryId, capacity, status);
      const country = registry.countriesById.get(countryId);
      showToast(
        'info',
        t('meetings.participants.countryAdded', { added: result.added, already: result.alreadyThere, country: country ? pick(country.name, language) : countryId }),
      );
    } catch (error) {
      if (error instanceof MeetingValidationError) setCountryError(t('meetings.errors.noneToAdd'));
      else showError(error);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.participants.add')}</h2>
      <div className="m-form-row">
        <div className="field">
          <label htmlFor={`${id}-capacity`}>{t('meetings.participants.capacity')}</label>
          <select
            id={`${id}-capacity`}
            value={capacity}
            onChange={(event) => {
              setCapacity(event.target.value as CapacityChoice);
            }}
          >
            <option value="suggested">{t('meetings.participants.suggested')}</option>
            {participationCapacities.map((value) => (
              <option key={value} value={value}>
                {t(`meetings.capacities.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('meetings.participants.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            onChange={(event) => {
              setStatus(event.target.value as ParticipationStatus);
            }}
          >
            {participationStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`meetings.participationStatuses.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="hint">{t('meetings.participants.addHint')}</p>
      <DelegateCombobox
        label={t('meetings.picker.findDelegate')}
        hint={t('meetings.picker.hint')}
        options={people}
        chosen={participating}
        alreadyLabel={t('meetings.picker.alreadyParticipating')}
        pickChosen
        onPick={(option) => {
          repositories.meetings.participants
            .add(meeting.id, [option.id], capacity, status)
            .then((result) => {
              showToast('info', result.added > 0 ? t('meetings.participants.added', { name: option.name }) : t('meetings.participants.alreadyThere', { name: option.name }));
            })
            .catch(showError);
        }}
      />
      <div className="m-form-row m-align-end">
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('meetings.participants.addCountry')}</label>
          <select
            id={`${id}-country`}
            value={countryId}
            aria-invalid={countryError ? true : undefined}
            aria-describedby={countryError ? `${id}-country-error` : undefined}
            onChange={(event) => {
              setCountryId(event.target.value);
              setCountryError(null);
            }}
          >
            <option value="">{t('meetings.participants.chooseCountry')}</option>
            {countriesWithDelegates.map((country) => (
              <option key={country.id} value={country.id}>
                {pick(country.name, language)}
              </option>
            ))}
          </select>
          {countryError && (
            <p id={`${id}-country-error`} className="field-error">
              {countryError}
            </p>
          )}
        </div>
        <button type="button" onClick={() => void addCountry()}>
          {t('meetings.participants.addCountryButton')}
        </button>
      </div>
    </section>
  );
}

function ParticipantList({ rows, days, editable }: { rows: readonly ParticipantRow[]; days: readonly string[]; editable: boolean }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    if (filter.trim() === '') return rows;
    return rows.filter((row) =>
      matchesText(
        [row.name, row.native, row.countryName, row.organization, t(`meetings.capacities.${row.participation.capacity}`), t(`meetings.participationStatuses.${row.participation.status}`)],
        filter,
      ),
    );
  }, [rows, filter, t]);

  const update = (participation: Participation, patch: { capacity?: ParticipationCapacity; status?: ParticipationStatus }) => {
    repositories.meetings.participants.update(participation.id, patch).catch(showError);
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.participants.heading')}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('meetings.participants.none')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-filter`}>{t('meetings.participants.filter')}</label>
            <input
              id={`${id}-filter`}
              type="search"
              value={filter}
              onChange={(event) => {
                setFilter(event.target.value);
              }}
            />
          </div>
          <p className="hint" role="status">
            {t('meetings.participants.shown', { shown: shown.length, total: rows.length })}
          </p>
          <table className="data-table">
            <caption className="visually-hidden">{t('meetings.participants.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.participants.columns.name')}</th>
                <th scope="col">{t('meetings.participants.columns.country')}</th>
                <th scope="col">{t('meetings.participants.columns.organization')}</th>
                <th scope="col">{t('meetings.participants.columns.capacity')}</th>
                <th scope="col">{t('meetings.participants.columns.status')}</th>
                <th scope="col" className="number">{t('meetings.participants.columns.days')}</th>
                {editable && <th scope="col">{t('meetings.participants.columns.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const { participation } = row;
                const present = participation.attendedDays.filter((day) => days.includes(day)).length;
                return (
                  <tr key={participation.id}>
                    <th scope="row">
                      {row.name}
                      {row.native && <div className="hint">{row.native}</div>}
                    </th>
                    <td>{row.countryName || <span className="hint">{t('common.notStated')}</span>}</td>
                    <td>{row.organization}</td>
                    <td>
                      {editable ? (
                        <select
                          aria-label={t('meetings.participants.capacityOf', { name: row.name })}
                          value={participation.capacity}
                          onChange={(event) => {
                            update(participation, { capacity: event.target.value as ParticipationCapacity });
                          }}
                        >
                          {participationCapacities.map((value) => (
                            <option key={value} value={value}>
                              {t(`meetings.capacities.${value}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(`meetings.capacities.${participation.capacity}`)
                      )}
                    </td>
                    <td>
                      {editable ? (
                        <select
                          aria-label={t('meetings.participants.statusOf', { name: row.name })}
                          value={participation.status}
                          onChange={(event) => {
                            update(participation, { status: event.target.value as ParticipationStatus });
                          }}
                        >
                          {participationStatuses.map((value) => (
                            <option key={value} value={value}>
                              {t(`meetings.participationStatuses.${value}`)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(`meetings.participationStatuses.${participation.status}`)
                      )}
                    </td>
                    <td className="number">
                      {present} / {days.length}
                    </td>
                    {editable && (
                      <td>
                        <button
                          type="button"
                          className="small secondary"
                          aria-label={t('meetings.participants.removeNamed', { name: row.name })}
                          onClick={() => {
                            repositories.meetings.participants
                              .remove(participation.id)
                              .then(() => {
                                showToast('info', t('meetings.participants.removed', { name: row.name }));
                              })
                              .catch(showError);
                          }}
                        >
                          {t('meetings.participants.remove')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function Totals({ participations, registry, days }: { participations: readonly Participation[]; registry: Registry; days: readonly string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const totals = useMemo(
    () =>
      participantTotals(participations, (delegateId) => registry.delegatesById.get(delegateId)?.countryId ?? null, {
        days,
        countryOrder: registry.countries.map((country) => country.id),
      }),
    [participations, registry, days],
  );
  if (participations.length === 0) return null;
  const usedCapacities = participationCapacities.filter((capacity) => totals.byCapacity[capacity] > 0);

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('meetings.participants.totals')}</h2>
      <table className="data-table m-totals-table">
        <caption>{t('meetings.participants.totalsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('meetings.participants.columns.country')}</th>
            {usedCapacities.map((capacity) => (
              <th key={capacity} scope="col" className="number">
                {t(`meetings.capacities.${capacity}`)}
              </th>
            ))}
            <th scope="col" className="number">
              {t('meetings.participants.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.byCountry.map((row) => {
            const country = row.countryId === null ? undefined : registry.countriesById.get(row.countryId);
            return (
              <tr key={row.countryId ?? 'none'}>
                <th scope="row">{country ? pick(country.name, language) : t('meetings.participants.noCountry')}</th>
                {usedCapacities.map((capacity) => (
                  <td key={capacity} className="number">
                    {row.byCapacity[capacity]}
                  </td>
                ))}
                <td className="number">{row.total}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('meetings.participants.total')}</th>
            {usedCapacities.map((capacity) => (
              <td key={capacity} className="number">
                {totals.byCapacity[capacity]}
              </td>
            ))}
            <td className="number">{totals.total}</td>
          </tr>
        </tfoot>
      </table>

      <div className="m-totals-side">
        <div>
          <h3>{t('meetings.participants.byStatus')}</h3>
          <dl className="facts">
            {participationStatuses.map((status) => (
              <div key={status} className="fact">
                <dt>{t(`meetings.participationStatuses.${status}`)}</dt>
                <dd>{totals.byStatus[status]}</dd>
              </div>
            ))}
          </dl>
        </div>
        <div>
          <h3>{t('meetings.participants.attendanceByDay')}</h3>
          <dl className="facts">
            {days.map((day) => (
              <div key={day} className="fact">
                <dt>{formatDate(day, language)}</dt>
                <dd>{totals.presentByDay[day] ?? 0}</dd>
              </div>
            ))}
            <div className="fact">
              <dt>{t('meetings.participants.attendedAny')}</dt>
              <dd>{totals.attendedAnyDay}</dd>
            </div>
          </dl>
        </div>
      </div>
    </section>
  );
}
