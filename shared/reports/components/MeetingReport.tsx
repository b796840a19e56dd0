/**
 * The meeting report for the capitals: objectives, attendance by country and capacity,
 * sessions with their outcomes, decisions and action items.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import type { SessionKind } from '../../model';
import { formatDate, formatTimeRange, isBlank, languagesOf, pickText } from '../format';
import type { MeetingReportModel } from '../model';
import type { ReportLanguage } from '../spec';
import { DayHeading } from './Agenda';
import { BiText, Heading, Label, labelText, MeetingHeader, Name, Watermark, type PrintLabels } from './common';

/** A column heading with each language on a line of its own (narrow numeric columns). */
function Stacked({ mode, get }: { mode: ReportLanguage; get: (labels: PrintLabels) => string }) {
  return (
    <>
      {languagesOf(mode).map((lang) => (
        <span key={lang} lang={lang} className="second-line">
          {labelText(lang, get)}
        </span>
      ))}
    </>
  );
}

function Attendance({ model }: { model: MeetingReportModel }) {
  const mode = model.language;
  const { capacities, rows, totals, total } = model.attendance;
  if (total === 0) {
    return (
      <p className="empty-note">
        <Label mode={mode} get={(l) => l.report.noAttendance} />
      </p>
    );
  }
  return (
    <>
      <p className="muted small">
        <Label mode={mode} get={(l) => l.report.attendanceNote} />
      </p>
      <table className="attendance-table">
        <colgroup>
          <col className="c-country" />
          {capacities.map((capacity) => (
            <col key={capacity} />
          ))}
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <Label mode={mode} get={(l) => l.report.country} />
            </th>
            {capacities.map((capacity) => (
              <th scope="col" className="num" key={capacity}>
                <Stacked mode={mode} get={(l) => l.capacityShort[capacity]} />
              </th>
            ))}
            <th scope="col" className="num">
              <Stacked mode={mode} get={(l) => l.report.total} />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.country?.id ?? ''}>
              <th scope="row">
                {row.country ? (
                  <BiText value={row.country.name} mode={mode} inline />
                ) : (
                  <Label mode={mode} get={(l) => l.participants.withoutCountry} />
                )}
              </th>
              {capacities.map((capacity) => (
                <td className="num" key={capacity}>
                  {row.counts[capacity] ?? '–'}
                </td>
              ))}
              <td className="num">{row.total}</td>
            </tr>
          ))}
          {/* The Total row is the table's last body row, not a <tfoot>: Chromium repeats a
              footer group on every page, where the grand total would read as a page's sum. */}
          <tr className="total-row">
            <th scope="row">
              <Label mode={mode} get={(l) => l.report.total} />
            </th>
            {capacities.map((capacity) => (
              <td className="num" key={capacity}>
                {totals[capacity] ?? 0}
              </td>
            ))}
            <td className="num">{total}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}

const NO_OUTCOME_KINDS = new Set<SessionKind>(['break', 'meal']);

