/**
 * The square brackets of one article (issue 15): each bracket with its alternatives and who
 * proposed them, its status, and where and by whom it was agreed; a delegation proposes an
 * alternative (in its own name, offline: it travels in its next sync file), the secretariat
 * records one a delegation made at a meeting and records the meeting's decision.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isolate, joinIsolated } from '../../../shared/bidi';
import type { Article, Bracket, BracketAlternative, Country, Meeting, MouDocument, Participation, Session } from '../../../shared/model';
import { bracketsOfArticle, presentOn, validateBracketDecision, type BracketWithAlternatives } from '../../../shared/mou/brackets';
import { isValidIsoDate, statusPermissions } from '../../../shared/mou/status';
import type { MouIssue } from '../../../shared/mou/validation';
import { choosesAlternativeProposers, mayEditAlternative, mayWithdrawAlternative } from '../../../shared/sync/screenOffers';
import { formatDate, pick, todayIso } from '../../app/format';
import { SelectField, TextField } from '../../app/forms';
import { currentLanguage, type Language } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { countryName, SaveCancel, useCheckedSubmit, useShowMouError, type MouSession } from './ui';
import type { DocumentData } from './useDocumentData';

/** Where things were agreed: the meetings, their sessions and that day's attendance. */
export interface Places {
  meetings: Map<string, Meeting>;
  sessions: Map<string, Session>;
  participations: Participation[];
  delegateCountry: Map<string, string | null>;
}

/** The meetings (all, for the decision form) and, for the meetings named in `meetingIds`, their sessions and attendance. */
export function usePlaces(meetingIds: readonly string[]): Places | undefined {
  const repositories = useRepositories();
  const key = [...new Set(meetingIds)].sort().join(',');
  return useLiveQuery(async () => {
    const meetings = await repositories.meetings.list();
    const ids = key === '' ? [] : key.split(',');
    const sessions = (await Promise.all(ids.map((id) => repositories.meetings.sessions.list(id)))).flat();
    const participations = (await Promise.all(ids.map((id) => repositories.meetings.participants.list(id)))).flat();
    const people = await Promise.all([...new Set(participations.map((p) => p.delegateId))].map((id) => repositories.delegates.get(id)));
    return {
      meetings: new Map(meetings.map((meeting) => [meeting.id, meeting])),
      sessions: new Map(sessions.map((session) => [session.id, session])),
      participations,
      delegateCountry: new Map(people.flatMap((person) => (person ? [[person.id, person.countryId] as const] : []))),
    };
  }, [repositories, key]);
}

/** What happened where: a bracket agreed or dropped, an amendment decided, a version adopted. */
export type WhereKind = 'agreed' | 'dropped' | 'decided' | 'adopted';
const WHERE_HEADS = {
  agreed: 'mou.brackets.agreedAt',
  dropped: 'mou.brackets.droppedAt',
  decided: 'mou.brackets.decidedAt',
  adopted: 'mou.brackets.adoptedAt',
} as const satisfies Record<WhereKind, string>;

/**
 * "Agreed at Second meeting of the Customs Working Group, Bishkek, 11 Sep 2014, session
 * “…”; present: Kazakhstan, Kyrgyzstan, Tajikistan; Afghanistan as observer". User
 * text (titles, places, names) is isolated for bidirectional text.
 */
export function agreedWhere(
  t: TFunction,
  decided: { status: WhereKind; date: string; meetingId: string | null; sessionId: string | null },
  places: Places,
  countries: Map<string, Country>,
  language: Language,
): string {
  const meeting = decided.meetingId === null ? undefined : places.meetings.get(decided.meetingId);
  const session = decided.sessionId === null ? undefined : places.sessions.get(decided.sessionId);
  const head = t(WHERE_HEADS[decided.status], {
    meeting: isolate(meeting ? pick(meeting.title, language) : t('mou.errors.unknownMeeting')),
    city: isolate(meeting ? pick(meeting.city, language) : ''),
    date: formatDate(decided.date, language),
  });
  const parts = [head];
  if (session) parts.push(t('mou.brackets.atSession', { session: isolate(pick(session.title, language)) }));
  if (meeting) {
    const presence = presentOn(decided.date, meeting.id, places.participations, places.delegateCountry, countries, language);
    const names = (list: Country[]) => list.map((country) => pick(country.name, language));
    if (presence.members.length === 0 && presence.observers.length === 0) parts.push(t('mou.brackets.noAttendance'));
    else {
      if (presence.members.length > 0) parts.push(t('mou.brackets.present', { countries: joinIsolated(names(presence.members), ', ') }));
      for (const name of names(presence.observers)) parts.push(t('mou.brackets.asObserver', { country: isolate(name) }));
    }
  }
  return `${parts.join('; ')}.`;
}

