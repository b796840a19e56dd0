/**
 * The Reports screen: choose a report (agenda, participants list, MoU draft, meeting
 * report, certificates), its meeting or MoU text, language, paper and options; see the
 * preview; export the PDF. The choices live in the URL, so other screens can link here
 * with a report already chosen (reportLink in reportParams.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { participationCapacities, type Meeting, type MouDocument, type MouVersion, type ParticipationCapacity } from '../../../shared/model';
import {
  badgesPerSheet,
  nameScripts,
  paperSizes,
  reportKinds,
  reportLanguages,
  type NameScript,
  type PaperSize,
  type ReportKind,
} from '../../../shared/reports/spec';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { ExportPdfButton } from './ExportPdfButton';
import { ReportPreview } from './ReportPreview';
import './reports.css';
import { defaultNameScript, readReportChoices, specFromChoices, writeReportChoices, type ReportChoices } from './reportParams';

function parseKind(value: string): ReportKind {
  return reportKinds.find((kind) => kind === value) ?? 'agenda';
}

export function ReportsPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const uiLanguage = currentLanguage();
  const [params, setParams] = useSearchParams();
  const ids = useId();
  const previewHeading = `${ids}-preview`;

  const lists = useLiveQuery(async () => {
    const [meetings, documents] = await Promise.all([repositories.reports.listMeetings(), repositories.reports.listDocuments()]);
    return { meetings, documents };
  }, [repositories]);

  // The form's own state answers at once (controlled inputs must not wait for the router);
  // the URL follows it. A URL this form did not write (a link, the back button) resets it.
  const query = params.toString();
  const [state, setState] = useState(() => ({ seen: query, written: [] as string[], choices: readReportChoices(params, uiLanguage) }));
  if (state.seen !== query) {
    const ours = state.written.includes(query);
    setState({
      seen: query,
      written: ours ? state.written.slice(state.written.indexOf(query) + 1) : [],
      choices: ours ? state.choices : readReportChoices(params, uiLanguage),
    });
  }
  const stated = state.choices;
  // Until a meeting or document is chosen, the newest meeting and the first document are.
  const choices: ReportChoices = {
    ...stated,
    meetingId:
      stated.meetingId !== null && lists?.meetings.some((meeting) => meeting.id === stated.meetingId) !== false
        ? stated.meetingId
        : (lists?.meetings[0]?.id ?? null),
    documentId:
      stated.documentId !== null && lists?.documents.some((document) => document.id === stated.documentId) !== false
        ? stated.documentId
        : (lists?.documents[0]?.id ?? null),
  };

  const versions = useLiveQuery(
    () => (choices.documentId === null ? Promise.resolve([]) : repositories.reports.listVersions(choices.documentId)),
    [repositories, choices.documentId],
  );

  // The choices the last change made: a second change before the next render (two fields
  // filled quickly, a slow machine) builds on the first instead of undoing it.
  const latest = useRef(choices);
  useLayoutEffect(() => {
    latest.current = choices;
  });
  const update = (patch: Partial<ReportChoices> | ((current: ReportChoices) => Partial<ReportChoices>)) => {
    const current = latest.current;
    const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
    // A comparison must be against an earlier text than the one printed.
    if (next.compareWith !== null && next.version !== null && next.compareWith >= next.version) next.compareWith = null;
    latest.current = next;
    const nextQuery = writeReportChoices(next);
    setState((current) => ({ ...current, written: [...current.written, nextQuery.toString()], choices: next }));
    setParams(nextQuery, { replace: true });
  };

  if (lists === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  const isMou = choices.kind === 'mou';
  const spec = specFromChoices(choices);
  const missing = isMou ? lists.documents.length === 0 : lists.meetings.length === 0;

  return (
    <div className="page reports-page">
      <PageTitle>{t('reports.title')}</PageTitle>
      <p className="hint">{t('reports.intro')}</p>

      <div className="reports-layout">
        <section className="reports-form-panel" aria-labelledby={`${ids}-choices`}>
          <h2 id={`${ids}-choices`}>{t('reports.form.legend')}</h2>
          <form
            className="form report-form"
            onSubmit={(event) => {
              event.preventDefault();
            }}
          >
            <fieldset className="field">
              <legend>{t('reports.form.kind')}</legend>
              {reportKinds.map((kind) => (
                <label className="choice" key={kind}>
                  <input
                    type="radio"
                    name="report-kind"
                    value={kind}
                    checked={choices.kind === kind}
                    onChange={(event) => {
                      update({ kind: parseKind(event.target.value) });
                    }}
                  />
                  {t(`reports.form.kinds.${kind}`)}
                </label>
              ))}
            </fieldset>

            {isMou ? (
              <MouChoices
                ids={ids}
                choices={choices}
                documents={lists.documents}
                versions={versions ?? []}
                update={update}
              />
            ) : (
              <MeetingChoice ids={ids} choices={choices} meetings={lists.meetings} update={update} />
            )}

            <div className="field">
              <label htmlFor={`${ids}-language`}>{t('reports.form.language')}</label>
              <select
                id={`${ids}-language`}
                value={choices.language}
                onChange={(event) => {
                  const language = reportLanguages.find((value) => value === event.target.value) ?? 'en';
                  // The names follow the language unless someone chose otherwise.
                  const nameScript = choices.nameScript === defaultNameScript(choices.language) ? defaultNameScript(language) : choices.nameScript;
                  update({ language, nameScript });
                }}
              >
                {reportLanguages.map((language) => (
                  <option key={language} value={language}>
                    {t(`reports.form.languages.${language}`)}
                  </option>
                ))}
              </select>
            </div>

            <div className="field">
              <label htmlFor={`${ids}-paper`}>{t('reports.form.paper')}</label>
              <select
                id={`${ids}-paper`}
                value={choices.paper}
                onChange={(event) => {
                  update({ paper: paperSizes.find((value) => value === event.target.value) ?? 'a4' });
                }}
              >
                {paperSizes.map((paper: PaperSize) => (
                  <option key={paper} value={paper}>
                    {t(`reports.form.papers.${paper}`)}
                  </option>
                ))}
              </select>
            </div>

            {isMou && !missing && <MouOptions choices={choices} update={update} />}

            {choices.kind === 'participants' && (
              <fieldset className="field">
                <legend>{t('reports.form.options')}</legend>
                <label htmlFor={`${ids}-names`}>{t('reports.form.nameScript')}</label>
                <select
                  id={`${ids}-names`}
                  value={choices.nameScript}
                  onChange={(event) => {
                    update({ nameScript: nameScripts.find((value) => value === event.target.value) ?? 'latin' });
                  }}
                >
                  {nameScripts.map((script: NameScript) => (
                    <option key={script} value={script}>
                      {t(`reports.form.nameScripts.${script}`)}
                    </option>
                  ))}
                </select>
                <label className="choice">
                  <input
                    type="checkbox"
                    checked={choices.contacts}
                    onChange={(event) => {
                      update({ contacts: event.target.checked });
                    }}
                  />
                  {t('reports.form.contacts')}
                </label>
              </fieldset>
            )}
            {choices.kind === 'certificates' && <CertificateOptions choices={choices} update={update} />}
            {choices.kind === 'badges' && (
              <div className="field">
                <label htmlFor={`${ids}-per-sheet`}>{t('reports.form.perSheet')}</label>
                <select
                  id={`${ids}-per-sheet`}
                  value={String(choices.perSheet)}
                  onChange={(event) => {
                    update({ perSheet: badgesPerSheet.find((value) => String(value) === event.target.value) ?? 8 });
                  }}
                >
                  {badgesPerSheet.map((value) => (
                    <option key={value} value={String(value)}>
                      {t('reports.form.perSheetOption', { number: value })}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </form>
          <p className="actions">
            <ExportPdfButton spec={spec} disabled={missing} />
          </p>
        </section>

        <section aria-labelledby={previewHeading}>
          <h2 id={previewHeading}>{t('reports.preview')}</h2>
          <p className="hint">{t('reports.previewHint')}</p>
          {missing || spec === null ? (
            <p className="empty-state">{isMou ? t('reports.noDocuments') : t('reports.noMeetings')}</p>
          ) : (
            <ReportPreview spec={spec} labelledBy={previewHeading} />
          )}
        </section>
      </div>
    </div>
  );
}

interface ChoiceProps {
  ids: string;
  choices: ReportChoices;
  update: (patch: Partial<ReportChoices>) => void;
}

function MeetingChoice({ ids, choices, meetings, update }: ChoiceProps & { meetings: readonly Meeting[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (meetings.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={`${ids}-meeting`}>{t('reports.form.meeting')}</label>
      <select
        id={`${ids}-meeting`}
        value={choices.meetingId ?? ''}
        onChange={(event) => {
          update({ meetingId: event.target.value || null });
        }}
      >
        {meetings.map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {pick(meeting.title, language)} ({formatDate(meeting.startDate, language)})
          </option>
        ))}
      </select>
    </div>
  );
}

function MouChoices({
  ids,
  choices,
  documents,
  versions,
  update,
}: ChoiceProps & { documents: readonly MouDocument[]; versions: readonly MouVersion[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (documents.length === 0) return null;
  const versionLabel = (version: MouVersion) =>
    t('reports.form.versionOption', { number: version.number, label: version.label, date: formatDate(version.date, language) });
  const earlier = versions.filter((version) => choices.version === null || version.number < choices.version);
  const hintId = `${ids}-compare-hint`;
  return (
    <>
      <div className="field">
        <label htmlFor={`${ids}-document`}>{t('reports.form.document')}</label>
        <select
          id={`${ids}-document`}
          value={choices.documentId ?? ''}
          onChange={(event) => {
            update({ documentId: event.target.value || null, version: null, compareWith: null });
          }}
        >
          {documents.map((document) => (
            <option key={document.id} value={document.id}>
              {pick(document.title, language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-version`}>{t('reports.form.version')}</label>
        <select
          id={`${ids}-version`}
          value={choices.version === null ? '' : String(choices.version)}
          onChange={(event) => {
            update({ version: event.target.value === '' ? null : Number(event.target.value) });
          }}
        >
          <option value="">{t('reports.form.currentText')}</option>
          {versions.map((version) => (
            <option key={version.id} value={String(version.number)}>
              {versionLabel(version)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-compare`}>{t('reports.form.compare')}</label>
        <select
          id={`${ids}-compare`}
          aria-describedby={hintId}
          value={choices.compareWith === null ? '' : String(choices.compareWith)}
          disabled={earlier.length === 0}
          onChange={(event) => {
            update({ compareWith: event.target.value === '' ? null : Number(event.target.value) });
          }}
        >
          <option value="">{t('reports.form.noComparison')}</option>
          {earlier.map((version) => (
            <option key={version.id} value={String(version.number)}>
              {versionLabel(version)}
            </option>
          ))}
        </select>
        <p className="hint" id={hintId}>
          {versions.length === 0 ? t('reports.noVersions') : t('reports.compareMustBeEarlier')}
        </p>
      </div>
    </>
  );
}

function MouOptions({ choices, update }: Omit<ChoiceProps, 'ids'>) {
  const { t } = useTranslation();
  return (
    <>
      <fieldset className="field">
        <legend>{t('reports.form.options')}</legend>
        <label className="choice">
          <input
            type="checkbox"
            checked={choices.annex}
            onChange={(event) => {
              update({ annex: event.target.checked });
            }}
          />
          {t('reports.form.annex')}
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={choices.lineNumbers}
            onChange={(event) => {
              update({ lineNumbers: event.target.checked });
            }}
          />
          {t('reports.form.lineNumbers')}
        </label>
      </fieldset>
    </>
  );
}

/** Without a choice, certificates go to every attendee except organizers and the secretariat. */
const DEFAULT_RECIPIENTS: readonly ParticipationCapacity[] = participationCapacities.filter(
  (capacity) => capacity !== 'organizer' && capacity !== 'secretariat',
);

