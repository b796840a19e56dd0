/** Every amendment to one MoU, newest first, filtered by status (open proposals first of all). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { amendmentStatuses, type AmendmentStatus } from '../../../shared/model';
import { formatDate, pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { amendmentTitle } from './amendmentText';
import { mouPaths } from './paths';
import { Breadcrumbs, countryName, Loading, NotFound, useMouSession } from './ui';
import { useDocumentData } from './useDocumentData';

export function AmendmentsPage() {
  const { t } = useTranslation();
  const { documentId } = useParams();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  const [filter, setFilter] = useState<AmendmentStatus | 'all'>('proposed');
  const filterId = useId();
  const language = currentLanguage();
  if (data === undefined || session === undefined) return <Loading />;
  if (data === null) return <NotFound />;
  const { document, articles, amendments } = data;
  const shown = filter === 'all' ? amendments : amendments.filter((amendment) => amendment.status === filter);

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, language), to: mouPaths.document(document.id) },
          { label: t('mou.amendment.listTitle') },
        ]}
      />
      <PageTitle>{t('mou.amendment.listTitle')}</PageTitle>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={filterId}>{t('mou.amendment.filter')}</label>
          <select
            id={filterId}
            value={filter}
            onChange={(event) => {
              const value = event.target.value;
              setFilter(value === 'all' ? 'all' : (amendmentStatuses.find((status) => status === value) ?? 'proposed'));
            }}
          >
            {amendmentStatuses.map((status) => (
              <option key={status} value={status}>
                {`${t(`mou.amendment.statuses.${status}`)} (${String(amendments.filter((a) => a.status === status).length)})`}
              </option>
            ))}
            <option value="all">{`${t('mou.amendment.filterAll')} (${String(amendments.length)})`}</option>
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p>{t('mou.amendment.none')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('mou.amendment.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mou.amendment.columns.article')}</th>
              <th scope="col">{t('mou.amendment.columns.kind')}</th>
              <th scope="col">{t('mou.amendment.columns.proposer')}</th>
              <th scope="col">{t('mou.amendment.columns.date')}</th>
              <th scope="col">{t('mou.amendment.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((amendment) => (
              <tr key={amendment.id}>
                <th scope="row">
                  <Link to={mouPaths.amendment(document.id, amendment.id)}>{amendmentTitle(t, amendment, articles, language)}</Link>
                </th>
                <td>{t(`mou.amendment.kinds.${amendment.kind}`)}</td>
                <td>
                  {amendment.proposedByCountryId
                    ? countryName(session.countries, amendment.proposedByCountryId, language)
                    : t('mou.amendment.secretariat')}
                </td>
                <td>{formatDate(amendment.proposedOn, language)}</td>
                <td>
                  <span className={`badge amendment-${amendment.status}`}>{t(`mou.amendment.statuses.${amendment.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