/**
 * A fact row (inside a <dl>) saying where and by whom something was decided: the meeting,
 * the session and the delegations present that day. Nothing when it was not at a meeting.
 */
export function WhereDecidedFact({
  label,
  kind,
  date,
  meetingId,
  sessionId,
  countries,
}: {
  label: string;
  kind: WhereKind;
  date: string;
  meetingId: string | null;
  sessionId: string | null;
  countries: Map<string, Country>;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const places = usePlaces(meetingId === null ? [] : [meetingId]);
  if (meetingId === null || places === undefined) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{agreedWhere(t, { status: kind, date, meetingId, sessionId }, places, countries, language)}</dd>
    </div>
  );
}

function proposers(t: TFunction, ids: readonly string[], date: string, countries: Map<string, Country>, language: Language): string {
  if (ids.length === 0) return t('mou.brackets.draftText', { date: formatDate(date, language) });
  return t('mou.brackets.proposedBy', {
    countries: joinIsolated(
      ids.map((id) => countryName(countries, id, language)),
      ', ',
    ),
    date: formatDate(date, language),
  });
}

/** A small button beside an alternative, named for the alternative it acts on. */
function AlternativeButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <>
      {' '}
      <button type="button" className="secondary small" aria-label={name} onClick={onClick}>
        {label}
      </button>
    </>
  );
}

