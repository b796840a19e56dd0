/**
 * One MoU: its status and parties, the official text article by article (in one language
 * or both side by side), and its versions. The secretariat edits the text here (edit,
 * insert, move up/down, delete: numbers follow the order), changes the status and freezes
 * versions; a delegation reads the text and goes to an article to propose or comment.
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TFunction } from 'i18next';
import { mouStatuses, type Article, type Bilingual, type MouDocument } from '../../../shared/model';
import type { TextLanguage } from '../../../shared/mou/compare';
import { statusPermissions } from '../../../shared/mou/status';
import { proposerChoices } from '../../../shared/sync/screenOffers';
import type { ReportSpec } from '../../../shared/reports/spec';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useLiveQuery } from 'dexie-react-hooks';
import { useToasts } from '../../stores/toasts';
import { ArticleEditor } from './ArticleEditor';
import { DocumentForm } from './DocumentForm';
import { FreezeVersionForm } from './FreezeVersionForm';
import { mouPaths } from './paths';
import { ExportPdfButton } from '../reports/ExportPdfButton';
import { reportLink } from '../reports/reportParams';
import { StatusControl } from './StatusControl';
import {
  ArticleText,
  Bilingual as BilingualColumns,
  Breadcrumbs,
  ConfirmButton,
  countryName,
  Loading,
  NotFound,
  TextChoiceSelect,
  useMouSession,
  useShowMouError,
  useTextChoice,
  type MouSession,
  type TextChoice,
} from './ui';
import { countsByArticle, useDocumentData } from './useDocumentData';
import { joinIsolated } from '../../../shared/bidi';
import { countOpenBrackets, openBracketsByArticle, shownBody } from '../../../shared/mou/brackets';

/** "Article 3. Observers" in the text's language (not necessarily the UI's). */
export function articleTitle(t: TFunction, number: number, heading: Bilingual, language: TextLanguage): string {
  return t('mou.articleHeading', { number, heading: pick(heading, language), lng: language });
}

/** The heading line for the chosen text language(s). */
export function articleTitleFor(t: TFunction, number: number, heading: Bilingual, choice: TextChoice): string {
  if (choice !== 'both') return articleTitle(t, number, heading, choice);
  return `${articleTitle(t, number, heading, 'en')} / ${articleTitle(t, number, heading, 'ru')}`;
}

type Editing = { mode: 'edit'; articleId: string } | { mode: 'insert'; afterArticleId: string | null } | null;

type ArticleAction = 'edit' | 'insert' | 'up' | 'down';

interface CardProps {
  article: Article;
  number: number;
  total: number;
  choice: TextChoice;
  canEdit: boolean;
  /** A delegation gets a direct way to propose an amendment to the article. */
  canPropose: boolean;
  open: number;
  comments: number;
  /** The body as read, open brackets as "[a / b]". */
  shown: { en: string; ru: string };
  openBrackets: number;
  changedBy: string | null;
  onAction: (action: ArticleAction, articleId: string) => void;
  onDelete: (articleId: string) => Promise<void>;
}

