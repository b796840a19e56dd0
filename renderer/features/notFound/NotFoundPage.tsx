/** Shown for a route that does not exist (e.g. a stale link). */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../app/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageTitle>{t('errors.notFound')}</PageTitle>
      <p>
        <Link to="/meetings">{t('errors.backHome')}</Link>
      </p>
    </div>
  );
}
