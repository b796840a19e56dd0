/** A meeting at a glance: dates, place, time zone, organizers, objectives, and counts of its parts. */
import { useTranslation } from 'react-i18next';
import { agendaMoment } from '../../../shared/meetings/agenda';
import { meetingDays, zonedToEpoch } from '../../../shared/meetings/dates';
import { timeZoneLabel } from '../../../shared/meetings/timeZones';
import type { ActionItem, Decision, Meeting, Participation, Session } from '../../../shared/model';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useNow } from './useNow';
import type { Registry } from './useRegistry';
import { joinIsolated } from '../../../shared/bidi';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  participations: readonly Participation[];
  decisions: readonly Decision[];
  actionItems: readonly ActionItem[];
  registry: Registry;
}

export function OverviewTab({ meeting, sessions, participations, decisions, actionItems, registry }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const now = useNow();
  const moment = agendaMoment(meeting, sessions, now);
  const none = <span className="hint">{t('meetings.overview.none')}</span>;
  const organization = (id: string) => {
    const found = registry.organizationsById.get(id);
    return found ? `${pick(found.name, language)}${found.acronym ? ` (${found.acronym})` : ''}` : t('common.notStated');
  };
  const place = joinIsolated([pick(meeting.venue, language), pick(meeting.city, language)], ', ');
  const conjunction = pick(meeting.inConjunctionWith, language);
  const objectives = pick(meeting.objectives, language);

  return (
    <div className="m-overview">
      {moment.running && <p className="m-running-now">{t('meetings.overview.underWay', { time: moment.localTime })}</p>}
      <section aria-labelledby="meeting-overview-facts">
        <h2 id="meeting-overview-facts" className="visually-hidden">
          {t('meetings.page.tabs.overview')}
        </h2>
        <dl className="facts">
          <dt>{t('meetings.overview.dates')}</dt>
          <dd>{t('common.dateRange', { start: formatDate(meeting.startDate, language), end: formatDate(meeting.endDate, language) })}</dd>
          <dt>{t('meetings.overview.days')}</dt>
          <dd>{meetingDays(meeting.startDate, meeting.endDate).length}</dd>
          <dt>{t('meetings.overview.place')}</dt>
          <dd>{place || <span className="hint">{t('common.notStated')}</span>}</dd>
          <dt>{t('meetings.overview.timeZone')}</dt>
          <dd>{timeZoneLabel(meeting.timeZone, zonedToEpoch(meeting.startDate, '12:00', 'UTC'))}</dd>
          <dt>{t('meetings.overview.host')}</dt>
          <dd>{meeting.hostOrganizationId ? organization(meeting.hostOrganizationId) : none}</dd>
          <dt>{t('meetings.overview.coOrganizers')}</dt>
          <dd>{meeting.coOrganizerIds.length > 0 ? meeting.coOrganizerIds.map(organization).join('; ') : none}</dd>
          <dt>{t('meetings.overview.inConjunctionWith')}</dt>
          <dd>{conjunction || none}</dd>
          <dt>{t('meetings.overview.objectives')}</dt>
          <dd className="m-prewrap">{objectives || none}</dd>
        </dl>
      </section>
      <section aria-labelledby="meeting-overview-summary">
        <h2 id="meeting-overview-summary">{t('meetings.overview.summary')}</h2>
        <dl className="facts">
          <dt>{t('meetings.overview.sessionsCount')}</dt>
          <dd>{sessions.length}</dd>
          <dt>{t('meetings.overview.participantsCount')}</dt>
          <dd>{participations.filter((participation) => participation.status !== 'declined').length}</dd>
          <dt>{t('meetings.overview.decisionsCount')}</dt>
          <dd>{decisions.length}</dd>
          <dt>{t('meetings.overview.actionItemsOpen')}</dt>
          <dd>{actionItems.filter((item) => !item.done).length}</dd>
        </dl>
      </section>
    </div>
  );
}
