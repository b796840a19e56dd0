/**
 * The MoU area's storage: documents, articles, versions, amendments, comments and
 * positions. Every write checks what this installation's peers accept from it (the
 * authority table, through shared/sync/screenOffers.ts: the secretariat keeps the official
 * text and decides amendments; a delegation proposes, edits, withdraws and deletes its own
 * country's proposals, records and clears its own positions, and comments),
 * the document's status (signed text is final) and the input, then writes all its records
 * in one transaction through writes.ts, so a refused or failed change leaves nothing behind.
 */
import { Dexie } from 'dexie';
import { mouEn } from '../../shared/i18n/mou';
import type {
  Amendment,
  AmendmentKind,
  Article,
  Bilingual,
  Bracket,
  BracketAlternative,
  Comment,
  Installation,
  MouDocument,
  MouStatus,
  MouVersion,
  Position,
  PositionStance,
} from '../../shared/model';
import {
  articleTextStamp,
  findAmendmentConflict,
  mayActOnAmendment,
  mayDeleteAmendment,
  statusAfter,
  type AmendmentConflict,
} from '../../shared/mou/amendments';
import {
  alignMarkers,
  alternativesOf,
  bracketsOfArticle,
  bracketsNotKept,
  extractNotation,
  markersForOpenBrackets,
  markersOf,
  renderBracketedBody,
  resolveMarker,
  validateBracketDecision,
  type BracketWithAlternatives,
} from '../../shared/mou/brackets';
import { planInsert, planMove, sortArticles } from '../../shared/mou/numbering';
import { positionId } from '../../shared/mou/positions';
import { changeStatus, isValidIsoDate, statusPermissions } from '../../shared/mou/status';
import { nextTranslationStale } from '../../shared/mou/translation';
import {
  validateAmendment,
  validateArticle,
  validateComment,
  validateDecision,
  validateDocument,
  validatePosition,
  validateVersion,
  type ArticleInput,
  type DocumentInput,
  type MouIssue,
} from '../../shared/mou/validation';
import { deterministicId } from '../../shared/sample/deterministicId';
import { canEditTable } from '../../shared/sync/authorityRules';
import {
  choosesAlternativeProposers,
  choosesProposer,
  mayClearPosition,
  mayDecideProposal,
  mayEditProposal,
  mayProposeAlternativeFor,
  mayProposeFor,
  mayEditAlternative,
  mayWithdrawAlternative,
  mayRecordPosition,
} from '../../shared/sync/screenOffers';
import type { InstallationClock } from './clock';
import { NoInstallationError, ValidationError } from './errors';
import { unstamped, writeDeleted, writeRecord, type RepositoryContext } from './writes';

// ---------------------------------------------------------------------------------------
// Errors

/** Input refused; `mouIssues` carry codes the forms translate (mou.errors.<code>). */
export class MouValidationError extends ValidationError {
  readonly mouIssues: readonly MouIssue[];

  constructor(subject: string, issues: readonly MouIssue[]) {
    super(
      subject,
      issues.map((issue) => ({ path: issue.path, message: mouEn.errors[issue.code] })),
    );
    this.name = 'MouValidationError';
    this.mouIssues = issues;
  }
}

export type MouRefusalCode =
  | 'secretariatOnly'
  | 'ownCountryOnly'
  | 'proposerOnly'
  | 'proposalNotYours'
  | 'textSigned'
  | 'proposalsClosed'
  | 'amendmentClosed'
  | 'notFound'
  | 'notParty'
  | 'unknownCountry'
  | 'unknownMeeting'
  | 'unknownSession'
  | 'bracketClosed'
  | 'proposalLeavesOutBracket';

/** The action is not allowed for this installation or in this state; nothing was written. */
export class MouRefusedError extends Error {
  constructor(readonly code: MouRefusalCode) {
    super(mouEn.errors[code]);
    this.name = 'MouRefusedError';
  }
}

/** Accepting would apply a proposal to a text its proposer did not see; nothing was written. */
export class AmendmentConflictError extends Error {
  constructor(readonly conflict: AmendmentConflict) {
    super(mouEn.errors.conflict[conflict.kind]);
    this.name = 'AmendmentConflictError';
  }
}

// ---------------------------------------------------------------------------------------
// Inputs

export interface ArticlePlacement {
  /** The article the new one follows; null puts it first. */
  afterArticleId: string | null;
}

export interface VersionDraft {
  label: string;
  date: string;
  note: string;
  meetingId: string | null;
  /** The agenda session of the meeting where the version was adopted. */
  sessionId?: string | null;
}

export interface AlternativeDraft {
  text: Bilingual;
  /** The day it was proposed (may be in the past); never before the bracket was put in the text. */
  proposedOn: string;
  /** Only the secretariat names the proposers (recording what delegations proposed at a meeting); a delegation proposes in its own name. */
  proposedByCountryIds?: readonly string[];
}

export interface BracketDecision {
  outcome: 'agreed' | 'dropped';
  /** The alternative agreed (outcome agreed). */
  alternativeId: string | null;
  date: string;
  meetingId: string | null;
  sessionId: string | null;
}

export interface AmendmentDraft {
  kind: AmendmentKind;
  articleId: string | null;
  heading: Bilingual;
  body: Bilingual;
  rationale: Bilingual;
  /** Only the secretariat names the proposer (recording a proposal made at a meeting). */
  proposedByCountryId?: string | null;
  /** The day it was proposed, which may be in the past (never in the future); today when omitted. */
  proposedOn?: string;
}

/** What the proposer may change of an open proposal: its text (none for a deletion) and rationale. */
export interface AmendmentTextInput {
  heading: Bilingual;
  body: Bilingual;
  rationale: Bilingual;
}

export type AmendmentDecision = 'accept' | 'reject' | 'supersede';

export interface DecisionInput {
  decision: AmendmentDecision;
  reason: string;
  date: string;
  /** Accept although the article's text changed since the proposal (after seeing the change). */
  acknowledgeConflict?: boolean;
  /** Where it was decided: the meeting and its agenda session (optional: a written procedure has none). */
  meetingId?: string | null;
  sessionId?: string | null;
}

