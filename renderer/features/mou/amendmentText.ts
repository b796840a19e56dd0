/** How an amendment is named on screen: "Amendment to article 6 “Meetings”", by kind and by where the article stands now. */
import type { TFunction } from 'i18next';
import type { Amendment, Article } from '../../../shared/model';
import { pick } from '../../app/format';
import type { Language } from '../../app/i18n';

export function amendmentTitle(t: TFunction, amendment: Amendment, articles: readonly Article[], language: Language): string {
  if (amendment.kind === 'insert-after' && amendment.articleId === null) return t('mou.amendment.titleInsertFirst');
  const index = articles.findIndex((article) => article.id === amendment.articleId);
  const article = articles[index];
  if (!article) return t('mou.amendment.titleGone');
  const values = { number: index + 1, heading: pick(article.heading, language) };
  switch (amendment.kind) {
    case 'replace':
      return t('mou.amendment.titleReplace', values);
    case 'insert-after':
      return t('mou.amendment.titleInsert', values);
    case 'delete':
      return t('mou.amendment.titleDelete', values);
  }
}
