/**
 * One person: their details and consents, the meetings they attended and in what
 * capacity, the sessions they spoke at or moderated, the amendments they proposed and
 * their comments; likely duplicates of them; edit and delete. A record merged into
 * another says so and links to the surviving one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { languageName } from '../../../shared/delegates/languages';
import { canEditDelegate } from '../../../shared/delegates/permissions';
import { displayName } from '../../../shared/delegates/validation';
import { contactWithheld, type ContactField } from '../../../shared/sync/privacy';
import type { Delegate } from '../../../shared/model';
import { formatDate, pick } from '../../app/format';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import type { DelegateActivity } from '../../db';
import { useToasts } from '../../stores/toasts';
import {
  countryLabel,
  DeleteButton,
  organizationLabel,
  RegistryNav,
  useLanguage,
  usePermissions,
  useRegistryLookups,
  type RegistryLookups,
} from './ui';

export function DelegateDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const repositories = useRepositories();
  const lookups = useRegistryLookups();
  const permissions = usePermissions();
  const data = useLiveQuery(async () => {
    const delegate = await repositories.delegates.get(id);
    if (!delegate) return { delegate: undefined, survivor: undefined };
    if (delegate.deleted) {
      return { delegate, survivor: delegate.mergedIntoId ? await repositories.delegates.resolve(delegate.id) : undefined };
    }
    return { delegate, survivor: undefined };
  }, [repositories, id]);

  if (data === undefined || lookups === undefined || permissions === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const { delegate, survivor } = data;

  if (!delegate || delegate.deleted) {
    return (
      <div className="page">
        <PageTitle>{delegate ? displayName(delegate) : t('delegates.detail.notFoundTitle')}</PageTitle>
        <RegistryNav />
        <div className="notice warning">
          {!delegate ? (
            <p>{t('delegates.detail.notFound')}</p>
          ) : survivor ? (
            <p>
              {t('delegates.detail.mergedInto')} <Link to={`/delegates/${survivor.id}`}>{displayName(survivor)}</Link>
            </p>
          ) : (
            <p>{t('delegates.detail.deleted')}</p>
          )}
          <p>
            <Link to="/delegates">{t('delegates.detail.backToList')}</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <PageTitle>{displayName(delegate)}</PageTitle>
      <RegistryNav />
      <Details delegate={delegate} lookups={lookups} canEdit={canEditDelegate(permissions.actor, delegate)} canDelete={permissions.deletePeople} />
      <Activity id={delegate.id} />
      <PossibleDuplicates delegate={delegate} canMerge={permissions.mergePeople} />
    </div>
  );
}

function Details({ delegate, lookups, canEdit, canDelete }: { delegate: Delegate; lookups: RegistryLookups; canEdit: boolean; canDelete: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const navigate = useNavigate();
  const showToast = useToasts((state) => state.show);
  const organization = delegate.organizationId ? lookups.organizationById.get(delegate.organizationId) : undefined;
  const country = delegate.countryId ? lookups.countryById.get(delegate.countryId) : undefined;
  const yesNo = (value: boolean) => (value ? t('delegates.detail.yes') : t('delegates.detail.no'));
  const orNone = (text: string) => (text.trim() === '' ? <span className="muted">{t('common.notStated')}</span> : text);
  /** A contact a sync file left out (no consent to share): said so, not shown as missing. */
  const withheld = (field: ContactField) => (contactWithheld(delegate, field) ? <span className="muted">{t('delegates.fields.contactWithheld')}</span> : null);


  return (
    <section aria-labelledby="delegate-details">
      <h2 id="delegate-details">{t('delegates.detail.details')}</h2>
      <dl className="facts">
        <dt>{t('delegates.fields.nameLatin')}</dt>
        <dd>{orNone(delegate.nameLatin)}</dd>
        <dt>{t('delegates.fields.nameNative')}</dt>
        <dd dir="auto">{orNone(delegate.nameNative)}</dd>
        <dt>{t('delegates.fields.honorific')}</dt>
        <dd>{orNone(delegate.honorific)}</dd>
        <dt>{t('delegates.fields.positionEn')}</dt>
        <dd lang="en">{orNone(delegate.position.en)}</dd>
        <dt>{t('delegates.fields.positionRu')}</dt>
        <dd lang="ru">{orNone(delegate.position.ru)}</dd>
        <dt>{t('delegates.fields.organization')}</dt>
        <dd>{organization ? <Link to={`/delegates/organizations/${organization.id}`}>{organizationLabel(organization, language)}</Link> : orNone('')}</dd>
        <dt>{t('delegates.fields.country')}</dt>
        <dd>
          {country ? (
            <>
              {countryLabel(lookups, country.id, language)} <span className="badge">{t(`membership.${country.membership}`)}</span>
            </>
          ) : (
            orNone(delegate.countryId ?? '')
          )}
        </dd>
        <dt>{t('delegates.fields.roles')}</dt>
        <dd>{orNone(delegate.roles.map((role) => t(`delegates.roles.${role}`)).join(', '))}</dd>
        <dt>{t('delegates.fields.email')}</dt>
        <dd>{withheld('email') ?? (delegate.email ? <a href={`mailto:${delegate.email}`}>{delegate.email}</a> : orNone(''))}</dd>
        <dt>{t('delegates.fields.phone')}</dt>
        <dd dir="ltr">{withheld('phone') ?? orNone(delegate.phone)}</dd>
        <dt>{t('delegates.fields.languages')}</dt>
        <dd>{orNone(delegate.languages.map((tag) => languageName(tag, language)).join(', '))}</dd>
        <dt>{t('delegates.fields.notes')}</dt>
        <dd className="pre-wrap">{orNone(delegate.notes)}</dd>
        <dt>{t('delegates.fields.consentPrint')}</dt>
        <dd>{yesNo(delegate.consentPrintContacts)}</dd>
        <dt>{t('delegates.fields.consentShare')}</dt>
        <dd>{yesNo(delegate.consentShareContacts)}</dd>
      </dl>
      <div className="actions">
        {canEdit && (
          <Link className="button" to={`/delegates/${delegate.id}/edit`}>
            {t('delegates.detail.edit')}
          </Link>
        )}
        {canDelete && (
          <DeleteButton
            label={t('delegates.detail.delete')}
            title={t('delegates.detail.deleteTitle', { name: displayName(delegate) })}
            explanation={t('delegates.detail.deleteExplanation')}
            remove={async () => {
              await repositories.delegates.remove(delegate.id);
              showToast('info', t('delegates.detail.removed', { name: displayName(delegate) }));
              void navigate('/delegates');
            }}
          />
        )}
      </div>
      {!canEdit && <p className="hint">{t('delegates.form.notYours')}</p>}
    </section>
  );
}