export interface MouRepository {
  /** Not deleted, by English title. */
  listDocuments(): Promise<MouDocument[]>;
  getDocument(id: string): Promise<MouDocument | undefined>;
  /** Not deleted, in document order. */
  listArticles(documentId: string): Promise<Article[]>;
  countArticles(documentId: string): Promise<number>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Not deleted, by number. */
  listVersions(documentId: string): Promise<MouVersion[]>;
  getVersion(documentId: string, number: number): Promise<MouVersion | undefined>;
  /** Not deleted, newest proposal first. */
  listAmendments(documentId: string): Promise<Amendment[]>;
  getAmendment(id: string): Promise<Amendment | undefined>;
  /** Why accepting now would be unsafe, or null. */
  amendmentConflict(id: string): Promise<AmendmentConflict | null>;
  /** Comments on an article or amendment, oldest first. */
  listComments(targetId: string): Promise<Comment[]>;
  /** Comments on every article and amendment of a document (for counts). */
  listDocumentComments(documentId: string): Promise<Comment[]>;
  listPositions(versionId: string): Promise<Position[]>;
  /** Square brackets of a document's articles (not deleted), any status. */
  listBrackets(documentId: string): Promise<Bracket[]>;
  /** Alternatives of a document's brackets (not deleted). */
  listBracketAlternatives(documentId: string): Promise<BracketAlternative[]>;

  createDocument(input: DocumentInput): Promise<MouDocument>;
  updateDocument(id: string, input: DocumentInput): Promise<MouDocument>;
  changeStatus(id: string, to: MouStatus, date: string): Promise<MouDocument>;

  addArticle(documentId: string, input: ArticleInput, placement: ArticlePlacement): Promise<Article>;
  updateArticle(id: string, input: ArticleInput): Promise<Article>;
  /** Clears "translation may be out of date" after a translator checked both texts. */
  confirmTranslation(id: string): Promise<Article>;
  /** Moves the article to `toIndex` in document order (0 = first). */
  moveArticle(id: string, toIndex: number): Promise<Article>;
  deleteArticle(id: string): Promise<void>;
  /** Makes an article's text in an older version the current text again (a new change). */
  restoreArticleText(versionId: string, articleId: string): Promise<Article>;

  freezeVersion(documentId: string, draft: VersionDraft): Promise<MouVersion>;

  proposeAmendment(documentId: string, draft: AmendmentDraft): Promise<Amendment>;
  withdrawAmendment(id: string): Promise<Amendment>;
  /** Deletes an undecided proposal and its comments (a delegation: its own country's; see mayDeleteAmendment). */
  deleteAmendment(id: string): Promise<void>;
  /** Changes an open proposal's text and rationale (its proposer or the secretariat; see mayEditProposal). */
  updateAmendment(id: string, input: AmendmentTextInput): Promise<Amendment>;
  decideAmendment(id: string, input: DecisionInput): Promise<Amendment>;

  /** A new alternative for an open bracket: a delegation's in its own country's name, or one the secretariat records for named delegations. */
  proposeAlternative(bracketId: string, draft: AlternativeDraft): Promise<BracketAlternative>;
  /**
   * Corrects an alternative of an open bracket: its wording, the day it was proposed and (the
   * secretariat) in whose name. A delegation its own country's alone; see mayEditAlternative.
   */
  editAlternative(id: string, draft: AlternativeDraft): Promise<BracketAlternative>;
  /** Withdraws an alternative of an open bracket (its proposing delegation, or the secretariat; see mayWithdrawAlternative). */
  withdrawAlternative(id: string): Promise<void>;
  /** The meeting's decision on a bracket (secretariat): the agreed text (or nothing) takes the marker's place in both languages. */
  decideBracket(bracketId: string, input: BracketDecision): Promise<Bracket>;

  addComment(targetKind: Comment['targetKind'], targetId: string, text: string): Promise<Comment>;
  setCommentResolved(id: string, resolved: boolean): Promise<Comment>;

  setPosition(
    versionId: string,
    countryId: string,
    articleId: string | null,
    stance: PositionStance,
    reservation: string,
  ): Promise<Position>;
  /** Removes a recorded position: the cell is "pending" again (a delegation: its own country's). */
  clearPosition(versionId: string, countryId: string, articleId: string | null): Promise<void>;
}

// ---------------------------------------------------------------------------------------

const notDeleted = (record: { deleted: boolean }): boolean => !record.deleted;

function trimBilingual(text: Bilingual): Bilingual {
  return { en: text.en.trim(), ru: text.ru.trim() };
}

/** Bodies keep their line structure; only trailing spaces and blank edges go. */
function tidyBody(text: Bilingual): Bilingual {
  const tidy = (value: string) =>
    value
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  return { en: tidy(text.en), ru: tidy(text.ru) };
}

function tidyArticle(input: ArticleInput): ArticleInput {
  return { heading: trimBilingual(input.heading), body: tidyBody(input.body) };
}

function assertValid(subject: string, issues: readonly MouIssue[]): void {
  if (issues.length > 0) throw new MouValidationError(subject, issues);
}

function isoDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const MOU_TABLES = [
  'installation',
  'countries',
  'meetings',
  'sessions',
  'mouDocuments',
  'articles',
  'mouVersions',
  'amendments',
  'comments',
  'positions',
  'brackets',
  'bracketAlternatives',
  'meta',
] as const;

