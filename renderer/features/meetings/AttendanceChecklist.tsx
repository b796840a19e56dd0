/**
 * The attendance checklist for one day, built for speed at the door with the keyboard
 * only: the list is one Tab stop, Up/Down (and Home/End) move between people, Space ticks
 * "present", and typing in the filter narrows the list. Each tick is saved at once.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../shared/model';
import { formatDate } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { showError, useToasts } from '../../stores/toasts';
import type { ParticipantRow } from './ParticipantsTab';
import { matchesText } from './useRegistry';
import { joinIsolated } from '../../../shared/bidi';

interface Props {
  meeting: Meeting;
  rows: readonly ParticipantRow[];
  days: readonly string[];
}

/** The meeting day that is today on this computer, else the first day. */
function defaultDay(days: readonly string[]): string {
  const now = new Date();
  const today = `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return days.includes(today) ? today : (days[0] ?? '');
}

export function AttendanceChecklist({ meeting, rows, days }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const id = useId();
  const [day, setDay] = useState(() => defaultDay(days));
  const [filter, setFilter] = useState('');
  const [focusIndex, setFocusIndex] = useState(0);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const chosenDay = days.includes(day) ? day : (days[0] ?? '');

  // Who is expected: everyone but those who declined.
  const expected = useMemo(() => rows.filter((row) => row.participation.status !== 'declined'), [rows]);
  const shown = useMemo(() => {
    if (filter.trim() === '') return expected;
    return expected.filter((row) => matchesText([row.name, row.native, row.countryName, row.organization], filter));
  }, [expected, filter]);
  // Ticks show at once; the saved value replaces them when the live query catches up.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const isPresent = (row: ParticipantRow): boolean =>
    pending.get(`${row.participation.id}|${chosenDay}`) ?? row.participation.attendedDays.includes(chosenDay);
  // When new data arrives, drop the ticks it now confirms (state adjusted during render,
  // as React recommends over an effect: no extra paint with the stale value).
  const [seenRows, setSeenRows] = useState(rows);
  if (seenRows !== rows) {
    setSeenRows(rows);
    if (pending.size > 0) {
      const next = new Map(pending);
      for (const row of rows) {
        for (const saved of days) {
          const key = `${row.participation.id}|${saved}`;
          if (next.get(key) === row.participation.attendedDays.includes(saved)) next.delete(key);
        }
      }
      if (next.size !== pending.size) setPending(next);
    }
  }
  const presentCount = expected.filter(isPresent).length;
  const current = Math.min(focusIndex, Math.max(0, shown.length - 1));

  useEffect(() => {
    boxes.current.length = shown.length;
  }, [shown.length]);

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(index, shown.length - 1));
    setFocusIndex(next);
    boxes.current[next]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        moveFocus(current + 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        moveFocus(current - 1);
        break;
      case 'Home':
        event.preventDefault();
        moveFocus(0);
        break;
      case 'End':
        event.preventDefault();
        moveFocus(shown.length - 1);
        break;
      default:
        break;
    }
  };

  const markMany = (present: boolean) => {
    const ids = (present
      ? expected.filter((row) => row.participation.status === 'confirmed' || row.participation.status === 'attended')
      : expected
    ).map((row) => row.participation.id);
    repositories.meetings.participants
      .setAttendanceMany(ids, chosenDay, present)
      .then((count) => {
        showToast('info', present ? t('meetings.attendance.marked', { count }) : t('meetings.attendance.cleared', { count }));
      })
      .catch(showError);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="m-attendance">
      <h2 id={`${id}-heading`}>{t('meetings.attendance.heading')}</h2>
      {expected.length === 0 ? (
        <p className="hint">{t('meetings.attendance.nobody')}</p>
      ) : (
        <>
          <p className="hint" id={`${id}-instructions`}>
            {t('meetings.attendance.instructions')}
          </p>
          <div className="m-form-row m-align-end">
            <div className="field">
              <label htmlFor={`${id}-day`}>{t('meetings.attendance.day')}</label>
              <select
                id={`${id}-day`}
                value={chosenDay}
                onChange={(event) => {
                  setDay(event.target.value);
                }}
              >
                {days.map((option, index) => (
                  <option key={option} value={option}>
                    {t('meetings.agenda.dayOption', { number: index + 1, date: formatDate(option, language) })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-filter`}>{t('meetings.attendance.filter')}</label>
              <input
                id={`${id}-filter`}
                type="search"
                value={filter}
                onChange={(event) => {
                  setFilter(event.target.value);
                  setFocusIndex(0);
                }}
              />
            </div>
            <button type="button" className="secondary" onClick={() => { markMany(true); }}>
              {t('meetings.attendance.markConfirmed')}
            </button>
            <button type="button" className="secondary" onClick={() => { markMany(false); }}>
              {t('meetings.attendance.clearDay')}
            </button>
          </div>
          <p role="status" className="m-attendance-count">
            {t('meetings.attendance.present', { present: presentCount, total: expected.length, date: formatDate(chosenDay, language) })}
          </p>
          {/* The group wraps the list: a list given the group role leaves its items outside any list. */}
          <div
            role="group"
            aria-label={t('meetings.attendance.listLabel', { date: formatDate(chosenDay, language) })}
            aria-describedby={`${id}-instructions`}
            data-meeting={meeting.id}
            onKeyDown={onKeyDown}
          >
          <ul className="m-checklist">
            {shown.map((row, index) => {
              const present = isPresent(row);
              return (
                <li key={row.participation.id} className={present ? 'm-present' : undefined}>
                  <label className="choice">
                    <input
                      ref={(element) => {
                        boxes.current[index] = element;
                      }}
                      type="checkbox"
                      tabIndex={index === current ? 0 : -1}
                      checked={present}
                      onFocus={() => {
                        setFocusIndex(index);
                      }}
                      onChange={(event) => {
                        const key = `${row.participation.id}|${chosenDay}`;
                        const checked = event.target.checked;
                        setPending((current) => new Map(current).set(key, checked));
                        repositories.meetings.participants.setAttendance(row.participation.id, chosenDay, checked).catch((error: unknown) => {
                          setPending((current) => {
                            const next = new Map(current);
                            next.delete(key);
                            return next;
                          });
                          showError(error);
                        });
                      }}
                    />
                    <span className="m-person-name">{row.name}</span>
                    <span className="hint">{joinIsolated([row.countryName, row.organization, t(`meetings.capacities.${row.participation.capacity}`)], ' · ')}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          </div>
        </>
      )}
    </section>
  );
}
