/** The MoU repository against fake-indexeddb: roles, numbering, versions, amendments and their conflicts, positions, nothing partial. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Bilingual } from '../../shared/model';
import { articleNumbers } from '../../shared/mou/numbering';
import { judgeChange } from '../../shared/sync/authorityRules';
import type { SyncRecord } from '../../shared/sync/bundleFormat';
import {
  AmendmentConflictError,
  MouRefusedError,
  MouValidationError,
  createRepositories,
  openDatabase,
  type CwgDatabase,
  type Repositories,
} from '../../renderer/db';

const open: CwgDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function setUp(): Promise<{ db: CwgDatabase; repositories: Repositories }> {
  const db = openDatabase(`cwg-mou-test-${crypto.randomUUID()}`);
  open.push(db);
  // Proposals take today's date: "today" is in early 2015, before the decisions these tests date (a decision cannot predate its proposal).
  const repositories = createRepositories(db, { now: () => Date.UTC(2015, 0, 15, 9) });
  await repositories.installation.create({ displayName: 'Secretariat laptop', role: 'secretariat', countryId: null });
  return { db, repositories };
}

const bi = (en: string, ru: string): Bilingual => ({ en, ru });
const text = (n: number) => ({
  heading: bi(`Heading ${String(n)}`, `Заголовок ${String(n)}`),
  body: bi(`1. Body of article ${String(n)}.`, `1. Текст статьи ${String(n)}.`),
});

async function asDelegation(repositories: Repositories, countryId = 'KZ'): Promise<void> {
  await repositories.installation.update({ role: 'delegation', countryId });
}
async function asSecretariat(repositories: Repositories): Promise<void> {
  await repositories.installation.update({ role: 'secretariat', countryId: null });
}

async function documentWith(repositories: Repositories, count: number) {
  const document = await repositories.mou.createDocument({ title: bi('Test MoU', 'Тестовый меморандум'), partyCountryIds: ['KZ', 'KG', 'TJ'] });
  let after: string | null = null;
  for (let n = 1; n <= count; n += 1) {
    const article = await repositories.mou.addArticle(document.id, text(n), { afterArticleId: after });
    after = article.id;
  }
  return document;
}

const headings = async (repositories: Repositories, documentId: string) =>
  (await repositories.mou.listArticles(documentId)).map((article) => article.heading.en);

async function expectRefused(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MouRefusedError);
  expect((error as MouRefusedError).code).toBe(code);
}

/** A document with one article and two identical open proposals of the Kazakh delegation on it; the installation is left as that delegation. */
async function twoKazakhProposals() {
  const { db, repositories } = await setUp();
  const document = await documentWith(repositories, 1);
  const [article] = await repositories.mou.listArticles(document.id);
  await asDelegation(repositories, 'KZ');
  const draft = { kind: 'replace' as const, articleId: article?.id ?? null, ...text(1), body: bi('1. Other.', '1. Иное.'), rationale: bi('Why.', '') };
  const proposals = [await repositories.mou.proposeAmendment(document.id, draft), await repositories.mou.proposeAmendment(document.id, draft)] as const;
  return { db, repositories, document, draft, proposals };
}

