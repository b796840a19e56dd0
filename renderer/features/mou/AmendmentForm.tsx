/**
 * Proposing an amendment to an article: replace its text, insert a new article after it,
 * or delete it, with a rationale. A delegation proposes in its own name; the secretariat
 * may record a proposal a delegation made at a meeting, naming that delegation.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AmendmentKind, Article, Bilingual } from '../../../shared/model';
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

function textFor(kind: AmendmentKind, article: Article): ArticleInput {
  return kind === 'replace'
    ? { heading: { ...article.heading }, body: { ...article.body } }
    : { heading: { en: '', ru: '' }, body: { en: '1. ', ru: '1. ' } };
}

export function AmendmentForm({
  documentId,
  article,
  parties,
  session,
  onDone,
}: {
  documentId: string;
  article: Article;
  /** Countries the secretariat may record a proposal for. */
  parties: string[];
  session: MouSession;
  onDone: (amendmentId: string | null) => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const language = currentLanguage();
  const [kind, setKind] = useState<AmendmentKind>('replace');
  const [text, setText] = useState<ArticleInput>(() => textFor('replace', article));
  const [rationale, setRationale] = useState<Bilingual>({ en: '', ru: '' });
  const [proposer, setProposer] = useState('');
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const id = useId();
  const draft = { kind, articleId: article.id, ...text, rationale };

  const check = (): MouIssue[] => {
    const found: MouIssue[] = validateAmendment(draft, { heading: article.heading, body: article.body });
    if (session.isSecretariat && proposer === '') found.push({ path: 'proposedByCountryId', code: 'proposerRequired' });
    return found;
  };

  const propose = async () => {
    const amendment = await repositories.mou.proposeAmendment(documentId, {
      ...draft,
      ...(session.isSecretariat ? { proposedByCountryId: proposer } : {}),
    });
    showToast('info', t('mou.amendment.proposed'));
    onDone(amendment.id);
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={t('mou.article.propose')} onSubmit={(event) => void submit(event, check, propose)}>
      <h2>{t('mou.article.propose')}</h2>
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
                setText(textFor(option.kind, article));
                issues.setIssues([]);
              }}
            />
            {t(`mou.amendment.${option.label}`)}
          </label>
        ))}
      </fieldset>
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
      {session.isSecretariat && (
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
      <SaveCancel busy={busy} saveLabel={t('mou.amendment.submit')} onCancel={() => onDone(null)} />
    </form>
  );
}
