/**
 * The minutes of a meeting (issue 15, item 4): their state, circulation of revisions and
 * their approval at a session of a later meeting (the secretariat), the comparison of
 * revisions (word by word, as the MoU compare shows it) and the delegations' comments on
 * the latest circulated revision (any installation; a delegation's travel in its bundle).
 * Approved minutes are locked: nothing here changes them any more.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { diffText, hasChanges } from '../../../shared/mou/compare';
import {
  approveRefusal,
  circulateRefusal,
  isLaterMeeting,
  latestRevision,
  minutesState,
  minutesText,
  sameContent,
  type MinutesTextLabels,
} from '../../../shared/meetings/minutes';
import { participationStatuses, type Meeting, type Minutes, type MinutesContent, type Session } from '../../../shared/model';
import { isolate } from '../../../shared/bidi';
import { formatDate, pick } from '../../app/format';
import { currentLanguage, type Language } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { SelectField, TextField } from '../../app/forms';
import { MinutesRefusedError } from '../../db/minutesRepository';
import { showError, useToasts } from '../../stores/toasts';
import { DiffLegend, DiffText } from '../mou/DiffView';

/** The words the minutes' text is built with, in `language`. */
export function minutesTextLabels(t: TFunction, language: Language): MinutesTextLabels {
  const lng = { lng: language };
  return {
    sessions: t('meetings.minutes.text.sessions', lng),
    decisions: t('meetings.minutes.text.decisions', lng),
    actionItems: t('meetings.minutes.text.actionItems', lng),
    attendance: t('meetings.minutes.text.attendance', lng),
    owner: t('meetings.minutes.text.owner', lng),
    due: t('meetings.minutes.text.due', lng),
    statuses: Object.fromEntries(participationStatuses.map((status) => [status, t(`meetings.participationStatuses.${status}`, lng)])) as MinutesTextLabels['statuses'],
    days: (count) => t('meetings.minutes.text.days', { ...lng, count }),
  };
}

/** Shows a refusal of the minutes repository in the user's language, anything else as an error. */
export function useMinutesError(): (error: unknown) => void {
  const { t } = useTranslation();
  const showToast = useToasts((state) => state.show);
  return (error) => {
    if (error instanceof MinutesRefusedError) showToast('error', t(`meetings.minutes.refusals.${error.code}`));
    else showError(error);
  };
}

interface Props {
  meeting: Meeting;
  editable: boolean;
}

/** 'current': the records as they are now, not circulated. */
type TextChoice = number | 'current';