describe('articles', () => {
  it('numbers articles by order and renumbers on insert, move and delete', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 3);
    const [first, second] = await repositories.mou.listArticles(document.id);
    // Insert after article 1: it becomes article 2, the later ones shift.
    await repositories.mou.addArticle(document.id, text(9), { afterArticleId: first?.id ?? null });
    expect(await headings(repositories, document.id)).toEqual(['Heading 1', 'Heading 9', 'Heading 2', 'Heading 3']);
    // At the very beginning.
    await repositories.mou.addArticle(document.id, text(0), { afterArticleId: null });
    expect(await headings(repositories, document.id)).toEqual(['Heading 0', 'Heading 1', 'Heading 9', 'Heading 2', 'Heading 3']);
    // Move article "2" (now number 4) to the top.
    await repositories.mou.moveArticle(second?.id ?? '', 0);
    expect(await headings(repositories, document.id)).toEqual(['Heading 2', 'Heading 0', 'Heading 1', 'Heading 9', 'Heading 3']);
    await repositories.mou.deleteArticle(first?.id ?? '');
    const articles = await repositories.mou.listArticles(document.id);
    expect(articles.map((a) => a.heading.en)).toEqual(['Heading 2', 'Heading 0', 'Heading 9', 'Heading 3']);
    expect([...articleNumbers(articles).values()]).toEqual([1, 2, 3, 4]);
    // Deletion is a tombstone.
    expect((await repositories.mou.getArticle(first?.id ?? ''))?.deleted).toBe(true);
  });

  it('keeps a consistent order when inserting at the same place many times (keys spread out again)', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 2);
    const [first] = await repositories.mou.listArticles(document.id);
    for (let n = 10; n < 70; n += 1) {
      await repositories.mou.addArticle(document.id, text(n), { afterArticleId: first?.id ?? null });
    }
    const list = await headings(repositories, document.id);
    expect(list).toHaveLength(62);
    expect(list[0]).toBe('Heading 1');
    // Each insert went right after article 1: the newest is second, the oldest just before "2".
    expect(list[1]).toBe('Heading 69');
    expect(list[60]).toBe('Heading 10');
    expect(list[61]).toBe('Heading 2');
    const orders = (await repositories.mou.listArticles(document.id)).map((a) => a.order);
    expect(new Set(orders).size).toBe(orders.length);
  });

  it('refuses empty headings in either language and saves nothing', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const before = await repositories.dump();
    const error: unknown = await repositories.mou
      .addArticle(document.id, { heading: bi('Scope', '  '), body: bi('1. Text.', '1. Текст.') }, { afterArticleId: null })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(MouValidationError);
    expect((error as MouValidationError).mouIssues).toEqual([{ path: 'heading.ru', code: 'headingRequired' }]);
    expect((error as MouValidationError).message).toContain('Enter a heading in this language.');
    expect(await repositories.dump()).toEqual(before);
  });

  it('flags the other language when one changes, until updated or confirmed', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    const id = article?.id ?? '';
    const edited = await repositories.mou.updateArticle(id, { ...text(1), body: bi('1. Changed body.', '1. Текст статьи 1.') });
    expect(edited.translationStale).toBe('ru');
    const translated = await repositories.mou.updateArticle(id, { ...text(1), body: bi('1. Changed body.', '1. Измененный текст.') });
    expect(translated.translationStale).toBeNull();
    await repositories.mou.updateArticle(id, { ...text(1), heading: bi('Heading 1', 'Новый заголовок'), body: translated.body });
    expect((await repositories.mou.getArticle(id))?.translationStale).toBe('en');
    expect((await repositories.mou.confirmTranslation(id)).translationStale).toBeNull();
  });

  it('lets only the secretariat change the official text, and nobody once signed', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories);
    const before = await repositories.dump();
    await expectRefused(repositories.mou.addArticle(document.id, text(2), { afterArticleId: null }), 'secretariatOnly');
    await expectRefused(repositories.mou.updateArticle(article?.id ?? '', text(5)), 'secretariatOnly');
    await expectRefused(repositories.mou.deleteArticle(article?.id ?? ''), 'secretariatOnly');
    await expectRefused(repositories.mou.moveArticle(article?.id ?? '', 0), 'secretariatOnly');
    await expectRefused(repositories.mou.freezeVersion(document.id, { label: 'v', date: '2015-01-01', note: '', meetingId: null }), 'secretariatOnly');
    await expectRefused(repositories.mou.changeStatus(document.id, 'negotiation', '2015-01-01'), 'secretariatOnly');
    await expectRefused(repositories.mou.createDocument({ title: bi('X', 'Х'), partyCountryIds: ['KZ'] }), 'secretariatOnly');
    expect(await repositories.dump()).toEqual(before);

    await asSecretariat(repositories);
    for (const [to, date] of [
      ['negotiation', '2030-01-01'],
      ['agreed', '2030-02-01'],
      ['signed', '2030-03-01'],
    ] as const) {
      await repositories.mou.changeStatus(document.id, to, date);
    }
    expect((await repositories.mou.getDocument(document.id))?.statusDates).toMatchObject({ negotiation: '2030-01-01', signed: '2030-03-01' });
    await expectRefused(repositories.mou.updateArticle(article?.id ?? '', text(5)), 'textSigned');
    await expect(repositories.mou.changeStatus(document.id, 'agreed', '2030-04-01')).rejects.toBeInstanceOf(MouValidationError);
  });
});

