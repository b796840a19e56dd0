/**
 * One amendment: who proposed what and why, the proposed change marked word by word
 * against the current text, a warning with the intervening changes when the article
 * changed since the proposal, the secretariat's decision (accept, reject with a reason,
 * supersede), the proposer's edit, withdrawal and deletion, and the discussion. Each action
 * is offered exactly where peers accept it from this installation (shared/sync/screenOffers.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Amendment, Article } from '../../../shared/model';
import { mayActOnAmendment, mayDeleteAmendment, type AmendmentConflict } from '../../../shared/mou/amendments';
import { mayEditProposal } from '../../../shared/sync/screenOffers';
import { diffText } from '../../../shared/mou/compare';
import { statusPermissions } from '../../../shared/mou/status';
import { validateDecision } from '../../../shared/mou/validation';
import { formatDate, pick, todayIso } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { focusFirstInvalid, TextField } from '../../app/forms';
import type { AmendmentDecision } from '../../db';
import { useToasts } from '../../stores/toasts';
import { AmendmentForm } from './AmendmentForm';
import { amendmentTitle } from './amendmentText';
import { WhereDecidedFact, WherePicker } from './Brackets';
import { Comments } from './Comments';
import { shownBody } from '../../../shared/mou/brackets';
import { DiffLegend, DiffText, Segments } from './DiffView';
import { mouPaths } from './paths';
import {
  ArticleText,
  Bilingual,
  Breadcrumbs,
  ConfirmButton,
  countryName,
  Loading,
  NotFound,
  useIssues,
  useMouSession,
  useShowMouError,
} from './ui';
import { useDocumentData } from './useDocumentData';

/** Heading and body differences between two texts, one column per language. */
function TextDiff({ from, to }: { from: Pick<Article, 'heading' | 'body'>; to: Pick<Article, 'heading' | 'body'> }) {
  return (
    <Bilingual
      choice="both"
      render={(language) => (
        <>
          <h3 lang={language}>
            <Segments segments={diffText(from.heading[language], to.heading[language])} />
          </h3>
          <DiffText segments={diffText(from.body[language], to.body[language])} lang={language} />
        </>
      )}
    />
  );
}

