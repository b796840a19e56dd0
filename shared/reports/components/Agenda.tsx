/**
 * The agenda for the meeting room: one section per day with times, sessions, locations,
 * chairs and speakers; in one language, or English and Russian side by side.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import type { SessionKind } from '../../model';
import { formatDayHeading, formatTimeRange, isBlank, languagesOf, type Lang } from '../format';
import type { AgendaDay, AgendaModel, AgendaSession } from '../model';
import type { ReportLanguage } from '../spec';
import { Label, labelText, MeetingHeader, NameList, scriptFor, TimesNote, Txt, Watermark, Heading } from './common';

/** Breaks and meals are shaded, so the working sessions stand out on the wall. */
const LIGHT_KINDS = new Set<SessionKind>(['break', 'meal']);

function SessionCell({ session, lang }: { session: AgendaSession; lang: Lang }) {
  return (
    <>
      <div className="session-kind">{labelText(lang, (l) => l.sessionKinds[session.kind])}</div>
      <div className="session-title">
        <Txt value={session.title} lang={lang} />
      </div>
      {!isBlank(session.description) && (
        <p className="session-line muted">
          <Txt value={session.description} lang={lang} />
        </p>
      )}
      {!isBlank(session.location) && (
        <p className="session-line">
          {labelText(lang, (l) => l.location)}: <Txt value={session.location} lang={lang} />
        </p>
      )}
      {session.moderators.length > 0 && (
        <p className="session-line">
          {labelText(lang, (l) => (session.moderators.length === 1 ? l.moderator : l.moderators))}: <NameList names={session.moderators} script={scriptFor(lang)} />
        </p>
      )}
      {session.speakers.length > 0 && (
        <p className="session-line">
          {labelText(lang, (l) => (session.speakers.length === 1 ? l.speaker : l.speakers))}: <NameList names={session.speakers} script={scriptFor(lang)} />
        </p>
      )}
    </>
  );
}

export function DayHeading({ day, mode }: { day: AgendaDay; mode: ReportLanguage }) {
  return (
    <Label mode={mode} get={(l) => `${l.day} — {{date}}`} values={(lang) => ({ number: day.number, date: formatDayHeading(day.date, lang) })} />
  );
}

function DayTable({ day, mode }: { day: AgendaDay; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  return (
    <table className="agenda-table">
      <thead>
        <tr>
          <th scope="col">
            <Label mode={mode} get={(l) => l.time} />
          </th>
          {langs.map((lang) => (
            <th scope="col" key={lang} lang={lang}>
              {labelText(lang, (l) => l.session)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {day.sessions.map((session) => (
          <tr key={session.id} className={LIGHT_KINDS.has(session.kind) ? 'light' : undefined}>
            <td className="time">{formatTimeRange(session.start, session.end)}</td>
            {langs.map((lang) => (
              <td key={lang} lang={lang}>
                <SessionCell session={session} lang={lang} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Agenda({ model }: { model: AgendaModel }) {
  const mode = model.language;
  return (
    <article className="cwg-report report-agenda" lang={languagesOf(mode)[0]}>
      <Watermark draft={model.draft} cancelled={model.cancelled} mode={mode} />
      <MeetingHeader
        meeting={model.meeting}
        mode={mode}
        kindLabel={(l) => l.kinds.agenda}
        draft={model.draft}
        cancelled={model.cancelled}
      >
        {model.sessionCount > 0 && <TimesNote meeting={model.meeting} mode={mode} />}
      </MeetingHeader>
      {model.sessionCount === 0 ? (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.noSessions} />
        </p>
      ) : (
        model.days.map((day) => (
          <section className="day" key={day.date}>
            <Heading level={2}>
              <DayHeading day={day} mode={mode} />
            </Heading>
            {day.sessions.length === 0 ? (
              <p className="muted">
                <Label mode={mode} get={(l) => l.noSessionsThisDay} />
              </p>
            ) : (
              <DayTable day={day} mode={mode} />
            )}
          </section>
        ))
      )}
    </article>
  );
}
