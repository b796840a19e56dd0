/**
 * An agenda of 200 sessions (5 days × 40, with overlaps and double-booked speakers so the
 * warnings have work to do), in Chromium through the test host (the built renderer in out/,
 * or CWG_OUT_DIR). The agenda is built through the screens, as a user would: 40 sessions on
 * day 1 in the session dialog, then "Copy day" to the four other days.
 *
 * Measured in the page: opening the Agenda tab (click to all 200 cards laid out, at the next
 * animation frame), the app's start on the agenda (navigation start to the cards), moving a
 * session down (click to its new time on screen), and a keystroke in the session dialog,
 * where each change re-checks the draft against the 200 sessions for warnings.
 */
import type { BenchResult } from '../../scripts/bench';
import { startTestHost } from '../host/testHost';
import { median, percentile } from './stats';

const DAYS = 5;
const PER_DAY = 40;
const SESSIONS = DAYS * PER_DAY;
const OPENINGS = 9;
const STARTS = 5;
const MOVES = 10;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export async function run(): Promise<BenchResult[]> {
  const host = await startTestHost();
  const { page } = host;
  try {
    await page.getByLabel('Name of this installation').fill('Bench secretariat');
    await page.getByRole('radio', { name: /^Secretariat/ }).check();
    await page.getByRole('button', { name: 'Start using CWG Desk' }).click();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Load sample data' }).click();
    await page.getByRole('status').getByText(/Sample data loaded/).waitFor();

    await page.goto(`${host.url}#/meetings/new`);
    await page.getByLabel('Title in English').fill('Five-day training programme');
    await page.getByLabel('First day').fill('2026-09-28');
    await page.getByLabel('Last day').fill('2026-10-02');
    await page.getByLabel('City in English').fill('Almaty');
    await page.getByRole('button', { name: 'Create meeting' }).click();
    await page.getByRole('tab', { name: 'Agenda', selected: true }).waitFor();
    const agendaUrl = page.url();

    // Day 1: 40 sessions of 15 minutes from 08:00; every fifth overlaps the previous one,
    // and speakers recur, so overlap and double-booking warnings are part of the work.
    const speakers = ['Hayes', 'Dubois', 'Collins'];
    process.stdout.write(`building ${String(PER_DAY)} sessions on day 1`);
    for (let i = 0; i < PER_DAY; i += 1) {
      await page.getByRole('button', { name: 'Add session on day 1' }).click();
      const dialog = page.getByRole('dialog', { name: 'New session' });
      const start = 8 * 60 + i * 15 - (i % 5 === 4 ? 10 : 0);
      await dialog.getByLabel('Start', { exact: true }).fill(hhmm(start));
      await dialog.getByLabel('End', { exact: true }).fill(hhmm(start + 15));
      await dialog.getByLabel('Title in English').fill(`Session ${String(i + 1).padStart(2, '0')}`);
      const box = dialog.getByRole('combobox', { name: 'Add a speaker' });
      await box.fill(speakers[i % speakers.length] ?? 'Hayes');
      await box.press('Enter');
      await dialog.getByRole('button', { name: 'Save session' }).click();
      await dialog.waitFor({ state: 'detached' });
      if (i % 10 === 9) process.stdout.write('.');
    }
    process.stdout.write('\n');
    for (let day = 2; day <= DAYS; day += 1) {
      await page.getByLabel('Copy day 1 to').selectOption({ index: day - 2 });
      await page.getByRole('button', { name: 'Copy day 1' }).click();
      await page.getByRole('status').getByText(`Copied ${String(PER_DAY)} sessions`).first().waitFor();
    }
    await page.waitForFunction((count) => document.querySelectorAll('article.session-card').length === count, SESSIONS);

    // Opening the Agenda tab from the Overview tab.
    const openAgenda = () =>
      page.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((element) => element.textContent === 'Agenda');
            if (!tab) throw new Error('no Agenda tab');
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('article.session-card').length === count) {
                observer.disconnect();
                document.querySelector('.m-agenda-days')?.getBoundingClientRect();
                requestAnimationFrame(() => {
                  resolve(performance.now() - start);
                });
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            tab.click();
          }),
        SESSIONS,
      );
    const openings: number[] = [];
    for (let i = 0; i < OPENINGS; i += 1) {
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByRole('heading', { name: 'At a glance' }).waitFor();
      openings.push(await openAgenda());
    }

    // A start of the app on the agenda: navigation start to the 200 cards laid out.
    const starts: number[] = [];
    for (let i = 0; i < STARTS; i += 1) {
      await page.goto(agendaUrl);
      await page.reload();
      await page.waitForFunction((count) => document.querySelectorAll('article.session-card').length === count, SESSIONS, { polling: 'raf' });
      starts.push(await page.evaluate(() => performance.now()));
    }

    // Moving a session down (and back up): click to the new time on screen.
    const move = (title: string, label: 'Move down' | 'Move up') =>
      page.evaluate(
        ({ title: wanted, label: button }) =>
          new Promise<number>((resolve) => {
            // No named helpers in here: tsx would wrap them in a __name() the page lacks.
            const card = [...document.querySelectorAll('article.session-card')].find((candidate) => candidate.querySelector('h4')?.textContent === wanted);
            const before = card?.querySelector('.session-time span')?.textContent;
            const target = [...(card?.querySelectorAll('button') ?? [])].find((element) => element.textContent === button);
            if (!card || !target) throw new Error(`no ${button} on ${wanted}`);
            const start = performance.now();
            const observer = new MutationObserver(() => {
              const now = [...document.querySelectorAll('article.session-card')]
                .find((candidate) => candidate.querySelector('h4')?.textContent === wanted)
                ?.querySelector('.session-time span')?.textContent;
              if (now !== before) {
                observer.disconnect();
                requestAnimationFrame(() => {
                  resolve(performance.now() - start);
                });
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            target.click();
          }),
        { title, label },
      );
    const moves: number[] = [];
    for (let i = 0; i < MOVES; i += 1) moves.push(await move('Session 20', i % 2 === 0 ? 'Move down' : 'Move up'));

    // Keystrokes in the session dialog: each re-checks the draft against every session.
    await page.getByRole('article', { name: 'Session 20' }).first().getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit session' });
    await dialog.waitFor();
    const keystrokes = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('dialog input[lang="en"]');
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the input as `this`
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      if (!input || !setter) throw new Error('no title box');
      const text = 'Risk management in practice: selectivity and profiles';
      const steps = [...Array.from(text, (_, i) => text.slice(0, i + 1)), ...Array.from(text, (_, i) => text.slice(0, text.length - i - 1))];
      const measured: number[] = [];
      for (const value of steps) {
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const start = performance.now();
        setter.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await Promise.resolve();
        document.querySelector('dialog')?.getBoundingClientRect();
        measured.push(performance.now() - start);
      }
      return measured;
    });
    // The warnings really were computed: the draft overlaps its neighbours.
    await dialog.getByRole('status').getByText(/Overlaps/).first().waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    if (host.pageErrors.length > 0) throw new Error(`page errors: ${host.pageErrors.join('; ')}`);

    return [
      {
        name: `agenda: open the Agenda tab with ${String(SESSIONS)} sessions (ms to all cards)`,
        unit: 'ms',
        median: median(openings),
        p95: percentile(openings, 95),
        target: 1000,
        note: `${String(OPENINGS)} openings`,
      },
      {
        name: `agenda: start the app on an agenda of ${String(SESSIONS)} sessions (ms from navigation)`,
        unit: 'ms',
        median: median(starts),
        p95: percentile(starts, 95),
        note: `${String(STARTS)} starts`,
      },
      {
        name: `agenda: move a session among ${String(SESSIONS)} (click to new time shown)`,
        unit: 'ms',
        median: median(moves),
        p95: percentile(moves, 95),
        target: 300,
        note: `${String(MOVES)} moves, one transaction each`,
      },
      {
        name: `agenda: keystroke in the session dialog, warnings over ${String(SESSIONS)}`,
        unit: 'ms',
        median: median(keystrokes),
        p95: percentile(keystrokes, 95),
        target: 50,
        note: `${String(keystrokes.length)} keystrokes`,
      },
    ];
  } finally {
    await host.close();
  }
}
