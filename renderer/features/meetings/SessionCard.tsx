/**
 * One session in an agenda column: time, kind, title, place, people, topics, warnings, the
 * "now"/"next" mark, and (for the secretariat) the keyboard-reachable actions: edit, move
 * up or down, move to another day, duplicate, delete. Memoized on the record's stamp, so a
 * 200-session agenda re-renders only the cards that changed.
 */
import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaWarning } from '../../../shared/meetings/agenda';
import { isKnownTopic } from '../../../shared/meetings/topics';
import type { Session } from '../../../shared/model';
import { pick } from '../../app/format';
import type { Language } from '../../app/i18n';
import { joinIsolated } from '../../../shared/bidi';

export function WarningList({
  warnings,
  sessionsById,
  names,
}: {
  warnings: readonly AgendaWarning[];
  sessionsById: ReadonlyMap<string, Session>;
  names: ReadonlyMap<string, string>;
}) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'ru' ? 'ru' : 'en') satisfies Language;
  return (
    <ul className="m-warnings">
      {warnings.map((warning, index) => {
        const other = sessionsById.get(warning.otherId);
        const values = {
          title: other ? pick(other.title, language) : '',
          start: other?.start ?? '',
          end: other?.end ?? '',
        };
        return (
          <li key={`${warning.kind}-${warning.otherId}-${String(index)}`}>
            {warning.kind === 'overlap'
              ? t('meetings.agenda.overlap', values)
              : t('meetings.agenda.doubleBooking', {
                  ...values,
                  name: names.get(warning.personId) ?? t('meetings.agenda.unknownPerson'),
                })}
          </li>
        );
      })}
    </ul>
  );
}

export interface DayOption {
  value: string;
  label: string;
}

export interface SessionCardProps {
  session: Session;
  language: Language;
  warnings: readonly AgendaWarning[];
  /** Stable key of the warnings' content, for memoization. */
  warningsKey: string;
  mark: 'now' | 'next' | null;
  editable: boolean;
  isFirst: boolean;
  isLast: boolean;
  /** The meeting's days with their labels ("Day 2, Sep 30, 2026"), built once per agenda: formatting them per card is costly. */
  dayOptions: readonly DayOption[];
  sessionsById: ReadonlyMap<string, Session>;
  names: ReadonlyMap<string, string>;
  onEdit: (session: Session) => void;
  onMove: (session: Session, direction: 'up' | 'down') => void;
  onMoveToDay: (session: Session, date: string) => void;
  onDuplicate: (session: Session) => void;
  onDelete: (session: Session) => void;
}

