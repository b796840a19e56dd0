/**
 * Accessibility: axe-core (through @axe-core/playwright) on every screen and the dialogs, in
 * English and in Russian, as a secretariat with the sample data. No serious or critical
 * violation is allowed, and each screen has one h1 and headings that never skip a level
 * (axe's heading-order, plus a stricter check of every heading on the page).
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, type Messages } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { sampleSource, SAMPLE } from '../fixtures/reports';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData, firstRun } from './syncSteps';

type Strings = Messages;
const source = sampleSource();
const firstOf = (list: readonly { id: string }[], what: string): string => {
  const found = list[0];
  if (!found) throw new Error(`the sample data has no ${what}`);
  return found.id;
};
const meeting = SAMPLE.secondMeeting;
const delegate = firstOf(source.delegates, 'delegate');
const organization = firstOf(source.organizations, 'organization');
const mouDocument = SAMPLE.mou;
const article = firstOf(source.articles, 'article');
const amendment = firstOf(source.amendments, 'amendment');
const version = source.mouVersions[0]?.number ?? 1;

/** Every screen by its route (hash routing). */
const SCREENS = [
  '/meetings',
  '/meetings/new',
  `/meetings/${meeting}/overview`,
  `/meetings/${meeting}/agenda`,
  `/meetings/${meeting}/participants`,
  `/meetings/${meeting}/outcomes`,
  `/meetings/${meeting}/minutes`,
  `/meetings/${meeting}/edit`,
  '/delegates',
  '/delegates/new',
  '/delegates/import',
  '/delegates/duplicates',
  `/delegates/${delegate}`,
  `/delegates/${delegate}/edit`,
  '/delegates/organizations',
  '/delegates/organizations/new',
  `/delegates/organizations/${organization}`,
  '/delegates/countries',
  '/delegates/countries/new',
  '/delegates/countries/KG',
  '/mou',
  `/mou/${mouDocument}`,
  `/mou/${mouDocument}/articles/${article}`,
  `/mou/${mouDocument}/amendments`,
  `/mou/${mouDocument}/amendments/${amendment}`,
  `/mou/${mouDocument}/compare`,
  `/mou/${mouDocument}/versions/${String(version)}`,
  `/mou/${mouDocument}/versions/${String(version)}/positions`,
  '/reports',
  '/sync',
  '/sync/export',
  '/sync/import',
  '/sync/history',
  '/sync/conflicts',
  '/sync/peers',
  '/settings',
  '/settings/restore',
  '/deleted',
  '/no-such-screen',
];

interface Finding {
  where: string;
  problem: string;
}

/** Headings that skip a level, and the number of h1, in document order. */
async function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((element) => {
      const box = (element as HTMLElement).getClientRects();
      return box.length > 0 || element.closest('dialog[open]') !== null;
    });
    // The level assistive technology announces: aria-level where set (the report preview), else the tag's.
    const levels = headings.map((element) => Number(element.getAttribute('aria-level') ?? element.tagName.slice(1)));
    const h1 = levels.filter((level) => level === 1).length;
    if (h1 !== 1) problems.push(`${String(h1)} h1 headings (one expected)`);
    let previous = 0;
    headings.forEach((element, index) => {
      const level = levels[index] ?? 0;
      if (previous > 0 && level > previous + 1) problems.push(`h${String(previous)} → h${String(level)} at "${(element.textContent).trim().slice(0, 60)}"`);
      previous = level;
    });
    return problems;
  });
}

async function audit(page: Page, where: string, scope?: string): Promise<Finding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (scope) builder = builder.include(scope);
  const results = await builder.analyze();
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    const blocking = violation.impact === 'serious' || violation.impact === 'critical' || violation.id === 'heading-order';
    if (!blocking) continue;
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ');
    findings.push({ where, problem: `${violation.id} (${String(violation.impact)}): ${violation.help} [${targets}]` });
  }
  if (!scope) for (const problem of await headingProblems(page)) findings.push({ where, problem: `headings: ${problem}` });
  return findings;
}

async function open(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${route}`);
  await page.locator('main h1').first().waitFor();
  // Live queries settle: wait until nothing is still loading.
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

const report = (findings: Finding[]) => findings.map((finding) => `${finding.where}: ${finding.problem}`);

describe('accessibility (axe-core)', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
    // The first-run screen is a screen too.
    const welcome = await audit(page, 'first run (en)');
    expect(report(welcome)).toEqual([]);
    await firstRun(host, 'Secretariat laptop', 'Secretariat');
    await loadSampleData(page);
  }, 120_000);

  afterAll(async () => {
    await host.close();
  });

  async function useLanguage(strings: Strings, lng: 'en' | 'ru'): Promise<void> {
    const { page } = host;
    const other = lng === 'en' ? ru : en;
    const select = page.getByLabel(strings.app.language).or(page.getByLabel(other.app.language));
    await select.first().selectOption(lng);
    await page.locator(`html[lang="${lng}"]`).waitFor();
  }

  for (const [lng, strings] of [
    ['en', en],
    ['ru', ru],
  ] as const) {
    it(`every screen in ${lng === 'en' ? 'English' : 'Russian'}`, async () => {
      const { page } = host;
      await useLanguage(strings, lng);
      const findings: Finding[] = [];
      for (const route of SCREENS) {
        await open(page, route);
        findings.push(...(await audit(page, `${route} (${lng})`)));
      }
      expect(report(findings)).toEqual([]);
    }, 300_000);

    it(`the dialogs in ${lng === 'en' ? 'English' : 'Russian'}`, async () => {
      const { page } = host;
      await useLanguage(strings, lng);
      const findings: Finding[] = [];
      const dialog = page.locator('dialog[open]');
      const check = async (where: string) => {
        await dialog.waitFor();
        findings.push(...(await audit(page, `${where} (${lng})`, 'dialog[open]')));
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      };
      await open(page, `/meetings/${meeting}/agenda`);
      await page.getByRole('button', { name: strings.meetings.agenda.addSessionOn.replace('{{number}}', '1') }).click();
      await check('session dialog');
      await open(page, `/meetings/${meeting}/overview`);
      await page.getByRole('button', { name: strings.meetings.page.delete }).click();
      await check('delete meeting');
      await open(page, `/delegates/${delegate}`);
      await page.getByRole('button', { name: strings.delegates.detail.delete, exact: true }).click();
      await check('delete delegate');
      expect(report(findings)).toEqual([]);
    }, 300_000);
  }
});
