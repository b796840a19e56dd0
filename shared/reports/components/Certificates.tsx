/**
 * Certificates of participation: one page per recipient, naming the person (in Latin and
 * native script), the event, its place and dates, the days attended, the programme and
 * who signs. Each certificate is a box of the page's exact height whose overflow is cut,
 * so a long programme can never push a certificate onto a second page; the programme is
 * capped ("and N more") and each title clamped to one line so nothing is cut mid-line.
 */
// @jsxRuntime automatic
// @jsxImportSource react
import { formatDateRange, isBlank, languagesOf, pickText, type Lang } from '../format';
import type { CertificatesModel, CertificateView } from '../model';
import { latinOrFallback } from '../names';
import { BiText, Heading, Label, LabelIn, labelText, latinName, Txt, U, type PrintLabels } from './common';

/** Beyond this many session titles the programme line says "and N more": a certificate is one page. */
const MAX_PROGRAMME = 6;

function participatedLabel(gender: CertificateView['gender']) {
  return (l: PrintLabels) =>
    gender === 'm' ? l.certificate.participatedM : gender === 'f' ? l.certificate.participatedF : l.certificate.participated;
}

function CertificateText({ model, certificate, lang }: { model: CertificatesModel; certificate: CertificateView; lang: Lang }) {
  const meeting = model.meeting;
  const city = pickText(meeting.city, lang);
  const dates = formatDateRange(meeting.startDate, meeting.endDate, lang);
  return (
    <div lang={lang}>
      <p>
        <LabelIn lang={lang} get={participatedLabel(certificate.gender)} values={{ kind: labelText(lang, (l) => l.certificate.kinds[meeting.kind]) }} />
      </p>
      <p className="event">
        <Txt value={meeting.title} lang={lang} />
      </p>
      <p>
        {city.text === '' ? (
          <LabelIn lang={lang} get={(l) => l.certificate.heldOn} values={{ dates }} />
        ) : (
          <LabelIn lang={lang} get={(l) => l.certificate.heldIn} values={{ place: city.text, dates }} />
        )}
      </p>
      {certificate.daysAttended > 0 && (
        <p className="small">
          <LabelIn lang={lang} get={(l) => l.certificate.daysAttended} values={{ days: certificate.daysAttended, total: model.totalDays }} />
        </p>
      )}
    </div>
  );
}

function Certificate({ model, certificate }: { model: CertificatesModel; certificate: CertificateView }) {
  const mode = model.language;
  const langs = languagesOf(mode);
  const native = certificate.name.native;
  const signatory = model.signatory;
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
        {native !== '' && native !== latinOrFallback(certificate.name) && (
          <p className="person-native">
            <bdi dir="auto">{native}</bdi>
          </p>
        )}
        <p className="small one-line">
          <BiText value={certificate.position} mode={mode} inline />
        </p>
        {certificate.organization && (
          <p className="small one-line">
            <BiText value={certificate.organization} mode={mode} inline />
          </p>
        )}
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
        <div className="programme">
          {model.programme.length > 0 && (
            <>
              <p>
                <Label mode={mode} get={(l) => l.certificate.programme} />:
              </p>
              <ul>
                {model.programme.slice(0, MAX_PROGRAMME).map((title, index) => (
                  <li key={String(index)}>
                    <BiText value={title} mode={mode} inline />
                  </li>
                ))}
                {model.programme.length > MAX_PROGRAMME && (
                  <li>
                    <Label mode={mode} get={(l) => l.certificate.programmeMore} values={{ count: model.programme.length - MAX_PROGRAMME }} />
                  </li>
                )}
              </ul>
            </>
          )}
        </div>
        <div className="signature">
          {signatory && !isBlank(signatory.name) && (
            <p className="signatory-name">
              <BiText value={signatory.name} mode={mode} inline />
            </p>
          )}
          {signatory && !isBlank(signatory.title) ? (
            <p className="signatory-title">
              <BiText value={signatory.title} mode={mode} />
            </p>
          ) : (
            <p className="signatory-title">
              <Label mode={mode} get={(l) => l.certificate.signature} />
            </p>
          )}
          {model.meeting.host && (
            <p className="signatory-title">
              <U>
                <BiText value={model.meeting.host} mode={mode} inline />
              </U>
            </p>
          )}
        </div>
      </div>
    </section>
  );
}

export function Certificates({ model }: { model: CertificatesModel }) {
  const mode = model.language;
  return (
    <article className={`cwg-report report-certificates paper-${model.paper}`} lang={languagesOf(mode)[0]}>
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
