/**
 * A long MoU stays responsive: 60 articles of eight paragraphs each, typed in through the
 * editor, then the document opened, an article moved and one inserted, and two versions
 * compared, each timed from the click to the result on screen. Prints the figures.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';

const COUNT = 60;

const body = (n: number, language: 'en' | 'ru') =>
  Array.from({ length: 8 }, (_, p) =>
    language === 'en'
      ? `${String(p + 1)}. Paragraph ${String(p + 1)} of article ${String(n)}: the members shall cooperate in customs matters, exchange information and coordinate training in line with international standards.`
      : `${String(p + 1)}. Пункт ${String(p + 1)} статьи ${String(n)}: члены сотрудничают в таможенных вопросах, обмениваются информацией и координируют обучение в соответствии с международными стандартами.`,
  ).join('\n');

/**
 * Milliseconds from `act` until a heading with exactly `text` is on the page, measured in
 * the page (a MutationObserver armed before acting), so the test driver's own locator work
 * on a large page does not count.
 */
async function timeUntilHeading(page: Page, text: string, act: () => Promise<void>): Promise<number> {
  await page.evaluate((expected) => {
    const found = () => [...document.querySelectorAll('h1, h2, h3')].some((heading) => heading.textContent === expected);
    const start = performance.now();
    (window as unknown as { __mouTimer: Promise<number> }).__mouTimer = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        if (found()) {
          observer.disconnect();
          resolve(performance.now() - start);
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }, text);
  await act();
  return Math.round(await page.evaluate(() => (window as unknown as { __mouTimer: Promise<number> }).__mouTimer));
}

const headingsCount = (page: Page) => page.locator('section.mou-article h3').count();

describe('a 60-article MoU', () => {
  let host: TestHost;
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByLabel('Name of this installation').fill('Secretariat laptop');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'MoU' }).click();
    await page.getByRole('button', { name: 'New MoU' }).click();
    await page.getByLabel('Title in English').fill('Long MoU');
    await page.getByLabel('Title in Russian').fill('Длинный меморандум');
    await page.getByRole('button', { name: 'Create MoU' }).click();
    await page.getByRole('heading', { level: 1, name: 'Long MoU' }).waitFor();
  });

  afterAll(async () => {
    console.log(`MoU with ${String(COUNT)} articles, milliseconds: ${JSON.stringify(figures)}`);
    await host.close();
  });

  it('takes 60 articles through the editor without slowing down', async () => {
    const { page } = host;
    const durations: number[] = [];
    for (let n = 1; n <= COUNT; n += 1) {
      await page.getByRole('button', { name: 'Add an article at the end' }).click();
      const form = page.getByRole('form', { name: `Article ${String(n)}` });
      await form.getByLabel('Heading (EN)').fill(`Heading ${String(n)}`);
      await form.getByLabel('Text (EN)').fill(body(n, 'en'));
      await form.getByLabel('Heading (RU)').fill(`Заголовок ${String(n)}`);
      await form.getByLabel('Text (RU)').fill(body(n, 'ru'));
      durations.push(
        await timeUntilHeading(page, `Article ${String(n)}. Heading ${String(n)}`, () =>
          form.getByRole('button', { name: 'Add article' }).click(),
        ),
      );
    }
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
    figures['add article 1-10 (median)'] = median(durations.slice(0, 10));
    figures['add article 51-60 (median)'] = median(durations.slice(-10));
    expect(await headingsCount(page)).toBe(COUNT);
    // Saving the 60th article is not much slower than the first ones.
    expect(median(durations.slice(-10))).toBeLessThan(Math.max(500, 3 * median(durations.slice(0, 10))));
  });

  it('opens, edits the order of, and compares the long text quickly', async () => {
    const { page } = host;
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.getByRole('button', { name: 'Freeze as version' }).click();
    await page.getByLabel('Label').fill('Long v1');
    await page.getByRole('button', { name: 'Freeze version' }).click();
    await page.getByRole('status').getByText('Version 1 frozen.').waitFor();

    await nav.getByRole('link', { name: 'MoU' }).click();
    await page.getByRole('link', { name: 'Long MoU' }).waitFor();
    figures['open document'] = await timeUntilHeading(page, `Article ${String(COUNT)}. Heading ${String(COUNT)}`, () =>
      page.getByRole('link', { name: 'Long MoU' }).click(),
    );

    figures['move article 30 down'] = await timeUntilHeading(page, 'Article 31. Heading 30', () =>
      page.getByRole('region', { name: 'Article 30. Heading 30' }).getByRole('button', { name: 'Move down' }).click(),
    );

    await page.getByRole('region', { name: 'Article 10. Heading 10' }).getByRole('button', { name: 'Insert an article after this one' }).click();
    const form = page.getByRole('form', { name: 'Article 11' });
    await form.getByLabel('Heading (EN)').fill('Inserted');
    await form.getByLabel('Text (EN)').fill('1. Inserted text.');
    await form.getByLabel('Heading (RU)').fill('Вставленная');
    await form.getByLabel('Text (RU)').fill('1. Вставленный текст.');
    figures['insert article 11 (renumbers 50)'] = await timeUntilHeading(
      page,
      `Article ${String(COUNT + 1)}. Heading ${String(COUNT)}`,
      () => form.getByRole('button', { name: 'Add article' }).click(),
    );
    expect(await headingsCount(page)).toBe(COUNT + 1);

    await page.getByRole('link', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare versions' }).waitFor();
    const results = page.getByRole('region', { name: 'Comparison' });
    await results.getByText('Added: 1 · removed: 0 · moved: 1', { exact: false }).waitFor();
    // Article 1 is unchanged: it shows only once all articles are.
    figures['compare, all 61 articles shown'] = await timeUntilHeading(page, 'Article 1. Heading 1', () =>
      page.getByLabel('Show only articles that changed').uncheck(),
    );
    expect(await results.getByRole('article').count()).toBe(COUNT + 1);
    figures['compare in Russian'] = await timeUntilHeading(page, 'Статья 1. Заголовок 1', async () => {
      await page.getByLabel('Language', { exact: true }).last().selectOption('ru');
    });
    for (const [label, ms] of Object.entries(figures)) expect(ms, label).toBeLessThan(1500);
    expect(host.pageErrors).toEqual([]);
  });
});