function Sessions({ model }: { model: MeetingReportModel }) {
  const mode = model.language;
  const langs = languagesOf(mode);
  // Breaks and meals have no outcome to report.
  const days = model.days
    .map((day) => ({ ...day, sessions: day.sessions.filter((session) => !NO_OUTCOME_KINDS.has(session.kind)) }))
    .filter((day) => day.sessions.length > 0);
  if (days.length === 0) {
    return (
      <p className="empty-note">
        <Label mode={mode} get={(l) => l.noSessions} />
      </p>
    );
  }
  return (
    <>
      {days.map((day) => (
        <section className="day" key={day.date}>
          <Heading level={3}>
            <DayHeading day={day} mode={mode} />
          </Heading>
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <Label mode={mode} get={(l) => l.time} />
                </th>
                <th scope="col">
                  <Label mode={mode} get={(l) => l.session} />
                </th>
                <th scope="col">
                  <Label mode={mode} get={(l) => l.report.outcome} />
                </th>
              </tr>
            </thead>
            <tbody>
              {day.sessions.map((session) => {
                const outcome = model.outcomes[session.id];
                return (
                  <tr key={session.id}>
                    <td className="time">{formatTimeRange(session.start, session.end)}</td>
                    <td className="session-title">
                      <BiText value={session.title} mode={mode} />
                    </td>
                    <td>
                      {outcome === undefined || isBlank(outcome) ? (
                        <span className="muted">
                          <Label mode={mode} get={(l) => l.report.noOutcome} />
                        </span>
                      ) : (
                        langs.length > 0 && <BiText value={outcome} mode={mode} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function Decisions({ model, mode }: { model: MeetingReportModel; mode: ReportLanguage }) {
  if (model.decisions.length === 0) {
    return (
      <p className="muted">
        <Label mode={mode} get={(l) => l.report.noDecisions} />
      </p>
    );
  }
  return (
    <ol>
      {model.decisions.map((decision, index) => (
        <li key={String(index)}>
          <BiText value={decision.text} mode={mode} />
        </li>
      ))}
    </ol>
  );
}

function ActionItems({ model, mode }: { model: MeetingReportModel; mode: ReportLanguage }) {
  const langs = languagesOf(mode);
  if (model.actionItems.length === 0) {
    return (
      <p className="muted">
        <Label mode={mode} get={(l) => l.report.noActionItems} />
      </p>
    );
  }
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">
            <Label mode={mode} get={(l) => l.report.action} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.report.owner} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.report.due} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.mou.status} />
          </th>
        </tr>
      </thead>
      <tbody>
        {model.actionItems.map((item, index) => (
          <tr key={String(index)}>
            <td>
              <BiText value={item.text} mode={mode} />
            </td>
            <td>
              {item.owner.person && (
                <span className="second-line">
                  <Name name={item.owner.person} script={langs.includes('en') ? 'latin' : 'native'} />
                </span>
              )}
              {!isBlank(item.owner.name) && (
                <span className="second-line">
                  <BiText value={item.owner.name} mode={mode} inline />
                </span>
              )}
            </td>
            <td>{item.dueDate === null ? '–' : langs.map((lang) => formatDate(item.dueDate ?? '', lang)).join(' / ')}</td>
            <td>
              <Label mode={mode} get={(l) => (item.done ? l.report.done : l.report.open)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Minutes approved at the meeting …, session …, on …", in the report's languages (user text isolated by Label). */
function MinutesState({ model }: { model: MeetingReportModel }) {
  const mode = model.language;
  const minutes = model.minutes;
  return (
    <p className={`minutes-state minutes-${minutes.state}`}>
      <strong>
        {minutes.state === 'draft' ? (
          <Label mode={mode} get={(l) => l.report.minutes.draft} />
        ) : minutes.state === 'circulated' ? (
          <Label mode={mode} get={(l) => l.report.minutes.circulated} values={(lang) => ({ date: formatDate(minutes.date, lang), number: minutes.number })} />
        ) : (
          <Label
            mode={mode}
            get={(l) => l.report.minutes.approved}
            values={(lang) => {
              const city = pickText(minutes.city, lang).text;
              return {
                meeting: pickText(minutes.meeting, lang).text,
                city: city === '' ? '' : `, ${city}`,
                session: pickText(minutes.session, lang).text,
                date: formatDate(minutes.date, lang),
                number: minutes.number,
              };
            }}
          />
        )}
      </strong>
    </p>
  );
}

export function MeetingReport({ model }: { model: MeetingReportModel }) {
  const mode = model.language;
  return (
    <article className="cwg-report report-meeting" lang={languagesOf(mode)[0]}>
      <Watermark draft={model.draft} cancelled={model.cancelled} mode={mode} />
      <MeetingHeader
        meeting={model.meeting}
        mode={mode}
        kindLabel={(l) => l.kinds['meeting-report']}
        draft={model.draft}
        cancelled={model.cancelled}
      />
      <MinutesState model={model} />
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.report.objectives} />
      </Heading>
      {isBlank(model.objectives) ? (
        <p className="muted">
          <Label mode={mode} get={(l) => l.report.noObjectives} />
        </p>
      ) : (
        <BiText value={model.objectives} mode={mode} paragraphs />
      )}
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.report.attendance} />
      </Heading>
      <Attendance model={model} />
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.report.sessions} />
      </Heading>
      <Sessions model={model} />
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.report.decisions} />
      </Heading>
      <Decisions model={model} mode={mode} />
      <Heading level={2}>
        <Label mode={mode} get={(l) => l.report.actionItems} />
      </Heading>
      <ActionItems model={model} mode={mode} />
    </article>
  );
}
