/**
 * A frozen version, read-only: its facts, its articles as they were, links to compare it
 * and to the parties' positions on it. The secretariat can restore an article's text from
 * here, which makes it the current text again as a new change.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Article, FrozenArticle } from '../../../shared/model';
import type { ReportSpec } from '../../../shared/reports/spec';
import { shownBody, type BracketIndex } from '../../../shared/mou/brackets';
import { statusPermissions } from '../../../shared/mou/status';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { WhereDecidedFact } from './Brackets';
import { articleTitleFor } from './DocumentPage';
import { mouPaths } from './paths';
import { ExportPdfButton } from '../reports/ExportPdfButton';
import { reportLink } from '../reports/reportParams';
import {
  ArticleText,
  Bilingual,
  Breadcrumbs,
  ConfirmButton,
  Loading,
  NotFound,
  TextChoiceSelect,
  useMouSession,
  useShowMouError,
  useTextChoice,
} from './ui';
import { useDocumentData } from './useDocumentData';

/** Whether the article reads as frozen: a version holds open brackets as printed, so the article is compared as read. */
function sameText(frozen: FrozenArticle, article: Article, brackets: BracketIndex): boolean {
  return (
    frozen.heading.en === article.heading.en &&
    frozen.heading.ru === article.heading.ru &&
    frozen.body.en === shownBody(article, 'en', brackets) &&
    frozen.body.ru === shownBody(article, 'ru', brackets)
  );
}

export function VersionPage() {
  const { t } = useTranslation();
  const { documentId, number: numberParam } = useParams();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const showMouError = useShowMouError();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  const [choice] = useTextChoice();
  const meetings = useLiveQuery(() => repositories.meetings.list(), [repositories]);
  const language = currentLanguage();
  if (data === undefined || session === undefined) return <Loading />;
  const number = Number(numberParam);
  const version = data?.versions.find((candidate) => candidate.number === number);
  if (data === null || !version) return <NotFound />;
  const { document, articles, versions } = data;
  const current = new Map(articles.map((article) => [article.id, article]));
  const canRestore = session.may.editText && statusPermissions(document.status).editText;
  const previous = [...versions].reverse().find((candidate) => candidate.number < version.number);
  const meeting = version.meetingId === null ? undefined : meetings?.find((m) => m.id === version.meetingId);
  const title = t('mou.version.title', { number: version.number, label: version.label });
  // Parallel English and Russian on A4 is what goes on the negotiating table; "PDF options…" changes it.
  const pdfSpec: ReportSpec = {
    kind: 'mou',
    documentId: document.id,
    version: version.number,
    compareWith: null,
    annex: false,
    lineNumbers: false,
    language: 'en+ru',
    paper: 'a4',
  };

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, language), to: mouPaths.document(document.id) },
          { label: title },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      <p className="mou-subtitle">{pick(version.title, language)}</p>
      <dl className="mou-facts" aria-label={t('mou.version.facts')}>
        <div>
          <dt>{t('mou.version.date')}</dt>
          <dd>{formatDate(version.date, language)}</dd>
        </div>
        {meeting && (
          <div>
            <dt>{t('mou.version.meeting')}</dt>
            <dd>{pick(meeting.title, language)}</dd>
          </div>
        )}
        {version.sessionId && (
          <WhereDecidedFact
            label={t('mou.version.adoptedWhere')}
            kind="adopted"
            date={version.date}
            meetingId={version.meetingId}
            sessionId={version.sessionId}
            countries={session.countries}
          />
        )}
        <div>
          <dt>{t('mou.list.columns.articles')}</dt>
          <dd>{version.articles.length}</dd>
        </div>
      </dl>
      {version.note !== '' && <p className="notice">{version.note}</p>}
      <p className="hint">{t('mou.version.readOnly')}</p>

      {/* Version actions. The reports feature adds its "Export PDF" button to this group. */}
      <div className="page-actions" role="group" aria-label={t('mou.version.actions')}>
        <ExportPdfButton spec={pdfSpec} />
        <Link className="button-link" to={reportLink(pdfSpec)}>
          {t('reports.form.printOptions')}
        </Link>
        <Link className="button-link" to={mouPaths.positions(document.id, version.number)}>
          {t('mou.version.positions')}
        </Link>
        {previous && (
          <Link className="button-link" to={mouPaths.compare(document.id, previous.number, version.number)}>
            {t('mou.version.compareWithPrevious', { number: previous.number })}
          </Link>
        )}
        <Link className="button-link" to={mouPaths.compare(document.id, version.number, 'current')}>
          {t('mou.version.compareWithCurrent')}
        </Link>
      </div>

      <div className="toolbar">
        <TextChoiceSelect />
      </div>
      {version.articles.map((frozen, index) => {
        const now = current.get(frozen.articleId);
        const headingId = `version-article-${frozen.articleId}`;
        return (
          <section key={frozen.articleId} className="mou-article" aria-labelledby={headingId}>
            <h2 id={headingId}>{articleTitleFor(t, index + 1, frozen.heading, choice)}</h2>
            <Bilingual choice={choice} render={(textLanguage) => <ArticleText text={frozen.body[textLanguage]} lang={textLanguage} />} />
            <div className="article-actions">
              {now && sameText(frozen, now, data.bracketIndex) ? (
                <span className="hint">{t('mou.version.sameAsCurrent')}</span>
              ) : (
                <>
                  {!now && <span className="hint">{t('mou.version.deletedSince')}</span>}
                  {canRestore && (
                    <ConfirmButton
                      label={t('mou.version.restore')}
                      question={t('mou.version.restoreConfirm', { heading: pick(frozen.heading, language), number: version.number })}
                      onConfirm={async () => {
                        try {
                          await repositories.mou.restoreArticleText(version.id, frozen.articleId);
                          showToast('info', t('mou.version.restored', { number: version.number }));
                        } catch (error) {
                          showMouError(error);
                        }
                      }}
                    />
                  )}
                </>
              )}
            </div>
          </section>
        );
      })}
    </div>
  );
}
