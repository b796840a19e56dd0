/**
 * Compares two texts of an MoU (two versions, or a version and the current draft) in one
 * language: articles added, removed and moved, and word-level insertions and deletions in
 * each article. The texts and language live in the address (?from=1&to=2&lang=ru), so a
 * comparison can be reopened or linked; the comparison itself is shared/mou/compare.ts.
 */
import { shownBody } from '../../../shared/mou/brackets';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { FrozenArticle, MouVersion } from '../../../shared/model';
import { compareVersions, summarizeComparison, type ArticleComparison, type TextLanguage } from '../../../shared/mou/compare';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { DiffLegend, DiffText, Segments } from './DiffView';
import { mouPaths } from './paths';
import { Breadcrumbs, Loading, NotFound } from './ui';
import { useDocumentData, type DocumentData } from './useDocumentData';

type Side = number | 'current';

function parseSide(value: string | null): Side | null {
  if (value === 'current') return 'current';
  if (value === null || !/^\d+$/.test(value)) return null;
  return Number(value);
}

/** Defaults: the last two versions, or the last version and the current text. */
function defaults(versions: readonly MouVersion[]): { from: Side; to: Side } | null {
  const last = versions[versions.length - 1];
  const before = versions[versions.length - 2];
  if (!last) return null;
  return before ? { from: before.number, to: last.number } : { from: last.number, to: 'current' };
}

function articlesOf(data: DocumentData, side: Side): FrozenArticle[] | null {
  if (side === 'current') {
    // The current text as read: open brackets as "[a / b]", so a comparison shows them resolved.
    return data.articles.map((article) => ({
      articleId: article.id,
      heading: article.heading,
      body: { en: shownBody(article, 'en', data.bracketIndex), ru: shownBody(article, 'ru', data.bracketIndex) },
    }));
  }
  return data.versions.find((version) => version.number === side)?.articles ?? null;
}

export function ComparePage() {
  const { documentId } = useParams();
  const data = useDocumentData(documentId);
  if (data === undefined) return <Loading />;
  if (data === null) return <NotFound />;
  return <CompareView data={data} />;
}

function CompareView({ data }: { data: DocumentData }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const ids = { from: useId(), to: useId(), lang: useId(), only: useId() };
  const uiLanguage = currentLanguage();
  const { document, versions } = data;
  const fallback = defaults(versions);
  const from = parseSide(search.get('from')) ?? fallback?.from ?? null;
  const to = parseSide(search.get('to')) ?? fallback?.to ?? null;
  const langParam = search.get('lang');
  const language: TextLanguage = langParam === 'en' || langParam === 'ru' ? langParam : uiLanguage;
  // Local state, not the address: the box must tick at once, even while a long comparison renders.
  const [onlyChanged, setOnlyChanged] = useState(true);
  // `data` is a new object only when the stored text changed: compare once per change.
  const results = useMemo(() => {
    const older = from === null ? null : articlesOf(data, from);
    const newer = to === null ? null : articlesOf(data, to);
    return older && newer && from !== to ? compareVersions(older, newer, language) : null;
  }, [data, from, to, language]);

  const update = (key: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (from !== null && !next.has('from')) next.set('from', String(from));
    if (to !== null && !next.has('to')) next.set('to', String(to));
    if (value === null) next.delete(key);
    else next.set(key, value);
    setSearch(next, { replace: true });
  };

  const options = [
    ...versions.map((version) => ({
      value: String(version.number),
      label: t('mou.compare.versionOption', { number: version.number, label: version.label }),
    })),
    { value: 'current', label: t('mou.compare.current') },
  ];

  const summary = results ? summarizeComparison(results) : null;
  const shown = results?.filter((result) => !onlyChanged || result.status !== 'unchanged' || result.otherLanguageChanged) ?? [];

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, uiLanguage), to: mouPaths.document(document.id) },
          { label: t('mou.compare.title') },
        ]}
      />
      <PageTitle>{t('mou.compare.title')}</PageTitle>
      {fallback === null ? (
        <p className="notice">{t('mou.compare.needTwo')}</p>
      ) : (
        <>
          <div className="toolbar">
            <div className="field">
              <label htmlFor={ids.from}>{t('mou.compare.older')}</label>
              <select id={ids.from} value={String(from)} onChange={(event) => update('from', event.target.value)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.to}>{t('mou.compare.newer')}</label>
              <select id={ids.to} value={String(to)} onChange={(event) => update('to', event.target.value)}>
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.lang}>{t('mou.compare.language')}</label>
              <select id={ids.lang} value={language} onChange={(event) => update('lang', event.target.value)}>
                <option value="en">{t('mou.languageName.en')}</option>
                <option value="ru">{t('mou.languageName.ru')}</option>
              </select>
            </div>
            <label className="choice" htmlFor={ids.only}>
              <input
                id={ids.only}
                type="checkbox"
                checked={onlyChanged}
                onChange={(event) => {
                  setOnlyChanged(event.target.checked);
                }}
              />
              {t('mou.compare.onlyChanged')}
            </label>
          </div>
          {from === to ? (
            <p className="notice">{t('mou.compare.same')}</p>
          ) : !results || !summary ? (
            <NotFound />
          ) : (
            <section aria-label={t('mou.compare.results')} lang={language}>
              <p role="status">{t('mou.compare.summary', { ...summary })}</p>
              <DiffLegend />
              {shown.length === 0 && <p>{t('mou.compare.nothingChanged')}</p>}
              {shown.map((result) => (
                <ComparedArticle key={result.articleId} result={result} language={language} />
              ))}
            </section>
          )}
        </>
      )}
    </div>
  );
}

function ComparedArticle({ result, language }: { result: ArticleComparison; language: TextLanguage }) {
  const { t } = useTranslation();
  const headingId = `compare-${result.articleId}`;
  const number =
    result.oldNumber !== null && result.newNumber !== null && result.oldNumber !== result.newNumber
      ? t('mou.compare.numbers', { newNumber: result.newNumber, oldNumber: result.oldNumber, lng: language })
      : t('mou.articleNumber', { number: result.newNumber ?? result.oldNumber ?? 0, lng: language });
  const other: TextLanguage = language === 'en' ? 'ru' : 'en';
  return (
    <article className={`compare-article ${result.status}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {`${number}. `}
        <Segments segments={result.heading} />
      </h2>
      <p>
        <span className={`badge status-${result.status}`}>{t(`mou.compare.statuses.${result.status}`)}</span>
        {result.status === 'moved' && result.textChanged && (
          <>
            {' '}
            <span className="badge status-changed">{t('mou.compare.statuses.changed')}</span>
          </>
        )}
      </p>
      {!result.textChanged && result.otherLanguageChanged && (
        <p className="hint">{t('mou.compare.otherLanguageOnly', { language: t(`mou.language.${other}`) })}</p>
      )}
      <DiffText segments={result.body} lang={language} />
    </article>
  );
}
