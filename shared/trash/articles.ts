/**
 * Where restored MoU articles go. An article's number is its place in document order
 * (shared/mou/numbering.ts), so a restored article takes back its old sort key when that
 * key is still free: it lands between the articles it stood between, and only its own
 * `deleted` field changes. When an article inserted meanwhile took the very same key, the
 * restored one gets a fresh key right after it (spreading the keys out if they are too
 * close), so the document never holds two articles at one place.
 */
import { compareOrder, planInsert } from '../mou/numbering';

export interface OrderedArticle {
  id: string;
  order: number;
}

/**
 * New sort keys for restoring `restored` among the `live` articles of one document: the
 * restored articles whose key must change, and any live article a rebalance moves. An
 * article missing from the result keeps its key.
 */
export function placeRestoredArticles(live: readonly OrderedArticle[], restored: readonly OrderedArticle[]): Map<string, number> {
  const changes = new Map<string, number>();
  const working: OrderedArticle[] = [...live].sort(compareOrder).map((article) => ({ ...article }));
  for (const article of [...restored].sort(compareOrder)) {
    const taken = working.some((other) => other.order === article.order);
    // After every article with a smaller or equal key: the restored one follows the one that took its place.
    const index = working.filter((other) => other.order <= article.order).length;
    if (!taken) {
      working.splice(index, 0, { ...article });
      continue;
    }
    const plan = planInsert(
      working.map((other) => other.order),
      index,
    );
    if (plan.rebalanced !== null) {
      working.forEach((other, position) => {
        const order = plan.rebalanced?.[position];
        if (order !== undefined && order !== other.order) {
          other.order = order;
          changes.set(other.id, order);
        }
      });
    }
    changes.set(article.id, plan.order);
    working.splice(index, 0, { id: article.id, order: plan.order });
  }
  return changes;
}
