/** Square brackets in the MoU repository (issue 15): typed in notation, proposed offline, decided where a meeting agreed them. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Bilingual } from '../../shared/model';
import { countOpenBrackets } from '../../shared/mou/brackets';
import { sampleId } from '../../shared/sample/sampleData';
import { createRepositories, MouRefusedError, MouValidationError, openDatabase, type CwgDatabase, type Repositories } from '../../renderer/db';

const open: CwgDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const bi = (en: string, ru: string): Bilingual => ({ en, ru });
const SECOND_MEETING = sampleId('meeting', 'second');
/** The MoU session of the Bishkek meeting, 11 September 2014 (the sample's 6th session of that meeting). */
const MOU_SESSION = sampleId('session', 'second:6');

async function setUp(): Promise<{ db: CwgDatabase; repositories: Repositories }> {
  const db = openDatabase(`cwg-brackets-test-${crypto.randomUUID()}`);
  open.push(db);
  const repositories = createRepositories(db, { now: () => Date.UTC(2015, 5, 1, 9) });
  await repositories.installation.create({ displayName: 'Secretariat laptop', role: 'secretariat', countryId: null });
  await repositories.sampleData.load();
  return { db, repositories };
}

async function issueCodes(promise: Promise<unknown>): Promise<string[]> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(MouValidationError);
  return (error as MouValidationError).mouIssues.map((issue) => issue.code);
}

