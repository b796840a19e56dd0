/**
 * One meeting: its header (title, dates, place, status, actions) and four tabs, Overview,
 * Agenda, Participants and Outcomes, as an ARIA tablist whose selection is part of the URL
 * (meetings/:id/:tab), so a reload or a shared link lands on the same tab.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReportSpec } from '../../../shared/reports/spec';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { AgendaTab } from './AgendaTab';
import { ExportPdfButton } from '../reports/ExportPdfButton';
import { reportLink } from '../reports/reportParams';
import { MeetingActions } from './MeetingActions';
import './meetings.css';
import { MinutesTab } from './MinutesTab';
import { OutcomesTab } from './OutcomesTab';
import { isLocked } from '../../../shared/meetings/minutes';
import { OverviewTab } from './OverviewTab';
import { ParticipantsTab } from './ParticipantsTab';
import { personName, personOptions, useMayPlanMeetings, useRegistry } from './useRegistry';
import { joinIsolated } from '../../../shared/bidi';

export const meetingTabs = ['overview', 'agenda', 'participants', 'outcomes', 'minutes'] as const;
export type MeetingTab = (typeof meetingTabs)[number];

function isTab(value: string | undefined): value is MeetingTab {
  return value !== undefined && (meetingTabs as readonly string[]).includes(value);
}

export function MeetingPage() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const language = currentLanguage();
  const registry = useRegistry();
  const secretariat = useMayPlanMeetings();
  const tabRefs = useRef<Partial<Record<MeetingTab, HTMLButtonElement | null>>>({});
  const selected: MeetingTab = isTab(tab) ? tab : 'overview';

  const data = useLiveQuery(async () => {
    const meeting = await repositories.meetings.get(id);
    if (!meeting) return { meeting: undefined } as const;
    const [sessions, participations, decisions, actionItems, minutes] = await Promise.all([
      repositories.meetings.sessions.list(id),
      repositories.meetings.participants.list(id),
      repositories.meetings.decisions.list(id),
      repositories.meetings.actionItems.list(id),
      repositories.minutes.ofMeeting(id),
    ]);
    return { meeting, sessions, participations, decisions, actionItems, locked: isLocked(minutes) } as const;
  }, [repositories, id]);

  // The meeting book includes the group's MoU draft (the first document, as the Reports screen chooses).
  const mouDocuments = useLiveQuery(() => repositories.reports.listDocuments(), [repositories]);

  const people = useMemo(() => (registry ? personOptions(registry, language) : []), [registry, language]);
  const nameOf = useCallback(
    (delegateId: string) => {
      const delegate = registry?.delegatesById.get(delegateId);
      return delegate ? personName(delegate, language) : undefined;
    },
    [registry, language],
  );

  const choose = (next: MeetingTab, focus: boolean) => {
    void navigate(`/meetings/${id}/${next}`, { replace: true });
    if (focus) tabRefs.current[next]?.focus();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = meetingTabs.indexOf(selected);
    const last = meetingTabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? meetingTabs[index === last ? 0 : index + 1]
        : event.key === 'ArrowLeft'
          ? meetingTabs[index === 0 ? last : index - 1]
          : event.key === 'Home'
            ? meetingTabs[0]
            : event.key === 'End'
              ? meetingTabs[last]
              : undefined;
    if (target) {
      event.preventDefault();
      choose(target, true);
    }
  };

  if (data === undefined || registry === undefined || secretariat === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  if (data.meeting === undefined) {
    return (
      <div className="page m-area">
        <PageTitle>{t('meetings.title')}</PageTitle>
        <p>{t('meetings.page.notFound')}</p>
        <Link to="/meetings">{t('meetings.page.allMeetings')}</Link>
      </div>
    );
  }

  const { meeting, sessions, participations, decisions, actionItems, locked } = data;
  const editable = secretariat;
  // Approved minutes lock what they record: outcomes and attendance (the done mark of action items stays).
  const recordsEditable = editable && !locked;
  const place = joinIsolated([pick(meeting.venue, language), pick(meeting.city, language)], ', ');
  // The agenda for the meeting room, both languages on A4; "PDF options…" offers the other reports.
  const agendaPdf: ReportSpec = { kind: 'agenda', meetingId: meeting.id, language: 'en+ru', paper: 'a4' };
  const bookPdf: ReportSpec = { kind: 'book', meetingId: meeting.id, documentId: mouDocuments?.[0]?.id ?? null, language: 'en+ru', paper: 'a4' };

  return (
    <div className="page meeting-page m-area">
      <p className="m-breadcrumb">
        <Link to="/meetings">{t('meetings.page.allMeetings')}</Link>
      </p>
      <header className="m-meeting-header">
        <div>
          <PageTitle>{pick(meeting.title, language)}</PageTitle>
          <p className="m-meeting-subtitle">
            <span>{t('common.dateRange', { start: formatDate(meeting.startDate, language), end: formatDate(meeting.endDate, language) })}</span>
            {place && <span>{place}</span>}
            <span>{t(`meetingKinds.${meeting.kind}`)}</span>
            <span className={`m-status-badge m-status-${meeting.status}`}>{t(`meetingStatuses.${meeting.status}`)}</span>
          </p>
        </div>
        <MeetingActions meeting={meeting} sessions={sessions} participantCount={participations.length} personName={nameOf} editable={editable}>
          <ExportPdfButton spec={agendaPdf} label={t('reports.export.agendaButton')} printLabel={t('reports.toPrinter.agendaButton')} />
          <ExportPdfButton
            spec={bookPdf}
            label={t('reports.export.bookButton')}
            printLabel={t('reports.toPrinter.bookButton')}
            disabled={mouDocuments === undefined}
          />
          <Link className="button-link" to={reportLink(agendaPdf)}>
            {t('reports.form.printOptions')}
          </Link>
        </MeetingActions>
      </header>
      {meeting.status === 'cancelled' && <p className="m-notice">{t('meetings.page.cancelledNotice')}</p>}
      {!editable && <p className="hint">{t('meetings.page.readOnly')}</p>}
      {locked && (selected === 'outcomes' || selected === 'participants') && <p className="m-notice">{t('meetings.minutes.lockedHere')}</p>}

      <div role="tablist" aria-label={t('meetings.page.sections')} className="m-tabs">
        {meetingTabs.map((name) => (
          <button
            key={name}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            type="button"
            role="tab"
            id={`meeting-tab-${name}`}
            aria-selected={name === selected}
            aria-controls={`meeting-panel-${name}`}
            tabIndex={name === selected ? 0 : -1}
            onClick={() => {
              choose(name, false);
            }}
            onKeyDown={onTabKey}
          >
            {t(`meetings.page.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`meeting-panel-${selected}`} aria-labelledby={`meeting-tab-${selected}`} tabIndex={0} className="m-tab-panel">
        {selected === 'overview' && (
          <OverviewTab meeting={meeting} sessions={sessions} participations={participations} decisions={decisions} actionItems={actionItems} registry={registry} />
        )}
        {selected === 'agenda' && <AgendaTab meeting={meeting} sessions={sessions} people={people} editable={editable} />}
        {selected === 'participants' && (
          <ParticipantsTab meeting={meeting} participations={participations} registry={registry} people={people} editable={recordsEditable} />
        )}
        {selected === 'outcomes' && (
          <OutcomesTab
            meeting={meeting}
            sessions={sessions}
            decisions={decisions}
            actionItems={actionItems}
            participations={participations}
            registry={registry}
            editable={recordsEditable}
            doneEditable={editable}
          />
        )}
        {selected === 'minutes' && <MinutesTab meeting={meeting} editable={editable} />}
      </div>
    </div>
  );
}