const ArticleCard = memo(
  function ArticleCard({ article, number, total, choice, canEdit, canPropose, open, comments, shown, openBrackets, changedBy, onAction, onDelete }: CardProps) {
    const { t } = useTranslation();
    const { documentId = '' } = useParams();
    const headingId = `article-${article.id}`;
    const title = articleTitleFor(t, number, article.heading, choice);
    return (
      <section className="mou-article" aria-labelledby={headingId}>
        <h3 id={headingId}>{title}</h3>
        <div className="badges">
          {article.translationStale && (
            <span className="badge stale">
              {t('mou.article.stale', { language: t(`mou.language.${article.translationStale}`) })}
            </span>
          )}
          {changedBy && <span className="badge amended">{changedBy}</span>}
          {open > 0 && <span className="badge open">{t('mou.article.openAmendments', { count: open })}</span>}
          {comments > 0 && <span className="badge">{t('mou.article.comments', { count: comments })}</span>}
          {openBrackets > 0 && <span className="badge open">{t('mou.brackets.open', { count: openBrackets })}</span>}
        </div>
        <BilingualColumns choice={choice} render={(language) => <ArticleText text={shown[language]} lang={language} />} />
        <div className="article-actions" role="group" aria-label={t('mou.article.actions', { number })}>
          <Link className="button-link small" to={mouPaths.article(documentId, article.id)}>
            {t('mou.article.open')}
          </Link>
          {canPropose && (
            <Link className="button-link small" to={`${mouPaths.article(documentId, article.id)}?propose=1`}>
              {t('mou.article.propose')}
            </Link>
          )}
          {canEdit && (
            <>
              <button
                type="button"
                className="secondary small"
                aria-label={t('common.actionOn', { action: t('mou.article.edit'), target: title })}
                onClick={() => onAction('edit', article.id)}
              >
                {t('mou.article.edit')}
              </button>
              <button
                type="button"
                id={`move-up-${article.id}`}
                className="secondary small"
                disabled={number === 1}
                aria-label={t('common.actionOn', { action: t('mou.article.moveUp'), target: title })}
                onClick={() => onAction('up', article.id)}
              >
                {t('mou.article.moveUp')}
              </button>
              <button
                type="button"
                id={`move-down-${article.id}`}
                className="secondary small"
                disabled={number === total}
                aria-label={t('common.actionOn', { action: t('mou.article.moveDown'), target: title })}
                onClick={() => onAction('down', article.id)}
              >
                {t('mou.article.moveDown')}
              </button>
              <button
                type="button"
                className="secondary small"
                aria-label={t('common.actionOn', { action: t('mou.article.insertAfter'), target: title })}
                onClick={() => onAction('insert', article.id)}
              >
                {t('mou.article.insertAfter')}
              </button>
              <ConfirmButton
                label={t('mou.article.delete')}
                ariaLabel={t('common.actionOn', { action: t('mou.article.delete'), target: title })}
                question={t('mou.article.deleteConfirm', { number, heading: pick(article.heading, currentLanguage()) })}
                onConfirm={() => onDelete(article.id)}
              />
            </>
          )}
        </div>
      </section>
    );
  },
  // Query results are new objects each time: re-render only when what is shown changed.
  (a, b) =>
    a.article.hlc === b.article.hlc &&
    a.number === b.number &&
    a.total === b.total &&
    a.choice === b.choice &&
    a.canEdit === b.canEdit &&
    a.canPropose === b.canPropose &&
    a.open === b.open &&
    a.comments === b.comments &&
    a.shown.en === b.shown.en &&
    a.shown.ru === b.shown.ru &&
    a.openBrackets === b.openBrackets &&
    a.changedBy === b.changedBy &&
    a.onAction === b.onAction &&
    a.onDelete === b.onDelete,
);

export function DocumentPage() {
  const { documentId } = useParams();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  if (data === undefined || session === undefined) return <Loading />;
  if (data === null) return <NotFound />;
  return <DocumentView key={data.document.id} data={data} session={session} />;
}

