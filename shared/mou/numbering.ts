/**
 * Article numbers and sort keys. Numbers are never stored: an article's number is its
 * place in document order, so inserting, moving or deleting an article renumbers the
 * others by itself. Stored is only `order`, a sort key with gaps, so an insert or a move
 * usually rewrites one article (one small sync change) instead of every later one.
 *
 * Stable API (used by the MoU screens and the PDF report):
 *   sortArticles(articles)            document order (order, then id: equal keys made on
 *                                     two machines sort the same everywhere)
 *   articleNumbers(articles)          Map id → number (1-based)
 *   numberFrozenArticles(articles)    a version's articles with their numbers
 *   planInsert(orders, index)         sort key for a new article at `index`
 *   planMove(orders, from, to)        sort key for moving the article at `from` to `to`
 */
import type { FrozenArticle } from '../model';

/** Gap between consecutive sort keys after a rebalance (and in new documents). */
export const ORDER_STEP = 1000;

/** Below this gap the midpoint loses precision: the keys are spread out again. */
const MIN_GAP = 1e-6;

interface Ordered {
  id: string;
  order: number;
}

export function compareOrder(a: Ordered, b: Ordered): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A sorted copy in document order. */
export function sortArticles<T extends Ordered>(articles: readonly T[]): T[] {
  return [...articles].sort(compareOrder);
}

/** Article number (1-based) of each article id, in document order. */
export function articleNumbers(articles: readonly Ordered[]): Map<string, number> {
  return new Map(sortArticles(articles).map((article, index) => [article.id, index + 1]));
}

export interface NumberedFrozenArticle extends FrozenArticle {
  number: number;
}

/** A version's frozen articles (already in document order) with their numbers. */
export function numberFrozenArticles(articles: readonly FrozenArticle[]): NumberedFrozenArticle[] {
  return articles.map((article, index) => ({ ...article, number: index + 1 }));
}

export interface OrderPlan {
  /** Sort key of the inserted or moved article. */
  order: number;
  /**
   * When the neighbours' keys were too close: new keys for all the other articles, by
   * their index in the list given (minus the moved one, for planMove); otherwise null.
   */
  rebalanced: number[] | null;
}

function between(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return ORDER_STEP;
  if (before === undefined) return (after ?? 0) - ORDER_STEP;
  if (after === undefined) return before + ORDER_STEP;
  const middle = before + (after - before) / 2;
  return after - before >= MIN_GAP && middle > before && middle < after ? middle : null;
}

/**
 * Sort key for a new article placed at `index` (0 = first, orders.length = last) among
 * articles whose keys are `orders` (ascending).
 */
export function planInsert(orders: readonly number[], index: number): OrderPlan {
  const at = Math.max(0, Math.min(index, orders.length));
  const order = between(orders[at - 1], orders[at]);
  if (order !== null && Number.isFinite(order)) return { order, rebalanced: null };
  // Spread all keys out again, leaving the slot for the new article empty.
  const rebalanced = orders.map((_, i) => (i < at ? i + 1 : i + 2) * ORDER_STEP);
  return { order: (at + 1) * ORDER_STEP, rebalanced };
}

/**
 * Sort key for moving the article at index `from` to index `to` (its index afterwards),
 * among articles whose keys are `orders` (ascending). `rebalanced`, when set, holds keys
 * for the other articles in their order without the moved one.
 */
export function planMove(orders: readonly number[], from: number, to: number): OrderPlan {
  const others = orders.filter((_, index) => index !== from);
  return planInsert(others, to);
}