export function AmendmentPage() {
  const { t } = useTranslation();
  const { documentId, amendmentId = '' } = useParams();
  const repositories = useRepositories();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  const detail = useLiveQuery(async () => {
    const amendment = await repositories.mou.getAmendment(amendmentId);
    if (!amendment) return { amendment: undefined, article: undefined, conflict: null };
    const [article, conflict] = await Promise.all([
      amendment.articleId === null ? undefined : repositories.mou.getArticle(amendment.articleId),
      repositories.mou.amendmentConflict(amendment.id),
    ]);
    return { amendment, article, conflict };
  }, [repositories, amendmentId]);
  const language = currentLanguage();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusEdit = useRef(false);
  useEffect(() => {
    // After the edit form closes, the button that opened it takes focus back.
    if (!focusEdit.current || editing) return;
    focusEdit.current = false;
    editButton.current?.focus();
  }, [editing]);
  if (data === undefined || session === undefined || detail === undefined) return <Loading />;
  const { amendment, article, conflict } = detail;
  if (data === null || amendment?.documentId !== data.document.id) return <NotFound />;

  const { document, articles } = data;
  const title = amendmentTitle(t, amendment, articles, language);
  const liveArticle = article && !article.deleted ? article : undefined;
  const open = amendment.status === 'proposed';
  const proposer = amendment.proposedByCountryId
    ? countryName(session.countries, amendment.proposedByCountryId, language)
    : t('mou.amendment.secretariat');
  const permissions = statusPermissions(document.status);
  const canDecide = mayActOnAmendment('reject', amendment, session.installation) && permissions.decide;
  const canEdit = mayEditProposal(session.installation, amendment) && permissions.propose;
  const canWithdraw = mayActOnAmendment('withdraw', amendment, session.installation);
  const canDelete = mayDeleteAmendment(amendment, session.installation);
  // Texts as read: an open bracket the proposal keeps shows with its alternatives, as on the article's page.
  const bracketsOf = amendment.kind === 'replace' && amendment.articleId !== null ? amendment.articleId : '';
  const read = (text: Pick<Article, 'heading' | 'body'>): Pick<Article, 'heading' | 'body'> => ({
    heading: text.heading,
    body: { en: shownBody({ id: bracketsOf, body: text.body }, 'en', data.bracketIndex), ru: shownBody({ id: bracketsOf, body: text.body }, 'ru', data.bracketIndex) },
  });
  const base = amendment.baseText ? read(amendment.baseText) : null;
  const proposedText = read(amendment);
  const shownArticle = liveArticle ? read(liveArticle) : undefined;

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, language), to: mouPaths.document(document.id) },
          { label: t('mou.amendment.listTitle'), to: mouPaths.amendments(document.id) },
          { label: t(`mou.amendment.kinds.${amendment.kind}`) },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      <dl className="mou-facts">
        <div>
          <dt>{t('mou.amendment.columns.status')}</dt>
          <dd>
            <span className={`badge amendment-${amendment.status}`}>{t(`mou.amendment.statuses.${amendment.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('mou.amendment.proposedBy')}</dt>
          <dd>{proposer}</dd>
        </div>
        <div>
          <dt>{t('mou.amendment.proposedOn')}</dt>
          <dd>{formatDate(amendment.proposedOn, language)}</dd>
        </div>
        {amendment.decidedOn && (
          <div>
            <dt>{t('mou.amendment.decidedOn')}</dt>
            <dd>{formatDate(amendment.decidedOn, language)}</dd>
          </div>
        )}
        {amendment.decidedOn && (
          <WhereDecidedFact
            label={t('mou.amendment.decidedWhere')}
            kind="decided"
            date={amendment.decidedOn}
            meetingId={amendment.decidedAtMeetingId ?? null}
            sessionId={amendment.decidedAtSessionId ?? null}
            countries={session.countries}
          />
        )}
        {amendment.decisionReason !== '' && (
          <div>
            <dt>{t('mou.amendment.decisionReason')}</dt>
            <dd>{amendment.decisionReason}</dd>
          </div>
        )}
      </dl>
      {liveArticle && (
        <p>
          <Link to={mouPaths.article(document.id, liveArticle.id)}>{t('mou.amendment.currentHeading')}</Link>
        </p>
      )}

      <section aria-labelledby="amendment-rationale">
        <h2 id="amendment-rationale">{t('mou.amendment.rationale')}</h2>
        <Bilingual
          choice="both"
          render={(textLanguage) => <p className="comment-text">{amendment.rationale[textLanguage] || '—'}</p>}
        />
      </section>

      <section aria-labelledby="amendment-change">
        <h2 id="amendment-change">
          {amendment.kind === 'replace' && open ? t('mou.amendment.proposedChange') : t('mou.amendment.proposedText')}
        </h2>
        {amendment.kind === 'replace' && (
          <>
            <DiffLegend />
            {/* Open: against the text as it stands; decided: against the text it was made for. */}
            {open && shownArticle ? (
              <TextDiff from={shownArticle} to={proposedText} />
            ) : base ? (
              <TextDiff from={base} to={proposedText} />
            ) : (
              <TextDiff from={proposedText} to={proposedText} />
            )}
          </>
        )}
        {amendment.kind === 'insert-after' && (
          <Bilingual
            choice="both"
            render={(textLanguage) => (
              <>
                <h3 lang={textLanguage}>{proposedText.heading[textLanguage]}</h3>
                <ArticleText text={proposedText.body[textLanguage]} lang={textLanguage} />
              </>
            )}
          />
        )}
        {amendment.kind === 'delete' && (
          <>
            <p className="notice warning">{t('mou.amendment.deleteText')}</p>
            {(shownArticle ?? base) && (
              <Bilingual
                choice="both"
                render={(textLanguage) => {
                  const text = shownArticle ?? base;
                  return text ? (
                    <>
                      <h3 lang={textLanguage}>{text.heading[textLanguage]}</h3>
                      <ArticleText text={text.body[textLanguage]} lang={textLanguage} />
                    </>
                  ) : null;
                }}
              />
            )}
          </>
        )}
      </section>

      {open && conflict && <ConflictNotice conflict={conflict} base={base} current={shownArticle} />}

      {canDecide && <DecisionForm amendment={amendment} conflict={conflict} />}
      {canEdit && editing && (
        <AmendmentForm
          documentId={document.id}
          target={{ amendment, base: base ?? (liveArticle ? { heading: liveArticle.heading, body: liveArticle.body } : null) }}
          parties={document.partyCountryIds}
          session={session}
          brackets={data.bracketIndex}
          onDone={() => {
            focusEdit.current = true;
            setEditing(false);
          }}
        />
      )}
      {(canWithdraw || canDelete || (canEdit && !editing)) && (
        <div className="actions">
          {canEdit && !editing && (
            <button type="button" ref={editButton} className="secondary" onClick={() => setEditing(true)}>
              {t('mou.amendment.edit')}
            </button>
          )}
          {canWithdraw && <WithdrawButton amendment={amendment} />}
          {canDelete && <DeleteButton amendment={amendment} listPath={mouPaths.amendments(document.id)} />}
        </div>
      )}

      <Comments targetKind="amendment" targetId={amendment.id} heading={t('mou.comments.heading')} />
    </div>
  );
}

function ConflictNotice({
  conflict,
  base,
  current,
}: {
  conflict: AmendmentConflict;
  base: Pick<Article, 'heading' | 'body'> | null;
  current: Pick<Article, 'heading' | 'body'> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="notice danger" aria-labelledby="amendment-conflict" role="region">
      <h2 id="amendment-conflict">{t('mou.amendment.conflictTitle')}</h2>
      <p>{t(`mou.errors.conflict.${conflict.kind}`)}</p>
      {conflict.kind === 'textChanged' && (
        <>
          <p>{t('mou.amendment.conflictExplain')}</p>
          {base && current ? (
            <>
              <h3>{t('mou.amendment.conflictChanges')}</h3>
              <TextDiff from={base} to={current} />
            </>
          ) : (
            <p>{t('mou.amendment.conflictNoBase')}</p>
          )}
        </>
      )}
      {conflict.kind !== 'textChanged' && <p>{t('mou.amendment.cannotApply')}</p>}
    </section>
  );
}

function WithdrawButton({ amendment }: { amendment: Amendment }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  return (
    <ConfirmButton
      label={t('mou.amendment.withdraw')}
      question={t('mou.amendment.withdrawConfirm')}
      className="secondary"
      onConfirm={async () => {
        try {
          await repositories.mou.withdrawAmendment(amendment.id);
          showToast('info', t('mou.amendment.withdrawn'));
        } catch (error) {
          showMouError(error);
        }
      }}
    />
  );
}

/** Deletes an undecided proposal (and its comments); the list of amendments takes focus after. */
function DeleteButton({ amendment, listPath }: { amendment: Amendment; listPath: string }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  return (
    <ConfirmButton
      label={t('mou.amendment.delete')}
      question={t('mou.amendment.deleteConfirm')}
      className="danger"
      onConfirm={async () => {
        try {
          await repositories.mou.deleteAmendment(amendment.id);
          showToast('info', t('mou.amendment.deleted'));
          void navigate(listPath);
        } catch (error) {
          showMouError(error);
        }
      }}
    />
  );
}

const DECISIONS: readonly AmendmentDecision[] = ['accept', 'reject', 'supersede'];

function DecisionForm({ amendment, conflict }: { amendment: Amendment; conflict: AmendmentConflict | null }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const blocked = conflict !== null && conflict.kind !== 'textChanged';
  const [decision, setDecision] = useState<AmendmentDecision>(blocked ? 'reject' : 'accept');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const [acknowledged, setAcknowledged] = useState(false);
  const [ackError, setAckError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [where, setWhere] = useState({ meetingId: '', sessionId: '' });
  const issues = useIssues();
  const formRef = useRef<HTMLFormElement>(null);
  const id = useId();
  const needsAck = decision === 'accept' && conflict?.kind === 'textChanged';

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateDecision(decision, reason, date, amendment.proposedOn);
    issues.setIssues(found);
    const missingAck = needsAck && !acknowledged;
    setAckError(missingAck);
    if (found.length > 0 || missingAck) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const decided = await repositories.mou.decideAmendment(amendment.id, {
        decision,
        reason,
        date,
        acknowledgeConflict: needsAck && acknowledged,
        meetingId: where.meetingId === '' ? null : where.meetingId,
        sessionId: where.sessionId === '' ? null : where.sessionId,
      });
      showToast('info', t('mou.amendment.decided', { status: t(`mou.amendment.statuses.${decided.status}`) }));
    } catch (error) {
      if (issues.absorb(error)) focusFirstInvalid(formRef.current);
      else showMouError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={t('mou.amendment.decisionLegend')} onSubmit={(event) => void submit(event)}>
      <fieldset className="field">
        <legend>{t('mou.amendment.decisionLegend')}</legend>
        {DECISIONS.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value={option}
              checked={decision === option}
              disabled={option === 'accept' && blocked}
              onChange={() => {
                setDecision(option);
              }}
            />
            {t(`mou.amendment.${option}`)}
          </label>
        ))}
      </fieldset>
      {needsAck && (
        <div className="field">
          <label className="choice">
            <input
              type="checkbox"
              checked={acknowledged}
              aria-invalid={ackError ? true : undefined}
              aria-describedby={ackError ? `${id}-ack-error` : undefined}
              onChange={(event) => {
                setAcknowledged(event.target.checked);
                if (event.target.checked) setAckError(false);
              }}
            />
            {t('mou.amendment.acknowledge')}
          </label>
          {ackError && (
            <p id={`${id}-ack-error`} className="field-error">
              {t('mou.amendment.acknowledgeRequired')}
            </p>
          )}
        </div>
      )}
      <TextField
        multiline
        label={t('mou.amendment.reason')}
        hint={t('mou.amendment.reasonHint')}
        rows={2}
        value={reason}
        error={issues.message('reason')}
        onChange={setReason}
      />
      <WherePicker
        meetingId={where.meetingId}
        sessionId={where.sessionId}
        onChange={(meetingId, sessionId) => setWhere({ meetingId, sessionId })}
        onDay={setDate}
      />
      <TextField type="date" label={t('mou.amendment.decisionDate')} value={date} error={issues.message('date')} onChange={setDate} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('mou.amendment.record')}
        </button>
      </div>
    </form>
  );
}