export function createMouRepository(ctx: RepositoryContext): MouRepository {
  const { db } = ctx;

  /** Runs `work` in one read-write transaction over the MoU tables, with the clock loaded first. */
  const write = async <T>(work: (clock: InstallationClock, installation: Installation) => Promise<T>): Promise<T> => {
    // The clock reads every synced table: load it before the transaction narrows the scope.
    const clock = await ctx.clock();
    return db.transaction('rw', [...MOU_TABLES], async () => {
      const installation = await db.installation.get('self');
      if (!installation) throw new NoInstallationError();
      return work(clock, installation);
    });
  };

  /** Refuses what peers would refuse from this installation in `table` (the authority table, canEditTable). */
  const requireTable = (installation: Installation, table: 'mouDocuments' | 'articles' | 'mouVersions' | 'brackets'): void => {
    if (!canEditTable(installation.role, installation.countryId, table)) throw new MouRefusedError('secretariatOnly');
  };

  const liveDocument = async (id: string): Promise<MouDocument> => {
    const document = await db.mouDocuments.get(id);
    if (!document || document.deleted) throw new MouRefusedError('notFound');
    return document;
  };

  const editableDocument = async (id: string, installation: Installation, table: 'mouDocuments' | 'articles' = 'articles'): Promise<MouDocument> => {
    requireTable(installation, table);
    const document = await liveDocument(id);
    if (!statusPermissions(document.status).editText) throw new MouRefusedError('textSigned');
    return document;
  };

  const liveArticle = async (id: string): Promise<Article> => {
    const article = await db.articles.get(id);
    if (!article || article.deleted) throw new MouRefusedError('notFound');
    return article;
  };

  const articlesOf = async (documentId: string): Promise<Article[]> =>
    sortArticles(
      await db.articles
        .where('[documentId+order]')
        .between([documentId, Dexie.minKey], [documentId, Dexie.maxKey])
        .filter(notDeleted)
        .toArray(),
    );

  const assertCountries = async (ids: readonly string[]): Promise<void> => {
    const countries = await db.countries.bulkGet([...ids]);
    if (countries.some((country) => !country || country.deleted)) throw new MouRefusedError('unknownCountry');
  };

  /**
   * Gives the article at `index` among `articles` (document order, without it) the key of
   * `plan`, spreading the others' keys out again when the plan says so. In the caller's
   * transaction.
   */
  const placeArticle = async (
    clock: InstallationClock,
    others: readonly Article[],
    plan: { order: number; rebalanced: number[] | null },
  ): Promise<void> => {
    if (plan.rebalanced === null) return;
    for (const [index, article] of others.entries()) {
      const order = plan.rebalanced[index];
      if (order !== undefined && order !== article.order) {
        await writeRecord(db, clock, 'articles', { ...unstamped<'articles'>(article), order });
      }
    }
  };

  const insertArticle = async (
    clock: InstallationClock,
    documentId: string,
    id: string,
    text: ArticleInput,
    afterArticleId: string | null,
    changedByAmendmentId: string | null,
  ): Promise<Article> => {
    const articles = await articlesOf(documentId);
    let index = 0;
    if (afterArticleId !== null) {
      const anchor = articles.findIndex((article) => article.id === afterArticleId);
      if (anchor < 0) throw new MouRefusedError('notFound');
      index = anchor + 1;
    }
    const plan = planInsert(
      articles.map((article) => article.order),
      index,
    );
    await placeArticle(clock, articles, plan);
    return writeRecord(db, clock, 'articles', {
      id,
      documentId,
      order: plan.order,
      heading: text.heading,
      body: text.body,
      translationStale: null,
      changedByAmendmentId,
      deleted: false,
    });
  };

  const openAmendment = async (id: string): Promise<{ amendment: Amendment; document: MouDocument }> => {
    const amendment = await db.amendments.get(id);
    if (!amendment || amendment.deleted) throw new MouRefusedError('notFound');
    const document = await liveDocument(amendment.documentId);
    if (amendment.status !== 'proposed') throw new MouRefusedError('amendmentClosed');
    return { amendment, document };
  };

  /** The article's brackets (live) with their alternatives. */
  const articleBrackets = async (articleId: string): Promise<BracketWithAlternatives[]> => {
    const brackets = await db.brackets.where('articleId').equals(articleId).toArray();
    const alternatives = brackets.length === 0 ? [] : await db.bracketAlternatives.where('bracketId').anyOf(brackets.map((bracket) => bracket.id)).toArray();
    return bracketsOfArticle(articleId, brackets, alternatives);
  };

  /** A live bracket, still open, in a document that takes proposals; with that document. */
  const openBracketForProposals = async (bracketId: string): Promise<{ bracket: Bracket; document: MouDocument }> => {
    const bracket = await db.brackets.get(bracketId);
    if (!bracket || bracket.deleted) throw new MouRefusedError('notFound');
    const document = await liveDocument(bracket.documentId);
    if (!statusPermissions(document.status).propose) {
      throw new MouRefusedError(document.status === 'signed' ? 'textSigned' : 'proposalsClosed');
    }
    if (bracket.status !== 'open') throw new MouRefusedError('bracketClosed');
    return { bracket, document };
  };

  /** The delegations an alternative is proposed in the name of, as chosen: known countries, at least one where `required`. */
  const namedProposers = async (chosen: readonly string[] | undefined, required: boolean): Promise<string[]> => {
    const ids = [...new Set(chosen ?? [])];
    if (required && ids.length === 0) throw new MouValidationError('alternative', [{ path: 'proposedByCountryIds', code: 'proposerRequired' }]);
    await assertCountries(ids);
    return ids;
  };

  /**
   * An alternative's wording and date checked for `bracket` (the other alternatives, other
   * than `exceptId`, hold different wording): its text trimmed, or a validation error.
   */
  const checkedAlternative = async (bracket: Bracket, draft: AlternativeDraft, exceptId: string | null): Promise<Bilingual> => {
    const text = trimBilingual(draft.text);
    const issues: MouIssue[] = [];
    for (const language of ['en', 'ru'] as const) {
      if (text[language] === '') issues.push({ path: `text.${language}`, code: 'alternativeTextRequired' });
      else if (/[[\]\n]/.test(text[language]) || text[language].includes(' / ')) issues.push({ path: `text.${language}`, code: 'alternativeTextInvalid' });
    }
    if (!isValidIsoDate(draft.proposedOn)) issues.push({ path: 'proposedOn', code: 'dateInvalid' });
    else if (draft.proposedOn < bracket.openedOn) issues.push({ path: 'proposedOn', code: 'proposalBeforeBracket' });
    else if (draft.proposedOn > isoDay(ctx.now())) issues.push({ path: 'proposedOn', code: 'dateInFuture' });
    assertValid('alternative', issues);
    const existing = alternativesOf(bracket.id, await db.bracketAlternatives.where('bracketId').equals(bracket.id).toArray());
    if (existing.some((alternative) => alternative.id !== exceptId && alternative.text.en === text.en && alternative.text.ru === text.ru)) {
      throw new MouValidationError('alternative', [{ path: 'text.en', code: 'alternativeExists' }]);
    }
    return text;
  };

  /**
   * The article text as the secretariat saved it, with brackets typed in notation ("[a /
   * b]") turned into markers and records (tied across the languages by order). An open
   * bracket's marker must stay in both languages, once: it is resolved by the meeting's
   * decision, not by deleting it.
   */
  const withBrackets = async (
    clock: InstallationClock,
    documentId: string,
    articleId: string,
    text: ArticleInput,
    openedOn: string = isoDay(ctx.now()),
  ): Promise<ArticleInput> => {
    const existing = articleId === '' ? [] : await db.brackets.where('articleId').equals(articleId).toArray();
    const result = extractNotation(text.body, existing.map((bracket) => bracket.key));
    if (!result.ok) throw new MouValidationError('article', [{ path: 'body.ru', code: result.error }]);
    const alignment = alignMarkers(result.body);
    const open = existing.filter((bracket) => !bracket.deleted && bracket.status === 'open').map((bracket) => bracket.key);
    const kept = new Set(alignment.both);
    if (
      alignment.onlyIn.en.length > 0 ||
      alignment.onlyIn.ru.length > 0 ||
      alignment.repeated.length > 0 ||
      open.some((key) => !kept.has(key)) ||
      [...kept].some((key) => !open.includes(key) && !result.created.some((created) => created.key === key))
    ) {
      throw new MouValidationError('article', [{ path: 'body.ru', code: 'bracketMarkersDiffer' }]);
    }
    for (const created of result.created) {
      const bracket = await writeRecord(db, clock, 'brackets', {
        id: ctx.randomUUID(),
        documentId,
        articleId,
        key: created.key,
        optional: created.optional,
        status: 'open',
        openedOn,
        agreedAlternativeId: null,
        decidedOn: null,
        decidedAtMeetingId: null,
        decidedAtSessionId: null,
        deleted: false,
      });
      for (const alternative of created.alternatives) {
        await writeRecord(db, clock, 'bracketAlternatives', {
          id: ctx.randomUUID(),
          documentId,
          bracketId: bracket.id,
          text: alternative,
          proposedByCountryIds: [],
          proposedOn: openedOn,
          deleted: false,
        });
      }
    }
    return { heading: text.heading, body: result.body };
  };

  /** The article's open brackets, in the order their markers stand in its English text. */
  const openBracketsInOrder = async (article: Article): Promise<BracketWithAlternatives[]> => {
    const order = markersOf(article.body.en);
    return (await articleBrackets(article.id))
      .filter((entry) => entry.bracket.status === 'open')
      .sort((a, b) => order.indexOf(a.bracket.key) - order.indexOf(b.bracket.key));
  };

  /**
   * A proposal's text as stored, and what is wrong with its brackets. It is typed with the
   * article's open brackets in notation (notationForEditing); each one kept word for word
   * becomes its marker again (markersForOpenBrackets), so the proposal keeps the bracket and
   * the meeting still decides it. A replacement must keep every open bracket once in each
   * language; new brackets in notation are tied across the languages as in the article
   * editor, and made when the proposal is accepted.
   */
  const proposalText = async (kind: AmendmentKind, article: Article | undefined, text: ArticleInput): Promise<{ text: ArticleInput; issues: MouIssue[] }> => {
    if (kind === 'delete') return { text, issues: [] };
    const open = kind === 'replace' && article && !article.deleted ? await openBracketsInOrder(article) : [];
    const openKeys = open.map((entry) => entry.bracket.key);
    const body = markersForOpenBrackets(text.body, open);
    const issues: MouIssue[] = [];
    if (bracketsNotKept(body, openKeys).length > 0) issues.push({ path: 'body.en', code: 'bracketNotKept' });
    else if ([...markersOf(body.en), ...markersOf(body.ru)].some((key) => !openKeys.includes(key))) issues.push({ path: 'body.en', code: 'bracketMarkersDiffer' });
    const notation = extractNotation(body, openKeys);
    if (!notation.ok) issues.push({ path: 'body.ru', code: notation.error });
    return { text: { heading: text.heading, body }, issues };
  };

  /**
   * The text an accepted proposal puts in the MoU, with its brackets: a bracket it kept that
   * was agreed or dropped since reads as decided, and brackets it typed in notation become
   * records, opened on the day of the decision. Refused where it would leave out a bracket
   * put in the article after it was made.
   */
  const acceptedText = async (clock: InstallationClock, amendment: Amendment, articleId: string, decidedOn: string): Promise<ArticleInput> => {
    let body: Bilingual = { ...amendment.body };
    if (amendment.kind === 'replace') {
      const entries = await articleBrackets(articleId);
      for (const key of new Set([...markersOf(body.en), ...markersOf(body.ru)])) {
        const entry = entries.find((candidate) => candidate.bracket.key === key);
        if (!entry || entry.bracket.status === 'open') continue;
        const agreed = entry.alternatives.find((alternative) => alternative.id === entry.bracket.agreedAlternativeId);
        body = resolveMarker(body, key, entry.bracket.status === 'agreed' && agreed ? agreed.text : null);
      }
      const kept = new Set([...markersOf(body.en), ...markersOf(body.ru)]);
      if (entries.some((entry) => entry.bracket.status === 'open' && !kept.has(entry.bracket.key))) throw new MouRefusedError('proposalLeavesOutBracket');
    }
    return withBrackets(clock, amendment.documentId, articleId, { heading: { ...amendment.heading }, body }, decidedOn);
  };

  /** The meeting (and its session, which must belong to it) where something was agreed. */
  const assertWhere = async (meetingId: string | null | undefined, sessionId: string | null | undefined): Promise<void> => {
    if (meetingId === null || meetingId === undefined) {
      if (sessionId !== null && sessionId !== undefined) throw new MouRefusedError('unknownSession');
      return;
    }
    const meeting = await db.meetings.get(meetingId);
    if (!meeting || meeting.deleted) throw new MouRefusedError('unknownMeeting');
    if (sessionId === null || sessionId === undefined) return;
    const session = await db.sessions.get(sessionId);
    if (!session || session.deleted || session.meetingId !== meetingId) throw new MouRefusedError('unknownSession');
  };

  return {
    listDocuments: async () =>
      (await db.mouDocuments.filter(notDeleted).toArray()).sort((a, b) => a.title.en.localeCompare(b.title.en, 'en')),

    getDocument: async (id) => {
      const document = await db.mouDocuments.get(id);
      return document && !document.deleted ? document : undefined;
    },

    listArticles: (documentId) => articlesOf(documentId),

    countArticles: (documentId) => db.articles.where('documentId').equals(documentId).filter(notDeleted).count(),

    getArticle: async (id) => db.articles.get(id),

    listVersions: async (documentId) =>
      (await db.mouVersions.where('documentId').equals(documentId).filter(notDeleted).toArray()).sort(
        (a, b) => a.number - b.number,
      ),

    getVersion: async (documentId, number) =>
      (await db.mouVersions.where('[documentId+number]').equals([documentId, number]).filter(notDeleted).first()) ??
      undefined,

    listAmendments: async (documentId) =>
      (await db.amendments.where('documentId').equals(documentId).filter(notDeleted).toArray()).sort(
        (a, b) => b.proposedOn.localeCompare(a.proposedOn) || b.hlc.localeCompare(a.hlc),
      ),

    getAmendment: async (id) => {
      const amendment = await db.amendments.get(id);
      return amendment && !amendment.deleted ? amendment : undefined;
    },

    amendmentConflict: async (id) => {
      const amendment = await db.amendments.get(id);
      if (!amendment) return null;
      const article = amendment.articleId === null ? undefined : await db.articles.get(amendment.articleId);
      return findAmendmentConflict(amendment, article);
    },

    listComments: async (targetId) =>
      (await db.comments.where('targetId').equals(targetId).filter(notDeleted).toArray()).sort((a, b) =>
        a.createdAt.localeCompare(b.createdAt),
      ),

    listDocumentComments: async (documentId) => {
      const [articleIds, amendmentIds] = await Promise.all([
        db.articles.where('documentId').equals(documentId).primaryKeys(),
        db.amendments.where('documentId').equals(documentId).primaryKeys(),
      ]);
      return db.comments
        .where('targetId')
        .anyOf([...articleIds, ...amendmentIds])
        .filter(notDeleted)
        .toArray();
    },

    listPositions: (versionId) => db.positions.where('versionId').equals(versionId).filter(notDeleted).toArray(),

    listBrackets: (documentId) => db.brackets.where('documentId').equals(documentId).filter(notDeleted).toArray(),

    listBracketAlternatives: (documentId) => db.bracketAlternatives.where('documentId').equals(documentId).filter(notDeleted).toArray(),

    createDocument: (input) =>
      write(async (clock, installation) => {
        requireTable(installation, 'mouDocuments');
        const title = trimBilingual(input.title);
        const partyCountryIds = [...new Set(input.partyCountryIds)];
        assertValid('MoU', validateDocument({ title, partyCountryIds }));
        await assertCountries(partyCountryIds);
        return writeRecord(db, clock, 'mouDocuments', {
          id: ctx.randomUUID(),
          title,
          partyCountryIds,
          status: 'drafting',
          statusDates: { drafting: isoDay(ctx.now()) },
          deleted: false,
        });
      }),

    updateDocument: (id, input) =>
      write(async (clock, installation) => {
        const document = await editableDocument(id, installation, 'mouDocuments');
        const title = trimBilingual(input.title);
        const partyCountryIds = [...new Set(input.partyCountryIds)];
        assertValid('MoU', validateDocument({ title, partyCountryIds }));
        await assertCountries(partyCountryIds);
        return writeRecord(db, clock, 'mouDocuments', { ...unstamped<'mouDocuments'>(document), title, partyCountryIds });
      }),

    changeStatus: (id, to, date) =>
      write(async (clock, installation) => {
        requireTable(installation, 'mouDocuments');
        const document = await liveDocument(id);
        const result = changeStatus(document, to, date);
        if (!result.ok) throw new MouValidationError('MoU status', [{ path: 'status', code: result.error }]);
        return writeRecord(db, clock, 'mouDocuments', {
          ...unstamped<'mouDocuments'>(document),
          status: result.status,
          statusDates: result.statusDates,
        });
      }),

    addArticle: (documentId, input, placement) =>
      write(async (clock, installation) => {
        await editableDocument(documentId, installation);
        const tidy = tidyArticle(input);
        assertValid('article', validateArticle(tidy));
        const id = ctx.randomUUID();
        const text = await withBrackets(clock, documentId, id, tidy);
        return insertArticle(clock, documentId, id, text, placement.afterArticleId, null);
      }),

    updateArticle: (id, input) =>
      write(async (clock, installation) => {
        const article = await liveArticle(id);
        await editableDocument(article.documentId, installation);
        const tidy = tidyArticle(input);
        assertValid('article', validateArticle(tidy));
        const text = await withBrackets(clock, article.documentId, article.id, tidy);
        const textChanged =
          JSON.stringify([text.heading, text.body]) !== JSON.stringify([article.heading, article.body]);
        return writeRecord(db, clock, 'articles', {
          ...unstamped<'articles'>(article),
          heading: text.heading,
          body: text.body,
          translationStale: nextTranslationStale(article, text),
          // The text is no longer the one an accepted amendment produced.
          changedByAmendmentId: textChanged ? null : article.changedByAmendmentId,
        });
      }),

    confirmTranslation: (id) =>
      write(async (clock, installation) => {
        const article = await liveArticle(id);
        await editableDocument(article.documentId, installation);
        return writeRecord(db, clock, 'articles', { ...unstamped<'articles'>(article), translationStale: null });
      }),

    moveArticle: (id, toIndex) =>
      write(async (clock, installation) => {
        const article = await liveArticle(id);
        await editableDocument(article.documentId, installation);
        const articles = await articlesOf(article.documentId);
        const from = articles.findIndex((candidate) => candidate.id === id);
        const to = Math.max(0, Math.min(toIndex, articles.length - 1));
        if (from === to) return article;
        const plan = planMove(
          articles.map((candidate) => candidate.order),
          from,
          to,
        );
        await placeArticle(
          clock,
          articles.filter((candidate) => candidate.id !== id),
          plan,
        );
        return writeRecord(db, clock, 'articles', { ...unstamped<'articles'>(article), order: plan.order });
      }),

    deleteArticle: (id) =>
      write(async (clock, installation) => {
        const article = await liveArticle(id);
        await editableDocument(article.documentId, installation);
        await writeDeleted(db, clock, 'articles', id, true);
      }),

    restoreArticleText: (versionId, articleId) =>
      write(async (clock, installation) => {
        const version = await db.mouVersions.get(versionId);
        if (!version || version.deleted) throw new MouRefusedError('notFound');
        await editableDocument(version.documentId, installation);
        const frozenIndex = version.articles.findIndex((article) => article.articleId === articleId);
        const frozen = version.articles[frozenIndex];
        if (!frozen) throw new MouRefusedError('notFound');
        const current = await db.articles.get(articleId);
        // A version holds its open brackets as printed: each still open here, word for word,
        // is its marker again; others become brackets again (withBrackets), and a bracket
        // opened since cannot be restored away (bracketMarkersDiffer).
        const open = current ? await openBracketsInOrder(current) : [];
        const text = await withBrackets(clock, version.documentId, articleId, { heading: { ...frozen.heading }, body: markersForOpenBrackets(frozen.body, open) });
        if (current && !current.deleted) {
          // A version's two texts were frozen together: restored, they match again.
          return writeRecord(db, clock, 'articles', {
            ...unstamped<'articles'>(current),
            ...text,
            translationStale: null,
            changedByAmendmentId: null,
          });
        }
        // Deleted since: back where it stood, after the nearest earlier article still present.
        const live = new Set((await articlesOf(version.documentId)).map((article) => article.id));
        const before = version.articles
          .slice(0, Math.max(frozenIndex, 0))
          .reverse()
          .find((article) => live.has(article.articleId));
        const articles = await articlesOf(version.documentId);
        const index = before ? articles.findIndex((article) => article.id === before.articleId) + 1 : 0;
        const plan = planInsert(
          articles.map((article) => article.order),
          index,
        );
        await placeArticle(clock, articles, plan);
        return writeRecord(db, clock, 'articles', {
          id: articleId,
          documentId: version.documentId,
          order: plan.order,
          ...text,
          translationStale: null,
          changedByAmendmentId: null,
          deleted: false,
        });
      }),

    freezeVersion: (documentId, draft) =>
      write(async (clock, installation) => {
        requireTable(installation, 'mouVersions');
        const document = await liveDocument(documentId);
        const versions = await db.mouVersions.where('documentId').equals(documentId).toArray();
        const label = draft.label.trim().replace(/\s+/g, ' ');
        assertValid(
          'version',
          validateVersion(
            { label, date: draft.date },
            versions.filter(notDeleted).map((version) => version.label),
          ),
        );
        await assertWhere(draft.meetingId, draft.sessionId);
        const articles = await articlesOf(documentId);
        // A version is read on its own: open brackets are frozen as printed, "[a / b]".
        const bracketed = async (article: Article): Promise<Bilingual> => {
          if (markersOf(article.body.en).length === 0 && markersOf(article.body.ru).length === 0) return { ...article.body };
          const byKey = new Map((await articleBrackets(article.id)).map((entry) => [entry.bracket.key, entry]));
          return { en: renderBracketedBody(article.body.en, 'en', byKey), ru: renderBracketedBody(article.body.ru, 'ru', byKey) };
        };
        const frozen = [];
        for (const article of articles) frozen.push({ articleId: article.id, heading: { ...article.heading }, body: await bracketed(article) });
        // Numbers are never reused, even of a deleted version: "version 3" means one text.
        const number = versions.reduce((max, version) => Math.max(max, version.number), 0) + 1;
        return writeRecord(db, clock, 'mouVersions', {
          id: ctx.randomUUID(),
          documentId,
          number,
          label,
          date: draft.date,
          note: draft.note.trim(),
          meetingId: draft.meetingId,
          sessionId: draft.meetingId === null ? null : (draft.sessionId ?? null),
          title: { ...document.title },
          articles: frozen,
          deleted: false,
        });
      }),

    proposeAmendment: (documentId, draft) =>
      write(async (clock, installation) => {
        const document = await liveDocument(documentId);
        if (!statusPermissions(document.status).propose) {
          throw new MouRefusedError(document.status === 'signed' ? 'textSigned' : 'proposalsClosed');
        }
        // In whose name: the installation's own country unless it may choose (the secretariat
        // recording a delegation's proposal); whichever, one its peers accept (screenOffers).
        const proposedByCountryId = choosesProposer(installation, document.partyCountryIds)
          ? (draft.proposedByCountryId ?? null)
          : installation.countryId;
        if (proposedByCountryId === null) {
          throw new MouValidationError('amendment', [{ path: 'proposedByCountryId', code: 'proposerRequired' }]);
        }
        if (!mayProposeFor(installation, proposedByCountryId)) throw new MouRefusedError('ownCountryOnly');
        await assertCountries([proposedByCountryId]);
        const article = draft.articleId === null ? undefined : await db.articles.get(draft.articleId);
        if (draft.articleId !== null && (!article || article.deleted || article.documentId !== documentId)) {
          throw new MouRefusedError('notFound');
        }
        const typed = draft.kind === 'delete' ? { heading: { en: '', ru: '' }, body: { en: '', ru: '' } } : tidyArticle(draft);
        const { text, issues: bracketIssues } = await proposalText(draft.kind, article, typed);
        const rationale = trimBilingual(draft.rationale);
        assertValid('amendment', [
          ...validateAmendment({ kind: draft.kind, articleId: draft.articleId, ...text, rationale }, article ?? null),
          ...bracketIssues,
        ]);
        const today = isoDay(ctx.now());
        const proposedOn = draft.proposedOn ?? today;
        if (!isValidIsoDate(proposedOn)) throw new MouValidationError('amendment', [{ path: 'proposedOn', code: 'dateInvalid' }]);
        if (proposedOn > today) throw new MouValidationError('amendment', [{ path: 'proposedOn', code: 'dateInFuture' }]);
        const onText = draft.kind !== 'insert-after' && article !== undefined;
        return writeRecord(db, clock, 'amendments', {
          id: ctx.randomUUID(),
          documentId,
          articleId: draft.articleId,
          kind: draft.kind,
          proposedByCountryId,
          proposedByDelegateId: null,
          proposedOn,
          ...text,
          rationale,
          baseArticleHlc: onText ? articleTextStamp(article) : null,
          baseText: onText ? { heading: { ...article.heading }, body: { ...article.body } } : null,
          status: 'proposed',
          decisionReason: '',
          decidedOn: null,
          deleted: false,
        });
      }),

    withdrawAmendment: (id) =>
      write(async (clock, installation) => {
        const { amendment } = await openAmendment(id);
        if (!mayActOnAmendment('withdraw', amendment, installation)) throw new MouRefusedError('proposerOnly');
        return writeRecord(db, clock, 'amendments', {
          ...unstamped<'amendments'>(amendment),
          status: statusAfter('withdraw'),
          decidedOn: isoDay(ctx.now()),
        });
      }),

    deleteAmendment: (id) =>
      write(async (clock, installation) => {
        const amendment = await db.amendments.get(id);
        if (!amendment || amendment.deleted) throw new MouRefusedError('notFound');
        if (!mayDeleteAmendment(amendment, installation)) {
          throw new MouRefusedError(amendment.status === 'proposed' || amendment.status === 'withdrawn' ? 'proposerOnly' : 'amendmentClosed');
        }
        const comments = await db.comments.filter((comment) => !comment.deleted && comment.targetKind === 'amendment' && comment.targetId === id).toArray();
        // The proposal first, its comments right after: "Recently deleted" shows them as deleted with it.
        await writeRecord(db, clock, 'amendments', { ...unstamped<'amendments'>(amendment), deleted: true });
        for (const comment of comments) await writeRecord(db, clock, 'comments', { ...unstamped<'comments'>(comment), deleted: true });
      }),

    updateAmendment: (id, input) =>
      write(async (clock, installation) => {
        const { amendment, document } = await openAmendment(id);
        if (!mayEditProposal(installation, amendment)) throw new MouRefusedError('proposalNotYours');
        if (!statusPermissions(document.status).propose) {
          throw new MouRefusedError(document.status === 'signed' ? 'textSigned' : 'proposalsClosed');
        }
        const typed = amendment.kind === 'delete' ? { heading: { en: '', ru: '' }, body: { en: '', ru: '' } } : tidyArticle(input);
        const article = amendment.articleId === null ? undefined : await db.articles.get(amendment.articleId);
        const { text, issues: bracketIssues } = await proposalText(amendment.kind, article, typed);
        const rationale = trimBilingual(input.rationale);
        const base = amendment.baseText ?? (article && !article.deleted ? article : null);
        assertValid('amendment', [...validateAmendment({ kind: amendment.kind, articleId: amendment.articleId, ...text, rationale }, base), ...bracketIssues]);
        // The text it was made against stays: a change of the article since is still shown to the secretariat.
        return writeRecord(db, clock, 'amendments', { ...unstamped<'amendments'>(amendment), ...text, rationale });
      }),

    decideAmendment: (id, input) =>
      write(async (clock, installation) => {
        const { amendment, document } = await openAmendment(id);
        if (!mayDecideProposal(installation, amendment, input.decision)) {
          throw new MouRefusedError('secretariatOnly');
        }
        if (!statusPermissions(document.status).decide) throw new MouRefusedError('textSigned');
        assertValid('decision', validateDecision(input.decision, input.reason, input.date, amendment.proposedOn));
        await assertWhere(input.meetingId, input.sessionId);
        if (input.decision === 'accept') {
          const article = amendment.articleId === null ? undefined : await db.articles.get(amendment.articleId);
          const conflict = findAmendmentConflict(amendment, article);
          // Only a changed text may be overridden, after the secretariat has seen the change;
          // a deleted or missing article leaves nothing the proposal could apply to.
          if (conflict && !(conflict.kind === 'textChanged' && input.acknowledgeConflict === true)) {
            throw new AmendmentConflictError(conflict);
          }
          switch (amendment.kind) {
            case 'replace': {
              if (!article) throw new AmendmentConflictError({ kind: 'articleMissing' });
              const text = await acceptedText(clock, amendment, article.id, input.date);
              await writeRecord(db, clock, 'articles', {
                ...unstamped<'articles'>(article),
                ...text,
                translationStale: nextTranslationStale(article, text),
                changedByAmendmentId: amendment.id,
              });
              break;
            }
            case 'insert-after': {
              // Derived from the amendment: accepting on two machines yields one article.
              const articleId = deterministicId(`mou-amendment-article:${amendment.id}`);
              await insertArticle(clock, amendment.documentId, articleId, await acceptedText(clock, amendment, articleId, input.date), amendment.articleId, amendment.id);
              break;
            }
            case 'delete': {
              if (!article) throw new AmendmentConflictError({ kind: 'articleMissing' });
              await writeRecord(db, clock, 'articles', {
                ...unstamped<'articles'>(article),
                changedByAmendmentId: amendment.id,
                deleted: true,
              });
              break;
            }
          }
        }
        return writeRecord(db, clock, 'amendments', {
          ...unstamped<'amendments'>(amendment),
          status: statusAfter(input.decision),
          decisionReason: input.reason.trim(),
          decidedOn: input.date,
          decidedAtMeetingId: input.meetingId ?? null,
          decidedAtSessionId: input.meetingId ? (input.sessionId ?? null) : null,
        });
      }),

    proposeAlternative: (bracketId, draft) =>
      write(async (clock, installation) => {
        const { bracket, document } = await openBracketForProposals(bracketId);
        let proposedByCountryIds: string[];
        if (!choosesAlternativeProposers(installation, document.partyCountryIds)) {
          // Not asked in whose name: a delegation proposes in its own name alone, which is
          // what its peers accept from it (authorityRules, screenOffers).
          proposedByCountryIds = installation.countryId === null ? [] : [installation.countryId];
        } else {
          proposedByCountryIds = await namedProposers(draft.proposedByCountryIds, true);
        }
        if (!mayProposeAlternativeFor(installation, proposedByCountryIds)) throw new MouRefusedError('ownCountryOnly');
        const text = await checkedAlternative(bracket, draft, null);
        return writeRecord(db, clock, 'bracketAlternatives', {
          id: ctx.randomUUID(),
          documentId: bracket.documentId,
          bracketId: bracket.id,
          text,
          proposedByCountryIds,
          proposedOn: draft.proposedOn,
          deleted: false,
        });
      }),

    editAlternative: (id, draft) =>
      write(async (clock, installation) => {
        const alternative = await db.bracketAlternatives.get(id);
        if (!alternative || alternative.deleted) throw new MouRefusedError('notFound');
        const { bracket, document } = await openBracketForProposals(alternative.bracketId);
        if (!mayEditAlternative(installation, alternative)) throw new MouRefusedError('proposerOnly');
        // Who proposed it changes only where the actor names proposers (the secretariat); the
        // draft's own text (no proposers) may stay so, a delegation's alternative keeps a name.
        const proposedByCountryIds =
          draft.proposedByCountryIds !== undefined && choosesAlternativeProposers(installation, document.partyCountryIds)
            ? await namedProposers(draft.proposedByCountryIds, alternative.proposedByCountryIds.length > 0)
            : alternative.proposedByCountryIds;
        if (!mayEditAlternative(installation, { proposedByCountryIds })) throw new MouRefusedError('ownCountryOnly');
        const text = await checkedAlternative(bracket, draft, alternative.id);
        return writeRecord(db, clock, 'bracketAlternatives', {
          ...unstamped<'bracketAlternatives'>(alternative),
          text,
          proposedByCountryIds,
          proposedOn: draft.proposedOn,
        });
      }),

    withdrawAlternative: (id) =>
      write(async (clock, installation) => {
        const alternative = await db.bracketAlternatives.get(id);
        if (!alternative || alternative.deleted) throw new MouRefusedError('notFound');
        const bracket = await db.brackets.get(alternative.bracketId);
        if (!bracket || bracket.deleted) throw new MouRefusedError('notFound');
        if (bracket.status !== 'open') throw new MouRefusedError('bracketClosed');
        if (!mayWithdrawAlternative(installation, alternative)) throw new MouRefusedError('proposerOnly');
        await writeRecord(db, clock, 'bracketAlternatives', { ...unstamped<'bracketAlternatives'>(alternative), deleted: true });
      }),

    decideBracket: (bracketId, input) =>
      write(async (clock, installation) => {
        requireTable(installation, 'brackets');
        const bracket = await db.brackets.get(bracketId);
        if (!bracket || bracket.deleted) throw new MouRefusedError('notFound');
        const document = await editableDocument(bracket.documentId, installation);
        if (!statusPermissions(document.status).decide) throw new MouRefusedError('textSigned');
        if (bracket.status !== 'open') throw new MouRefusedError('bracketClosed');
        const article = await liveArticle(bracket.articleId);
        const entry = (await articleBrackets(article.id)).find((candidate) => candidate.bracket.id === bracket.id) ?? { bracket, alternatives: [] };
        const alternativeId = input.outcome === 'agreed' ? (bracket.optional ? (entry.alternatives[0]?.id ?? null) : input.alternativeId) : null;
        const issues = validateBracketDecision(entry, { ...input, alternativeId }, isValidIsoDate);
        assertValid(
          'bracket',
          issues.flatMap((issue): MouIssue[] => (issue.code === 'bracketClosed' ? [] : [{ path: issue.path, code: issue.code }])),
        );
        await assertWhere(input.meetingId, input.sessionId);
        const agreed = entry.alternatives.find((alternative) => alternative.id === alternativeId);
        const body = resolveMarker(article.body, bracket.key, agreed ? agreed.text : null);
        await writeRecord(db, clock, 'articles', { ...unstamped<'articles'>(article), body });
        return writeRecord(db, clock, 'brackets', {
          ...unstamped<'brackets'>(bracket),
          status: input.outcome,
          agreedAlternativeId: alternativeId,
          decidedOn: input.date,
          decidedAtMeetingId: input.meetingId,
          decidedAtSessionId: input.sessionId,
        });
      }),

    addComment: (targetKind, targetId, text) =>
      write(async (clock, installation) => {
        assertValid('comment', validateComment(text));
        const target = targetKind === 'article' ? await db.articles.get(targetId) : await db.amendments.get(targetId);
        if (!target) throw new MouRefusedError('notFound');
        return writeRecord(db, clock, 'comments', {
          id: ctx.randomUUID(),
          targetKind,
          targetId,
          authorDelegateId: null,
          authorName: installation.displayName,
          text: text.trim(),
          createdAt: new Date(ctx.now()).toISOString(),
          resolved: false,
          deleted: false,
        });
      }),

    setCommentResolved: (id, resolved) =>
      write(async (clock) => {
        const comment = await db.comments.get(id);
        if (!comment || comment.deleted) throw new MouRefusedError('notFound');
        return writeRecord(db, clock, 'comments', { ...unstamped<'comments'>(comment), resolved });
      }),

    clearPosition: (versionId, countryId, articleId) =>
      write(async (clock, installation) => {
        const version = await db.mouVersions.get(versionId);
        if (!version || version.deleted) throw new MouRefusedError('notFound');
        const document = await liveDocument(version.documentId);
        if (document.status === 'signed') throw new MouRefusedError('textSigned');
        const existing = (await db.positions.where('[versionId+countryId]').equals([versionId, countryId]).toArray()).find(
          (position) => position.articleId === articleId && !position.deleted,
        );
        if (!existing) throw new MouRefusedError('notFound');
        if (!mayClearPosition(installation, existing)) throw new MouRefusedError('ownCountryOnly');
        await writeRecord(db, clock, 'positions', { ...unstamped<'positions'>(existing), deleted: true });
      }),

    setPosition: (versionId, countryId, articleId, stance, reservation) =>
      write(async (clock, installation) => {
        if (!mayRecordPosition(installation, countryId)) throw new MouRefusedError('ownCountryOnly');
        const version = await db.mouVersions.get(versionId);
        if (!version || version.deleted) throw new MouRefusedError('notFound');
        const document = await liveDocument(version.documentId);
        if (!document.partyCountryIds.includes(countryId)) throw new MouRefusedError('notParty');
        if (articleId !== null && !version.articles.some((article) => article.articleId === articleId)) {
          throw new MouRefusedError('notFound');
        }
        const text = stance === 'reservation' ? reservation.trim() : '';
        assertValid('position', validatePosition(stance, text));
        // The cell's record, whatever its id (sample data and older records predate positionId).
        const existing = (await db.positions.where('[versionId+countryId]').equals([versionId, countryId]).toArray()).find(
          (position) => position.articleId === articleId && !position.deleted,
        );
        return writeRecord(db, clock, 'positions', {
          ...(existing ? unstamped<'positions'>(existing) : { id: positionId(versionId, countryId, articleId), deleted: false }),
          versionId,
          countryId,
          articleId,
          stance,
          reservation: text,
        });
      }),
  };
}

