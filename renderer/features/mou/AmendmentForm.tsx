/**
 * Proposing an amendment to an article: replace its text, insert a new article after it,
 * or delete it, with a rationale; and editing an open proposal's text and rationale. A
 * delegation proposes in its own name; the secretariat may record a proposal a delegation
 * made at a meeting, naming that delegation (who may choose: shared/sync/screenOffers.ts).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Amendment, AmendmentKind, Article, Bilingual } from '../../../shared/model';
import { notationForEditing, type BracketIndex, type BracketWithAlternatives } from '../../../shared/mou/brackets';
import { choosesProposer } from '../../../shared/sync/screenOffers';
import { validateAmendment, type ArticleInput, type MouIssue } from '../../../shared/mou/validation';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { useRepositories } from '../../app/RepositoriesContext';
import { SelectField, TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
import { ArticleFields } from './ArticleEditor';
import { SaveCancel, useCheckedSubmit, type MouSession } from './ui';

const KINDS: readonly { kind: AmendmentKind; label: 'kindReplace' | 'kindInsert' | 'kindDelete' }[] = [
  { kind: 'replace', label: 'kindReplace' },
  { kind: 'insert-after', label: 'kindInsert' },
  { kind: 'delete', label: 'kindDelete' },
];

/** What a proposal of `kind` starts from: a replacement from the article as read (its open brackets in notation). */
function textFor(kind: AmendmentKind, article: Article, brackets: BracketIndex): ArticleInput {
  return kind === 'replace'
    ? { heading: { ...article.heading }, body: notationForEditing(article.body, brackets.get(article.id) ?? new Map()) }
    : { heading: { en: '', ru: '' }, body: { en: '1. ', ru: '1. ' } };
}

/** A new proposal on `article`, or an edit of an open proposal (`amendment`, made against `base`). */
export type AmendmentFormTarget = { article: Article; amendment?: undefined } | { amendment: Amendment; base: ArticleInput | null };

export function AmendmentForm({
  documentId,
  target,
  parties,
  session,
  brackets,
  onDone,
}: {
  documentId: string;
  target: AmendmentFormTarget;
  /** The document's brackets: a replacement is typed with the article's open brackets in notation, as printed. */
  brackets: BracketIndex;
  /** Countries the secretariat may record a proposal for. */
  parties: string[];
  session: MouSession;
  onDone: (amendmentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const editing = target.amendment;
  const [kind, setKind] = useState<AmendmentKind>(editing?.kind ?? 'replace');
  // The article whose brackets a replacement keeps (an insertion's anchor lends it none).
  const bracketArticleId = target.amendment ? (target.amendment.kind === 'replace' ? target.amendment.articleId : null) : target.article.id;
  const bracketsOf: ReadonlyMap<number, BracketWithAlternatives> = (bracketArticleId === null ? undefined : brackets.get(bracketArticleId)) ?? new Map();
  const [text, setText] = useState<ArticleInput>(() =>
    target.amendment
      ? { heading: { ...target.amendment.heading }, body: notationForEditing(target.amendment.body, bracketsOf) }
      : textFor('replace', target.article, brackets),
  );
  const [rationale, setRationale] = useState<Bilingual>(() => (editing ? { ...editing.rationale } : { en: '', ru: '' }));
  const [proposer, setProposer] = useState('');
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const id = useId();
  const draft = { kind, articleId: target.amendment ? target.amendment.articleId : target.article.id, ...text, rationale };
  // Only a new proposal asks in whose name, and only where this installation may choose.
  const asksProposer = editing === undefined && choosesProposer(session.installation, parties);
  const title = editing ? t('mou.amendment.editTitle') : t('mou.article.propose');
  // An edit opens in place of its button: the keyboard starts in the form's first field.
  const focusOnOpen = useRef(editing !== undefined);
  useEffect(() => {
    if (!focusOnOpen.current) return;
    focusOnOpen.current = false;
    formRef.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [formRef]);

  const check = (): MouIssue[] => {
    const typedBase = target.amendment ? target.base : target.article;
    // Compared as typed: open brackets in notation on both sides.
    const base = typedBase && { heading: typedBase.heading, body: notationForEditing(typedBase.body, bracketsOf) };
    const found: MouIssue[] = validateAmendment(draft, base);
    if (asksProposer && proposer === '') found.push({ path: 'proposedByCountryId', code: 'proposerRequired' });
    return found;
  };

  const save = async () => {
    if (editing) {
      await repositories.mou.updateAmendment(editing.id, { heading: text.heading, body: text.body, rationale });
      showToast('info', t('mou.amendment.edited'));
      onDone(editing.id);
      return;
    }
    const amendment = await repositories.mou.proposeAmendment(documentId, {
      ...draft,
      ...(asksProposer ? { proposedByCountryId: proposer } : {}),
    });
    showToast('info', t('mou.amendment.proposed'));
    onDone(amendment.id);
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={title} onSubmit={(event) => void submit(event, check, save)}>
      <h2>{title}</h2>
      {target.amendment === undefined && (
        <fieldset className="field">
          <legend>{t('mou.amendment.kindLegend')}</legend>
          {KINDS.map((option) => (
            <label key={option.kind} className="choice">
              <input
                type="radio"
                name={`${id}-kind`}
                value={option.kind}
                checked={kind === option.kind}
                onChange={() => {
                  setKind(option.kind);
                  setText(textFor(option.kind, target.article, brackets));
                  issues.setIssues([]);
                }}
              />
              {t(`mou.amendment.${option.label}`)}
            </label>
          ))}
        </fieldset>
      )}
      {kind === 'delete' ? (
        <p className="notice warning">{t('mou.amendment.deleteText')}</p>
      ) : (
        <ArticleFields value={text} onChange={setText} errorFor={issues.message} />
      )}
      <div className="editor-grid">
        <TextField
          multiline
          label={t('mou.amendment.rationaleEn')}
          lang="en"
          rows={3}
          value={rationale.en}
          hint={t('mou.amendment.rationaleHint')}
          error={issues.message('rationale.en')}
          onChange={(en) => {
            setRationale({ ...rationale, en });
          }}
        />
        <TextField
          multiline
          label={t('mou.amendment.rationaleRu')}
          lang="ru"
          rows={3}
          value={rationale.ru}
          onChange={(ru) => {
            setRationale({ ...rationale, ru });
          }}
        />
      </div>
      {asksProposer && (
        <SelectField
          label={t('mou.amendment.proposerLegend')}
          value={proposer}
          error={issues.message('proposedByCountryId')}
          onChange={setProposer}
        >
          <option value="">{t('mou.amendment.chooseCountry')}</option>
          {parties.map((countryId) => {
            const country = session.countries.get(countryId);
            return (
              <option key={countryId} value={countryId}>
                {country ? pick(country.name, language) : countryId}
              </option>
            );
          })}
        </SelectField>
      )}
      <SaveCancel busy={busy} saveLabel={editing ? t('mou.amendment.saveEdit') : t('mou.amendment.submit')} onCancel={() => onDone(null)} />
    </form>
  );
}
