/** Addresses of the MoU screens (hash routes), in one place for links and navigation. */
export const mouPaths = {
  list: () => '/mou',
  document: (documentId: string) => `/mou/${documentId}`,
  article: (documentId: string, articleId: string) => `/mou/${documentId}/articles/${articleId}`,
  amendments: (documentId: string) => `/mou/${documentId}/amendments`,
  amendment: (documentId: string, amendmentId: string) => `/mou/${documentId}/amendments/${amendmentId}`,
  version: (documentId: string, number: number) => `/mou/${documentId}/versions/${String(number)}`,
  positions: (documentId: string, number: number) => `/mou/${documentId}/versions/${String(number)}/positions`,
  /** `from`/`to`: a version number or "current". */
  compare: (documentId: string, from?: number | 'current', to?: number | 'current') => {
    const query = new URLSearchParams();
    if (from !== undefined) query.set('from', String(from));
    if (to !== undefined) query.set('to', String(to));
    const search = query.toString();
    return `/mou/${documentId}/compare${search ? `?${search}` : ''}`;
  },
};