describe('versions', () => {
  it('freezes the text with the next number and refuses a label used twice, writing nothing', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 2);
    const v1 = await repositories.mou.freezeVersion(document.id, { label: 'First draft', date: '2015-01-10', note: 'Note', meetingId: null });
    expect(v1).toMatchObject({ number: 1, label: 'First draft', title: document.title });
    expect(v1.articles.map((a) => a.heading.en)).toEqual(['Heading 1', 'Heading 2']);
    const before = await repositories.dump();
    const error: unknown = await repositories.mou
      .freezeVersion(document.id, { label: ' first  DRAFT ', date: '2015-02-10', note: '', meetingId: null })
      .catch((reason: unknown) => reason);
    expect((error as MouValidationError).mouIssues).toEqual([{ path: 'label', code: 'labelTaken' }]);
    expect(await repositories.dump()).toEqual(before);
    const v2 = await repositories.mou.freezeVersion(document.id, { label: 'Second draft', date: '2015-02-10', note: '', meetingId: null });
    expect(v2.number).toBe(2);
    expect((await repositories.mou.getVersion(document.id, 2))?.id).toBe(v2.id);
    // A frozen version does not follow later edits.
    const [article] = await repositories.mou.listArticles(document.id);
    await repositories.mou.updateArticle(article?.id ?? '', text(7));
    expect((await repositories.mou.getVersion(document.id, 1))?.articles[0]?.heading.en).toBe('Heading 1');
  });

  it('restores an older article text as a new change, also for a deleted article', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 3);
    const v1 = await repositories.mou.freezeVersion(document.id, { label: 'v1', date: '2015-01-10', note: '', meetingId: null });
    const [a, b] = await repositories.mou.listArticles(document.id);
    const changed = await repositories.mou.updateArticle(a?.id ?? '', text(8));
    await repositories.mou.deleteArticle(b?.id ?? '');
    const restored = await repositories.mou.restoreArticleText(v1.id, a?.id ?? '');
    expect(restored.heading.en).toBe('Heading 1');
    expect(restored.hlc > changed.hlc).toBe(true);
    const back = await repositories.mou.restoreArticleText(v1.id, b?.id ?? '');
    expect(back.deleted).toBe(false);
    expect(await headings(repositories, document.id)).toEqual(['Heading 1', 'Heading 2', 'Heading 3']);
  });
});