export function BracketsSection({ data, article, session }: { data: DocumentData; article: Article; session: MouSession }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const entries = bracketsOfArticle(article.id, data.brackets, data.bracketAlternatives);
  const places = usePlaces(entries.flatMap((entry) => (entry.bracket.decidedAtMeetingId ? [entry.bracket.decidedAtMeetingId] : [])));
  const permissions = statusPermissions(data.document.status);
  const [form, setForm] = useState<{ kind: 'propose' | 'decide' | 'edit'; bracketId: string; alternativeId?: string } | null>(null);
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const focusAlternatives = (key: number) => document.getElementById(`bracket-alternatives-${String(key)}-${article.id}`)?.focus();
  const withdraw = async (key: number, alternativeId: string) => {
    try {
      await repositories.mou.withdrawAlternative(alternativeId);
      showToast('info', t('mou.brackets.alternativeWithdrawn'));
      // The button is gone with the alternative: focus goes to the bracket's list, not the page body.
      focusAlternatives(key);
    } catch (error) {
      showMouError(error);
    }
  };

  return (
    <section aria-labelledby="article-brackets">
      <h2 id="article-brackets">{t('mou.brackets.heading')}</h2>
      {entries.length === 0 ? (
        <p>{t('mou.brackets.none')}</p>
      ) : (
        entries.map((entry) => {
          const { bracket, alternatives } = entry;
          const title = t('mou.brackets.bracketTitle', { key: bracket.key });
          const canPropose = bracket.status === 'open' && permissions.propose;
          const canDecide = bracket.status === 'open' && session.may.decideBrackets && permissions.decide && permissions.editText;
          return (
            <section key={bracket.id} className="mou-bracket" aria-labelledby={`bracket-${bracket.id}`}>
              <h3 id={`bracket-${bracket.id}`}>
                {title} <span className={`badge bracket-${bracket.status}`}>{t(`mou.brackets.statuses.${bracket.status}`)}</span>
                {bracket.optional && <span className="badge">{t('mou.brackets.optional')}</span>}
              </h3>
              <ul id={`bracket-alternatives-${String(bracket.key)}-${article.id}`} tabIndex={-1} aria-label={t('mou.brackets.alternatives', { key: bracket.key })}>
                {alternatives.map((alternative) => (
                  <li key={alternative.id}>
                    <bdi lang="en">{alternative.text.en}</bdi>
                    {' / '}
                    <bdi lang="ru">{alternative.text.ru}</bdi>
                    {bracket.agreedAlternativeId === alternative.id && <strong>{` (${t('mou.brackets.agreedMark')})`}</strong>}
                    <span className="hint">{` — ${proposers(t, alternative.proposedByCountryIds, alternative.proposedOn, session.countries, language)}`}</span>
                    {bracket.status === 'open' && permissions.propose && mayEditAlternative(session.installation, alternative) && (
                      <AlternativeButton
                        label={t('mou.brackets.editAlternative')}
                        name={t('mou.brackets.editAlternativeFor', { text: pick(alternative.text, language) })}
                        onClick={() => setForm({ kind: 'edit', bracketId: bracket.id, alternativeId: alternative.id })}
                      />
                    )}
                    {bracket.status === 'open' && permissions.propose && mayWithdrawAlternative(session.installation, alternative) && (
                      <AlternativeButton
                        label={t('mou.brackets.withdrawAlternative')}
                        name={t('mou.brackets.withdrawAlternativeFor', { text: pick(alternative.text, language) })}
                        onClick={() => void withdraw(bracket.key, alternative.id)}
                      />
                    )}
                  </li>
                ))}
              </ul>
              {bracket.status === 'dropped' && <p>{t('mou.brackets.droppedNote')}</p>}
              {bracket.status !== 'open' && bracket.decidedOn !== null && places && (
                <p className="bracket-where">
                  {agreedWhere(
                    t,
                    { status: bracket.status, date: bracket.decidedOn, meetingId: bracket.decidedAtMeetingId, sessionId: bracket.decidedAtSessionId },
                    places,
                    session.countries,
                    language,
                  )}
                </p>
              )}
              <div className="article-actions">
                {canPropose && form?.bracketId !== bracket.id && (
                  <button type="button" aria-label={t('mou.brackets.proposeFor', { key: bracket.key })} onClick={() => setForm({ kind: 'propose', bracketId: bracket.id })}>
                    {t('mou.brackets.propose')}
                  </button>
                )}
                {canDecide && form?.bracketId !== bracket.id && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('mou.brackets.recordFor', { key: bracket.key })}
                    onClick={() => setForm({ kind: 'decide', bracketId: bracket.id })}
                  >
                    {t('mou.brackets.record')}
                  </button>
                )}
              </div>
              {form?.bracketId === bracket.id && form.kind === 'propose' && (
                <AlternativeForm bracket={bracket} document={data.document} session={session} onDone={() => setForm(null)} />
              )}
              {form?.bracketId === bracket.id && form.kind === 'edit' && alternatives.some((alternative) => alternative.id === form.alternativeId) && (
                <AlternativeForm
                  key={form.alternativeId}
                  bracket={bracket}
                  alternative={alternatives.find((alternative) => alternative.id === form.alternativeId)}
                  document={data.document}
                  session={session}
                  onDone={() => {
                    setForm(null);
                    focusAlternatives(bracket.key);
                  }}
                />
              )}
              {form?.bracketId === bracket.id && form.kind === 'decide' && places && (
                <DecisionForm entry={entry} onDone={() => setForm(null)} />
              )}
            </section>
          );
        })
      )}
    </section>
  );
}

/**
 * A new alternative for a bracket, or `alternative` corrected: its wording in both languages,
 * the day it was proposed and, where this installation names proposers (the secretariat), in
 * whose name. The draft's own text (no proposers) may stay without a name.
 */