export function MinutesTab({ meeting, editable }: Props) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
  const showToast = useToasts((state) => state.show);
  const onError = useMinutesError();
  const ids = useId();

  const data = useLiveQuery(async () => {
    const minutes = await repositories.minutes.ofMeeting(meeting.id);
    const [live, comments, meetings] = await Promise.all([
      repositories.minutes.liveContent(meeting.id),
      minutes ? repositories.minutes.comments(minutes.id) : Promise.resolve([]),
      repositories.meetings.list(),
    ]);
    const later = meetings.filter((candidate) => isLaterMeeting(meeting, candidate)).sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    const sessions = (await Promise.all(later.map((candidate) => repositories.meetings.sessions.list(candidate.id)))).flat();
    const approvedIn = minutes?.approvedAt ? await repositories.meetings.get(minutes.approvedAt.meetingId) : undefined;
    const approvedSession = minutes?.approvedAt ? await repositories.meetings.sessions.get(minutes.approvedAt.sessionId) : undefined;
    return { minutes, live, comments, later, sessions, approvedIn, approvedSession };
  }, [repositories, meeting]);

  const [chosenSession, setChosenSession] = useState<string | null>(null);
  const [older, setOlder] = useState<TextChoice | null>(null);
  const [newer, setNewer] = useState<TextChoice | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const labels = useMemo(() => minutesTextLabels(t, language), [t, language]);

  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { minutes, live, comments, later, sessions, approvedIn, approvedSession } = data;
  const latest = latestRevision(minutes);
  const commentsOnLatest = latest ? comments.filter((entry) => entry.minutesRevision === latest.number).length : 0;
  const state = minutesState(minutes, commentsOnLatest);
  const locked = state === 'approved';
  const changed = latest !== undefined && !sameContent(latest.content, live);
  const nextNumber = (latest?.number ?? 0) + 1;
  const circulateBlocked = circulateRefusal(minutes, live);

  const meetingsById = new Map(later.map((candidate) => [candidate.id, candidate]));
  const sessionOption = (session: Session): string => {
    const of = meetingsById.get(session.meetingId);
    return t('meetings.minutes.approvalSessionOption', {
      meeting: isolate(of ? pick(of.title, language) : ''),
      date: formatDate(session.date, language),
      session: isolate(pick(session.title, language)),
    });
  };
  const selectedSessionId = chosenSession ?? minutes?.approvalSessionId ?? '';
  const selectedSession = sessions.find((session) => session.id === selectedSessionId);
  const scheduledSession = sessions.find((session) => session.id === minutes?.approvalSessionId);

  const statusText = (() => {
    switch (state) {
      case 'draft':
        return t('meetings.minutes.states.draft');
      case 'circulated':
      case 'commented':
        return t(`meetings.minutes.states.${state}`, { date: formatDate(latest?.circulatedOn ?? '', language), number: latest?.number ?? 0 });
      case 'approved': {
        const city = approvedIn ? pick(approvedIn.city, language) : '';
        return t('meetings.minutes.states.approved', {
          meeting: isolate(approvedIn ? pick(approvedIn.title, language) : ''),
          place: city ? `, ${isolate(city)}` : '',
          session: isolate(approvedSession ? pick(approvedSession.title, language) : ''),
          date: formatDate(minutes?.approvedAt?.date ?? '', language),
        });
      }
    }
  })();

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      showToast('info', await action());
      statusRef.current?.focus();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const circulate = () =>
    run(async () => {
      const saved = await repositories.minutes.circulate(meeting.id);
      return t('meetings.minutes.circulatedToast', { number: latestRevision(saved)?.number ?? nextNumber });
    });

  const schedule = () =>
    run(async () => {
      await repositories.minutes.scheduleApproval(meeting.id, selectedSessionId === '' ? null : selectedSessionId);
      return t('meetings.minutes.scheduledToast');
    });

  const approve = () =>
    run(async () => {
      if (selectedSessionId === '') throw new MinutesRefusedError('notLaterMeeting');
      await repositories.minutes.approve(meeting.id, selectedSessionId);
      return t('meetings.minutes.approvedToast');
    });

  const addComment = async () => {
    if (!minutes) return;
    if (comment.trim() === '') {
      setCommentError(t('meetings.minutes.refusals.emptyComment'));
      document.getElementById(`${ids}-comment`)?.focus();
      return;
    }
    setCommentError(undefined);
    await run(async () => {
      await repositories.minutes.addComment(minutes.id, comment);
      setComment('');
      return t('meetings.minutes.commentAdded');
    });
  };

  // Texts to compare: revisions and, while not locked and changed, the current records.
  const choices: { value: TextChoice; label: string; content: MinutesContent }[] = [
    ...(minutes?.revisions ?? []).map((revision) => ({
      value: revision.number,
      label: t('meetings.minutes.revisionOption', { number: revision.number, date: formatDate(revision.circulatedOn, language) }),
      content: revision.content,
    })),
    ...(!locked && (latest === undefined || changed) ? [{ value: 'current' as const, label: t('meetings.minutes.currentDraft'), content: live }] : []),
  ];
  const defaultNewer = choices.at(-1)?.value ?? null;
  const defaultOlder = choices.at(-2)?.value ?? null;
  const olderChoice = choices.find((choice) => choice.value === (older ?? defaultOlder));
  const newerChoice = choices.find((choice) => choice.value === (newer ?? defaultNewer));
  const segments =
    olderChoice && newerChoice ? diffText(minutesText(olderChoice.content, language, labels), minutesText(newerChoice.content, language, labels)) : [];
  const choiceValue = (value: TextChoice) => (value === 'current' ? 'current' : String(value));
  const parseChoice = (value: string): TextChoice => (value === 'current' ? 'current' : Number(value));

  const approveBlocked = selectedSession
    ? approveRefusal(minutes, live, meeting, meetingsById.get(selectedSession.meetingId) ?? meeting)
    : locked
      ? 'locked'
      : null;

  return (
    <div className="m-minutes">
      <section aria-labelledby={`${ids}-heading`}>
        <h2 id={`${ids}-heading`}>{t('meetings.minutes.heading')}</h2>
        <p className="hint">{t('meetings.minutes.intro')}</p>
        <p ref={statusRef} tabIndex={-1} className={`m-minutes-status m-minutes-${state}`} aria-label={`${t('meetings.minutes.status')}: ${statusText}`}>
          <strong>{statusText}</strong>
        </p>
        {locked && <p className="m-notice">{t('meetings.minutes.locked')}</p>}
        {!locked && changed && <p className="m-notice">{t('meetings.minutes.changedSince', { number: latest.number })}</p>}
        {!locked && !editable && <p className="hint">{t('meetings.minutes.secretariatOnly')}</p>}
        {!locked && editable && (
          <div className="actions">
            <button
              type="button"
              aria-disabled={busy || circulateBlocked !== null}
              aria-describedby={`${ids}-circulate-hint`}
              onClick={() => {
                if (busy || circulateBlocked !== null) return;
                void circulate();
              }}
            >
              {t('meetings.minutes.circulate', { number: nextNumber })}
            </button>
            <p className="hint" id={`${ids}-circulate-hint`}>
              {circulateBlocked === 'unchanged' && latest ? t('meetings.minutes.unchanged', { number: latest.number }) : t('meetings.minutes.circulateHint')}
            </p>
          </div>
        )}
      </section>

      {!locked && editable && (
        <section aria-labelledby={`${ids}-approval`}>
          <h2 id={`${ids}-approval`}>{t('meetings.minutes.approvalHeading')}</h2>
          {scheduledSession && <p>{t('meetings.minutes.scheduled', { option: sessionOption(scheduledSession) })}</p>}
          {sessions.length === 0 ? (
            <p className="hint">{t('meetings.minutes.noLaterSessions')}</p>
          ) : (
            <>
              <SelectField
                label={t('meetings.minutes.approvalSession')}
                value={selectedSessionId}
                onChange={(value) => {
                  setChosenSession(value);
                }}
              >
                <option value="">{t('meetings.minutes.approvalSessionNone')}</option>
                {sessions.map((session) => (
                  <option key={session.id} value={session.id}>
                    {sessionOption(session)}
                  </option>
                ))}
              </SelectField>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  aria-disabled={busy || selectedSessionId === (minutes?.approvalSessionId ?? '')}
                  onClick={() => {
                    if (busy || selectedSessionId === (minutes?.approvalSessionId ?? '')) return;
                    void schedule();
                  }}
                >
                  {t('meetings.minutes.schedule')}
                </button>
                <button
                  type="button"
                  aria-disabled={busy || selectedSessionId === '' || approveBlocked !== null}
                  aria-describedby={`${ids}-approve-hint`}
                  onClick={() => {
                    if (busy || selectedSessionId === '' || approveBlocked !== null) return;
                    void approve();
                  }}
                >
                  {t('meetings.minutes.approve')}
                </button>
              </div>
              <p className="hint" id={`${ids}-approve-hint`}>
                {selectedSessionId === '' ? t('meetings.minutes.approveNeedsSession') : approveBlocked ? t(`meetings.minutes.refusals.${approveBlocked}`) : ''}
              </p>
            </>
          )}
        </section>
      )}

      <section aria-labelledby={`${ids}-revisions`}>
        <h2 id={`${ids}-revisions`}>{t('meetings.minutes.revisionsHeading')}</h2>
        {minutes === undefined || minutes.revisions.length === 0 ? (
          <p className="hint">{t('meetings.minutes.noRevisions')}</p>
        ) : (
          <ul aria-labelledby={`${ids}-revisions`}>
            {minutes.revisions.map((revision) => (
              <li key={revision.number}>{t('meetings.minutes.revision', { number: revision.number, date: formatDate(revision.circulatedOn, language) })}</li>
            ))}
          </ul>
        )}
        {choices.length >= 2 && olderChoice && newerChoice && (
          <section aria-labelledby={`${ids}-compare`}>
            <h3 id={`${ids}-compare`}>{t('meetings.minutes.compareHeading')}</h3>
            <div className="m-form-row">
              <SelectField
                label={t('meetings.minutes.older')}
                value={choiceValue(olderChoice.value)}
                onChange={(value) => {
                  setOlder(parseChoice(value));
                }}
              >
                {choices.map((choice) => (
                  <option key={choiceValue(choice.value)} value={choiceValue(choice.value)}>
                    {choice.label}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label={t('meetings.minutes.newer')}
                value={choiceValue(newerChoice.value)}
                onChange={(value) => {
                  setNewer(parseChoice(value));
                }}
              >
                {choices.map((choice) => (
                  <option key={choiceValue(choice.value)} value={choiceValue(choice.value)}>
                    {choice.label}
                  </option>
                ))}
              </SelectField>
            </div>
            <DiffLegend />
            {hasChanges(segments) ? <DiffText segments={segments} lang={language} /> : <p>{t('meetings.minutes.noDifferences')}</p>}
          </section>
        )}
      </section>

      <section aria-labelledby={`${ids}-comments`}>
        <h2 id={`${ids}-comments`}>{t('meetings.minutes.commentsHeading')}</h2>
        <p className="hint">{t('meetings.minutes.commentCount', { count: comments.length })}</p>
        {comments.length === 0 ? (
          <p>{t('meetings.minutes.noComments')}</p>
        ) : (
          <ul className="comments" aria-labelledby={`${ids}-comments`}>
            {comments.map((entry) => (
              <li key={entry.id}>
                <div className="comment-meta">
                  <bdi>{entry.authorName}</bdi>, {formatDate(entry.createdAt.slice(0, 10), language)}
                  {entry.minutesRevision !== undefined && <>, {t('meetings.minutes.commentOn', { number: entry.minutesRevision })}</>}
                </div>
                <p className="comment-text" dir="auto">
                  {entry.text}
                </p>
              </li>
            ))}
          </ul>
        )}
        {!locked &&
          (latest && minutes ? (
            <form
              className="form"
              noValidate
              aria-label={t('meetings.minutes.addComment')}
              onSubmit={(event) => {
                event.preventDefault();
                void addComment();
              }}
            >
              <TextField
                id={`${ids}-comment`}
                multiline
                rows={3}
                label={t('meetings.minutes.commentField', { number: latest.number })}
                hint={t('meetings.minutes.commentHint')}
                error={commentError}
                value={comment}
                onChange={setComment}
              />
              <div className="actions">
                <button type="submit" disabled={busy}>
                  {t('meetings.minutes.addComment')}
                </button>
              </div>
            </form>
          ) : (
            <p className="hint">{t('meetings.minutes.noCommentsBeforeCirculation')}</p>
          ))}
      </section>
      {approvedIn && (
        <p>
          <Link to={`/meetings/${approvedIn.id}/agenda`}>{pick(approvedIn.title, language)}</Link>
        </p>
      )}
    </div>
  );
}

/**
 * Minutes whose approval is on the agenda of the sessions of `meeting` ("Approval of the
 * minutes of the previous meeting"), by session id, with the meeting they belong to.
 */
export function useMinutesOnAgenda(sessions: readonly Session[]) {
  const repositories = useRepositories();
  const key = sessions.map((session) => session.id).join(',');
  return useLiveQuery(async () => {
    const out = new Map<string, { minutes: Minutes; of: Meeting; live: MinutesContent }[]>();
    for (const session of sessions) {
      for (const minutes of await repositories.minutes.approvedAtSession(session.id)) {
        const of = await repositories.meetings.get(minutes.meetingId);
        if (!of) continue;
        const live = await repositories.minutes.liveContent(of.id);
        out.set(session.id, [...(out.get(session.id) ?? []), { minutes, of, live }]);
      }
    }
    return out;
  }, [repositories, key]);
}

/**
 * Under a session of a later meeting: the agenda item "Approval of the minutes of the
 * previous meeting", linking to those minutes, and (the secretariat, while not approved)
 * the button that records their approval at this session.
 */
export function AgendaMinutesNote({
  session,
  meeting,
  entries,
  editable,
}: {
  session: Session;
  meeting: Meeting;
  entries: readonly { minutes: Minutes; of: Meeting; live: MinutesContent }[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const language = currentLanguage();
  const showToast = useToasts((state) => state.show);
  const onError = useMinutesError();
  const [busy, setBusy] = useState(false);
  return (
    <>
      {entries.map(({ minutes, of, live }) => {
        const title = pick(of.title, language);
        const approvedHere = minutes.status === 'approved' && minutes.approvedAt?.sessionId === session.id;
        const blocked = approveRefusal(minutes, live, of, meeting);
        return (
          <div key={minutes.id} className="m-agenda-minutes">
            <p>
              {t('meetings.minutes.agendaItem', { meeting: isolate(title) })}{' '}
              <Link to={`/meetings/${of.id}/minutes`}>{t('meetings.minutes.agendaLink', { meeting: isolate(title) })}</Link>
            </p>
            {approvedHere && <p>{t('meetings.minutes.approvedAtSession', { meeting: isolate(title) })}</p>}
            {editable && minutes.status !== 'approved' && (
              <>
                <button
                  type="button"
                  aria-disabled={busy || blocked !== null}
                  aria-describedby={blocked ? `approve-${minutes.id}-hint` : undefined}
                  onClick={() => {
                    if (busy || blocked !== null) return;
                    setBusy(true);
                    repositories.minutes
                      .approve(of.id, session.id)
                      .then(() => {
                        showToast('info', t('meetings.minutes.approvedToast'));
                      })
                      .catch(onError)
                      .finally(() => {
                        setBusy(false);
                      });
                  }}
                >
                  {t('meetings.minutes.approveAtSession', { meeting: isolate(title) })}
                </button>
                {blocked && (
                  <p className="hint" id={`approve-${minutes.id}-hint`}>
                    {t(`meetings.minutes.refusals.${blocked}`)}
                  </p>
                )}
              </>
            )}
          </div>
        );
      })}
    </>
  );
}
