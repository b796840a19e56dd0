/** The MoU drafts on this computer: title, status, parties, size and open proposals; the secretariat starts new ones here. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { useToasts } from '../../stores/toasts';
import { DocumentForm } from './DocumentForm';
import { mouPaths } from './paths';
import { countryName, Loading, useMouSession } from './ui';
import { joinIsolated } from '../../../shared/bidi';

export function MouPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const session = useMouSession();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const [creating, setCreating] = useState(false);
  const language = currentLanguage();
  const rows = useLiveQuery(async () => {
    const documents = await repositories.mou.listDocuments();
    return Promise.all(
      documents.map(async (document) => {
        const [articles, amendments] = await Promise.all([
          repositories.mou.countArticles(document.id),
          repositories.mou.listAmendments(document.id),
        ]);
        return { document, articles, open: amendments.filter((a) => a.status === 'proposed').length };
      }),
    );
  }, [repositories]);
  if (rows === undefined || session === undefined) return <Loading />;
  const countries = [...session.countries.values()];

  return (
    <div className="page">
      <PageTitle>{t('mou.title')}</PageTitle>
      {session.may.manageDocuments && !creating && (
        <div className="page-actions">
          <button type="button" onClick={() => setCreating(true)}>
            {t('mou.list.newDocument')}
          </button>
        </div>
      )}
      {creating && (
        <DocumentForm
          title={t('mou.documentForm.createTitle')}
          initial={{
            title: { en: '', ru: '' },
            partyCountryIds: countries.filter((c) => c.membership === 'member').map((c) => c.id),
          }}
          countries={countries}
          submitLabel={t('mou.documentForm.create')}
          onCancel={() => setCreating(false)}
          onSave={async (input) => {
            const document = await repositories.mou.createDocument(input);
            showToast('info', t('mou.documentForm.created'));
            setCreating(false);
            void navigate(mouPaths.document(document.id));
          }}
        />
      )}
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t('mou.empty')}</p>
          <p className="hint">{session.may.manageDocuments ? t('mou.emptyHintSecretariat') : t('mou.emptyHint')}</p>
        </div>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('mou.list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mou.list.columns.title')}</th>
              <th scope="col">{t('mou.list.columns.status')}</th>
              <th scope="col">{t('mou.list.columns.parties')}</th>
              <th scope="col" className="number">
                {t('mou.list.columns.articles')}
              </th>
              <th scope="col" className="number">
                {t('mou.list.columns.open')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ document, articles, open }) => {
              const since = document.statusDates[document.status];
              return (
                <tr key={document.id}>
                  <th scope="row">
                    <Link to={mouPaths.document(document.id)}>{pick(document.title, language)}</Link>
                  </th>
                  <td>
                    {since
                      ? t('mou.document.statusSince', { status: t(`mouStatuses.${document.status}`), date: formatDate(since, language) })
                      : t(`mouStatuses.${document.status}`)}
                  </td>
                  <td>{joinIsolated(document.partyCountryIds.map((id) => countryName(session.countries, id, language)), ', ')}</td>
                  <td className="number">{articles}</td>
                  <td className="number">{open}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