function SessionCardView(props: SessionCardProps) {
  const { session, language, warnings, mark, editable, isFirst, isLast, dayOptions, names } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const moveId = useId();
  const otherDays = dayOptions.filter((option) => option.value !== session.date).map((option) => option.value);
  const [target, setTarget] = useState(otherDays[0] ?? '');
  const title = pick(session.title, language);
  const people = (ids: readonly string[]) => joinIsolated(ids.map((id) => names.get(id) ?? t('meetings.agenda.unknownPerson')), ', ');
  const description = pick(session.description, language);
  const location = pick(session.location, language);
  const chosenTarget = otherDays.includes(target) ? target : (otherDays[0] ?? '');

  return (
    <article
      className={`session-card kind-${session.kind}${mark ? ` is-${mark}` : ''}${warnings.length > 0 ? ' has-warnings' : ''}`}
      aria-labelledby={titleId}
    >
      <p className="session-time">
        <span>{t('meetings.agenda.timeRange', { start: session.start, end: session.end })}</span>
        <span className="session-kind">{t(`meetings.sessionKinds.${session.kind}`)}</span>
        {mark && <strong className={`session-mark mark-${mark}`}>{mark === 'now' ? t('meetings.agenda.now') : t('meetings.agenda.next')}</strong>}
      </p>
      <h3 id={titleId} lang={session.title[language].trim() ? language : language === 'en' ? 'ru' : 'en'}>
        {title}
      </h3>
      {description && <p className="session-description">{description}</p>}
      <dl className="session-facts">
        {location && (
          <>
            <dt>{t('meetings.agenda.location')}</dt>
            <dd>{location}</dd>
          </>
        )}
        {session.moderatorIds.length > 0 && (
          <>
            <dt>{t(session.moderatorIds.length === 1 ? 'meetings.agenda.moderator' : 'meetings.agenda.moderators')}</dt>
            <dd>{people(session.moderatorIds)}</dd>
          </>
        )}
        {session.speakerIds.length > 0 && (
          <>
            <dt>{t(session.speakerIds.length === 1 ? 'meetings.agenda.speaker' : 'meetings.agenda.speakers')}</dt>
            <dd>{people(session.speakerIds)}</dd>
          </>
        )}
        {session.topics.length > 0 && (
          <>
            <dt>{t('meetings.agenda.topics')}</dt>
            <dd>{session.topics.map((topic) => (isKnownTopic(topic) ? t(`meetings.topics.${topic}`) : topic)).join(', ')}</dd>
          </>
        )}
      </dl>
      {warnings.length > 0 && (
        <div className="session-warnings">
          <p className="m-warning-label">{t('meetings.agenda.warnings')}</p>
          <WarningList warnings={warnings} sessionsById={props.sessionsById} names={names} />
        </div>
      )}
      {editable && (
        <div className="session-actions" role="group" aria-label={t('meetings.agenda.sessionActions', { title })}>
          <button type="button" className="small" aria-label={t('meetings.agenda.editSession', { title })} onClick={() => { props.onEdit(session); }}>
            {t('meetings.agenda.edit')}
          </button>
          {/* aria-disabled, not disabled: a session moved to the top keeps focus on its button. */}
          <button
            type="button"
            className="small secondary"
            aria-disabled={isFirst ? true : undefined}
            aria-label={t('meetings.agenda.moveUpSession', { title })}
            onClick={() => { if (!isFirst) props.onMove(session, 'up'); }}
          >
            {t('meetings.agenda.moveUp')}
          </button>
          <button
            type="button"
            className="small secondary"
            aria-disabled={isLast ? true : undefined}
            aria-label={t('meetings.agenda.moveDownSession', { title })}
            onClick={() => { if (!isLast) props.onMove(session, 'down'); }}
          >
            {t('meetings.agenda.moveDown')}
          </button>
          <button type="button" className="small secondary" aria-label={t('meetings.agenda.duplicateSession', { title })} onClick={() => { props.onDuplicate(session); }}>
            {t('meetings.agenda.duplicate')}
          </button>
          <button type="button" className="small danger" aria-label={t('meetings.agenda.deleteSession', { title })} onClick={() => { props.onDelete(session); }}>
            {t('meetings.agenda.delete')}
          </button>
          {otherDays.length > 0 && (
            <span className="m-move-to-day">
              <label htmlFor={moveId}>{t('meetings.agenda.moveToDay')}</label>
              <select id={moveId} value={chosenTarget} onChange={(event) => { setTarget(event.target.value); }}>
                {dayOptions
                  .filter((option) => option.value !== session.date)
                  .map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
              </select>
              <button type="button" className="small secondary" aria-label={t('meetings.agenda.moveSession', { title })} onClick={() => { props.onMoveToDay(session, chosenTarget); }}>
                {t('meetings.agenda.move')}
              </button>
            </span>
          )}
        </div>
      )}
    </article>
  );
}

export const SessionCard = memo(
  SessionCardView,
  (before, after) =>
    before.session.hlc === after.session.hlc &&
    before.session.id === after.session.id &&
    before.language === after.language &&
    before.warningsKey === after.warningsKey &&
    before.mark === after.mark &&
    before.editable === after.editable &&
    before.isFirst === after.isFirst &&
    before.isLast === after.isLast &&
    before.dayOptions === after.dayOptions &&
    before.names === after.names &&
    before.onEdit === after.onEdit,
);
