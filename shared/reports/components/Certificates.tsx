/**
 * Certificates of participation: one page per attendee, naming the person (in Latin and
 * native script), the event, its place and dates, the days attended and the programme.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { Fragment } from 'react';
import { formatDateRange, languagesOf, pickText, type Lang } from '../format';
import type { CertificatesModel, CertificateView } from '../model';
import { BiText, Label, labelText, latinName, Txt, Heading } from './common';

/** Beyond this many session titles the programme line says "and N more": a certificate is one page. */
const MAX_PROGRAMME = 10;

function CertificateText({ model, certificate, lang }: { model: CertificatesModel; certificate: CertificateView; lang: Lang }) {
  const meeting = model.meeting;
  const city = pickText(meeting.city, lang).text;
  const dates = formatDateRange(meeting.startDate, meeting.endDate, lang);
  return (
    <div lang={lang}>
      <p>
        {labelText(lang, (l) => l.certificate.participated, {
          kind: labelText(lang, (l) => l.certificate.kinds[meeting.kind]),
        })}
      </p>
      <p className="event">
        <Txt value={meeting.title} lang={lang} />
      </p>
      <p>
        {city === ''
          ? labelText(lang, (l) => l.certificate.heldOn, { dates })
          : labelText(lang, (l) => l.certificate.heldIn, { place: city, dates })}
      </p>
      {certificate.daysAttended > 0 && (
        <p className="small">
          {labelText(lang, (l) => l.certificate.daysAttended, { days: certificate.daysAttended, total: model.totalDays })}
        </p>
      )}
    </div>
  );
}

function Certificate({ model, certificate }: { model: CertificatesModel; certificate: CertificateView }) {
  const mode = model.language;
  const langs = languagesOf(mode);
  const native = certificate.name.native;
  return (
    <section className="certificate">
      <div>
        <Heading level={1}>
          <Label mode={mode} get={(l) => l.certificate.title} />
        </Heading>
        <p>
          <Label mode={mode} get={(l) => l.certificate.certifies} />
        </p>
        <p className="person">
          <bdi>{latinName(certificate.name, false)}</bdi>
        </p>
        {native !== '' && native !== certificate.name.latin && (
          <p className="person-native">
            <bdi dir="auto">{native}</bdi>
          </p>
        )}
        <p className="small">
          <BiText value={certificate.position} mode={mode} inline />
          {certificate.organization && (
            <>
              <br />
              <BiText value={certificate.organization} mode={mode} inline />
            </>
          )}
        </p>
      </div>
      {langs.length === 1 && langs[0] !== undefined ? (
        <CertificateText model={model} certificate={certificate} lang={langs[0]} />
      ) : (
        <div className="cert-cols">
          {langs.map((lang) => (
            <CertificateText key={lang} model={model} certificate={certificate} lang={lang} />
          ))}
        </div>
      )}
      <div className="cert-foot">
        <p className="programme">
          {model.programme.length > 0 && (
            <>
              <Label mode={mode} get={(l) => l.certificate.programme} />:{' '}
              {model.programme.slice(0, MAX_PROGRAMME).map((title, index) => (
                <Fragment key={String(index)}>
                  {index > 0 && '; '}
                  <BiText value={title} mode={mode} inline />
                </Fragment>
              ))}
              {model.programme.length > MAX_PROGRAMME ? (
                <>
                  {'; '}
                  <Label mode={mode} get={(l) => l.certificate.programmeMore} values={{ count: model.programme.length - MAX_PROGRAMME }} />
                </>
              ) : (
                '.'
              )}
            </>
          )}
        </p>
        <div className="signature">
          <Label mode={mode} get={(l) => l.certificate.signature} />
          {model.meeting.host && (
            <>
              <br />
              <BiText value={model.meeting.host} mode={mode} inline />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

export function Certificates({ model }: { model: CertificatesModel }) {
  const mode = model.language;
  return (
    <article className="cwg-report report-certificates" lang={languagesOf(mode)[0]}>
      {model.certificates.length === 0 ? (
        <p className="empty-note">
          <Label mode={mode} get={(l) => l.certificate.none} />
        </p>
      ) : (
        model.certificates.map((certificate) => <Certificate key={certificate.id} model={model} certificate={certificate} />)
      )}
    </article>
  );
}