function AlternativeForm({
  bracket,
  alternative,
  document,
  session,
  onDone,
}: {
  bracket: Bracket;
  alternative?: BracketAlternative | undefined;
  document: MouDocument;
  session: MouSession;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const [text, setText] = useState(alternative ? { ...alternative.text } : { en: '', ru: '' });
  const [proposedOn, setProposedOn] = useState(alternative?.proposedOn ?? todayIso());
  const [by, setBy] = useState<string[]>(alternative ? [...alternative.proposedByCountryIds] : []);
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const title = alternative
    ? t('mou.brackets.editTitle', { key: bracket.key, text: pick(alternative.text, language) })
    : t('mou.brackets.proposeTitle', { key: bracket.key });
  const parties = [
    ...new Set([
      ...document.partyCountryIds,
      ...[...session.countries.values()].filter((c) => c.membership === 'observer').map((c) => c.id),
      ...(alternative?.proposedByCountryIds ?? []),
    ]),
  ];

  const namesProposers = choosesAlternativeProposers(session.installation, parties);
  // The draft's own text may stay without proposers; a delegation's alternative keeps a name.
  const proposersRequired = namesProposers && (alternative === undefined || alternative.proposedByCountryIds.length > 0);
  const check = (): MouIssue[] => {
    const found: MouIssue[] = [];
    for (const lang of ['en', 'ru'] as const) if (text[lang].trim() === '') found.push({ path: `text.${lang}`, code: 'alternativeTextRequired' });
    if (!isValidIsoDate(proposedOn)) found.push({ path: 'proposedOn', code: 'dateInvalid' });
    else if (proposedOn < bracket.openedOn) found.push({ path: 'proposedOn', code: 'proposalBeforeBracket' });
    if (proposersRequired && by.length === 0) found.push({ path: 'proposedByCountryIds', code: 'proposerRequired' });
    return found;
  };
  const save = async () => {
    const draft = { text, proposedOn, ...(namesProposers ? { proposedByCountryIds: by } : {}) };
    if (alternative) {
      await repositories.mou.editAlternative(alternative.id, draft);
      showToast('info', t('mou.brackets.alternativeSaved'));
    } else {
      await repositories.mou.proposeAlternative(bracket.id, draft);
      showToast('info', t('mou.brackets.added'));
    }
    onDone();
  };
  const byError = `by-error-${alternative?.id ?? bracket.id}`;

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event, check, save)}>
      <h4>{title}</h4>
      {!namesProposers && alternative === undefined && <p className="hint">{t('mou.brackets.delegationHint')}</p>}
      <TextField label={t('mou.brackets.textEn')} lang="en" hint={t('mou.brackets.textHint')} value={text.en} error={issues.message('text.en')} onChange={(en) => setText({ ...text, en })} />
      <TextField label={t('mou.brackets.textRu')} lang="ru" hint={t('mou.brackets.textHint')} value={text.ru} error={issues.message('text.ru')} onChange={(ru) => setText({ ...text, ru })} />
      <TextField type="date" label={t('mou.brackets.proposedOn')} value={proposedOn} error={issues.message('proposedOn')} onChange={setProposedOn} />
      {namesProposers && (
        <fieldset aria-invalid={issues.code('proposedByCountryIds') !== undefined} aria-describedby={issues.code('proposedByCountryIds') ? byError : undefined}>
          <legend>{t('mou.brackets.proposedByField')}</legend>
          {!proposersRequired && <p className="hint">{t('mou.brackets.draftTextHint')}</p>}
          {issues.code('proposedByCountryIds') && (
            <p className="error" id={byError}>
              {issues.message('proposedByCountryIds')}
            </p>
          )}
          {parties.map((id) => (
            <label key={id} className="checkbox">
              <input
                type="checkbox"
                checked={by.includes(id)}
                onChange={(event) => setBy(event.target.checked ? [...by, id] : by.filter((other) => other !== id))}
              />{' '}
              {countryName(session.countries, id, language)}
            </label>
          ))}
        </fieldset>
      )}
      <SaveCancel busy={busy} saveLabel={alternative ? t('mou.brackets.saveAlternative') : t('mou.brackets.add')} onCancel={onDone} />
    </form>
  );
}

