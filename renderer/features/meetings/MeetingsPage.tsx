/** Meetings of the group, upcoming first then past, in the UI language. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/model';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';

export function MeetingsPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);
  if (meetings === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  const today = todayIso();
  const upcoming = meetings.filter((m) => m.endDate >= today).reverse();
  const past = meetings.filter((m) => m.endDate < today);

  return (
    <div className="page">
      <PageTitle>{t('meetings.title')}</PageTitle>
      {meetings.length === 0 ? (
        <div className="empty-state">
          <p>{t('meetings.empty')}</p>
          <p className="hint">{t('meetings.emptyHint')}</p>
        </div>
      ) : (
        <>
          <MeetingTable caption={t('meetings.upcoming')} meetings={upcoming} emptyText={t('meetings.noneUpcoming')} />
          <MeetingTable caption={t('meetings.past')} meetings={past} emptyText={t('meetings.nonePast')} />
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
              const place = [pick(meeting.city, language), pick(meeting.venue, language)].filter(Boolean).join(', ');
              const conjunction = pick(meeting.inConjunctionWith, language);
              return (
                <tr key={meeting.id}>
                  <th scope="row">
                    {pick(meeting.title, language)}
                    {conjunction && (
                      <div className="hint">{t('meetings.inConjunctionWith', { text: conjunction })}</div>
                    )}
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
