/**
 * The agenda builder: one column per day of the meeting, sessions in time order, the
 * current and next session marked while the meeting runs (in the venue's time zone), and
 * warnings for overlaps and double-booked people. The secretariat adds, edits, reorders,
 * moves, duplicates and deletes sessions and copies whole days, all from the keyboard.
 */
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaMoment, agendaWarnings, sessionsByDay, type AgendaWarning } from '../../../shared/meetings/agenda';
import { meetingDays } from '../../../shared/meetings/dates';
import type { Meeting, Session } from '../../../shared/model';
import { ConfirmDialog } from '../../app/ConfirmDialog';
import { formatDate } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import { AgendaMinutesNote, useMinutesOnAgenda } from './MinutesTab';
import { SessionCard, type DayOption } from './SessionCard';
import { SessionDialog } from './SessionDialog';
import { useNow } from './useNow';
import type { PersonOption } from './useRegistry';

interface Props {
  meeting: Meeting;
  sessions: readonly Session[];
  people: readonly PersonOption[];
  editable: boolean;
}

type Editing = { kind: 'new'; date: string } | { kind: 'edit'; session: Session } | null;

const NO_WARNINGS: readonly AgendaWarning[] = [];

/** "Monday, 9 September 2014" in the UI language; dates carry no zone, so UTC formatting keeps the day. */
function longDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function AgendaTab({ meeting, sessions, people, editable }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const now = useNow();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Session | null>(null);

  const days = useMemo(() => meetingDays(meeting.startDate, meeting.endDate), [meeting.startDate, meeting.endDate]);
  const dayOptions = useMemo(
    () => days.map((day, index) => ({ value: day, label: t('meetings.agenda.dayOption', { number: index + 1, date: formatDate(day, language) }) })),
    [days, language, t],
  );
  const byDay = useMemo(() => sessionsByDay(sessions), [sessions]);
  const sessionsById = useMemo(() => new Map(sessions.map((session) => [session.id, session])), [sessions]);
  const names = useMemo(() => new Map(people.map((person) => [person.id, person.name])), [people]);
  const warnings = useMemo(() => agendaWarnings(sessions), [sessions]);
  const moment = useMemo(() => agendaMoment(meeting, sessions, now), [meeting, sessions, now]);
  const warningCount = useMemo(() => [...warnings.values()].reduce((sum, list) => sum + list.length, 0) / 2, [warnings]);
  // Sessions saved on days the meeting no longer has (e.g. after a sync changed its dates).
  const strayDays = [...byDay.keys()].filter((day) => !days.includes(day));

  const act = useCallback(
    (action: () => Promise<unknown>, done?: string) => {
      action()
        .then(() => {
          if (done) showToast('info', done);
        })
        .catch(showError);
    },
    [showToast],
  );

  const onEdit = useCallback((session: Session) => {
    setEditing({ kind: 'edit', session });
  }, [setEditing]);
  const onMove = useCallback(
    (session: Session, direction: 'up' | 'down') => {
      act(() => repositories.meetings.sessions.move(session.id, direction));
    },
    [act, repositories],
  );
  const onMoveToDay = useCallback(
    (session: Session, date: string) => {
      act(() => repositories.meetings.sessions.moveToDay(session.id, date), t('meetings.agenda.moved'));
    },
    [act, repositories, t],
  );
  const onDuplicate = useCallback(
    (session: Session) => {
      act(() => repositories.meetings.sessions.duplicate(session.id), t('meetings.agenda.duplicated'));
    },
    [act, repositories, t],
  );
  const minutesOnAgenda = useMinutesOnAgenda(sessions);
  const onDelete = useCallback((session: Session) => {
    setDeleting(session);
  }, [setDeleting]);

  return (
    <div className="m-agenda">
      <p className="hint">{t('meetings.agenda.venueTime', { zone: meeting.timeZone })}</p>
      {moment.running && (
        <p className="m-running-now">{t('meetings.agenda.localTime', { time: moment.localTime, date: formatDate(moment.localDate, language) })}</p>
      )}
      {warningCount > 0 && (
        <p className="m-warning-summary" role="status">
          {t('meetings.agenda.warningCount', { count: warningCount })}
        </p>
      )}
      <div className="m-agenda-days" role="list" aria-label={t('meetings.agenda.days')}>
        {[...days, ...strayDays].map((day) => {
          const daySessions = byDay.get(day) ?? [];
          const number = days.indexOf(day) + 1;
          return (
            <DayColumn
              key={day}
              day={day}
              number={number}
              dayOptions={dayOptions}
              language={language}
              sessions={daySessions}
              editable={editable}
              onAdd={() => {
                setEditing({ kind: 'new', date: day });
              }}
              onCopy={(target) => {
                if (daySessions.length === 0) {
                  showToast('info', t('meetings.agenda.nothingToCopy'));
                  return;
                }
                act(async () => {
                  const count = await repositories.meetings.sessions.copyDay(meeting.id, day, target);
                  showToast('info', t('meetings.agenda.copied', { count, date: formatDate(target, language) }));
                });
              }}
            >
              {daySessions.map((session, index) => {
                const list = warnings.get(session.id) ?? NO_WARNINGS;
                const warningsKey = list
                  .map((warning) => `${warning.kind}:${warning.otherId}:${sessionsById.get(warning.otherId)?.hlc ?? ''}:${warning.kind === 'double-booking' ? warning.personId : ''}`)
                  .join('|');
                const mark = moment.currentIds.includes(session.id) ? 'now' : moment.nextIds.includes(session.id) ? 'next' : null;
                return (
                  <li key={session.id}>
                    <SessionCard
                      session={session}
                      language={language}
                      warnings={list}
                      warningsKey={warningsKey}
                      mark={mark}
                      editable={editable}
                      isFirst={index === 0}
                      isLast={index === daySessions.length - 1}
                      dayOptions={dayOptions}
                      sessionsById={sessionsById}
                      names={names}
                      onEdit={onEdit}
                      onMove={onMove}
                      onMoveToDay={onMoveToDay}
                      onDuplicate={onDuplicate}
                      onDelete={onDelete}
                    />
                    {minutesOnAgenda?.has(session.id) && (
                      <AgendaMinutesNote session={session} meeting={meeting} entries={minutesOnAgenda.get(session.id) ?? []} editable={editable} />
                    )}
                  </li>
                );
              })}
            </DayColumn>
          );
        })}
      </div>

      {editing && (
        <SessionDialog
          meeting={meeting}
          sessions={sessions}
          people={people}
          date={editing.kind === 'new' ? editing.date : editing.session.date}
          {...(editing.kind === 'edit' ? { session: editing.session } : {})}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('meetings.agenda.confirmDeleteTitle')}
          cancelLabel={t('meetings.page.keep')}
          confirmLabel={t('meetings.agenda.confirmDelete')}
          danger
          onCancel={() => {
            setDeleting(null);
          }}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            act(() => repositories.meetings.sessions.remove(id), t('meetings.agenda.deleted'));
          }}
        >
          <p>{t('meetings.agenda.confirmDeleteBody', { title: deleting.title[language] || deleting.title.en || deleting.title.ru })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

interface DayColumnProps {
  day: string;
  /** 1-based; 0 for a day outside the meeting's dates. */
  number: number;
  dayOptions: readonly DayOption[];
  language: 'en' | 'ru';
  sessions: readonly Session[];
  editable: boolean;
  onAdd: () => void;
  onCopy: (target: string) => void;
  children: ReactNode;
}

function DayColumn({ day, number, dayOptions, language, sessions, editable, onAdd, onCopy, children }: DayColumnProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const copyId = useId();
  const others = dayOptions.filter((option) => option.value !== day);
  const [target, setTarget] = useState(others[0]?.value ?? '');
  const chosen = others.some((option) => option.value === target) ? target : (others[0]?.value ?? '');
  return (
    <section className="m-agenda-day" role="listitem" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {number > 0 ? t('meetings.agenda.dayHeading', { number }) : formatDate(day, language)}
        <span className="m-day-date">{longDate(day, language)}</span>
      </h2>
      <p className="hint">{t('meetings.agenda.sessionsOnDay', { count: sessions.length })}</p>
      {sessions.length === 0 ? <p className="hint">{t('meetings.agenda.noSessions')}</p> : <ol className="session-list">{children}</ol>}
      {editable && number > 0 && (
        <div className="m-day-actions">
          <button type="button" aria-label={t('meetings.agenda.addSessionOn', { number })} onClick={onAdd}>
            {t('meetings.agenda.addSession')}
          </button>
          {others.length > 0 && sessions.length > 0 && (
            <span className="m-copy-day">
              <label htmlFor={copyId}>{t('meetings.agenda.copyDayOf', { number })}</label>
              <select
                id={copyId}
                value={chosen}
                onChange={(event) => {
                  setTarget(event.target.value);
                }}
              >
                {others.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onCopy(chosen);
                }}
              >
                {t('meetings.agenda.copyDayButton', { number })}
              </button>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
