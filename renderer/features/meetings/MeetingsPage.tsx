/**
 * Meetings of the group, upcoming (soonest first) then past (latest first), with a search
 * over titles, cities and venues in both languages and filters by status, year and city.
 * The search and filters live in the URL, so "back" from a meeting keeps them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { meetingStatuses, type Meeting, type MeetingStatus } from '../../../shared/model';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import './meetings.css';
import { normalizeSearch, useMayPlanMeetings } from './useRegistry';
import { joinIsolated } from '../../../shared/bidi';

interface Filters {
  query: string;
  status: MeetingStatus | '';
  year: string;
  city: string;
}

/** A city's key for filtering: its English name, else its Russian one, normalized. */
function cityKey(meeting: Meeting): string {
  return normalizeSearch((meeting.city.en.trim() || meeting.city.ru).trim());
}

export function filterMeetings(meetings: readonly Meeting[], filters: Filters): Meeting[] {
  const words = normalizeSearch(filters.query).split(/\s+/).filter(Boolean);
  return meetings.filter((meeting) => {
    if (filters.status !== '' && meeting.status !== filters.status) return false;
    if (filters.year !== '' && meeting.startDate.slice(0, 4) !== filters.year && meeting.endDate.slice(0, 4) !== filters.year) return false;
    if (filters.city !== '' && cityKey(meeting) !== filters.city) return false;
    if (words.length === 0) return true;
    const text = normalizeSearch(
      [meeting.title, meeting.city, meeting.venue, meeting.inConjunctionWith].flatMap((field) => [field.en, field.ru]).join(' '),
    );
    return words.every((word) => text.includes(word));
  });
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const secretariat = useMayPlanMeetings();
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);
  const [params, setParams] = useSearchParams();
  const id = useId();
  const language = currentLanguage();

  const statusParam = params.get('status') ?? '';
  const filters: Filters = {
    query: params.get('q') ?? '',
    status: (meetingStatuses as readonly string[]).includes(statusParam) ? (statusParam as MeetingStatus) : '',
    year: params.get('year') ?? '',
    city: params.get('city') ?? '',
  };
  const setFilter = (name: 'q' | 'status' | 'year' | 'city', value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  const choices = useMemo(() => {
    const years = new Set<string>();
    const cities = new Map<string, Meeting>();
    for (const meeting of meetings ?? []) {
      years.add(meeting.startDate.slice(0, 4));
      years.add(meeting.endDate.slice(0, 4));
      const key = cityKey(meeting);
      if (key !== '' && !cities.has(key)) cities.set(key, meeting);
    }
    return {
      years: [...years].sort().reverse(),
      cities: [...cities.entries()].map(([key, meeting]) => ({ key, label: pick(meeting.city, language) })).sort((a, b) => a.label.localeCompare(b.label, language)),
    };
  }, [meetings, language]);

  if (meetings === undefined || secretariat === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  const shown = filterMeetings(meetings, filters);
  const today = todayIso();
  const upcoming = shown.filter((m) => m.endDate >= today).reverse();
  const past = shown.filter((m) => m.endDate < today);
  const filtered = filters.query !== '' || filters.status !== '' || filters.year !== '' || filters.city !== '';

  return (
    <div className="page m-area">
      <div className="m-page-heading">
        <PageTitle>{t('meetings.title')}</PageTitle>
        {secretariat && (
          <Link className="button" to="/meetings/new">
            {t('meetings.newMeeting')}
          </Link>
        )}
      </div>
      {meetings.length === 0 ? (
        <div className="empty-state">
          <p>{t('meetings.empty')}</p>
          <p className="hint">{secretariat ? t('meetings.emptyHintSecretariat') : t('meetings.emptyHint')}</p>
        </div>
      ) : (
        <>
          <div role="search" className="m-filters" aria-label={t('meetings.list.filters')}>
            <div className="field m-grow">
              <label htmlFor={`${id}-q`}>{t('meetings.list.search')}</label>
              <input
                id={`${id}-q`}
                type="search"
                value={filters.query}
                aria-describedby={`${id}-q-hint`}
                onChange={(event) => {
                  setFilter('q', event.target.value);
                }}
              />
              <p id={`${id}-q-hint`} className="hint">
                {t('meetings.list.searchHint')}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-status`}>{t('meetings.list.status')}</label>
              <select
                id={`${id}-status`}
                value={filters.status}
                onChange={(event) => {
                  setFilter('status', event.target.value);
                }}
              >
                <option value="">{t('meetings.list.allStatuses')}</option>
                {meetingStatuses.map((status) => (
                  <option key={status} value={status}>
                    {t(`meetingStatuses.${status}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-year`}>{t('meetings.list.year')}</label>
              <select
                id={`${id}-year`}
                value={filters.year}
                onChange={(event) => {
                  setFilter('year', event.target.value);
                }}
              >
                <option value="">{t('meetings.list.allYears')}</option>
                {choices.years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-city`}>{t('meetings.list.city')}</label>
              <select
                id={`${id}-city`}
                value={filters.city}
                onChange={(event) => {
                  setFilter('city', event.target.value);
                }}
              >
                <option value="">{t('meetings.list.allCities')}</option>
                {choices.cities.map((city) => (
                  <option key={city.key} value={city.key}>
                    {city.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="hint" role="status">
            {filtered ? t('meetings.list.shown', { shown: shown.length, total: meetings.length }) : ''}
          </p>
          {filtered && shown.length === 0 ? (
            <div className="empty-state">
              <p>{t('meetings.list.noMatches')}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setParams(new URLSearchParams(), { replace: true });
                }}
              >
                {t('meetings.list.clear')}
              </button>
            </div>
          ) : (
            <>
              <MeetingTable caption={t('meetings.upcoming')} meetings={upcoming} emptyText={t('meetings.noneUpcoming')} />
              <MeetingTable caption={t('meetings.past')} meetings={past} emptyText={t('meetings.nonePast')} />
            </>
          )}
        </>
      )}
    </div>
  );
}

function MeetingTable({ caption, meetings, emptyText }: { caption: string; meetings: Meeting[]; emptyText: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <section>
      <h2>{caption}</h2>
      {meetings.length === 0 ? (
        <p className="hint">{emptyText}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('meetings.columns.title')}</th>
              <th scope="col">{t('meetings.columns.dates')}</th>
              <th scope="col">{t('meetings.columns.place')}</th>
              <th scope="col">{t('meetings.columns.kind')}</th>
              <th scope="col">{t('meetings.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => {
              const place = joinIsolated([pick(meeting.city, language), pick(meeting.venue, language)], ', ');
              const conjunction = pick(meeting.inConjunctionWith, language);
              return (
                <tr key={meeting.id} className={meeting.status === 'cancelled' ? 'm-cancelled' : undefined}>
                  <th scope="row">
                    <Link to={`/meetings/${meeting.id}`}>{pick(meeting.title, language)}</Link>
                    {conjunction && <div className="hint">{t('meetings.inConjunctionWith', { text: conjunction })}</div>}
                  </th>
                  <td>
                    {t('common.dateRange', {
                      start: formatDate(meeting.startDate, language),
                      end: formatDate(meeting.endDate, language),
                    })}
                  </td>
                  <td>{place || <span className="hint">{t('common.notStated')}</span>}</td>
                  <td>{t(`meetingKinds.${meeting.kind}`)}</td>
                  <td>{t(`meetingStatuses.${meeting.status}`)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