function Activity({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const repositories = useRepositories();
  const activity = useLiveQuery(() => repositories.delegates.activity(id), [repositories, id]);
  if (activity === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <>
      <Meetings activity={activity} language={language} />
      <Sessions activity={activity} language={language} />
      <section aria-labelledby="delegate-amendments">
        <h2 id="delegate-amendments">{t('delegates.detail.amendments')}</h2>
        {activity.amendments.length === 0 ? (
          <p className="hint">{t('delegates.detail.noAmendments')}</p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">{t('delegates.detail.amendments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('delegates.detail.date')}</th>
                <th scope="col">{t('delegates.detail.amendment')}</th>
                <th scope="col">{t('delegates.detail.status')}</th>
              </tr>
            </thead>
            <tbody>
              {activity.amendments.map((amendment) => (
                <tr key={amendment.id}>
                  <td>{formatDate(amendment.proposedOn, language)}</td>
                  <th scope="row">{pick(amendment.heading, language) || pick(amendment.body, language).slice(0, 120)}</th>
                  <td>{t(`delegates.amendmentStatuses.${amendment.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="delegate-comments">
        <h2 id="delegate-comments">{t('delegates.detail.comments')}</h2>
        {activity.comments.length === 0 ? (
          <p className="hint">{t('delegates.detail.noComments')}</p>
        ) : (
          <ul>
            {activity.comments.map((comment) => (
              <li key={comment.id}>
                <span className="muted">{formatDate(comment.createdAt.slice(0, 10), language)}:</span> <span dir="auto">{comment.text}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Meetings({ activity, language }: { activity: DelegateActivity; language: 'en' | 'ru' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="delegate-meetings">
      <h2 id="delegate-meetings">{t('delegates.detail.meetings')}</h2>
      {activity.participations.length === 0 ? (
        <p className="hint">{t('delegates.detail.noMeetings')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('delegates.detail.meetings')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delegates.detail.meeting')}</th>
              <th scope="col">{t('delegates.detail.dates')}</th>
              <th scope="col">{t('delegates.detail.capacity')}</th>
              <th scope="col">{t('delegates.detail.status')}</th>
              <th scope="col" className="number">
                {t('delegates.detail.days')}
              </th>
            </tr>
          </thead>
          <tbody>
            {activity.participations.map(({ participation, meeting }) => (
              <tr key={participation.id}>
                <th scope="row">{meeting ? pick(meeting.title, language) : t('delegates.detail.unknownMeeting')}</th>
                <td>
                  {meeting
                    ? t('common.dateRange', { start: formatDate(meeting.startDate, language), end: formatDate(meeting.endDate, language) })
                    : ''}
                </td>
                <td>{t(`delegates.capacities.${participation.capacity}`)}</td>
                <td>{t(`delegates.participationStatuses.${participation.status}`)}</td>
                <td className="number">{participation.attendedDays.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Sessions({ activity, language }: { activity: DelegateActivity; language: 'en' | 'ru' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="delegate-sessions">
      <h2 id="delegate-sessions">{t('delegates.detail.sessions')}</h2>
      {activity.sessions.length === 0 ? (
        <p className="hint">{t('delegates.detail.noSessions')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('delegates.detail.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('delegates.detail.session')}</th>
              <th scope="col">{t('delegates.detail.when')}</th>
              <th scope="col">{t('delegates.detail.meeting')}</th>
              <th scope="col">{t('delegates.detail.as')}</th>
            </tr>
          </thead>
          <tbody>
            {activity.sessions.map(({ session, meeting, speaker, moderator }) => (
              <tr key={session.id}>
                <th scope="row">{pick(session.title, language)}</th>
                <td>
                  {formatDate(session.date, language)}, {session.start}–{session.end}
                </td>
                <td>{meeting ? pick(meeting.title, language) : ''}</td>
                <td>
                  {[speaker ? t('delegates.detail.speaker') : '', moderator ? t('delegates.detail.moderator') : ''].filter(Boolean).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PossibleDuplicates({ delegate, canMerge }: { delegate: Delegate; canMerge: boolean }) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const matches = useLiveQuery(async () => {
    const pairs = await repositories.delegates.findDuplicatesOf(delegate.id);
    const others = await Promise.all(pairs.map((p) => repositories.delegates.get(p.a === delegate.id ? p.b : p.a)));
    return pairs.flatMap((pair, index) => {
      const other = others[index];
      return other ? [{ pair, other }] : [];
    });
  }, [repositories, delegate.id, delegate.hlc]);
  if (!matches || matches.length === 0) return null;
  return (
    <section aria-labelledby="delegate-duplicates">
      <h2 id="delegate-duplicates">{t('delegates.detail.possibleDuplicates')}</h2>
      <ul>
        {matches.map(({ pair, other }) => (
          <li key={other.id}>
            <Link to={`/delegates/${other.id}`}>{displayName(other)}</Link>{' '}
            {pair.reasons.map((reason) => (
              <span key={reason} className="badge warn">
                {t(`delegates.duplicates.reasons.${reason}`)}
              </span>
            ))}{' '}
            {canMerge && <Link to={`/delegates/merge/${delegate.id}/${other.id}`}>{t('delegates.duplicates.compare')}</Link>}
          </li>
        ))}
      </ul>
    </section>
  );
}