function CertificateOptions({
  choices,
  update,
}: {
  choices: ReportChoices;
  update: (patch: Partial<ReportChoices> | ((current: ReportChoices) => Partial<ReportChoices>)) => void;
}) {
  const { t } = useTranslation();
  const ids = useId();
  const chosen = choices.recipients ?? DEFAULT_RECIPIENTS;
  const signatory = choices.signatory;
  return (
    <>
      <fieldset className="field">
        <legend>{t('reports.form.recipients')}</legend>
        {participationCapacities.map((capacity) => (
          <label className="choice" key={capacity}>
            <input
              type="checkbox"
              checked={chosen.includes(capacity)}
              onChange={(event) => {
                const next = participationCapacities.filter((value) => (value === capacity ? event.target.checked : chosen.includes(value)));
                update({ recipients: next });
              }}
            />
            {t(`meetings.capacities.${capacity}`)}
          </label>
        ))}
        <label htmlFor={`${ids}-days`}>{t('reports.form.minDays')}</label>
        <input
          id={`${ids}-days`}
          type="number"
          min={0}
          max={62}
          value={choices.minDays}
          onChange={(event) => {
            const value = Number(event.target.value);
            update({ minDays: Number.isInteger(value) ? Math.max(0, Math.min(62, value)) : 0 });
          }}
        />
      </fieldset>
      <fieldset className="field">
        <legend>{t('reports.form.signatory')}</legend>
        <label htmlFor={`${ids}-signer`}>{t('reports.form.signatoryName')}</label>
        <input
          id={`${ids}-signer`}
          maxLength={200}
          value={signatory.name}
          onChange={(event) => {
            const value = event.target.value;
            update((current) => ({ signatory: { ...current.signatory, name: value } }));
          }}
        />
        <label htmlFor={`${ids}-signer-en`}>{t('reports.form.signatoryTitleEn')}</label>
        <input
          id={`${ids}-signer-en`}
          maxLength={200}
          value={signatory.titleEn}
          onChange={(event) => {
            const value = event.target.value;
            update((current) => ({ signatory: { ...current.signatory, titleEn: value } }));
          }}
        />
        <label htmlFor={`${ids}-signer-ru`}>{t('reports.form.signatoryTitleRu')}</label>
        <input
          id={`${ids}-signer-ru`}
          lang="ru"
          maxLength={200}
          value={signatory.titleRu}
          onChange={(event) => {
            const value = event.target.value;
            update((current) => ({ signatory: { ...current.signatory, titleRu: value } }));
          }}
        />
      </fieldset>
    </>
  );
}
