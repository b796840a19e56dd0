/**
 * One article with everything around it: its official text in both languages (with the
 * translation flag), the amendments proposed to it (and new articles proposed after it),
 * and the comments on it. Delegations propose amendments here; the secretariat edits the
 * text and confirms translations.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { shownBody } from '../../../shared/mou/brackets';
import { statusPermissions } from '../../../shared/mou/status';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { AmendmentForm } from './AmendmentForm';
import { BracketsSection } from './Brackets';
import { amendmentTitle } from './amendmentText';
import { ArticleEditor } from './ArticleEditor';
import { Comments } from './Comments';
import { articleTitle, RoleNotice } from './DocumentPage';
import { mouPaths } from './paths';
import {
  ArticleText,
  Bilingual,
  Breadcrumbs,
  countryName,
  Loading,
  NotFound,
  useMouSession,
  useShowMouError,
} from './ui';
import { useDocumentData } from './useDocumentData';

export function ArticlePage() {
  const { t } = useTranslation();
  const { documentId, articleId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  // Wrapped, so "loading" (undefined) differs from "no such article" ({ article: undefined }).
  const loaded = useLiveQuery(async () => ({ article: await repositories.mou.getArticle(articleId) }), [repositories, articleId]);
  const [editing, setEditing] = useState(false);
  const language = currentLanguage();
  if (data === undefined || session === undefined || loaded === undefined) return <Loading />;
  const stored = loaded.article;
  if (data === null || stored?.documentId !== data.document.id) return <NotFound />;

  const { document, articles, amendments } = data;
  const index = articles.findIndex((article) => article.id === articleId);
  const live = index >= 0 ? articles[index] : undefined;
  const article = live ?? stored;
  const number = index + 1;
  const permissions = statusPermissions(document.status);
  const canEdit = session.may.editText && permissions.editText && live !== undefined;
  const canPropose = permissions.propose && live !== undefined;
  const proposing = search.get('propose') === '1' && canPropose;
  const title = live ? articleTitle(t, number, article.heading, language) : pick(article.heading, language);
  const related = amendments.filter((amendment) => amendment.articleId === articleId);
  const setProposing = (on: boolean) => {
    const next = new URLSearchParams(search);
    if (on) next.set('propose', '1');
    else next.delete('propose');
    setSearch(next, { replace: true });
  };

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, language), to: mouPaths.document(document.id) },
          { label: live ? t('mou.articleNumber', { number }) : pick(article.heading, language) },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      <RoleNotice document={document} session={session} />
      {!live && <p className="notice danger">{t('mou.article.deletedNotice')}</p>}

      <section aria-labelledby="article-text">
        <h2 id="article-text">{t('mou.article.officialText')}</h2>
        {article.translationStale && (
          <p className="notice warning">
            {t('mou.article.stale', { language: t(`mou.language.${article.translationStale}`) })}{' '}
            {canEdit && (
              <button
                type="button"
                className="secondary small"
                onClick={() => {
                  repositories.mou
                    .confirmTranslation(article.id)
                    .then(() => {
                      showToast('info', t('mou.article.translationConfirmed'));
                    })
                    .catch(showMouError);
                }}
              >
                {t('mou.article.confirmTranslation', {
                  language: t(`mou.language.${article.translationStale}`),
                })}
              </button>
            )}
          </p>
        )}
        {editing ? (
          <ArticleEditor
            title={title}
            initial={{ heading: article.heading, body: article.body }}
            submitLabel={t('mou.editor.save')}
            onCancel={() => setEditing(false)}
            onSave={async (input) => {
              await repositories.mou.updateArticle(article.id, input);
              showToast('info', t('mou.article.saved'));
              setEditing(false);
            }}
          />
        ) : (
          <Bilingual
            choice="both"
            render={(textLanguage) => (
              <>
                <h3 lang={textLanguage}>{pick(article.heading, textLanguage)}</h3>
                <ArticleText text={shownBody(article, textLanguage, data.bracketIndex)} lang={textLanguage} />
              </>
            )}
          />
        )}
        <div className="article-actions">
          {canEdit && !editing && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t('mou.article.edit')}
            </button>
          )}
          {canPropose && !proposing && (
            <button type="button" onClick={() => setProposing(true)}>
              {t('mou.article.propose')}
            </button>
          )}
        </div>
      </section>

      <BracketsSection data={data} article={article} session={session} />

      {proposing && (
        <AmendmentForm
          documentId={document.id}
          target={{ article: live }}
          parties={[...new Set([...document.partyCountryIds, ...[...session.countries.values()].filter((c) => c.membership === 'observer').map((c) => c.id)])]}
          session={session}
          brackets={data.bracketIndex}
          onDone={(amendmentId) => {
            setProposing(false);
            if (amendmentId !== null) void navigate(mouPaths.amendment(document.id, amendmentId));
          }}
        />
      )}

      <section aria-labelledby="article-amendments">
        <h2 id="article-amendments">{t('mou.article.amendmentsHeading')}</h2>
        {related.length === 0 ? (
          <p>{t('mou.article.noAmendments')}</p>
        ) : (
          <ul className="amendment-cards">
            {related.map((amendment) => (
              <li key={amendment.id}>
                <p>
                  <Link to={mouPaths.amendment(document.id, amendment.id)}>{amendmentTitle(t, amendment, articles, language)}</Link>{' '}
                  <span className={`badge amendment-${amendment.status}`}>{t(`mou.amendment.statuses.${amendment.status}`)}</span>
                </p>
                <p className="hint">
                  {`${t('mou.amendment.proposedBy')}: ${
                    amendment.proposedByCountryId
                      ? countryName(session.countries, amendment.proposedByCountryId, language)
                      : t('mou.amendment.secretariat')
                  } · ${formatDate(amendment.proposedOn, language)}`}
                </p>
                <p>{pick(amendment.rationale, language)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Comments targetKind="article" targetId={article.id} heading={t('mou.article.commentsHeading')} />
    </div>
  );
}
