/**
 * Sign-in sheets for the registration desk: one per day of the meeting, each starting on a
 * new page; everyone expected (names in both scripts, country, organization) with a box to
 * sign, then blank rows for people who were not registered. The running header names the
 * meeting; each sheet names its day, repeated with the column headings on every page.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { formatDayHeading, languagesOf } from '../format';
import type { SignInModel } from '../model';
import { BiText, Label, MeetingHeader, Name, Watermark } from './common';

function DaySheet({ model, day, first }: { model: SignInModel; day: SignInModel['days'][number]; first: boolean }) {
  const mode = model.language;
  let row = 0;
  return (
    <section className={first ? 'sign-in-day' : 'sign-in-day new-page'}>
      <table className="sign-in-table">
        <colgroup>
          <col className="c-num" />
          <col className="c-name" />
          <col className="c-country" />
          <col className="c-org" />
          <col className="c-sign" />
        </colgroup>
        <thead>
          <tr className="day-row">
            <th scope="colgroup" colSpan={5}>
              <p className="day-name">
                <Label
                  mode={mode}
                  get={(l) => (day.number > 0 ? `${l.kinds['sign-in']} — ${l.day} — {{date}}` : `${l.kinds['sign-in']} — {{date}}`)}
                  values={(lang) => ({ number: day.number, date: formatDayHeading(day.date, lang) })}
                />
              </p>
            </th>
          </tr>
          <tr>
            <th scope="col" className="num">
              {languagesOf(mode).map((lang) => (
                <span key={lang} lang={lang} className="second-line">
                  <Label mode={lang} get={(l) => l.participants.number} />
                </span>
              ))}
            </th>
            <th scope="col">
              <Label mode={mode} get={(l) => l.participants.name} />
            </th>
            <th scope="col">
              <Label mode={mode} get={(l) => l.signIn.country} />
            </th>
            <th scope="col">
              <Label mode={mode} get={(l) => l.participants.organization} />
            </th>
            <th scope="col">
              <Label mode={mode} get={(l) => l.signIn.signature} />
            </th>
          </tr>
        </thead>
        <tbody>
          {model.people.map((person) => {
            row += 1;
            return (
              <tr key={person.id}>
                <td className="num">{row}</td>
                <td>
                  <Name name={person.name} script="both" honorific />
                </td>
                <td>{person.country && <BiText value={person.country} mode={mode} inline />}</td>
                {/* One language is enough to recognise an organization, and keeps rows one or two lines high. */}
                <td>{person.organization && <BiText value={person.organization} mode={languagesOf(mode)[0] ?? 'en'} />}</td>
                <td className="sign-box" />
              </tr>
            );
          })}
        </tbody>
        {model.blankRows > 0 && (
          <tbody className="walk-ins">
            <tr className="walk-in-head">
              <th scope="colgroup" colSpan={5}>
                <Label mode={mode} get={(l) => l.signIn.walkIn} />
              </th>
            </tr>
            {Array.from({ length: model.blankRows }, (_, index) => {
              row += 1;
              return (
                <tr key={`blank-${String(index)}`} className="blank-row">
                  <td className="num">{row}</td>
                  <td />
                  <td />
                  <td />
                  <td className="sign-box" />
                </tr>
              );
            })}
          </tbody>
        )}
      </table>
    </section>
  );
}

export function SignIn({ model }: { model: SignInModel }) {
  const mode = model.language;
  return (
    <article className="cwg-report report-sign-in" lang={languagesOf(mode)[0]}>
      <Watermark draft={model.draft} cancelled={model.cancelled} mode={mode} />
      <MeetingHeader meeting={model.meeting} mode={mode} kindLabel={(l) => l.kinds['sign-in']} draft={model.draft} cancelled={model.cancelled} />
      {model.people.length === 0 && (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.signIn.none} />
        </p>
      )}
      {model.days.map((day, index) => (
        <DaySheet key={day.date} model={model} day={day} first={index === 0} />
      ))}
    </article>
  );
}
