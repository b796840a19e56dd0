/** The MoU drafts on this computer, read-only: title, status, parties and the articles in order. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Country, MouDocument } from '../../../shared/model';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';

export function MouPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const data = useLiveQuery(async () => {
    const [documents, countries] = await Promise.all([repositories.mou.listDocuments(), repositories.countries.list()]);
    return { documents, countries: new Map(countries.map((c) => [c.id, c])) };
  }, [repositories]);
  if (data === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page">
      <PageTitle>{t('mou.title')}</PageTitle>
      {data.documents.length === 0 ? (
        <div className="empty-state">
          <p>{t('mou.empty')}</p>
          <p className="hint">{t('mou.emptyHint')}</p>
        </div>
      ) : (
        data.documents.map((document) => (
          <MouDocumentView key={document.id} document={document} countries={data.countries} />
        ))
      )}
    </div>
  );
}

function MouDocumentView({ document, countries }: { document: MouDocument; countries: Map<string, Country> }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const articles = useLiveQuery(() => repositories.mou.listArticles(document.id), [repositories, document.id]);
  const language = currentLanguage();
  const parties = document.partyCountryIds
    .map((id) => countries.get(id))
    .filter((c): c is Country => c !== undefined)
    .map((c) => pick(c.name, language))
    .join(', ');
  const headingId = `mou-${document.id}`;
  return (
    <article className="mou-document" aria-labelledby={headingId}>
      <h2 id={headingId}>{pick(document.title, language)}</h2>
      <p className="hint">
        {t('mou.status', { status: t(`mouStatuses.${document.status}`) })} · {t('mou.parties', { parties })}
      </p>
      {articles === undefined ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <p className="hint">{t('mou.articleCount', { count: articles.length })}</p>
          {articles.map((article, index) => (
            <section key={article.id} className="mou-article">
              <h3>{t('mou.articleHeading', { number: index + 1, heading: pick(article.heading, language) })}</h3>
              <p className="article-body">{pick(article.body, language)}</p>
            </section>
          ))}
        </>
      )}
    </article>
  );
}
