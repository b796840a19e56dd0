/**
 * Drafting the MoU the way the secretariat and a delegation do it, on one computer whose
 * role is switched in Settings: the secretariat writes ten articles in both languages and
 * freezes version 1; a delegation proposes an amendment; the secretariat accepts it and
 * freezes version 2; the comparison marks exactly the amended words; an inserted article
 * shifts the numbers. Bad input on the way: empty headings, a version label used twice,
 * and a decision on a proposal whose article changed since.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';

const ARTICLES: readonly (readonly [string, string, string, string])[] = [
  ['Establishment', '1. The Parties establish the Working Group.', 'Учреждение', '1. Стороны учреждают Рабочую группу.'],
  ['Purpose', '1. The purpose is cooperation among customs services.', 'Цели', '1. Целью является сотрудничество таможенных служб.'],
  ['Membership', '1. The members are the customs services of the Parties.', 'Членство', '1. Членами являются таможенные службы Сторон.'],
  ['Observers', '1. Afghanistan takes part as an observer.', 'Наблюдатели', '1. Афганистан участвует в качестве наблюдателя.'],
  ['Secretariat', '1. The Secretariat prepares the meetings.', 'Секретариат', '1. Секретариат готовит заседания.'],
  [
    'Meetings',
    '1. The Working Group meets at least twice a year, in the territory of each member in turn.\n2. Decisions are taken by consensus.',
    'Заседания',
    '1. Рабочая группа проводит заседания не реже двух раз в год поочередно на территории каждого из членов.\n2. Решения принимаются консенсусом.',
  ],
  ['Working languages', '1. The working languages are English and Russian.', 'Рабочие языки', '1. Рабочими языками являются английский и русский.'],
  ['Confidentiality', '1. Information is used only for the purposes of this Memorandum.', 'Конфиденциальность', '1. Информация используется только в целях Меморандума.'],
  ['Financing', '1. Each member bears its own costs.', 'Финансирование', '1. Каждый член несет свои расходы.'],
  ['Entry into force', '1. This Memorandum enters into force on signature.', 'Вступление в силу', '1. Меморандум вступает в силу с даты подписания.'],
];

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

async function switchRole(page: Page, role: 'secretariat' | 'delegation', country?: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const section = page.getByRole('region', { name: 'This installation' });
  if (role === 'secretariat') {
    await section.getByRole('radio', { name: /^Secretariat/ }).check();
  } else {
    await section.getByRole('radio', { name: /^Delegation/ }).check();
    await section.getByLabel('Country of the delegation').selectOption({ label: country ?? 'Kazakhstan' });
  }
  await section.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').getByText('Settings saved.').last().waitFor();
}

async function openDocument(page: Page): Promise<void> {
  await nav(page).getByRole('link', { name: 'MoU' }).click();
  await page.getByRole('link', { name: 'CWG Memorandum' }).click();
  await page.getByRole('heading', { level: 1, name: 'CWG Memorandum' }).waitFor();
}

/** The article headings of the document page, in order. */
async function articleHeadings(page: Page): Promise<string[]> {
  return page.locator('section.mou-article h3').allTextContents();
}

async function fillArticle(form: Locator, [headingEn, bodyEn, headingRu, bodyRu]: readonly string[]): Promise<void> {
  await form.getByLabel('Heading (EN)').fill(headingEn ?? '');
  await form.getByLabel('Text (EN)').fill(bodyEn ?? '');
  await form.getByLabel('Heading (RU)').fill(headingRu ?? '');
  await form.getByLabel('Text (RU)').fill(bodyRu ?? '');
}

