/**
 * The participants list for the registration desk: by country, then by capacity; names in
 * the chosen script; position and organization; e-mail and phone only when asked for and
 * only of people who consented to printed contacts.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { languagesOf } from '../format';
import type { ParticipantGroup, ParticipantsModel } from '../model';
import { BiText, Label, MeetingHeader, Name, Watermark, Heading } from './common';

function CountryTable({ group, model, startAt }: { group: ParticipantGroup; model: ParticipantsModel; startAt: number }) {
  const mode = model.language;
  const columns = model.contacts ? 6 : 4;
  let row = startAt;
  return (
    <table className="participants-table">
      <colgroup>
        <col className="c-num" />
        <col className="c-name" />
        <col />
        <col />
        {model.contacts && (
          <>
            <col className="c-email" />
            <col className="c-phone" />
          </>
        )}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="num">
            <Label mode={mode} get={(l) => l.participants.number} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.participants.name} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.participants.position} />
          </th>
          <th scope="col">
            <Label mode={mode} get={(l) => l.participants.organization} />
          </th>
          {model.contacts && (
            <>
              <th scope="col">
                <Label mode={mode} get={(l) => l.participants.email} />
              </th>
              <th scope="col">
                <Label mode={mode} get={(l) => l.participants.phone} />
              </th>
            </>
          )}
        </tr>
      </thead>
      {group.capacities.map(({ capacity, people }) => (
        <tbody key={capacity}>
          <tr className="capacity-row">
            <th scope="colgroup" colSpan={columns}>
              <Label mode={mode} get={(l) => l.capacities[capacity]} />
            </th>
          </tr>
          {people.map((person) => {
            row += 1;
            return (
              <tr key={person.id}>
                <td className="num">{row}</td>
                <td>
                  {/* Honorifics are English (Mr., Ms., Dr.): a list in Russian prints names without them. */}
                  <Name name={person.name} script={model.nameScript} honorific={mode !== 'ru'} />
                </td>
                <td>
                  <BiText value={person.position} mode={mode} />
                </td>
                <td>{person.organization && <BiText value={person.organization.name} mode={mode} />}</td>
                {model.contacts &&
                  (person.contactWithheld ? (
                    <td colSpan={2} className="muted small">
                      <Label mode={mode} get={(l) => l.participants.noContact} />
                    </td>
                  ) : (
                    <>
                      <td>
                        <bdi>{person.email ?? ''}</bdi>
                      </td>
                      <td className="num">
                        <bdi>{person.phone ?? ''}</bdi>
                      </td>
                    </>
                  ))}
              </tr>
            );
          })}
        </tbody>
      ))}
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
                <Heading level={2}>
                  {group.country ? (
                    <BiText value={group.country.name} mode={mode} inline />
                  ) : (
                    <Label mode={mode} get={(l) => l.participants.withoutCountry} />
                  )}
                </Heading>
                <CountryTable group={group} model={model} startAt={startAt} />
              </section>
            );
          })}
          <p className="note">
            <Label mode={mode} get={(l) => l.participants.total} values={{ count: model.total, countries: model.countryCount }} />
          </p>
        </>
      )}
    </article>
  );
}
