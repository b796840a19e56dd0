/**
 * Recently deleted: every deletion (a meeting with what went with it, a session, a
 * person, an article…), newest first, filterable by kind, each with when and by whom it
 * was deleted, what comes back with it and a Restore button. The secretariat restores;
 * a delegation sees the list read-only (every delete in the app is the secretariat's).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncedTableName } from '../../../shared/model';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { pick } from '../../app/format';
import { currentLanguage, type Language } from '../../app/i18n';
import { TrashRefusedError, type RestoreResult, type TrashItem } from '../../db';
import { showError, useToasts } from '../../stores/toasts';
import './deleted.css';

type PluralForm = 'one' | 'few' | 'many' | 'other';

const pluralForm = (language: Language, count: number): PluralForm => {
  const form = new Intl.PluralRules(language).select(count);
  return form === 'one' || form === 'few' || form === 'many' ? form : 'other';
};

/** A date and time of day in the user's language, on this computer's clock. */
const formatMoment = (ms: number, language: Language): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));

export function RecentlyDeletedPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const filterId = useId();
  const [filter, setFilter] = useState<SyncedTableName | 'all'>('all');
  const [busy, setBusy] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const data = useLiveQuery(
    async () => ({ items: await repositories.trash.list(), canRestore: await repositories.trash.canRestore() }),
    [repositories],
  );

  /** "14 sessions, 20 participants" in the user's language. */
  const countList = (counts: Partial<Record<SyncedTableName, number>>): string =>
    (Object.entries(counts) as [SyncedTableName, number][])
      .filter(([, count]) => count > 0)
      .map(([table, count]) => t(`deleted.counts.${table}.${pluralForm(language, count)}`, { count }))
      .join(t('deleted.listSeparator'));

  const whoDeleted = (item: TrashItem): string => {
    switch (item.deletedBy.kind) {
      case 'self':
        return t('deleted.bySelf', { name: item.deletedBy.name });
      case 'peer':
        return item.deletedBy.name;
      case 'unknown':
        return t('deleted.byUnknown', { id: item.deletedBy.id });
    }
  };

  const announce = (result: RestoreResult) => {
    const own = { ...result.restored };
    own[result.table] = (own[result.table] ?? 1) - 1;
    const others = countList(own);
    const values = { kind: t(`deleted.subject.${result.table}`), label: pick(result.label, language) };
    showToast('info', others === '' ? t('deleted.restored', values) : t('deleted.restoredWith', { ...values, list: others }));
  };

  const restore = async (item: TrashItem, position: number) => {
    const key = `${item.table}:${item.id}`;
    setBusy(key);
    try {
      const result = await repositories.trash.restore({ table: item.table, id: item.id });
      announce(result);
      // The entry disappears: keep keyboard focus in the list (the next entry's button), or on the page title.
      requestAnimationFrame(() => {
        const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('button.restore') ?? [];
        const next = buttons[Math.min(position, buttons.length - 1)];
        if (next) next.focus();
        else document.querySelector<HTMLElement>('main h1')?.focus();
      });
    } catch (error) {
      if (error instanceof TrashRefusedError) showToast('error', t(`deleted.refusals.${error.code}`));
      else showError(error);
    } finally {
      setBusy(null);
    }
  };

  if (data === undefined) {
    return (
      <div className="page">
        <PageTitle>{t('deleted.title')}</PageTitle>
        <p aria-busy="true">{t('common.loading')}</p>
      </div>
    );
  }

  const kinds = new Map<SyncedTableName, number>();
  for (const item of data.items) kinds.set(item.table, (kinds.get(item.table) ?? 0) + 1);
  const active = filter !== 'all' && !kinds.has(filter) ? 'all' : filter;
  const shown = active === 'all' ? data.items : data.items.filter((item) => item.table === active);

  return (
    <div className="page recently-deleted">
      <PageTitle>{t('deleted.title')}</PageTitle>
      <p className="hint">{t('deleted.intro')}</p>
      {!data.canRestore && <p className="notice">{t('deleted.readOnly')}</p>}

      {data.items.length === 0 ? (
        <p>{t('deleted.empty')}</p>
      ) : (
        <>
          <div className="field inline">
            <label htmlFor={filterId}>{t('deleted.filterLabel')}</label>
            <select
              id={filterId}
              value={active}
              onChange={(event) => {
                setFilter(event.target.value as SyncedTableName | 'all');
              }}
            >
              <option value="all">{t('deleted.filterAll', { count: data.items.length })}</option>
              {[...kinds].map(([table, count]) => (
                <option key={table} value={table}>
                  {t('deleted.filterKind', { kind: t(`deleted.plural.${table}`), count })}
                </option>
              ))}
            </select>
          </div>

          {shown.length === 0 ? (
            <p>{t('deleted.emptyFiltered')}</p>
          ) : (
            <ul className="deleted-list" aria-label={t('deleted.listLabel')} ref={listRef}>
              {shown.map((item, position) => {
                const key = `${item.table}:${item.id}`;
                const label = pick(item.label, language);
                const withIt = countList(item.groupCounts);
                const who = whoDeleted(item);
                return (
                  <li key={key} className="deleted-entry">
                    <div className="deleted-what">
                      <span className="badge">{t(`deleted.kinds.${item.table}`)}</span>{' '}
                      <strong lang={item.label[language].trim() === '' ? (language === 'en' ? 'ru' : 'en') : undefined}>{label}</strong>
                    </div>
                    {item.context && <p className="deleted-context">{t('deleted.context', { context: pick(item.context, language) })}</p>}
                    <p className="deleted-when">
                      {item.deletedAt === null
                        ? t('deleted.deletedBy', { who })
                        : t('deleted.deletedOn', { date: formatMoment(item.deletedAt, language), who })}
                    </p>
                    {withIt !== '' && <p>{t('deleted.deletedWith', { list: withIt })}</p>}
                    {item.referenced.length > 0 && (
                      <p>
                        {t('deleted.alsoRestores', {
                          list: item.referenced
                            .map((ref) => {
                              const values = { kind: t(`deleted.subject.${ref.table}`), label: pick(ref.label, language) };
                              const its = countList(ref.groupCounts);
                              return its === ''
                                ? t('deleted.referencedItem', values)
                                : t('deleted.referencedItemWith', { ...values, list: its });
                            })
                            .join(t('deleted.listSeparator')),
                        })}
                      </p>
                    )}
                    {item.mergedInto ? (
                      <p className="deleted-note">{t('deleted.mergedInto', { name: pick(item.mergedInto.label, language) })}</p>
                    ) : item.blocked === 'textSigned' ? (
                      <p className="deleted-note">{t('deleted.blockedTextSigned')}</p>
                    ) : (
                      item.restorable && (
                        <button
                          type="button"
                          className="restore"
                          disabled={busy !== null}
                          aria-label={t('deleted.restoreNamed', { kind: t(`deleted.object.${item.table}`), label })}
                          onClick={() => void restore(item, position)}
                        >
                          {busy === key ? t('deleted.restoring') : t('deleted.restore')}
                        </button>
                      )
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