describe('MoU drafting', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await nav(page).waitFor();
  });

  afterAll(async () => {
    await host.close();
  });

  it('lets the secretariat create an MoU with ten bilingual articles, refusing empty headings', async () => {
    const { page } = host;
    await nav(page).getByRole('link', { name: 'MoU' }).click();
    await page.getByText('No MoU draft on this computer yet.').waitFor();
    await page.getByRole('button', { name: 'New MoU' }).click();
    const create = page.getByRole('form', { name: 'New MoU' });
    await create.getByRole('button', { name: 'Create MoU' }).click();
    const titleEn = create.getByLabel('Title in English');
    expect(await titleEn.getAttribute('aria-invalid')).toBe('true');
    expect(await create.getByText('Enter the title in this language.').count()).toBe(2);
    await titleEn.fill('CWG Memorandum');
    await create.getByLabel('Title in Russian').fill('Меморандум РГ');
    // The members are proposed as parties; Afghanistan, an observer, is not.
    expect(await create.getByRole('checkbox', { name: 'Kazakhstan' }).isChecked()).toBe(true);
    expect(await create.getByRole('checkbox', { name: 'Afghanistan' }).isChecked()).toBe(false);
    await create.getByRole('button', { name: 'Create MoU' }).click();
    await page.getByRole('heading', { level: 1, name: 'CWG Memorandum' }).waitFor();
    await page.getByText('No articles yet.').waitFor();

    // An empty heading is refused, in the language where it is missing, and nothing is saved.
    await page.getByRole('button', { name: 'Add an article at the end' }).click();
    let form = page.getByRole('form', { name: 'Article 1' });
    await fillArticle(form, ['Establishment', '1. Text.', ' ', '1. Текст.']);
    await form.getByRole('button', { name: 'Add article' }).click();
    await form.getByText('Enter a heading in this language.').waitFor();
    expect(await form.getByLabel('Heading (RU)').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Heading (RU)').evaluate((element) => element === document.activeElement)).toBe(true);
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await articleHeadings(page)).toEqual([]);

    for (const [index, article] of ARTICLES.entries()) {
      await page.getByRole('button', { name: 'Add an article at the end' }).click();
      form = page.getByRole('form', { name: `Article ${String(index + 1)}` });
      await fillArticle(form, article);
      await form.getByRole('button', { name: 'Add article' }).click();
      await page.getByRole('heading', { level: 3, name: `Article ${String(index + 1)}. ${article[0]}` }).waitFor();
    }
    expect(await articleHeadings(page)).toEqual(ARTICLES.map(([heading], index) => `Article ${String(index + 1)}. ${heading}`));

    // Both languages side by side.
    await page.getByLabel('Show the text in').selectOption('both');
    await page.getByRole('heading', { level: 3, name: 'Article 6. Meetings / Статья 6. Заседания' }).waitFor();
    const meetings = page.getByRole('region', { name: /^Article 6\. Meetings/ });
    await meetings.getByText('Рабочая группа проводит заседания не реже двух раз в год', { exact: false }).waitFor();
    await page.getByLabel('Show the text in').selectOption('en');
  });

  it('freezes version 1 and refuses the same label again', async () => {
    const { page } = host;
    await page.getByRole('button', { name: 'Freeze as version' }).click();
    let form = page.getByRole('form', { name: 'Freeze the current text as a version' });
    await form.getByLabel('Label').fill('First draft');
    await form.getByRole('button', { name: 'Freeze version' }).click();
    await page.getByRole('status').getByText('Version 1 frozen.').waitFor();
    const versions = page.getByRole('region', { name: 'Versions' });
    await versions.getByRole('link', { name: 'First draft' }).waitFor();

    await page.getByRole('button', { name: 'Freeze as version' }).click();
    form = page.getByRole('form', { name: 'Freeze the current text as a version' });
    await form.getByLabel('Label').fill(' first draft ');
    await form.getByRole('button', { name: 'Freeze version' }).click();
    await form.getByText('Another version of this MoU already has this label.').waitFor();
    expect(await form.getByLabel('Label').getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await versions.getByRole('row').count()).toBe(2); // header + version 1
  });

  it('lets a delegation read the official text and propose an amendment', async () => {
    const { page } = host;
    await switchRole(page, 'delegation', 'Kazakhstan');
    await openDocument(page);
    await page.getByText('You see the official text as the delegation of Kazakhstan', { exact: false }).waitFor();
    // Read-only: no editing controls for a delegation.
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add an article at the end' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Freeze as version' }).count()).toBe(0);

    await page.getByRole('region', { name: 'Article 6. Meetings' }).getByRole('link', { name: 'Amendments and comments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Article 6. Meetings' }).waitFor();
    await page.getByRole('button', { name: 'Propose an amendment' }).click();
    const form = page.getByRole('form', { name: 'Propose an amendment' });
    expect(await form.getByRole('radio', { name: 'Replace the text of this article' }).isChecked()).toBe(true);
    const bodyEn = form.getByLabel('Text (EN)');
    await bodyEn.fill((await bodyEn.inputValue()).replace('twice', 'once'));
    const bodyRu = form.getByLabel('Text (RU)');
    await bodyRu.fill((await bodyRu.inputValue()).replace('двух раз', 'одного раза'));
    await form.getByRole('button', { name: 'Submit the proposal' }).click();
    await form.getByText('Explain the proposal in at least one language.').waitFor();
    await form.getByLabel('Rationale in English').fill('Two regular meetings a year are hard to finance.');
    await form.getByRole('button', { name: 'Submit the proposal' }).click();

    await page.getByRole('heading', { level: 1, name: 'Amendment to article 6 “Meetings”' }).waitFor();
    const change = page.getByRole('region', { name: 'Proposed change to the current text' });
    expect(await change.getByRole('deletion').allTextContents()).toEqual(['deleted words', 'twice', 'двух раз']);
    expect(await change.getByRole('insertion').allTextContents()).toEqual(['inserted words', 'once', 'одного раза']);
    await page.getByRole('button', { name: 'Withdraw the proposal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Record the decision' }).count()).toBe(0);
    // Delegations discuss proposals in comments.
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await comments.getByText('Write a comment first.').waitFor();
    await comments.getByRole('textbox', { name: 'Comment' }).fill('Extraordinary meetings remain possible.');
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await comments.getByText('Extraordinary meetings remain possible.').waitFor();
    await comments.getByRole('button', { name: 'Mark as resolved' }).click();
    await comments.getByText('Resolved', { exact: true }).waitFor();

    // A second proposal, on article 3, which the secretariat will edit before deciding.
    await page.getByRole('link', { name: 'Article as it stands' }).waitFor();
    await openDocument(page);
    // Straight from the article on the document page this time.
    await page.getByRole('region', { name: 'Article 3. Membership' }).getByRole('link', { name: 'Propose an amendment' }).click();
    const second = page.getByRole('form', { name: 'Propose an amendment' });
    await second.getByLabel('Text (EN)').fill('1. The members are the customs services of the Parties and of acceding States.');
    await second.getByLabel('Text (RU)').fill('1. Членами являются таможенные службы Сторон и присоединившихся государств.');
    await second.getByLabel('Rationale in Russian').fill('Учесть присоединение.');
    await second.getByRole('button', { name: 'Submit the proposal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amendment to article 3 “Membership”' }).waitFor();
  });

  it('lets the secretariat accept the amendment, and shows a conflict instead of applying blindly', async () => {
    const { page } = host;
    await switchRole(page, 'secretariat');
    await openDocument(page);
    await page.getByRole('link', { name: 'Amendments (2 open)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
    await page.getByRole('link', { name: 'Amendment to article 6 “Meetings”' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amendment to article 6 “Meetings”' }).waitFor();
    expect(await page.getByRole('region', { name: 'The text has changed since this proposal was made' }).count()).toBe(0);
    const decision = page.getByRole('form', { name: 'Decision' });
    expect(await decision.getByRole('radio', { name: 'Accept: apply the proposal to the official text' }).isChecked()).toBe(true);
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').getByText('Decision recorded: Accepted.').waitFor();

    // The article now holds the proposed words and remembers the amendment.
    await openDocument(page);
    const meetings = page.getByRole('region', { name: 'Article 6. Meetings' });
    await meetings.getByText('meets at least once a year', { exact: false }).waitFor();
    await meetings.getByText('Text from the amendment proposed by Kazakhstan', { exact: false }).waitFor();

    // The secretariat edits article 3 before deciding the proposal made against it.
    const membership = page.getByRole('region', { name: 'Article 3. Membership' });
    await membership.getByRole('button', { name: 'Edit' }).click();
    const editor = page.getByRole('form', { name: 'Article 3. Membership' });
    await editor.getByLabel('Text (EN)').fill('1. The members are the customs services of the Parties listed in the Annex.');
    await editor.getByRole('button', { name: 'Save article' }).click();
    await page.getByRole('status').getByText('Article saved.').waitFor();
    // Only English changed: Russian is flagged.
    await membership.getByText('The Russian translation may be out of date').waitFor();

    await page.getByRole('link', { name: 'Amendments (1 open)' }).click();
    await page.getByRole('link', { name: 'Amendment to article 3 “Membership”' }).click();
    const conflict = page.getByRole('region', { name: 'The text has changed since this proposal was made' });
    await conflict.waitFor();
    // What changed in the article since the proposal was made.
    expect((await conflict.getByRole('insertion').allTextContents()).map((text) => text.trim())).toEqual(['listed in the Annex']);
    const form = page.getByRole('form', { name: 'Decision' });
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await form.getByText('Tick the box to confirm that you have reviewed the changes, or choose another decision.').waitFor();
    // Nothing was applied.
    expect(await page.getByText('Proposed', { exact: true }).count()).toBe(1);
    await form.getByRole('radio', { name: 'Reject' }).check();
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await form.getByText('Give the reason for the rejection.').waitFor();
    await form.getByLabel('Reason').fill('Membership is settled in the Annex now.');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').getByText('Decision recorded: Rejected.').waitFor();
    await openDocument(page);
    await page.getByRole('region', { name: 'Article 3. Membership' }).getByText('listed in the Annex', { exact: false }).waitFor();
  });

  it('freezes version 2 and marks exactly the amended words when comparing', async () => {
    const { page } = host;
    await page.getByRole('button', { name: 'Freeze as version' }).click();
    const form = page.getByRole('form', { name: 'Freeze the current text as a version' });
    await form.getByLabel('Label').fill('Second draft');
    await form.getByRole('button', { name: 'Freeze version' }).click();
    await page.getByRole('status').getByText('Version 2 frozen.').waitFor();

    await page.getByRole('link', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare versions' }).waitFor();
    expect(await page.getByLabel('Older text').inputValue()).toBe('1');
    expect(await page.getByLabel('Newer text').inputValue()).toBe('2');
    const results = page.getByRole('region', { name: 'Comparison' });
    await results.getByText('Added: 0 · removed: 0 · moved: 0 · changed: 2 · unchanged: 8', { exact: false }).waitFor();
    const meetings = results.getByRole('article', { name: /^Article 6\. Meetings/ });
    await meetings.getByText('Changed', { exact: true }).waitFor();
    expect(await meetings.getByRole('deletion').allTextContents()).toEqual(['twice']);
    expect(await meetings.getByRole('insertion').allTextContents()).toEqual(['once']);
    const membership = results.getByRole('article', { name: /^Article 3\. Membership/ });
    expect(await membership.getByRole('deletion').allTextContents()).toEqual([]);
    expect((await membership.getByRole('insertion').allTextContents()).map((text) => text.trim())).toEqual(['listed in the Annex']);
    // Unchanged articles are hidden unless asked for.
    expect(await results.getByRole('article').count()).toBe(2);
    await page.getByLabel('Show only articles that changed').uncheck();
    await results.getByRole('article').nth(9).waitFor();
    expect(await results.getByRole('article').count()).toBe(10);

    await page.getByLabel('Language', { exact: true }).last().selectOption('ru');
    const russian = results.getByRole('article', { name: /^Статья 6\. Заседания/ });
    await russian.getByRole('deletion').first().waitFor();
    expect(await russian.getByRole('deletion').allTextContents()).toEqual(['двух раз']);
    expect(await russian.getByRole('insertion').allTextContents()).toEqual(['одного раза']);
    // Article 3 changed only in English.
    await results
      .getByRole('article', { name: /^Статья 3\. Членство/ })
      .getByText('Changed in the English text only.')
      .waitFor();
  });

  it('shifts the numbers when an article is inserted, and moves articles by keyboard-reachable buttons', async () => {
    const { page } = host;
    await openDocument(page);
    await page.getByRole('region', { name: 'Article 3. Membership' }).getByRole('button', { name: 'Insert an article after this one' }).click();
    const form = page.getByRole('form', { name: 'Article 4' });
    await fillArticle(form, ['Contact points', '1. Each member designates a contact point.', 'Контактные пункты', '1. Каждый член назначает контактный пункт.']);
    await form.getByRole('button', { name: 'Add article' }).click();
    await page.getByRole('status').getByText('Article 4 added.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Article 4. Contact points' }).waitFor();
    const headings = await articleHeadings(page);
    expect(headings.slice(2, 6)).toEqual([
      'Article 3. Membership',
      'Article 4. Contact points',
      'Article 5. Observers',
      'Article 6. Secretariat',
    ]);
    expect(headings[10]).toBe('Article 11. Entry into force');

    const moveUp = page.getByRole('region', { name: 'Article 4. Contact points' }).getByRole('button', { name: 'Move up' });
    await moveUp.click();
    await page.getByRole('heading', { level: 3, name: 'Article 3. Contact points' }).waitFor();
    expect((await articleHeadings(page)).slice(2, 4)).toEqual(['Article 3. Contact points', 'Article 4. Membership']);
    // The keyboard stays on the moved article.
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.textContent)).toBe(
      'Article 3. Contact points',
    );

    // Version 1 still reads as it was frozen.
    await page.getByRole('region', { name: 'Versions' }).getByRole('link', { name: 'First draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Version 1: First draft' }).waitFor();
    expect(await page.locator('section.mou-article h2').count()).toBe(10);
    await page.getByRole('heading', { level: 2, name: 'Article 6. Meetings' }).waitFor();
    await page.getByText('meets at least twice a year', { exact: false }).waitFor();
  });

  it('records a delegation’s positions on a version in the matrix of parties by articles', async () => {
    const { page } = host;
    await switchRole(page, 'delegation', 'Kazakhstan');
    await openDocument(page);
    await page.getByRole('region', { name: 'Versions' }).getByRole('link', { name: 'Second draft' }).click();
    await page.getByRole('link', { name: 'Positions of the parties' }).click();
    await page.getByRole('heading', { level: 1, name: 'Positions on version 2: Second draft' }).waitFor();
    const matrix = page.getByRole('table', { name: 'Stance of each party, on the whole text and on each article' });
    expect(await matrix.getByRole('columnheader').allTextContents()).toEqual(['Article', 'Kazakhstan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan', 'Count']);
    // Whole text + 10 articles.
    expect(await matrix.getByRole('rowheader').count()).toBe(11);
    // A delegation records its own country's positions only.
    expect(await page.getByRole('button', { name: /^Change the position of Kyrgyzstan/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Change the position of Kazakhstan on Article 6. Meetings' }).click();
    const form = page.getByRole('form', { name: 'Position of Kazakhstan on Article 6. Meetings' });
    await form.getByRole('radio', { name: 'Reservation' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Write the text of the reservation.').waitFor();
    await form.getByRole('textbox', { name: 'Reservation' }).fill('Subject to the budget law.');
    await form.getByRole('button', { name: 'Save' }).click();
    const row = matrix.getByRole('row', { name: /^Article 6\. Meetings/ });
    await row.getByText('Subject to the budget law.').waitFor();
    expect(await row.getByRole('cell').first().textContent()).toContain('Reservation');
    await row.getByText('Supports: 0 · reservation: 1 · opposes: 0 · pending: 3').waitFor();
    // Focus is back on the cell's button.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Change the position of Kazakhstan on Article 6. Meetings',
    );
  });

  it('moves the status step by step, each dated, and makes the signed text read-only', async () => {
    const { page } = host;
    await switchRole(page, 'secretariat');
    await openDocument(page);
    await page.getByRole('button', { name: 'Move to “Negotiation”' }).click();
    let form = page.getByRole('form', { name: 'Move to “Negotiation”' });
    await form.getByLabel('Date of the change').fill('2000-01-01');
    await form.getByRole('button', { name: 'Change status' }).click();
    await form.getByText('The date cannot be earlier than the date of the current status.').waitFor();
    await form.getByLabel('Date of the change').fill('2099-01-10');
    await form.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').getByText('Status changed to “Negotiation”.').waitFor();
    for (const [status, date] of [
      ['Agreed', '2099-02-10'],
      ['Signed', '2099-03-10'],
    ] as const) {
      await page.getByRole('button', { name: `Move to “${status}”` }).click();
      form = page.getByRole('form', { name: `Move to “${status}”` });
      await form.getByLabel('Date of the change').fill(date);
      await form.getByRole('button', { name: 'Change status' }).click();
      await page.getByRole('status').getByText(`Status changed to “${status}”.`).waitFor();
    }
    await page.getByText('This text has been signed and can no longer be changed.').waitFor();
    await page.getByText('Signed since Mar 10, 2099').waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add an article at the end' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Return to/ }).count()).toBe(0);
    expect(host.pageErrors).toEqual([]);
  });
});
