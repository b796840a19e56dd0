/**
 * Likely duplicates across the registry: pairs with the same e-mail, the same name in
 * either script, or nearly the same name, strongest evidence first. Each pair opens the
 * merge preview, or is set aside as two different people. Every name, organization and
 * e-mail is user text from any installation: isolated (shared/bidi.ts), so a stray
 * right-to-left override in one cannot reorder the text around it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate, joinIsolated } from '../../../shared/bidi';
import { displayName } from '../../../shared/delegates/validation';
import type { Delegate } from '../../../shared/model';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { countryLabel, organizationLabel, RegistryNav, reportErrors, useLanguage, usePermissions, useRegistryLookups, type RegistryLookups } from './ui';

/** Pairs shown at once; the rest follow as these are merged or set aside. */
const SHOWN = 100;

export function DuplicatesPage() {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const lookups = useRegistryLookups();
  const permissions = usePermissions();
  const data = useLiveQuery(async () => {
    const pairs = await repositories.delegates.findDuplicates();
    const shown = pairs.slice(0, SHOWN);
    const ids = [...new Set(shown.flatMap((pair) => [pair.a, pair.b]))];
    const people = await Promise.all(ids.map((id) => repositories.delegates.get(id)));
    return { total: pairs.length, shown, people: new Map(people.filter((p): p is Delegate => p !== undefined).map((p) => [p.id, p])) };
  }, [repositories]);

  if (data === undefined || lookups === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page">
      <PageTitle>{t('delegates.duplicates.title')}</PageTitle>
      <RegistryNav />
      <p className="hint">{t('delegates.duplicates.intro')}</p>
      {!permissions.mergePeople && <p className="notice">{t('delegates.duplicates.secretariatMerges')}</p>}
      {data.total === 0 ? (
        <div className="empty-state">
          <p>{t('delegates.duplicates.none')}</p>
        </div>
      ) : (
        <>
          <p role="status">
            {data.total > data.shown.length
              ? t('delegates.duplicates.countShown', { shown: data.shown.length, total: data.total })
              : t('delegates.duplicates.count', { total: data.total })}
          </p>
          <ul className="duplicate-list" aria-label={t('delegates.duplicates.listLabel')}>
            {data.shown.map((pair) => {
              const a = data.people.get(pair.a);
              const b = data.people.get(pair.b);
              if (!a || !b) return null;
              const label = t('delegates.duplicates.pairLabel', { a: isolate(displayName(a)), b: isolate(displayName(b)) });
              return (
                <li key={`${pair.a}|${pair.b}`} aria-label={label}>
                  <div className="duplicate-pair">
                    <PersonSummary delegate={a} lookups={lookups} />
                    <PersonSummary delegate={b} lookups={lookups} />
                  </div>
                  <p>
                    {pair.reasons.map((reason) => (
                      <span key={reason} className="badge warn">
                        {t(`delegates.duplicates.reasons.${reason}`)}
                      </span>
                    ))}
                  </p>
                  <div className="actions">
                    {permissions.mergePeople && (
                      <Link className="button" to={`/delegates/merge/${pair.a}/${pair.b}`} aria-label={`${t('delegates.duplicates.compare')}: ${label}`}>
                        {t('delegates.duplicates.compare')}
                      </Link>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      aria-label={`${t('delegates.duplicates.dismiss')}: ${label}`}
                      onClick={() => {
                        reportErrors(repositories.delegates.dismissDuplicate(pair.a, pair.b));
                      }}
                    >
                      {t('delegates.duplicates.dismiss')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

function PersonSummary({ delegate, lookups }: { delegate: Delegate; lookups: RegistryLookups }) {
  const language = useLanguage();
  const organization = delegate.organizationId ? lookups.organizationById.get(delegate.organizationId) : undefined;
  return (
    <div>
      <p>
        <Link to={`/delegates/${delegate.id}`}>{isolate(displayName(delegate))}</Link>
        {delegate.nameLatin !== '' && delegate.nameNative !== '' && (
          <span dir="auto" className="muted">
            {' '}
            · {isolate(delegate.nameNative)}
          </span>
        )}
      </p>
      <p className="muted">
        {joinIsolated([countryLabel(lookups, delegate.countryId, language), organization ? organizationLabel(organization, language) : '', delegate.email], ' · ')}
      </p>
    </div>
  );
}