function DocumentView({ data, session }: { data: NonNullable<ReturnType<typeof useDocumentData>>; session: MouSession }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const language = currentLanguage();
  const [choice] = useTextChoice();
  const { document, articles, versions, amendments } = data;
  const permissions = statusPermissions(document.status);
  const canEdit = session.may.editText && permissions.editText;
  const [editing, setEditing] = useState<Editing>(null);
  const [panel, setPanel] = useState<'freeze' | 'details' | null>(null);
  // The move button to focus once the moved article is re-rendered in its new place.
  const focusAfter = useRef<string | null>(null);
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);

  // Handlers read the latest articles through a ref, so they stay stable for memoized cards.
  const articlesRef = useRef(articles);
  useEffect(() => {
    articlesRef.current = articles;
    const target = focusAfter.current;
    if (target === null) return;
    focusAfter.current = null;
    // Keep the keyboard on the moved article: on the same button, or on the other one
    // when the article reached the top or the bottom and this one became disabled.
    const element = globalThis.document.getElementById(target);
    const other = globalThis.document.getElementById(
      target.startsWith('move-up-') ? target.replace('move-up-', 'move-down-') : target.replace('move-down-', 'move-up-'),
    );
    if (element instanceof HTMLButtonElement && !element.disabled) element.focus();
    else other?.focus();
  }, [articles]);

  const onAction = useCallback(
    (action: ArticleAction, articleId: string) => {
      const list = articlesRef.current;
      const index = list.findIndex((article) => article.id === articleId);
      switch (action) {
        case 'edit':
          setEditing({ mode: 'edit', articleId });
          return;
        case 'insert':
          setEditing({ mode: 'insert', afterArticleId: articleId });
          return;
        case 'up':
        case 'down': {
          const to = action === 'up' ? index - 1 : index + 1;
          repositories.mou
            .moveArticle(articleId, to)
            .then(() => {
              showToast('info', t('mou.article.moved', { number: to + 1 }));
              focusAfter.current = `move-${action}-${articleId}`;
            })
            .catch(showMouError);
          return;
        }
      }
    },
    [repositories, showToast, showMouError, t],
  );

  const onDelete = useCallback(
    async (articleId: string) => {
      try {
        await repositories.mou.deleteArticle(articleId);
        showToast('info', t('mou.article.deleted'));
      } catch (error) {
        showMouError(error);
      }
    },
    [repositories, showToast, showMouError, t],
  );

  const counts = countsByArticle(data);
  const openBrackets = openBracketsByArticle(data.brackets);
  const openBracketTotal = countOpenBrackets(data.brackets, articles.map((article) => article.id));
  const latestVersion = versions.at(-1);
  const amendmentById = new Map(amendments.map((amendment) => [amendment.id, amendment]));
  const changedByLabel = (article: Article): string | null => {
    if (article.changedByAmendmentId === null) return null;
    const amendment = amendmentById.get(article.changedByAmendmentId);
    if (!amendment) return null;
    return t('mou.article.changedBy', {
      country: amendment.proposedByCountryId
        ? countryName(session.countries, amendment.proposedByCountryId, language)
        : t('mou.amendment.secretariat'),
      date: formatDate(amendment.proposedOn, language),
    });
  };
  const openCount = amendments.filter((amendment) => amendment.status === 'proposed').length;
  // The current working text, English and Russian in parallel, A4; "PDF options…" changes it.
  const pdfSpec: ReportSpec = {
    kind: 'mou',
    documentId: document.id,
    version: null,
    compareWith: null,
    annex: false,
    lineNumbers: false,
    language: 'en+ru',
    paper: 'a4',
  };
  const otherLanguage: TextLanguage = language === 'en' ? 'ru' : 'en';
  const since = document.statusDates[document.status];
  const meetingTitle = (id: string | null) => {
    const meeting = id === null ? undefined : meetings?.find((m) => m.id === id);
    return meeting ? pick(meeting.title, language) : '';
  };

  const insertEditor = (afterArticleId: string | null) => {
    const index = afterArticleId === null ? 0 : articles.findIndex((article) => article.id === afterArticleId) + 1;
    return (
      <ArticleEditor
        key={`insert-${afterArticleId ?? 'start'}`}
        title={t('mou.articleNumber', { number: index + 1 })}
        initial={{ heading: { en: '', ru: '' }, body: { en: '1. ', ru: '1. ' } }}
        submitLabel={t('mou.editor.add')}
        onCancel={() => setEditing(null)}
        onSave={async (input) => {
          await repositories.mou.addArticle(document.id, input, { afterArticleId });
          showToast('info', t('mou.article.added', { number: index + 1 }));
          setEditing(null);
        }}
      />
    );
  };

  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('mou.title'), to: mouPaths.list() }, { label: pick(document.title, language) }]} />
      <PageTitle>{pick(document.title, language)}</PageTitle>
      {document.title[otherLanguage].trim() !== '' && (
        <p className="mou-subtitle" lang={otherLanguage}>
          {document.title[otherLanguage]}
        </p>
      )}
      <dl className="mou-facts">
        <div>
          <dt>{t('mou.list.columns.status')}</dt>
          <dd>
            {since
              ? t('mou.document.statusSince', { status: t(`mouStatuses.${document.status}`), date: formatDate(since, language) })
              : t(`mouStatuses.${document.status}`)}
          </dd>
        </div>
        {Object.keys(document.statusDates).length > 1 && (
          <div>
            <dt>{t('mou.document.statusHistory')}</dt>
            <dd>
              {mouStatuses
                .flatMap((status) => {
                  const date = document.statusDates[status];
                  return date ? [`${t(`mouStatuses.${status}`)} ${formatDate(date, language)}`] : [];
                })
                .join(' → ')}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('mou.list.columns.parties')}</dt>
          <dd>{joinIsolated(document.partyCountryIds.map((id) => countryName(session.countries, id, language)), ', ')}</dd>
        </div>
        <div>
          <dt>{t('mou.list.columns.articles')}</dt>
          <dd>{articles.length}</dd>
        </div>
        <div>
          <dt>{t('mou.brackets.openFacts')}</dt>
          <dd>{openBracketTotal === 0 ? t('mou.brackets.cleanText') : t('mou.brackets.open', { count: openBracketTotal })}</dd>
        </div>
      </dl>
      <RoleNotice document={document} session={session} />

      {/* Document actions. The reports feature adds its "Export PDF" button to this group. */}
      <div className="page-actions" role="group" aria-label={t('mou.document.actions')}>
        <ExportPdfButton spec={pdfSpec} />
        <Link className="button-link" to={reportLink(pdfSpec)}>
          {t('reports.form.printOptions')}
        </Link>
        <Link className="button-link" to={mouPaths.amendments(document.id)}>
          {t('mou.document.amendments', { open: openCount })}
        </Link>
        <Link className="button-link" to={mouPaths.compare(document.id)}>
          {t('mou.document.compare')}
        </Link>
        {latestVersion && (
          <Link className="button-link" to={mouPaths.positions(document.id, latestVersion.number)}>
            {t('mou.brackets.toPositions')}
          </Link>
        )}
        {session.may.freezeVersions && (
          <button type="button" className="secondary" onClick={() => setPanel(panel === 'freeze' ? null : 'freeze')}>
            {t('mou.document.freeze')}
          </button>
        )}
        {canEdit && (
          <button type="button" className="secondary" onClick={() => setPanel(panel === 'details' ? null : 'details')}>
            {t('mou.document.edit')}
          </button>
        )}
      </div>
      {session.may.manageDocuments && <StatusControl document={document} />}
      {panel === 'freeze' && (
        <FreezeVersionForm
          documentId={document.id}
          takenLabels={versions.map((version) => version.label)}
          onDone={() => setPanel(null)}
        />
      )}
      {panel === 'details' && (
        <DocumentForm
          title={t('mou.documentForm.editTitle')}
          initial={{ title: document.title, partyCountryIds: document.partyCountryIds }}
          countries={[...session.countries.values()]}
          submitLabel={t('common.save')}
          onCancel={() => setPanel(null)}
          onSave={async (input) => {
            await repositories.mou.updateDocument(document.id, input);
            showToast('info', t('mou.documentForm.saved'));
            setPanel(null);
          }}
        />
      )}

      <h2>{t('mou.document.articles')}</h2>
      <div className="toolbar">
        <TextChoiceSelect />
      </div>
      {articles.length === 0 && <p>{t('mou.document.noArticles')}</p>}
      {articles.map((article, index) => (
        <div key={article.id}>
          {editing?.mode === 'edit' && editing.articleId === article.id ? (
            <ArticleEditor
              title={articleTitle(t, index + 1, article.heading, language)}
              initial={{ heading: article.heading, body: article.body }}
              submitLabel={t('mou.editor.save')}
              onCancel={() => setEditing(null)}
              onSave={async (input) => {
                await repositories.mou.updateArticle(article.id, input);
                showToast('info', t('mou.article.saved'));
                setEditing(null);
              }}
            />
          ) : (
            <ArticleCard
              article={article}
              number={index + 1}
              total={articles.length}
              choice={choice}
              canEdit={canEdit}
              canPropose={!session.may.editText && permissions.propose && proposerChoices(session.installation, document.partyCountryIds).length > 0}
              open={counts.get(article.id)?.open ?? 0}
              comments={counts.get(article.id)?.comments ?? 0}
              shown={{ en: shownBody(article, 'en', data.bracketIndex), ru: shownBody(article, 'ru', data.bracketIndex) }}
              openBrackets={openBrackets.get(article.id) ?? 0}
              changedBy={changedByLabel(article)}
              onAction={onAction}
              onDelete={onDelete}
            />
          )}
          {editing?.mode === 'insert' && editing.afterArticleId === article.id && insertEditor(article.id)}
        </div>
      ))}
      {canEdit &&
        (editing?.mode === 'insert' && editing.afterArticleId === null ? (
          insertEditor(null)
        ) : (
          <div className="actions">
            <button
              type="button"
              onClick={() => setEditing({ mode: 'insert', afterArticleId: articles[articles.length - 1]?.id ?? null })}
            >
              {t('mou.document.addArticle')}
            </button>
          </div>
        ))}

      <section aria-labelledby="mou-versions">
        <h2 id="mou-versions">{t('mou.document.versions')}</h2>
        {versions.length === 0 ? (
          <p>{t('mou.document.noVersions')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('mou.version.columns.number')}
                </th>
                <th scope="col">{t('mou.version.columns.label')}</th>
                <th scope="col">{t('mou.version.columns.date')}</th>
                <th scope="col">{t('mou.version.columns.meeting')}</th>
                <th scope="col" className="number">
                  {t('mou.version.columns.articles')}
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((version) => (
                <tr key={version.id}>
                  <td className="number">{version.number}</td>
                  <th scope="row">
                    <Link to={mouPaths.version(document.id, version.number)}>{version.label}</Link>
                  </th>
                  <td>{formatDate(version.date, language)}</td>
                  <td>{meetingTitle(version.meetingId)}</td>
                  <td className="number">{version.articles.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

/** What this installation may do with the text, said once at the top. */
export function RoleNotice({ document, session }: { document: MouDocument; session: MouSession }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (document.status === 'signed') return <p className="notice">{t('mou.roleNotice.signed')}</p>;
  return (
    <>
      {session.installation.countryId !== null && !session.may.editText && (
        <p className="notice">
          {t('mou.roleNotice.delegation', { country: countryName(session.countries, session.installation.countryId, language) })}
        </p>
      )}
      {document.status === 'agreed' && <p className="notice warning">{t('mou.roleNotice.agreed')}</p>}
    </>
  );
}
