/**
 * Positions: each party's stance on a version, on the whole text (articleId null) or on
 * one article. One record per (version, country, article), with an id derived from that
 * triple, so two machines recording the same cell write the same record and a sync keeps
 * the later stance instead of showing two.
 */
import type { Position, PositionStance } from '../model';
import { deterministicId } from '../sample/deterministicId';

export function positionId(versionId: string, countryId: string, articleId: string | null): string {
  return deterministicId(`mou-position:${versionId}:${countryId}:${articleId ?? 'whole-text'}`);
}

/** Key of a matrix cell. */
export function positionKey(countryId: string, articleId: string | null): string {
  return `${countryId}/${articleId ?? ''}`;
}

/** The live positions of a version by matrix cell; of duplicates (older data), the latest stamp wins. */
export function positionMatrix(positions: readonly Position[]): Map<string, Position> {
  const cells = new Map<string, Position>();
  for (const position of positions) {
    if (position.deleted) continue;
    const key = positionKey(position.countryId, position.articleId);
    const existing = cells.get(key);
    if (!existing || existing.hlc < position.hlc) cells.set(key, position);
  }
  return cells;
}

export interface StanceCounts {
  supports: number;
  reservation: number;
  opposes: number;
  pending: number;
}

/**
 * Stances of the parties on one row of the matrix; a party that recorded nothing counts
 * as pending, so the four numbers always add up to the number of parties.
 */
export function countStances(
  cells: ReadonlyMap<string, Position>,
  countryIds: readonly string[],
  articleId: string | null,
): StanceCounts {
  const counts: StanceCounts = { supports: 0, reservation: 0, opposes: 0, pending: 0 };
  for (const countryId of countryIds) {
    const stance: PositionStance = cells.get(positionKey(countryId, articleId))?.stance ?? 'pending';
    counts[stance] += 1;
  }
  return counts;
}