describe('amendments', () => {
  it('lets a delegation propose and the secretariat accept: the text changes and remembers the amendment', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 2);
    const [article] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories, 'KZ');
    const amendment = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId: article?.id ?? null,
      heading: article?.heading ?? bi('', ''),
      body: bi('1. Amended body.', '1. Измененный текст.'),
      rationale: bi('Clearer.', ''),
    });
    expect(amendment).toMatchObject({ status: 'proposed', proposedByCountryId: 'KZ', baseText: { body: article?.body } });
    // A delegation cannot decide.
    await expectRefused(repositories.mou.decideAmendment(amendment.id, { decision: 'accept', reason: '', date: '2015-01-01' }), 'secretariatOnly');
    await asSecretariat(repositories);
    const accepted = await repositories.mou.decideAmendment(amendment.id, { decision: 'accept', reason: '', date: '2015-03-02' });
    expect(accepted).toMatchObject({ status: 'accepted', decidedOn: '2015-03-02' });
    const after = await repositories.mou.getArticle(article?.id ?? '');
    expect(after).toMatchObject({ body: bi('1. Amended body.', '1. Измененный текст.'), changedByAmendmentId: amendment.id, translationStale: null });
    // Decided is final.
    await expectRefused(repositories.mou.decideAmendment(amendment.id, { decision: 'reject', reason: 'x', date: '2015-03-02' }), 'amendmentClosed');
  });

  it('shows the conflict instead of applying a proposal to a text changed since, and applies only when acknowledged', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    const id = article?.id ?? '';
    await asDelegation(repositories, 'KG');
    const amendment = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId: id,
      ...text(1),
      body: bi('1. Proposal.', '1. Предложение.'),
      rationale: bi('', 'Обоснование.'),
    });
    await asSecretariat(repositories);
    // Moving or confirming a translation is not a change of text.
    await repositories.mou.confirmTranslation(id);
    expect(await repositories.mou.amendmentConflict(amendment.id)).toBeNull();
    await repositories.mou.updateArticle(id, { ...text(1), body: bi('1. Edited meanwhile.', '1. Изменено тем временем.') });
    expect(await repositories.mou.amendmentConflict(amendment.id)).toEqual({ kind: 'textChanged' });
    const before = await repositories.dump();
    const error: unknown = await repositories.mou
      .decideAmendment(amendment.id, { decision: 'accept', reason: '', date: '2015-03-02' })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(AmendmentConflictError);
    expect(await repositories.dump()).toEqual(before);
    await repositories.mou.decideAmendment(amendment.id, { decision: 'accept', reason: '', date: '2015-03-02', acknowledgeConflict: true });
    expect((await repositories.mou.getArticle(id))?.body.en).toBe('1. Proposal.');
  });

  it('refuses to accept a proposal on a deleted article, even acknowledged', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 2);
    const [article] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories);
    const amendment = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId: article?.id ?? null,
      ...text(1),
      body: bi('1. New.', '1. Новое.'),
      rationale: bi('Why.', ''),
    });
    await asSecretariat(repositories);
    await repositories.mou.deleteArticle(article?.id ?? '');
    await expect(
      repositories.mou.decideAmendment(amendment.id, { decision: 'accept', reason: '', date: '2015-03-02', acknowledgeConflict: true }),
    ).rejects.toBeInstanceOf(AmendmentConflictError);
    expect((await repositories.mou.decideAmendment(amendment.id, { decision: 'supersede', reason: '', date: '2015-03-02' })).status).toBe(
      'superseded',
    );
  });

  it('inserts a proposed article after its anchor and deletes a proposed deletion', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 3);
    const [first, second] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories, 'TJ');
    const insert = await repositories.mou.proposeAmendment(document.id, {
      kind: 'insert-after',
      articleId: first?.id ?? null,
      heading: bi('Contact points', 'Контактные пункты'),
      body: bi('1. Each member designates one.', '1. Каждый член назначает.'),
      rationale: bi('Needed.', ''),
    });
    const removal = await repositories.mou.proposeAmendment(document.id, {
      kind: 'delete',
      articleId: second?.id ?? null,
      heading: bi('ignored', ''),
      body: bi('ignored', ''),
      rationale: bi('Redundant.', ''),
    });
    expect(removal.body).toEqual(bi('', ''));
    await asSecretariat(repositories);
    await repositories.mou.decideAmendment(insert.id, { decision: 'accept', reason: '', date: '2015-03-02' });
    await repositories.mou.decideAmendment(removal.id, { decision: 'accept', reason: '', date: '2015-03-02' });
    const articles = await repositories.mou.listArticles(document.id);
    expect(articles.map((a) => a.heading.en)).toEqual(['Heading 1', 'Contact points', 'Heading 3']);
    expect(articles[1]?.changedByAmendmentId).toBe(insert.id);
    expect((await repositories.mou.getArticle(second?.id ?? ''))).toMatchObject({ deleted: true, changedByAmendmentId: removal.id });
  });

  it('lets only the proposer withdraw, and requires a reason to reject', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories, 'KZ');
    const draft = { kind: 'replace' as const, articleId: article?.id ?? null, ...text(1), body: bi('1. Other.', '1. Иное.'), rationale: bi('Why.', '') };
    const first = await repositories.mou.proposeAmendment(document.id, draft);
    const second = await repositories.mou.proposeAmendment(document.id, draft);
    await asDelegation(repositories, 'KG');
    await expectRefused(repositories.mou.withdrawAmendment(first.id), 'proposerOnly');
    await asSecretariat(repositories);
    await expectRefused(repositories.mou.withdrawAmendment(first.id), 'proposerOnly');
    const error: unknown = await repositories.mou
      .decideAmendment(second.id, { decision: 'reject', reason: ' ', date: '2015-03-02' })
      .catch((reason: unknown) => reason);
    expect((error as MouValidationError).mouIssues).toEqual([{ path: 'reason', code: 'reasonRequired' }]);
    expect((await repositories.mou.decideAmendment(second.id, { decision: 'reject', reason: 'Out of scope.', date: '2015-03-02' })).status).toBe(
      'rejected',
    );
    await asDelegation(repositories, 'KZ');
    expect((await repositories.mou.withdrawAmendment(first.id)).status).toBe('withdrawn');
  });

  it('lets a delegation delete its own undecided proposal with its comments, and nobody else’s; decisions stay', async () => {
    const { db, repositories, document, proposals } = await twoKazakhProposals();
    const [own, decided] = proposals;
    const comment = await repositories.mou.addComment('amendment', own.id, 'Our reasons.');
    await asDelegation(repositories, 'KG');
    await expectRefused(repositories.mou.deleteAmendment(own.id), 'proposerOnly');
    await asSecretariat(repositories);
    await repositories.mou.decideAmendment(decided.id, { decision: 'reject', reason: 'Out of scope.', date: '2015-03-02' });
    await asDelegation(repositories, 'KZ');
    await expectRefused(repositories.mou.deleteAmendment(decided.id), 'amendmentClosed');
    await repositories.mou.deleteAmendment(own.id);
    expect(await db.amendments.get(own.id)).toMatchObject({ deleted: true });
    expect(await db.comments.get(comment.id)).toMatchObject({ deleted: true });
    expect((await repositories.mou.listAmendments(document.id)).map((amendment) => amendment.id)).toEqual([decided.id]);
  });

  it('requires the secretariat to name the proposer, and closes proposals on agreed text', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    const draft = { kind: 'delete' as const, articleId: article?.id ?? null, ...text(1), rationale: bi('Why.', '') };
    await expect(repositories.mou.proposeAmendment(document.id, draft)).rejects.toBeInstanceOf(MouValidationError);
    expect((await repositories.mou.proposeAmendment(document.id, { ...draft, proposedByCountryId: 'AF' })).proposedByCountryId).toBe('AF');
    await repositories.mou.changeStatus(document.id, 'negotiation', '2030-01-01');
    await repositories.mou.changeStatus(document.id, 'agreed', '2030-01-02');
    await asDelegation(repositories);
    await expectRefused(repositories.mou.proposeAmendment(document.id, draft), 'proposalsClosed');
  });
});

