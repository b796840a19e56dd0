/** Live data of one MoU for its screens: the document, its articles in order, versions, amendments and comments. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Amendment, Article, Bracket, BracketAlternative, Comment, MouDocument, MouVersion } from '../../../shared/model';
import { indexBrackets, type BracketIndex } from '../../../shared/mou/brackets';
import { useRepositories } from '../../app/RepositoriesContext';

export interface DocumentData {
  document: MouDocument;
  articles: Article[];
  versions: MouVersion[];
  amendments: Amendment[];
  comments: Comment[];
  brackets: Bracket[];
  bracketAlternatives: BracketAlternative[];
  /** Brackets by article and key, to show bodies with their brackets ("[a / b]"). */
  bracketIndex: BracketIndex;
}

/** undefined while loading, null when the document is not on this computer. */
export function useDocumentData(documentId: string | undefined): DocumentData | null | undefined {
  const repositories = useRepositories();
  return useLiveQuery(async () => {
    if (documentId === undefined) return null;
    const document = await repositories.mou.getDocument(documentId);
    if (!document) return null;
    const [articles, versions, amendments, comments, brackets, bracketAlternatives] = await Promise.all([
      repositories.mou.listArticles(documentId),
      repositories.mou.listVersions(documentId),
      repositories.mou.listAmendments(documentId),
      repositories.mou.listDocumentComments(documentId),
      repositories.mou.listBrackets(documentId),
      repositories.mou.listBracketAlternatives(documentId),
    ]);
    return { document, articles, versions, amendments, comments, brackets, bracketAlternatives, bracketIndex: indexBrackets(brackets, bracketAlternatives) };
  }, [repositories, documentId]);
}

/** Open proposals and unresolved comments per article id (insertions count for their anchor). */
export function countsByArticle(data: DocumentData): Map<string, { open: number; comments: number }> {
  const counts = new Map<string, { open: number; comments: number }>();
  const entry = (id: string) => {
    let value = counts.get(id);
    if (!value) {
      value = { open: 0, comments: 0 };
      counts.set(id, value);
    }
    return value;
  };
  for (const amendment of data.amendments) {
    if (amendment.status === 'proposed' && amendment.articleId !== null) entry(amendment.articleId).open += 1;
  }
  for (const comment of data.comments) {
    if (comment.targetKind === 'article' && !comment.resolved) entry(comment.targetId).comments += 1;
  }
  return counts;
}
