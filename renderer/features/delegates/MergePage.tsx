/**
 * Merging two records of one person, previewed first: which record survives (the user
 * chooses), what it will contain field by field, and every reference that moves to it
 * (participations, sessions, amendments, comments). Merging is one transaction; other
 * installations receive it with the next sync like any change. Names, titles and other
 * user text are isolated (shared/bidi.ts) wherever they stand inside a longer text.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { BackupFailedError, backupFailureText, takeBackup } from '../backup/backups';
import { isolate, joinIsolated } from '../../../shared/bidi';
import { languageName } from '../../../shared/delegates/languages';
import { displayName, type DelegateFields } from '../../../shared/delegates/validation';
import type { Delegate } from '../../../shared/model';
import { formatDate, pick } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { MergePreview } from '../../db';
import { useToasts } from '../../stores/toasts';
import { countryLabel, RefusalNotice, RegistryNav, useLanguage, usePermissions, useRegistryLookups, useShowRegistryError, type RegistryLookups } from './ui';

export function MergePage() {
  const { t } = useTranslation();
  const { keepId = '', otherId = '' } = useParams();
  const repositories = useRepositories();
  const lookups = useRegistryLookups();
  const permissions = usePermissions();
  const preview = useLiveQuery(
    () =>
      repositories.delegates
        .previewMerge(keepId, otherId)
        .then((value): { preview: MergePreview | null } => ({ preview: value }))
        .catch(() => ({ preview: null })),
    [repositories, keepId, otherId],
  );

  if (preview === undefined || lookups === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;

  return (
    <div className="page wide">
      <PageTitle>{t('delegates.merge.title')}</PageTitle>
      <RegistryNav />
      {!permissions.mergePeople ? (
        <p className="notice warning">{t('delegates.duplicates.secretariatMerges')}</p>
      ) : preview.preview === null ? (
        <RefusalNotice message={t('delegates.merge.unavailable')} backTo="/delegates/duplicates" backLabel={t('delegates.merge.backToDuplicates')} />
      ) : (
        <MergeForm preview={preview.preview} lookups={lookups} />
      )}
    </div>
  );
}

function MergeForm({ preview, lookups }: { preview: MergePreview; lookups: RegistryLookups }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const showRegistryError = useShowRegistryError();
  const [busy, setBusy] = useState(false);
  const legendId = useId();
  const { survivor, other, plan, meetings } = preview;

  const organization = (id: string | null) => {
    const found = id === null ? undefined : lookups.organizationById.get(id);
    return found ? found.acronym || pick(found.name, language) : '';
  };
  type Row = { label: string; value: (fields: DelegateFields) => string };
  const rows: Row[] = [
    { label: t('delegates.fields.nameLatin'), value: (f) => f.nameLatin },
    { label: t('delegates.fields.nameNative'), value: (f) => f.nameNative },
    { label: t('delegates.fields.honorific'), value: (f) => f.honorific },
    { label: t('delegates.fields.positionEn'), value: (f) => f.position.en },
    { label: t('delegates.fields.positionRu'), value: (f) => f.position.ru },
    { label: t('delegates.fields.organization'), value: (f) => organization(f.organizationId) },
    { label: t('delegates.fields.country'), value: (f) => countryLabel(lookups, f.countryId, language) },
    { label: t('delegates.fields.roles'), value: (f) => f.roles.map((role) => t(`delegates.roles.${role}`)).join(', ') },
    { label: t('delegates.fields.email'), value: (f) => f.email },
    { label: t('delegates.fields.phone'), value: (f) => f.phone },
    { label: t('delegates.fields.languages'), value: (f) => f.languages.map((tag) => languageName(tag, language)).join(', ') },
    { label: t('delegates.fields.notes'), value: (f) => f.notes },
    { label: t('delegates.fields.consentPrint'), value: (f) => (f.consentPrintContacts ? t('delegates.detail.yes') : t('delegates.detail.no')) },
    { label: t('delegates.fields.consentShare'), value: (f) => (f.consentShareContacts ? t('delegates.detail.yes') : t('delegates.detail.no')) },
  ];

  const merge = async () => {
    setBusy(true);
    try {
      // A merge rewrites references across the registry: keep a copy to go back to.
      await takeBackup(repositories, 'before-merge');
      const merged = await repositories.delegates.merge(survivor.id, other.id);
      showToast('info', t('delegates.merge.done', { name: isolate(displayName(merged)) }));
      void navigate(`/delegates/${merged.id}`, { replace: true });
    } catch (error) {
      if (error instanceof BackupFailedError) showToast('error', backupFailureText(error, t));
      else showRegistryError(error);
      setBusy(false);
    }
  };

  const meetingTitle = (id: string) => {
    const meeting = meetings.get(id);
    return meeting ? `${isolate(pick(meeting.title, language))} (${formatDate(meeting.startDate, language)})` : t('delegates.detail.unknownMeeting');
  };
  const moves: ReactNode[] = [
    ...plan.participationsMoved.map((p) => (
      <li key={p.id}>{t('delegates.merge.moveParticipation', { meeting: meetingTitle(p.meetingId), capacity: t(`delegates.capacities.${p.capacity}`) })}</li>
    )),
    ...plan.participationsCombined.map(({ kept }) => (
      <li key={kept.id}>{t('delegates.merge.combineParticipation', { meeting: meetingTitle(kept.meetingId) })}</li>
    )),
    ...plan.sessions.map((s) => (
      <li key={s.id}>{t('delegates.merge.moveSession', { session: isolate(pick(s.title, language)), meeting: meetingTitle(s.meetingId) })}</li>
    )),
    ...plan.amendments.map((a) => (
      <li key={a.id}>{t('delegates.merge.moveAmendment', { amendment: isolate(pick(a.heading, language)) || formatDate(a.proposedOn, language) })}</li>
    )),
    ...plan.comments.map((c) => <li key={c.id}>{t('delegates.merge.moveComment', { date: formatDate(c.createdAt.slice(0, 10), language) })}</li>),
    ...plan.actionItems.map((item) => (
      <li key={item.id}>{t('delegates.merge.moveActionItem', { item: isolate(pick(item.text, language)), meeting: meetingTitle(item.meetingId) })}</li>
    )),
  ];

  return (
    <>
      <fieldset className="field">
        <legend id={legendId}>{t('delegates.merge.keepLegend')}</legend>
        {[survivor, other].map((record) => (
          <label key={record.id} className="choice">
            <input
              type="radio"
              name="survivor"
              checked={record.id === survivor.id}
              onChange={() => {
                void navigate(`/delegates/merge/${record.id}/${record.id === survivor.id ? other.id : survivor.id}`, { replace: true });
              }}
            />
            {recordLabel(record, lookups, language)}
          </label>
        ))}
        <p className="hint">{t('delegates.merge.keepHint')}</p>
      </fieldset>

      <section aria-labelledby="merge-fields">
        <h2 id="merge-fields">{t('delegates.merge.fieldsTitle')}</h2>
        <table className="data-table merge-table">
          <caption className="visually-hidden">{t('delegates.merge.fieldsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delegates.merge.field')}</th>
              <th scope="col">{t('delegates.merge.kept')}</th>
              <th scope="col">{t('delegates.merge.removed')}</th>
              <th scope="col">{t('delegates.merge.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const result = row.value(plan.survivor);
              const changed = result !== row.value(survivor);
              return (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td dir="auto">{isolate(row.value(survivor))}</td>
                  <td dir="auto">{isolate(row.value(other))}</td>
                  <td dir="auto" className={changed ? 'changed' : undefined}>
                    {isolate(result)}
                    {changed && <span className="visually-hidden"> ({t('delegates.merge.changedNote')})</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="hint">{t('delegates.merge.rules')}</p>
      </section>

      <section aria-labelledby="merge-references">
        <h2 id="merge-references">{t('delegates.merge.referencesTitle')}</h2>
        {moves.length === 0 ? <p className="hint">{t('delegates.merge.noReferences')}</p> : <ul>{moves}</ul>}
      </section>

      <p className="notice warning">{t('delegates.merge.warning', { name: isolate(displayName(other)) })}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void merge()}>
          {busy ? t('delegates.merge.merging') : t('delegates.merge.confirm')}
        </button>
        <Link className="button secondary" to="/delegates/duplicates">
          {t('common.cancel')}
        </Link>
      </div>
    </>
  );
}

/** "Name · Native name · Country · e-mail", each part isolated. */
function recordLabel(delegate: Delegate, lookups: RegistryLookups, language: 'en' | 'ru'): string {
  const parts = [displayName(delegate)];
  if (delegate.nameLatin !== '' && delegate.nameNative !== '') parts.push(delegate.nameNative);
  parts.push(countryLabel(lookups, delegate.countryId, language), delegate.email);
  return joinIsolated(parts, ' · ');
}
