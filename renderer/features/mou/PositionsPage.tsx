/**
 * The parties' positions on one version: a matrix of the whole text and each article by
 * party, each cell a stance (supports, reservation with its text, opposes, pending). The
 * secretariat records and clears any party's position; a delegation its own country's (what
 * peers accept from it: shared/sync/screenOffers.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { positionStances, type PositionStance } from '../../../shared/model';
import { countOpenBrackets, openBracketsByParty } from '../../../shared/mou/brackets';
import { countStances, positionKey, positionMatrix } from '../../../shared/mou/positions';
import { validatePosition } from '../../../shared/mou/validation';
import { mayClearPosition, mayRecordPosition } from '../../../shared/sync/screenOffers';
import { pick } from '../../app/format';
import { currentLanguage } from '../../app/i18n';
import { PageTitle } from '../../app/PageTitle';
import { useRepositories } from '../../app/RepositoriesContext';
import { TextField } from '../../app/forms';
import { useToasts } from '../../stores/toasts';
import { articleTitle } from './DocumentPage';
import { mouPaths } from './paths';
import {
  Breadcrumbs,
  countryName,
  Loading,
  NotFound,
  useCheckedSubmit,
  useMouSession,
  useShowMouError,
} from './ui';
import { useDocumentData } from './useDocumentData';

interface Cell {
  countryId: string;
  articleId: string | null;
  target: string;
}

const cellButtonId = (cell: { countryId: string; articleId: string | null }) =>
  `position-${cell.countryId}-${cell.articleId ?? 'whole'}`;

export function PositionsPage() {
  const { t } = useTranslation();
  const { documentId, number: numberParam } = useParams();
  const repositories = useRepositories();
  const data = useDocumentData(documentId);
  const session = useMouSession();
  const language = currentLanguage();
  const number = Number(numberParam);
  const version = data?.versions.find((candidate) => candidate.number === number);
  const positions = useLiveQuery(
    () => (version ? repositories.mou.listPositions(version.id) : Promise.resolve([])),
    [repositories, version?.id],
  );
  const [editing, setEditing] = useState<Cell | null>(null);
  if (data === undefined || session === undefined || positions === undefined) return <Loading />;
  if (data === null || !version) return <NotFound />;
  const { document } = data;
  const cells = positionMatrix(positions);
  const parties = document.partyCountryIds;
  const liveArticleIds = data.articles.map((article) => article.id);
  const openBracketTotal = countOpenBrackets(data.brackets, liveArticleIds);
  const bracketsByParty = openBracketsByParty(data.brackets, data.bracketAlternatives, parties, liveArticleIds);
  const mayEdit = (countryId: string) => document.status !== 'signed' && mayRecordPosition(session.installation, countryId);
  const rows = [
    { articleId: null, label: t('mou.positions.wholeText') },
    ...version.articles.map((article, index) => ({
      articleId: article.articleId,
      label: articleTitle(t, index + 1, article.heading, language),
    })),
  ];
  const title = t('mou.positions.title', { number: version.number, label: version.label });

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('mou.title'), to: mouPaths.list() },
          { label: pick(document.title, language), to: mouPaths.document(document.id) },
          { label: t('mou.version.title', { number: version.number, label: version.label }), to: mouPaths.version(document.id, version.number) },
          { label: t('mou.version.positions') },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      {parties.length === 0 ? (
        <p>{t('mou.positions.noParties')}</p>
      ) : (
        <>
          {editing && (
            <PositionForm
              key={positionKey(editing.countryId, editing.articleId)}
              versionId={version.id}
              cell={editing}
              country={countryName(session.countries, editing.countryId, language)}
              current={cells.get(positionKey(editing.countryId, editing.articleId))}
              mayClear={mayClearPosition(session.installation, editing)}
              onDone={() => {
                const id = cellButtonId(editing);
                setEditing(null);
                requestAnimationFrame(() => globalThis.document.getElementById(id)?.focus());
              }}
            />
          )}
          <div className="matrix-wrap">
            <table className="data-table matrix">
              <caption>{t('mou.positions.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mou.positions.articleColumn')}</th>
                  {parties.map((countryId) => (
                    <th key={countryId} scope="col">
                      {countryName(session.countries, countryId, language)}
                    </th>
                  ))}
                  <th scope="col">{t('mou.positions.count')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.articleId ?? 'whole'}>
                    <th scope="row">{row.label}</th>
                    {parties.map((countryId) => {
                      const position = cells.get(positionKey(countryId, row.articleId));
                      const stance: PositionStance = position?.stance ?? 'pending';
                      const country = countryName(session.countries, countryId, language);
                      return (
                        <td key={countryId}>
                          <span className={`badge stance-${stance}`}>{t(`mou.positions.stances.${stance}`)}</span>
                          {position && position.reservation !== '' && (
                            <bdi className="reservation-text">{position.reservation}</bdi>
                          )}
                          {mayEdit(countryId) && (
                            <div>
                              <button
                                type="button"
                                id={cellButtonId({ countryId, articleId: row.articleId })}
                                className="secondary small"
                                aria-label={t('mou.positions.change', { country, target: row.label })}
                                onClick={() => setEditing({ countryId, articleId: row.articleId, target: row.label })}
                              >
                                {t('mou.positions.changeShort')}
                              </button>
                            </div>
                          )}
                        </td>
                      );
                    })}
                    <td>{t('mou.positions.summary', { ...countStances(cells, parties, row.articleId) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <section aria-labelledby="brackets-by-party">
        <h2 id="brackets-by-party">{t('mou.brackets.byPartyHeading')}</h2>
        {openBracketTotal === 0 ? (
          <p>{t('mou.brackets.cleanText')}</p>
        ) : (
          <table className="data-table">
            <caption>{t('mou.brackets.byPartyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mou.positions.party')}</th>
                <th scope="col" className="number">
                  {t('mou.brackets.byPartyColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {parties.map((countryId) => (
                <tr key={countryId}>
                  <th scope="row">{countryName(session.countries, countryId, language)}</th>
                  <td className="number">{bracketsByParty.get(countryId) ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function PositionForm({
  versionId,
  cell,
  country,
  current,
  mayClear,
  onDone,
}: {
  versionId: string;
  cell: Cell;
  country: string;
  current: { stance: PositionStance; reservation: string } | undefined;
  /** Whether this installation may clear the recorded position (shown only when there is one). */
  mayClear: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const repositories = useRepositories();
  const showToast = useToasts((state) => state.show);
  const [stance, setStance] = useState<PositionStance>(current?.stance ?? 'pending');
  const [reservation, setReservation] = useState(current?.reservation ?? '');
  const { busy, issues, formRef, submit } = useCheckedSubmit();
  const showMouError = useShowMouError();
  const id = useId();
  const heading = t('mou.positions.editTitle', { country, target: cell.target });

  const save = async () => {
    await repositories.mou.setPosition(versionId, cell.countryId, cell.articleId, stance, reservation);
    showToast('info', t('mou.positions.saved'));
    onDone();
  };
  const [clearing, setClearing] = useState(false);
  const clear = async () => {
    setClearing(true);
    try {
      await repositories.mou.clearPosition(versionId, cell.countryId, cell.articleId);
      showToast('info', t('mou.positions.cleared'));
      onDone();
    } catch (error) {
      showMouError(error);
    } finally {
      setClearing(false);
    }
  };

  return (
    <form ref={formRef} className="form editor-panel" noValidate aria-label={heading} onSubmit={(event) => void submit(event, () => validatePosition(stance, reservation), save)}>
      <h2>{heading}</h2>
      <fieldset className="field">
        <legend>{t('mou.positions.stance')}</legend>
        {positionStances.map((option, index) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`${id}-stance`}
              value={option}
              checked={stance === option}
              // The form opens in place of the matrix cell: start on the choice.
              autoFocus={index === 0}
              onChange={() => {
                setStance(option);
              }}
            />
            {t(`mou.positions.stances.${option}`)}
          </label>
        ))}
      </fieldset>
      {stance === 'reservation' && (
        <TextField
          multiline
          label={t('mou.positions.reservation')}
          hint={t('mou.positions.reservationHint')}
          rows={3}
          value={reservation}
          error={issues.message('reservation')}
          onChange={setReservation}
        />
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
        {current !== undefined && mayClear && (
          <button type="button" className="danger" disabled={clearing || busy} onClick={() => void clear()}>
            {t('mou.positions.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