describe('comments and positions', () => {
  it('adds comments from any role and resolves them', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const [article] = await repositories.mou.listArticles(document.id);
    await asDelegation(repositories);
    const comment = await repositories.mou.addComment('article', article?.id ?? '', '  Please clarify paragraph 1.  ');
    expect(comment).toMatchObject({ text: 'Please clarify paragraph 1.', authorName: 'Secretariat laptop', resolved: false });
    await expect(repositories.mou.addComment('article', article?.id ?? '', '   ')).rejects.toBeInstanceOf(MouValidationError);
    await repositories.mou.setCommentResolved(comment.id, true);
    expect((await repositories.mou.listComments(article?.id ?? ''))[0]?.resolved).toBe(true);
    expect(await repositories.mou.listDocumentComments(document.id)).toHaveLength(1);
  });

  it('keeps one position per cell; a delegation records only its own', async () => {
    const { repositories } = await setUp();
    const document = await documentWith(repositories, 2);
    const version = await repositories.mou.freezeVersion(document.id, { label: 'v1', date: '2015-01-10', note: '', meetingId: null });
    const articleId = version.articles[1]?.articleId ?? null;
    await repositories.mou.setPosition(version.id, 'KG', null, 'supports', 'ignored');
    await asDelegation(repositories, 'KZ');
    await expectRefused(repositories.mou.setPosition(version.id, 'KG', null, 'opposes', ''), 'ownCountryOnly');
    await expect(repositories.mou.setPosition(version.id, 'KZ', articleId, 'reservation', ' ')).rejects.toBeInstanceOf(MouValidationError);
    await repositories.mou.setPosition(version.id, 'KZ', articleId, 'reservation', 'Subject to domestic procedures.');
    await repositories.mou.setPosition(version.id, 'KZ', articleId, 'supports', '');
    const positions = await repositories.mou.listPositions(version.id);
    expect(positions.map((p) => [p.countryId, p.articleId, p.stance, p.reservation]).sort()).toEqual([
      ['KG', null, 'supports', ''],
      ['KZ', articleId, 'supports', ''],
    ]);
    await asSecretariat(repositories);
    await expectRefused(repositories.mou.setPosition(version.id, 'AF', null, 'supports', ''), 'notParty');
  });
});