describe('brackets', () => {
  it('turns brackets typed in both languages into one record each, keeps existing markers, and refuses unpaired ones', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const article = await repositories.mou.getArticle(sampleId('article', 'membership'));
    if (!article) throw new Error('no article');
    expect(await issueCodes(repositories.mou.updateArticle(article.id, { heading: article.heading, body: { en: `${article.body.en}\n4. [Each / Every] member.`, ru: article.body.ru } }))).toEqual([
      'bracketsNotAligned',
    ]);
    // Deleting an open bracket's marker is not how a bracket is resolved.
    expect(await issueCodes(repositories.mou.updateArticle(article.id, { heading: article.heading, body: { en: article.body.en.replace('[[1]]', 'x'), ru: article.body.ru.replace('[[1]]', 'x') } }))).toEqual([
      'bracketMarkersDiffer',
    ]);
    const saved = await repositories.mou.updateArticle(article.id, {
      heading: article.heading,
      body: { en: `${article.body.en}\n4. Each member [shall / should] inform the Secretariat.`, ru: `${article.body.ru}\n4. Каждый член [уведомляет / должен уведомлять] Секретариат.` },
    });
    expect(saved.body.en).toContain('Each member [[2]] inform');
    expect(saved.body.ru).toContain('Каждый член [[2]] Секретариат');
    const brackets = (await repositories.mou.listBrackets(document.id)).filter((bracket) => bracket.articleId === article.id);
    expect(brackets.map((bracket) => [bracket.key, bracket.status, bracket.openedOn])).toEqual(
      expect.arrayContaining([
        [1, 'open', '2014-08-20'],
        [2, 'open', '2015-06-01'],
      ]),
    );
    const created = brackets.find((bracket) => bracket.key === 2);
    const alternatives = (await repositories.mou.listBracketAlternatives(document.id)).filter((alternative) => alternative.bracketId === created?.id);
    expect(alternatives.map((alternative) => alternative.text).sort((a, b) => a.en.localeCompare(b.en))).toEqual([bi('shall', 'уведомляет'), bi('should', 'должен уведомлять')]);
  });

  it('lets a delegation propose in its own name only, and the secretariat agree it where the meeting did; the text follows in both languages', async () => {
    const { repositories } = await setUp();
    const bracketId = sampleId('bracket', 'amendments:1');
    await repositories.installation.update({ role: 'delegation', countryId: 'TJ' });
    // A past date is allowed, but not before the bracket was in the text, nor in the future.
    expect(await issueCodes(repositories.mou.proposeAlternative(bracketId, { text: bi('forty-five', 'сорок пять'), proposedOn: '2014-08-01' }))).toEqual(['proposalBeforeBracket']);
    expect(await issueCodes(repositories.mou.proposeAlternative(bracketId, { text: bi('forty-five', 'сорок пять'), proposedOn: '2015-06-02' }))).toEqual(['dateInFuture']);
    expect(await issueCodes(repositories.mou.proposeAlternative(bracketId, { text: bi('[45]', 'сорок пять'), proposedOn: '2015-05-20' }))).toEqual(['alternativeTextInvalid']);
    const proposed = await repositories.mou.proposeAlternative(bracketId, { text: bi('forty-five', 'сорок пять'), proposedOn: '2015-05-20', proposedByCountryIds: ['KZ', 'KG'] });
    expect(proposed.proposedByCountryIds).toEqual(['TJ']);
    await expect(
      repositories.mou.decideBracket(bracketId, { outcome: 'agreed', alternativeId: proposed.id, date: '2015-05-21', meetingId: SECOND_MEETING, sessionId: MOU_SESSION }),
    ).rejects.toMatchObject({ code: 'secretariatOnly' });

    await repositories.installation.update({ role: 'secretariat', countryId: null });
    // A decision cannot predate the proposal it agrees; a session of another meeting is refused.
    expect(
      await issueCodes(repositories.mou.decideBracket(bracketId, { outcome: 'agreed', alternativeId: proposed.id, date: '2015-05-19', meetingId: SECOND_MEETING, sessionId: null })),
    ).toEqual(['decisionBeforeProposal']);
    await expect(
      repositories.mou.decideBracket(bracketId, { outcome: 'agreed', alternativeId: proposed.id, date: '2015-05-21', meetingId: SECOND_MEETING, sessionId: sampleId('session', 'first:1') }),
    ).rejects.toBeInstanceOf(MouRefusedError);
    const decided = await repositories.mou.decideBracket(bracketId, {
      outcome: 'agreed',
      alternativeId: proposed.id,
      date: '2015-05-21',
      meetingId: SECOND_MEETING,
      sessionId: MOU_SESSION,
    });
    expect(decided).toMatchObject({ status: 'agreed', agreedAlternativeId: proposed.id, decidedOn: '2015-05-21', decidedAtMeetingId: SECOND_MEETING, decidedAtSessionId: MOU_SESSION });
    const article = await repositories.mou.getArticle(sampleId('article', 'amendments'));
    expect(article?.body.en).toContain('at least forty-five days before');
    expect(article?.body.ru).toContain('не позднее чем за сорок пять дней');
    await expect(repositories.mou.proposeAlternative(bracketId, { text: bi('ninety', 'девяносто'), proposedOn: '2015-05-30' })).rejects.toMatchObject({ code: 'bracketClosed' });

    // Dropping optional text takes it out of both languages.
    await repositories.mou.decideBracket(sampleId('bracket', 'financing:1'), { outcome: 'dropped', alternativeId: null, date: '2015-05-21', meetingId: SECOND_MEETING, sessionId: null });
    const financing = await repositories.mou.getArticle(sampleId('article', 'financing'));
    expect(financing?.body.en).toContain('participation in the Working Group.');
    expect(financing?.body.ru).toContain('участием в Рабочей группе.');
    const [document] = await repositories.mou.listDocuments();
    const articles = await repositories.mou.listArticles(document?.id ?? '');
    expect(countOpenBrackets(await repositories.mou.listBrackets(document?.id ?? ''), articles.map((a) => a.id))).toBe(1);
  });

  it('lets a delegation withdraw its own alternative while the bracket is open, never another delegation’s or the draft’s text', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const bracketId = sampleId('bracket', 'amendments:1');
    const alternativesOf = async () => (await repositories.mou.listBracketAlternatives(document.id)).filter((alternative) => alternative.bracketId === bracketId);
    const before = await alternativesOf();
    const turkmen = before.find((alternative) => alternative.proposedByCountryIds.includes('TM'));
    const draftText = before.find((alternative) => alternative.proposedByCountryIds.length === 0);
    if (!turkmen) throw new Error('the sample has no Turkmen alternative');
    await repositories.installation.update({ role: 'delegation', countryId: 'TJ' });
    const own = await repositories.mou.proposeAlternative(bracketId, { text: bi('forty-five', 'сорок пять'), proposedOn: '2015-05-20' });
    await expect(repositories.mou.withdrawAlternative(turkmen.id)).rejects.toMatchObject({ code: 'proposerOnly' });
    if (draftText) await expect(repositories.mou.withdrawAlternative(draftText.id)).rejects.toMatchObject({ code: 'proposerOnly' });
    await repositories.mou.withdrawAlternative(own.id);
    expect((await alternativesOf()).map((alternative) => alternative.id).sort()).toEqual(before.map((alternative) => alternative.id).sort());
    await expect(repositories.mou.withdrawAlternative(own.id)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('lets a delegation correct its own alternative and the secretariat name who proposed any, while the bracket is open', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const bracketId = sampleId('bracket', 'amendments:1');
    const alternativesOf = async () => (await repositories.mou.listBracketAlternatives(document.id)).filter((alternative) => alternative.bracketId === bracketId);
    const turkmen = (await alternativesOf()).find((alternative) => alternative.proposedByCountryIds.includes('TM'));
    if (!turkmen) throw new Error('the sample has no Turkmen alternative');
    // A bracket the secretariat typed into the draft: its alternatives name no proposer.
    const membership = await repositories.mou.getArticle(sampleId('article', 'membership'));
    if (!membership) throw new Error('no article');
    await repositories.mou.updateArticle(membership.id, {
      heading: membership.heading,
      body: { en: `${membership.body.en}\n4. Each member [shall / should] inform the Secretariat.`, ru: `${membership.body.ru}\n4. Каждый член [уведомляет / должен уведомлять] Секретариат.` },
    });
    const draftText = (await repositories.mou.listBracketAlternatives(document.id)).find((alternative) => alternative.text.en === 'should');
    if (!draftText) throw new Error('no alternative from the typed bracket');
    expect(draftText.proposedByCountryIds).toEqual([]);

    await repositories.installation.update({ role: 'delegation', countryId: 'TJ' });
    const own = await repositories.mou.proposeAlternative(bracketId, { text: bi('fourty-five', 'сорок пять'), proposedOn: '2015-05-20' });
    // Its own: wording and date corrected; a name it gives is not its to give, and stays its own.
    const corrected = await repositories.mou.editAlternative(own.id, { text: bi(' forty-five ', 'сорок пять'), proposedOn: '2015-05-19', proposedByCountryIds: ['KZ'] });
    expect(corrected).toMatchObject({ id: own.id, text: bi('forty-five', 'сорок пять'), proposedOn: '2015-05-19', proposedByCountryIds: ['TJ'] });
    // The same checks as a new one: another alternative's wording, a date before the bracket, brackets in the text.
    expect(await issueCodes(repositories.mou.editAlternative(own.id, { text: turkmen.text, proposedOn: '2015-05-19' }))).toEqual(['alternativeExists']);
    expect(await issueCodes(repositories.mou.editAlternative(own.id, { text: bi('forty-five', 'сорок пять'), proposedOn: '2014-08-01' }))).toEqual(['proposalBeforeBracket']);
    expect(await issueCodes(repositories.mou.editAlternative(own.id, { text: bi('[45]', ''), proposedOn: '2015-05-19' }))).toEqual(['alternativeTextInvalid', 'alternativeTextRequired']);
    // Another delegation's alternative and the draft's text are not its to change.
    await expect(repositories.mou.editAlternative(turkmen.id, { text: bi('seventy', 'семьдесят'), proposedOn: turkmen.proposedOn })).rejects.toMatchObject({ code: 'proposerOnly' });
    await expect(repositories.mou.editAlternative(draftText.id, { text: bi('seventy', 'семьдесят'), proposedOn: draftText.proposedOn })).rejects.toMatchObject({ code: 'proposerOnly' });

    await repositories.installation.update({ role: 'secretariat', countryId: null });
    // The secretariat records that Kyrgyzstan joined Tajikistan's proposal at the meeting…
    const joined = await repositories.mou.editAlternative(own.id, { text: corrected.text, proposedOn: corrected.proposedOn, proposedByCountryIds: ['TJ', 'KG'] });
    expect(joined.proposedByCountryIds).toEqual(['TJ', 'KG']);
    // …never leaves a delegation's alternative without a name, nor names an unknown country…
    expect(await issueCodes(repositories.mou.editAlternative(own.id, { text: corrected.text, proposedOn: corrected.proposedOn, proposedByCountryIds: [] }))).toEqual(['proposerRequired']);
    await expect(repositories.mou.editAlternative(own.id, { text: corrected.text, proposedOn: corrected.proposedOn, proposedByCountryIds: ['XX'] })).rejects.toMatchObject({ code: 'unknownCountry' });
    // …and may say who proposed the draft's own text, or leave it unnamed.
    expect((await repositories.mou.editAlternative(draftText.id, { text: draftText.text, proposedOn: draftText.proposedOn, proposedByCountryIds: [] })).proposedByCountryIds).toEqual([]);
    expect((await repositories.mou.editAlternative(draftText.id, { text: draftText.text, proposedOn: draftText.proposedOn, proposedByCountryIds: ['KZ'] })).proposedByCountryIds).toEqual(['KZ']);

    // Once the meeting agreed the bracket, its alternatives are history.
    await repositories.mou.decideBracket(bracketId, { outcome: 'agreed', alternativeId: own.id, date: '2015-05-21', meetingId: SECOND_MEETING, sessionId: MOU_SESSION });
    await expect(repositories.mou.editAlternative(own.id, { text: bi('fifty', 'пятьдесят'), proposedOn: '2015-05-19' })).rejects.toMatchObject({ code: 'bracketClosed' });
    expect((await alternativesOf()).find((alternative) => alternative.id === own.id)?.text).toEqual(bi('forty-five', 'сорок пять'));
  });

  it('keeps an article’s open bracket in a proposal on it, makes the brackets the proposal adds when it is accepted, and never lets a proposal settle one', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const articleId = sampleId('article', 'amendments');
    const article = await repositories.mou.getArticle(articleId);
    if (!article) throw new Error('no article');
    expect(article.body.en).toContain('at least [[1]] days');
    // Typed as the proposal form shows the article: the bracket as printed.
    const typed = {
      en: article.body.en.replace('[[1]]', '[thirty / sixty]'),
      ru: article.body.ru.replace('[[1]]', '[тридцать / шестьдесят]'),
    };
    const rationale = bi('Written notice.', 'Письменное уведомление.');
    await repositories.installation.update({ role: 'delegation', countryId: 'TJ' });
    // Settling the bracket in a proposal is refused: the meeting decides it.
    expect(
      await issueCodes(
        repositories.mou.proposeAmendment(document.id, { kind: 'replace', articleId, heading: article.heading, body: { en: typed.en.replace('[thirty / sixty]', 'forty-five'), ru: typed.ru }, rationale }),
      ),
    ).toEqual(['bracketNotKept']);
    // Typed back unchanged, the proposal changes nothing.
    expect(await issueCodes(repositories.mou.proposeAmendment(document.id, { kind: 'replace', articleId, heading: article.heading, body: typed, rationale }))).toEqual(['amendmentUnchanged']);
    const proposal = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId,
      heading: article.heading,
      body: { en: `${typed.en}\n3. The Secretariat shall confirm receipt [in writing].`, ru: `${typed.ru}\n3. Секретариат подтверждает получение [в письменной форме].` },
      rationale,
      proposedOn: '2015-05-20',
    });
    // Stored with the bracket's marker: the bracket stays the one the meeting decides.
    expect(proposal.body.en).toContain('at least [[1]] days');
    expect(proposal.body.ru).toContain('не позднее чем за [[1]] дней');
    expect(proposal.body.en).toContain('confirm receipt [in writing].');

    await repositories.installation.update({ role: 'secretariat', countryId: null });
    await repositories.mou.decideAmendment(proposal.id, { decision: 'accept', reason: '', date: '2015-05-25' });
    const amended = await repositories.mou.getArticle(articleId);
    expect(amended?.body.en).toContain('at least [[1]] days');
    expect(amended?.body.en).toContain('confirm receipt [[2]].');
    expect(amended?.body.ru).toContain('подтверждает получение [[2]].');
    const brackets = (await repositories.mou.listBrackets(document.id)).filter((bracket) => bracket.articleId === articleId);
    expect(brackets.map((bracket) => [bracket.key, bracket.status, bracket.optional, bracket.openedOn]).sort()).toEqual([
      [1, 'open', false, '2014-08-20'],
      [2, 'open', true, '2015-05-25'],
    ]);

    // A bracket agreed after a proposal was made reads as agreed when the proposal is accepted.
    const later = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId,
      heading: { en: 'Amendments to the Memorandum', ru: 'Изменения Меморандума' },
      body: { en: (amended?.body.en ?? '').replace('[[1]]', '[thirty / sixty]').replace('[[2]]', '[in writing]'), ru: (amended?.body.ru ?? '').replace('[[1]]', '[тридцать / шестьдесят]').replace('[[2]]', '[в письменной форме]') },
      rationale,
      proposedByCountryId: 'KZ',
      proposedOn: '2015-05-26',
    });
    const sixty = (await repositories.mou.listBracketAlternatives(document.id)).find((alternative) => alternative.text.en === 'sixty');
    await repositories.mou.decideBracket(sampleId('bracket', 'amendments:1'), { outcome: 'agreed', alternativeId: sixty?.id ?? null, date: '2015-05-27', meetingId: SECOND_MEETING, sessionId: null });
    await repositories.mou.decideAmendment(later.id, { decision: 'accept', reason: '', date: '2015-05-28', acknowledgeConflict: true });
    const settled = await repositories.mou.getArticle(articleId);
    expect(settled?.heading.en).toBe('Amendments to the Memorandum');
    expect(settled?.body.en).toContain('at least sixty days');
    expect(settled?.body.en).toContain('confirm receipt [[2]].');

    // A proposal that would leave out a bracket put in the article after it was made is not accepted.
    const third = await repositories.mou.proposeAmendment(document.id, {
      kind: 'replace',
      articleId,
      heading: settled?.heading ?? article.heading,
      body: { en: (settled?.body.en ?? '').replace('[[2]]', '[in writing]').replace('sixty', '60'), ru: (settled?.body.ru ?? '').replace('[[2]]', '[в письменной форме]') },
      rationale,
      proposedByCountryId: 'KG',
      proposedOn: '2015-05-28',
    });
    await repositories.mou.updateArticle(articleId, {
      heading: settled?.heading ?? article.heading,
      body: { en: `${settled?.body.en ?? ''}\n4. Each member [shall / should] reply.`, ru: `${settled?.body.ru ?? ''}\n4. Каждый член [отвечает / должен ответить].` },
    });
    await expect(repositories.mou.decideAmendment(third.id, { decision: 'accept', reason: '', date: '2015-05-29', acknowledgeConflict: true })).rejects.toMatchObject({
      code: 'proposalLeavesOutBracket',
    });
    expect((await repositories.mou.getAmendment(third.id))?.status).toBe('proposed');
  });

  it('freezes a version with open brackets as printed, and records where it was adopted', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const version = await repositories.mou.freezeVersion(document.id, { label: 'Third draft', date: '2015-05-30', note: '', meetingId: SECOND_MEETING, sessionId: MOU_SESSION });
    expect(version.sessionId).toBe(MOU_SESSION);
    const frozen = version.articles.find((article) => article.articleId === sampleId('article', 'amendments'));
    expect(frozen?.body.en).toContain('at least [thirty / sixty] days');
    expect(frozen?.body.ru).toContain('не позднее чем за [тридцать / шестьдесят] дней');
    expect(version.articles.some((article) => article.body.en.includes('[[') || article.body.ru.includes('[['))).toBe(false);
  });

  it('restores a version’s text with its brackets: an open one stays itself, a decided one opens again, one opened since is not restored away', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    if (!document) throw new Error('no sample MoU');
    const articleId = sampleId('article', 'amendments');
    const bracketsOf = async () => (await repositories.mou.listBrackets(document.id)).filter((bracket) => bracket.articleId === articleId);
    const version = await repositories.mou.freezeVersion(document.id, { label: 'Third draft', date: '2015-05-30', note: '', meetingId: null });
    const article = await repositories.mou.getArticle(articleId);
    if (!article) throw new Error('no article');
    await repositories.mou.updateArticle(articleId, { heading: article.heading, body: { en: article.body.en.replace('circulate it', 'send it'), ru: article.body.ru } });

    // Restored: the printed "[thirty / sixty]" is the open bracket's marker again, not text.
    const restored = await repositories.mou.restoreArticleText(version.id, articleId);
    expect(restored.body).toEqual(article.body);
    expect((await bracketsOf()).map((bracket) => [bracket.key, bracket.status])).toEqual([[1, 'open']]);

    // Agreed since: restoring the older text puts the bracket back in it, as a bracket.
    const sixty = (await repositories.mou.listBracketAlternatives(document.id)).find((alternative) => alternative.text.en === 'sixty');
    await repositories.mou.decideBracket(sampleId('bracket', 'amendments:1'), { outcome: 'agreed', alternativeId: sixty?.id ?? null, date: '2015-05-31', meetingId: SECOND_MEETING, sessionId: null });
    expect((await repositories.mou.getArticle(articleId))?.body.en).toContain('at least sixty days');
    const reopened = await repositories.mou.restoreArticleText(version.id, articleId);
    expect(reopened.body.en).toContain('at least [[2]] days');
    expect(reopened.body.ru).toContain('не позднее чем за [[2]] дней');
    const after = await bracketsOf();
    expect(after.map((bracket) => [bracket.key, bracket.status]).sort()).toEqual([
      [1, 'agreed'],
      [2, 'open'],
    ]);
    const alternatives = (await repositories.mou.listBracketAlternatives(document.id)).filter((alternative) => alternative.bracketId === after.find((bracket) => bracket.key === 2)?.id);
    expect(alternatives.map((alternative) => alternative.text.en).sort()).toEqual(['sixty', 'thirty']);

    // A bracket put in the article after the version was frozen is not restored away.
    const current = await repositories.mou.getArticle(articleId);
    await repositories.mou.updateArticle(articleId, {
      heading: current?.heading ?? article.heading,
      body: { en: `${current?.body.en ?? ''}\n4. Each member [shall / should] reply.`, ru: `${current?.body.ru ?? ''}\n4. Каждый член [отвечает / должен ответить].` },
    });
    expect(await issueCodes(repositories.mou.restoreArticleText(version.id, articleId))).toEqual(['bracketMarkersDiffer']);
  });

  it('records where an amendment was decided, never before it was proposed', async () => {
    const { repositories } = await setUp();
    const [document] = await repositories.mou.listDocuments();
    const open = (await repositories.mou.listAmendments(document?.id ?? '')).find((amendment) => amendment.status === 'proposed');
    if (!open) throw new Error('no open proposal');
    expect(await issueCodes(repositories.mou.decideAmendment(open.id, { decision: 'reject', reason: 'No.', date: '2014-01-01' }))).toEqual(['decisionBeforeProposal']);
    const decided = await repositories.mou.decideAmendment(open.id, { decision: 'reject', reason: 'No.', date: '2015-05-30', meetingId: SECOND_MEETING, sessionId: MOU_SESSION });
    expect(decided).toMatchObject({ decidedAtMeetingId: SECOND_MEETING, decidedAtSessionId: MOU_SESSION });
  });
});
