/**
 * The participants list for the registration desk: by country, then by capacity; names in
 * the chosen script; position and organization; e-mail and phone only when asked for and
 * only of people who consented to printed contacts.
 *
 * Page breaks: the country's name is the first row of the table's header, so it repeats on
 * every page the country runs over and can never sit alone at the foot of a page; a
 * capacity heading and the first two people under it form one unbreakable group. Words
 * break only where they may (no mid-word breaks); an e-mail address may break only after
 * its "@", a phone number never.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { Fragment } from 'react';
import { languagesOf } from '../format';
import type { ParticipantGroup, ParticipantRow, ParticipantsModel } from '../model';
import { BiText, Label, MeetingHeader, Name, U, Watermark } from './common';

/** "name@host" with a break opportunity after the "@" only. */
function Email({ address }: { address: string }) {
  const at = address.indexOf('@');
  if (at < 0) return <U className="nowrap">{address}</U>;
  return (
    <U>
      <span className="nowrap">{address.slice(0, at + 1)}</span>
      <wbr />
      <span className="nowrap">{address.slice(at + 1)}</span>
    </U>
  );
}

function PersonRow({ person, number, model }: { person: ParticipantRow; number: number; model: ParticipantsModel }) {
  const mode = model.language;
  return (
    <tr>
      <td className="num">{number}</td>
      <td>
        {/* Honorifics are English (Mr., Ms., Dr.): a list in Russian prints names without them. */}
        <Name name={person.name} script={model.nameScript} honorific={mode !== 'ru'} />
      </td>
      {model.contacts ? (
        <>
          <td>
            <BiText value={person.position} mode={mode} />
            {person.organization && (
              <span className="second-line org">
                <BiText value={person.organization.name} mode={mode} inline />
              </span>
            )}
          </td>
          <td className="contact">
            {person.email !== null && (
              <span className="second-line">
                <Email address={person.email} />
              </span>
            )}
            {person.phone !== null && (
              <span className="second-line nowrap">
                <U>{person.phone}</U>
              </span>
            )}
          </td>
        </>
      ) : (
        <>
          <td>
            <BiText value={person.position} mode={mode} />
          </td>
          <td>{person.organization && <BiText value={person.organization.name} mode={mode} />}</td>
        </>
      )}
    </tr>
  );
}

/** How many people stay on the page with their capacity heading. */
const KEEP_WITH_HEADING = 2;

function CountryTable({ group, model, startAt }: { group: ParticipantGroup; model: ParticipantsModel; startAt: number }) {
  const mode = model.language;
  const langs = languagesOf(mode);
  const columns = 4;
  let row = startAt;
  const stacked = (get: Parameters<typeof Label>[0]['get']) => (
    <>
      {langs.map((lang, index) => (
        <Fragment key={lang}>
          {index > 0 && <br />}
          <span lang={lang}>
            <Label mode={lang} get={get} />
          </span>
        </Fragment>
      ))}
    </>
  );
  return (
    <table className={model.contacts ? 'participants-table with-contacts' : 'participants-table'}>
      <colgroup>
        <col className="c-num" />
        <col className="c-name" />
        <col />
        <col className={model.contacts ? 'c-contact' : undefined} />
      </colgroup>
      <thead>
        <tr className="country-row">
          <th scope="colgroup" colSpan={columns}>
            {/* Not an <h2>: a heading in a repeated table header would make a bookmark per page. */}
            <p className="country-name">
              {group.country ? (
                <BiText value={group.country.name} mode={mode} inline />
              ) : (
                <Label mode={mode} get={(l) => l.participants.withoutCountry} />
              )}
            </p>
          </th>
        </tr>
        <tr>
          <th scope="col" className="num">
            {stacked((l) => l.participants.number)}
          </th>
          <th scope="col">{stacked((l) => l.participants.name)}</th>
          {model.contacts ? (
            <>
              <th scope="col">
                {stacked((l) => l.participants.positionAndOrganization)}
              </th>
              <th scope="col">{stacked((l) => l.participants.contact)}</th>
            </>
          ) : (
            <>
              <th scope="col">{stacked((l) => l.participants.position)}</th>
              <th scope="col">{stacked((l) => l.participants.organization)}</th>
            </>
          )}
        </tr>
      </thead>
      {group.capacities.map(({ capacity, people }) => {
        const head = people.slice(0, KEEP_WITH_HEADING);
        const rest = people.slice(KEEP_WITH_HEADING);
        return (
          <Fragment key={capacity}>
            <tbody className="keep-together">
              <tr className="capacity-row">
                <th scope="colgroup" colSpan={columns}>
                  <Label mode={mode} get={(l) => l.capacities[capacity]} />
                </th>
              </tr>
              {head.map((person) => {
                row += 1;
                return <PersonRow key={person.id} person={person} number={row} model={model} />;
              })}
            </tbody>
            {rest.length > 0 && (
              <tbody>
                {rest.map((person) => {
                  row += 1;
                  return <PersonRow key={person.id} person={person} number={row} model={model} />;
                })}
              </tbody>
            )}
          </Fragment>
        );
      })}
    </table>
  );
}

export function Participants({ model }: { model: ParticipantsModel }) {
  const mode = model.language;
  let counted = 0;
  return (
    <article className="cwg-report report-participants" lang={languagesOf(mode)[0]}>
      <Watermark draft={model.draft} cancelled={model.cancelled} mode={mode} />
      <MeetingHeader
        meeting={model.meeting}
        mode={mode}
        kindLabel={(l) => l.kinds.participants}
        draft={model.draft}
        cancelled={model.cancelled}
      />
      {model.total === 0 ? (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.participants.none} />
        </p>
      ) : (
        <>
          {model.groups.map((group) => {
            const startAt = counted;
            counted += group.capacities.reduce((sum, entry) => sum + entry.people.length, 0);
            return (
              <section className="country" key={group.country?.id ?? ''}>
                <CountryTable group={group} model={model} startAt={startAt} />
              </section>
            );
          })}
          <p className="note">
            <Label mode={mode} get={(l) => l.participants.total} values={{ count: model.total, countries: model.countryCount }} />
          </p>
          {model.contacts && (
            <p className="note">
              <Label mode={mode} get={(l) => l.participants.contactsNote} />
            </p>
          )}
        </>
      )}
    </article>
  );
}