describe('a delegation records its own work (what its peers accept)', () => {
  /** Whether the record as stored here is accepted by peers from this installation as a delegation of `countryId`. */
  async function acceptedFrom(db: CwgDatabase, repositories: Repositories, table: 'amendments' | 'positions', id: string, countryId: string): Promise<boolean> {
    const installation = await repositories.installation.get();
    const stored: unknown = await db.table(table).get(id);
    return judgeChange(table, stored as SyncRecord, { authority: 'delegation', countryId, signerId: installation?.id ?? '' }).refusedFields === null;
  }

  it('lets the proposer edit its open proposal’s text and rationale; not another country’s, not a decided one', async () => {
    const { db, repositories, draft, proposals } = await twoKazakhProposals();
    const [own, closed] = proposals;
    const edited = await repositories.mou.updateAmendment(own.id, { heading: draft.heading, body: bi('  1. Better.  ', '1. Лучше.'), rationale: bi(' Clearer. ', 'Яснее.') });
    expect(edited).toMatchObject({ body: bi('1. Better.', '1. Лучше.'), rationale: bi('Clearer.', 'Яснее.'), status: 'proposed', proposedByCountryId: 'KZ', baseText: own.baseText });
    expect(await acceptedFrom(db, repositories, 'amendments', own.id, 'KZ')).toBe(true);
    // The same checks as proposing: a text equal to the article's is no proposal.
    await expect(repositories.mou.updateAmendment(own.id, { ...text(1), rationale: bi('Why.', '') })).rejects.toBeInstanceOf(MouValidationError);
    await asDelegation(repositories, 'KG');
    await expectRefused(repositories.mou.updateAmendment(own.id, { ...draft, body: bi('1. Ours.', '1. Наше.') }), 'proposalNotYours');
    await asSecretariat(repositories);
    await repositories.mou.decideAmendment(closed.id, { decision: 'reject', reason: 'Out of scope.', date: '2015-03-02' });
    await asDelegation(repositories, 'KZ');
    await expectRefused(repositories.mou.updateAmendment(closed.id, { ...draft, body: bi('1. Again.', '1. Снова.') }), 'amendmentClosed');
    expect((await repositories.mou.getAmendment(own.id))?.body.en).toBe('1. Better.');
  });

  it('lets a delegation clear its own country’s position, never another’s; the secretariat clears any', async () => {
    const { db, repositories } = await setUp();
    const document = await documentWith(repositories, 1);
    const version = await repositories.mou.freezeVersion(document.id, { label: 'v1', date: '2015-01-10', note: '', meetingId: null });
    const kg = await repositories.mou.setPosition(version.id, 'KG', null, 'opposes', '');
    await asDelegation(repositories, 'KZ');
    const kz = await repositories.mou.setPosition(version.id, 'KZ', null, 'reservation', 'Subject to ratification.');
    await expectRefused(repositories.mou.clearPosition(version.id, 'KG', null), 'ownCountryOnly');
    await repositories.mou.clearPosition(version.id, 'KZ', null);
    expect(await db.positions.get(kz.id)).toMatchObject({ deleted: true });
    expect(await acceptedFrom(db, repositories, 'positions', kz.id, 'KZ')).toBe(true);
    expect((await repositories.mou.listPositions(version.id)).map((position) => position.countryId)).toEqual(['KG']);
    await expectRefused(repositories.mou.clearPosition(version.id, 'KZ', null), 'notFound');
    // Recorded again, the same cell comes back.
    expect(await repositories.mou.setPosition(version.id, 'KZ', null, 'supports', '')).toMatchObject({ id: kz.id, deleted: false, stance: 'supports' });
    await asSecretariat(repositories);
    await repositories.mou.clearPosition(version.id, 'KG', null);
    expect(await db.positions.get(kg.id)).toMatchObject({ deleted: true });
  });
});

describe('a long MoU', () => {
  it('handles 60 articles: insert, move and list stay fast', async () => {
    const { repositories } = await setUp();
    const document = await repositories.mou.createDocument({ title: bi('Long MoU', 'Длинный меморандум'), partyCountryIds: ['KZ'] });
    let after: string | null = null;
    for (let n = 1; n <= 60; n += 1) {
      after = (await repositories.mou.addArticle(document.id, text(n), { afterArticleId: after })).id;
    }
    const timings: number[] = [];
    const time = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      timings.push(performance.now() - start);
    };
    const articles = await repositories.mou.listArticles(document.id);
    await time(() => repositories.mou.addArticle(document.id, text(100), { afterArticleId: articles[29]?.id ?? null }));
    await time(() => repositories.mou.moveArticle(articles[59]?.id ?? '', 0));
    await time(() => repositories.mou.listArticles(document.id));
    const list = await headings(repositories, document.id);
    expect(list).toHaveLength(61);
    expect(list[0]).toBe('Heading 60');
    expect(list[31]).toBe('Heading 100');
    // Generous bounds for fake-indexeddb on a shared machine; the browser is faster.
    for (const ms of timings) expect(ms).toBeLessThan(500);
  });
});