function DecisionForm({ entry, onDone }: { entry: BracketWithAlternatives; onDone: () => void }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const { bracket, alternatives } = entry;
  const [outcome, setOutcome] = useState<'agreed' | 'dropped'>('agreed');
  const [alternativeId, setAlternativeId] = useState(bracket.optional ? (alternatives[0]?.id ?? '') : '');
  const [meetingId, setMeetingId] = useState('');
  const [sessionId, setSessionId] = useState('');
  const [date, setDate] = useState(todayIso());
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const title = t('mou.brackets.recordTitle', { key: bracket.key });

  const input = {
    outcome,
    alternativeId: outcome === 'agreed' && alternativeId !== '' ? alternativeId : null,
    date,
    meetingId: meetingId === '' ? null : meetingId,
    sessionId: sessionId === '' ? null : sessionId,
  };
  const check = (): MouIssue[] => validateBracketDecision(entry, input, isValidIsoDate).flatMap((issue): MouIssue[] => (issue.code === 'bracketClosed' ? [] : [{ path: issue.path, code: issue.code }]));
  const save = async () => {
    await repositories.mou.decideBracket(bracket.id, input);
    showToast('info', t('mou.brackets.decided'));
    onDone();
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event, check, save)}>
      <h4>{title}</h4>
      <SelectField label={t('mou.brackets.outcome')} value={outcome} onChange={(value) => setOutcome(value === 'dropped' ? 'dropped' : 'agreed')}>
        <option value="agreed">{bracket.optional ? t('mou.brackets.keepOptional') : t('mou.brackets.outcomes.agreed')}</option>
        <option value="dropped">{t('mou.brackets.outcomes.dropped')}</option>
      </SelectField>
      {outcome === 'agreed' && !bracket.optional && (
        <SelectField label={t('mou.brackets.alternative')} value={alternativeId} error={issues.message('alternativeId')} onChange={setAlternativeId}>
          <option value="">{t('mou.brackets.alternative')}</option>
          {alternatives.map((alternative) => (
            <option key={alternative.id} value={alternative.id}>
              {`${alternative.text.en} / ${alternative.text.ru}`}
            </option>
          ))}
        </SelectField>
      )}
      <WherePicker
        meetingId={meetingId}
        sessionId={sessionId}
        labels={{ meeting: t('mou.brackets.meeting'), noMeeting: t('mou.brackets.chooseMeeting') }}
        meetingError={issues.message('meetingId')}
        onChange={(meeting, session) => {
          setMeetingId(meeting);
          setSessionId(session);
        }}
        onDay={setDate}
      />
      <TextField type="date" label={t('mou.brackets.date')} value={date} error={issues.message('date')} onChange={setDate} />
      <SaveCancel busy={busy} saveLabel={t('mou.brackets.record')} onCancel={onDone} />
    </form>
  );
}

/**
 * The meeting and agenda session where something was decided, for forms that may have none
 * (a written procedure): choosing a session sets the date to its day through `onDay`.
 */
export function WherePicker({
  meetingId,
  sessionId,
  labels,
  meetingError,
  onChange,
  onDay,
}: {
  meetingId: string;
  sessionId: string;
  /** The meeting field's label and its "none" option, where the form names them its own way. */
  labels?: { meeting: string; noMeeting: string };
  /** An error on the meeting field (a form that requires one). */
  meetingError?: string;
  onChange: (meetingId: string, sessionId: string) => void;
  onDay: (date: string) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);
  const sessions = useLiveQuery(() => (meetingId === '' ? Promise.resolve([]) : repositories.meetings.sessions.list(meetingId)), [repositories, meetingId]);
  return (
    <>
      <SelectField label={labels?.meeting ?? t('mou.brackets.meeting')} value={meetingId} error={meetingError} onChange={(value) => onChange(value, '')}>
        <option value="">{labels?.noMeeting ?? t('mou.brackets.noMeeting')}</option>
        {(meetings ?? []).map((meeting) => (
          <option key={meeting.id} value={meeting.id}>
            {`${pick(meeting.title, language)} (${formatDate(meeting.startDate, language)})`}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('mou.brackets.session')}
        value={sessionId}
        disabled={meetingId === ''}
        onChange={(value) => {
          onChange(meetingId, value);
          const chosen = (sessions ?? []).find((candidate) => candidate.id === value);
          if (chosen) onDay(chosen.date);
        }}
      >
        <option value="">{t('mou.brackets.noSession')}</option>
        {(sessions ?? []).map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {`${formatDate(candidate.date, language)} ${candidate.start} — ${pick(candidate.title, language)}`}
          </option>
        ))}
      </SelectField>
    </>
  );
}
