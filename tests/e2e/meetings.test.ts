/**
 * The meetings area the way the secretariat uses it, keyboard only (no mouse clicks): plan
 * the three-day Bishkek workshop across a month end, build its agenda (13 sessions, a site
 * visit, two experts as speakers), see the overlap and double-booking warnings, register
 * participants and take attendance, save the agenda as an .ics file and read it back, then
 * read the agenda in Russian. A delegation's installation reads the same screens without
 * any way to change them.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testHost';

const TITLE = 'Bishkek workshop on customs valuation and risk management';
const TITLE_RU = 'Бишкекский семинар по таможенной стоимости и управлению рисками';

async function firstRun(page: Page, role: 'Secretariat' | 'Delegation', country?: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Welcome to CWG Desk' }).waitFor();
  await page.getByLabel('Name of this installation').fill(role === 'Secretariat' ? 'Secretariat laptop' : 'Kyrgyz delegation');
  await page.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  if (country) await page.getByLabel('Country of the delegation').selectOption({ label: country });
  await page.getByRole('button', { name: 'Start using CWG Desk' }).press('Enter');
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
  // First run ends on the meetings list.
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
}

async function loadSample(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).press('Enter');
  await page.getByRole('button', { name: 'Load sample data' }).press('Enter');
  await page.getByRole('status').getByText(/Sample data loaded/).waitFor();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
}

interface SessionSpec {
  day: number;
  start: string;
  end: string;
  kind: string;
  title: string;
  titleRu?: string;
  location?: string;
  speakers?: string[];
  moderators?: string[];
  /** Text expected in the dialog's live warnings before saving. */
  expectWarning?: string;
}

/** Adds a session through the dialog, keyboard only; returns the saved session's card. */
async function addSession(page: Page, spec: SessionSpec): Promise<Locator> {
  await page.getByRole('button', { name: `Add session on day ${String(spec.day)}` }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New session' });
  await dialog.waitFor();
  await dialog.getByLabel('Start', { exact: true }).fill(spec.start);
  await dialog.getByLabel('End', { exact: true }).fill(spec.end);
  await dialog.getByLabel('Kind').selectOption({ label: spec.kind });
  await dialog.getByLabel('Title in English').fill(spec.title);
  if (spec.titleRu) await dialog.getByLabel('Title in Russian').fill(spec.titleRu);
  if (spec.location) await dialog.getByLabel('Location in English').fill(spec.location);
  for (const [role, people] of [
    ['Add a moderator', spec.moderators ?? []],
    ['Add a speaker', spec.speakers ?? []],
  ] as const) {
    const box = dialog.getByRole('combobox', { name: role });
    for (const person of people) {
      await box.fill(person.split(' ').pop() ?? person);
      await dialog.getByRole('option', { name: new RegExp(person) }).first().waitFor();
      await box.press('ArrowDown');
      await box.press('ArrowUp');
      await box.press('Enter');
      await dialog.getByRole('button', { name: `Remove ${person}` }).waitFor();
    }
  }
  if (spec.expectWarning) await dialog.getByRole('status').getByText(spec.expectWarning).waitFor();
  await dialog.getByLabel('Title in English').press('Enter');
  await dialog.waitFor({ state: 'detached' });
  const card = page.getByRole('article', { name: spec.title, exact: true });
  await card.waitFor();
  return card;
}

describe('meetings, as the secretariat', () => {
  let host: TestHost;
  let downloads: string;

  beforeAll(async () => {
    host = await startTestHost();
    downloads = await mkdtemp(join(tmpdir(), 'cwg-ics-'));
    await firstRun(host.page, 'Secretariat');
    await loadSample(host.page);
  });

  afterAll(async () => {
    await host.close();
  });

  it('refuses a meeting with bad input, saying why beside each field, and saves nothing', async () => {
    const { page } = host;
    await page.getByRole('link', { name: 'New meeting' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'New meeting' }).waitFor();
    await page.getByLabel('First day').fill('2026-10-01');
    await page.getByLabel('Last day').fill('2026-09-29');
    await page.getByRole('button', { name: 'Create meeting' }).press('Enter');

    await page.getByRole('alert').getByText('Nothing was saved. Correct the fields marked below.').waitFor();
    const title = page.getByLabel('Title in English');
    await page.getByText('Enter a title in English or Russian.').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByText('The last day cannot be before the first day.').waitFor();
    expect(await page.getByLabel('Last day').getAttribute('aria-invalid')).toBe('true');
    // A description of the error is read with the field.
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy.split(' ')[0] ?? ''}"]`).textContent()).toBe('Enter a title in English or Russian.');
  });

  it('plans the workshop: the city suggests the time zone, the dates cross a month end', async () => {
    const { page } = host;
    await page.getByLabel('Title in English').fill(TITLE);
    await page.getByLabel('Title in Russian').fill(TITLE_RU);
    await page.getByLabel('Kind').selectOption({ label: 'Workshop' });
    await page.getByLabel('Status').selectOption({ label: 'Confirmed' });
    await page.getByLabel('First day').fill('2026-09-29');
    await page.getByLabel('Last day').fill('2026-10-01');
    // Kabul first: its zone is suggested, at UTC+4:30.
    await page.getByLabel('City in English').fill('Kabul');
    expect(await page.getByLabel('Time zone of the venue').inputValue()).toBe('Asia/Kabul');
    expect(await page.getByLabel('Time zone of the venue').locator('option:checked').textContent()).toBe('Asia/Kabul (UTC+4:30)');
    await page.getByLabel('City in English').fill('Bishkek');
    await page.getByLabel('City in Russian').fill('Бишкек');
    expect(await page.getByLabel('Time zone of the venue').inputValue()).toBe('Asia/Bishkek');
    await page.getByLabel('Venue in English').fill('Hyatt Regency Bishkek');
    await page.getByLabel('Host organization').selectOption({ label: 'Commercial Law Development Program, U.S. Department of Commerce (CLDP)' });
    await page.getByRole('checkbox', { name: 'WCO' }).press('Space');
    await page.getByLabel('Objectives in English').fill('Train customs officials in valuation and risk management.');
    await page.getByRole('button', { name: 'Create meeting' }).press('Enter');

    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('status').getByText('Meeting created.').waitFor();
    expect(await page.getByRole('tab', { name: 'Agenda' }).getAttribute('aria-selected')).toBe('true');
    const days = page.getByRole('list', { name: 'Days of the meeting' });
    expect(await days.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).allInnerTexts()).toHaveLength(3);
    await days.getByRole('heading', { name: /Day 2\s*Wednesday, September 30, 2026/ }).waitFor();
    await days.getByRole('heading', { name: /Day 3\s*Thursday, October 1, 2026/ }).waitFor();
    expect(page.url()).toMatch(/#\/meetings\/[0-9a-f-]{36}\/agenda$/);
  });

  it('builds the agenda with the keyboard and shows overlaps and double bookings as warnings', async () => {
    const { page } = host;
    await addSession(page, { day: 1, start: '9:00', end: '9:30', kind: 'Opening', title: 'Opening and introductions', titleRu: 'Открытие и знакомство', moderators: ['Sarah Mitchell'] });
    await addSession(page, {
      day: 1,
      start: '0930',
      end: '12:30',
      kind: 'Training',
      title: 'Customs valuation',
      titleRu: 'Таможенная стоимость',
      speakers: ['Robert Hayes', 'Marc Dubois'],
    });
    await addSession(page, { day: 1, start: '12:30', end: '13:30', kind: 'Meal', title: 'Lunch', titleRu: 'Обед' });
    await addSession(page, {
      day: 1,
      start: '13:30',
      end: '17:00',
      kind: 'Training',
      title: 'Risk management',
      titleRu: 'Управление рисками',
      speakers: ['Jennifer Collins', 'Marc Dubois'],
    });
    // Overlaps the valuation training and books Marc Dubois twice: warned, not refused.
    const clinic = await addSession(page, {
      day: 1,
      start: '12:00',
      end: '13:00',
      kind: 'Discussion',
      title: 'Valuation clinic',
      speakers: ['Marc Dubois'],
      expectWarning: 'Marc Dubois is also in “Customs valuation” (09:30–12:30).',
    });
    await clinic.getByText('Overlaps “Customs valuation” (09:30–12:30).').waitFor();
    await clinic.getByText('Overlaps “Lunch” (12:30–13:30).').waitFor();
    await clinic.getByText('Marc Dubois is also in “Customs valuation” (09:30–12:30).').waitFor();
    await page.getByRole('article', { name: 'Customs valuation' }).getByText('Overlaps “Valuation clinic” (12:00–13:00).').waitFor();
    // Two overlaps and one double booking.
    await page.getByText('Agenda warnings: 3. They do not stop saving.').waitFor();

    const visit = await addSession(page, {
      day: 2,
      start: '09:00',
      end: '13:00',
      kind: 'Site visit',
      title: 'Visit to the OSCE Customs Training Center',
      titleRu: 'Посещение Таможенного учебного центра ОБСЕ',
      location: 'OSCE Customs Training Center, near Bishkek',
      moderators: ['David Grant'],
    });
    await visit.getByText('OSCE Customs Training Center, near Bishkek').waitFor();
    await addSession(page, { day: 2, start: '13:00', end: '14:00', kind: 'Meal', title: 'Lunch at the centre', titleRu: 'Обед в центре' });
    await addSession(page, { day: 2, start: '14:30', end: '16:00', kind: 'Panel', title: 'Post-clearance audit in practice', titleRu: 'Контроль после выпуска на практике', speakers: ['Robert Hayes'] });
    // The coffee break was entered after the panel it should precede: move it up.
    const coffee = await addSession(page, { day: 2, start: '16:00', end: '16:15', kind: 'Break', title: 'Coffee break', titleRu: 'Кофе-брейк' });
    await coffee.getByRole('button', { name: 'Move up' }).press('Enter');
    await coffee.getByText('14:30–14:45').waitFor();
    await page.getByRole('article', { name: 'Post-clearance audit in practice' }).getByText('14:45–16:15').waitFor();

    await addSession(page, { day: 3, start: '09:00', end: '11:00', kind: 'Discussion', title: 'Memorandum of Understanding', titleRu: 'Меморандум о взаимопонимании' });
    await addSession(page, { day: 3, start: '11:00', end: '11:15', kind: 'Break', title: 'Break', titleRu: 'Перерыв' });
    await addSession(page, { day: 3, start: '11:15', end: '12:30', kind: 'Discussion', title: 'Questions for the next meeting', titleRu: 'Вопросы к следующему заседанию' });
    // Duplicate the closing of day 3: the copy follows the original.
    const closing = await addSession(page, { day: 3, start: '12:30', end: '13:00', kind: 'Closing', title: 'Closing', titleRu: 'Закрытие' });
    await closing.getByRole('button', { name: 'Duplicate' }).press('Enter');
    await page.getByRole('status').getByText('Session duplicated after the original.').waitFor();
    await expect.poll(() => page.getByRole('article', { name: 'Closing', exact: true }).count()).toBe(2);
    await page.getByRole('article', { name: 'Closing', exact: true }).nth(1).getByText('13:00–13:30').waitFor();

    const day3 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Day 3/ }) });
    await day3.getByText('Sessions: 5').waitFor();
    const count = await page.getByRole('article').count();
    expect(count).toBe(14);
    // Edit the duplicate into the reception, and fix a bad end time on the way.
    await page.getByRole('article', { name: 'Closing', exact: true }).nth(1).getByRole('button', { name: 'Edit' }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit session' });
    await dialog.getByLabel('End', { exact: true }).fill('12:00');
    await dialog.getByLabel('Title in English').fill('Farewell reception');
    await dialog.getByLabel('Kind').selectOption({ label: 'Meal' });
    await dialog.getByRole('button', { name: 'Save session' }).press('Enter');
    await dialog.getByText('The session must end after it starts, on the same day.').waitFor();
    expect(await dialog.getByLabel('End', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('End', { exact: true }).fill('14:30');
    await dialog.getByRole('button', { name: 'Save session' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('article', { name: 'Farewell reception' }).getByText('13:00–14:30').waitFor();
  });

  it('marks the session under way and the next one in the venue’s time zone', async () => {
    const { page } = host;
    // 08:00 UTC is 14:00 in Bishkek (UTC+6) on the first day.
    await page.clock.setFixedTime(new Date('2026-09-29T08:00:00Z'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText('At the venue it is now 14:00 on Sep 29, 2026.').waitFor();
    await page.getByRole('article', { name: 'Risk management' }).getByText('Now', { exact: true }).waitFor();
    expect(await page.getByText('Now', { exact: true }).count()).toBe(1);
    await page.getByRole('article', { name: 'Visit to the OSCE Customs Training Center' }).getByText('Next', { exact: true }).waitFor();
  });

  it('registers participants, takes attendance with the keyboard and totals them', async () => {
    const { page } = host;
    const tabs = page.getByRole('tablist', { name: 'Meeting sections' });
    // Arrow keys move between tabs, as in any tab list.
    await tabs.getByRole('tab', { name: 'Agenda' }).press('ArrowRight');
    await page.getByRole('heading', { name: 'Add participants' }).waitFor();
    expect(await tabs.getByRole('tab', { name: 'Participants' }).getAttribute('aria-selected')).toBe('true');
    expect(await tabs.getByRole('tab', { name: 'Participants' }).evaluate((element) => element === document.activeElement)).toBe(true);

    // The experts, one by one, in the capacity suggested by their role.
    const find = page.getByRole('combobox', { name: 'Find a delegate' });
    for (const name of ['Robert Hayes', 'Marc Dubois', 'Jennifer Collins']) {
      await find.fill(name.split(' ')[1] ?? name);
      await page.getByRole('option', { name: new RegExp(name) }).waitFor();
      await find.press('Enter');
      await page.getByRole('status').getByText(`${name} added.`).waitFor();
    }
    // Kazakhstan's delegation at once; then Kyrgyzstan's as guests.
    await page.getByLabel('Add a country’s delegation').selectOption({ label: 'Kazakhstan' });
    await page.getByRole('button', { name: 'Add delegation' }).press('Enter');
    await page.getByRole('status').getByText('Delegates of Kazakhstan added: 3; already participants: 0.').waitFor();
    await page.getByLabel('Capacity', { exact: true }).selectOption({ label: 'Guest' });
    await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Confirmed' });
    await page.getByLabel('Add a country’s delegation').selectOption({ label: 'Kyrgyzstan' });
    await page.getByRole('button', { name: 'Add delegation' }).press('Enter');
    await page.getByRole('status').getByText(/Delegates of Kyrgyzstan added: 18/).waitFor();
    // Two of them are members of the group: correct their capacity in the list.
    await page.getByLabel('Capacity of Bakyt Asanov').selectOption({ label: 'Member delegation' });
    await page.getByLabel('Capacity of Aida Mamatova').selectOption({ label: 'Member delegation' });
    await page.getByLabel('Status of Timur Sadykov').selectOption({ label: 'Declined' });

    // Attendance for day 1: the list is one Tab stop; arrows move, Space ticks.
    const checklist = page.getByRole('group', { name: /^Present on Sep 29, 2026/ });
    await checklist.getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await page.getByText(/^Present on Sep 29, 2026: 3 of 23\./).waitFor();
    const checked = await checklist.getByRole('checkbox', { checked: true }).count();
    expect(checked).toBe(3);
    // Everyone confirmed (the Kyrgyz guests) present at once.
    await page.getByRole('button', { name: 'Mark everyone confirmed as present' }).press('Enter');
    // The two Kazakh delegates ticked by hand were only invited; the 17 Kyrgyz had confirmed.
    await page.getByText(/^Present on Sep 29, 2026: 19 of 23\./).waitFor();

    const totals = page.getByRole('table', { name: /Participants by country and capacity/ });
    const row = async (name: string) => totals.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents();
    // Columns: member, expert, guest (only capacities in use), total.
    expect(await totals.getByRole('columnheader').allTextContents()).toEqual(['Country', 'Member delegation', 'Guest', 'Expert or trainer', 'Total']);
    expect(await row('Kazakhstan')).toEqual(['3', '0', '0', '3']);
    // Timur Sadykov declined: 15 guests and 2 members counted for Kyrgyzstan.
    expect(await row('Kyrgyzstan')).toEqual(['2', '15', '0', '17']);
    expect(await row('United States')).toEqual(['0', '0', '2', '2']);
    expect(await totals.getByRole('row', { name: /^Total/ }).getByRole('cell').allTextContents()).toEqual(['5', '15', '3', '23']);
  });

  it('counts the 15 non-member Kyrgyz officials of the 2014 Bishkek meeting', async () => {
    const { page } = host;
    await page.clock.setFixedTime(new Date('2026-11-27T08:00:00Z'));
    await page.goto(`${host.url}#/meetings`);
    await page.getByRole('table', { name: 'Past' }).getByRole('link', { name: 'Second meeting of the Customs Working Group' }).press('Enter');
    await page.getByRole('tab', { name: 'Participants' }).press('Enter');
    const totals = page.getByRole('table', { name: /Participants by country and capacity/ });
    const kyrgyzstan = totals.getByRole('row', { name: /^Kyrgyzstan/ });
    await kyrgyzstan.waitFor();
    const headers = await totals.getByRole('columnheader').allTextContents();
    const cells = await kyrgyzstan.getByRole('cell').allTextContents();
    expect(cells[headers.indexOf('Guest') - 1]).toBe('15');
  });

  it('saves the agenda as an .ics file with the venue’s time zone', async () => {
    const { page } = host;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).press('Enter');
    await page.getByRole('link', { name: TITLE }).press('Enter');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const target = join(downloads, 'bishkek-workshop.ics');
    host.dialogs.answer(target);
    await page.getByRole('group', { name: 'Meeting actions' }).getByRole('button', { name: 'Save agenda as calendar (.ics)' }).press('Enter');
    await page.getByRole('status').getByText(`Calendar saved: ${target}`).waitFor();
    expect(host.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultPath: expect.stringMatching(/2026-09-29 Bishkek workshop on customs valuation and risk management\.ics$/) as unknown });

    const ics = await readFile(target, 'utf8');
    const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(14);
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VTIMEZONE', 'TZID:Asia/Bishkek', 'TZOFFSETTO:+0600', 'END:VTIMEZONE']));
    expect(lines).toContain('DTSTART;TZID=Asia/Bishkek:20260929T090000');
    // The site visit on the second day, and the month end crossed on the third.
    const visit = lines.indexOf('SUMMARY:Visit to the OSCE Customs Training Center');
    expect(visit).toBeGreaterThan(0);
    expect(lines.slice(visit - 6, visit)).toContain('DTSTART;TZID=Asia/Bishkek:20260930T090000');
    expect(lines).toContain('DTSTART;TZID=Asia/Bishkek:20261001T123000');
    expect(lines).toContain('LOCATION:OSCE Customs Training Center\\, near Bishkek');
    expect(lines.some((line) => line.startsWith('DESCRIPTION:') && line.includes('Speakers: Robert Hayes\\, Marc Dubois'))).toBe(true);
    expect(lines.filter((line) => line === 'STATUS:CONFIRMED')).toHaveLength(14);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('shows the agenda in Russian', async () => {
    const { page } = host;
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    await page.getByRole('heading', { level: 1, name: TITLE_RU }).waitFor();
    await page.getByRole('tablist', { name: 'Разделы встречи' }).getByRole('tab', { name: 'Повестка' }).press('Enter');
    const days = page.getByRole('list', { name: 'Дни встречи' });
    await days.getByRole('heading', { name: /День 1\s*вторник, 29 сентября 2026/ }).waitFor();
    await days.getByRole('heading', { name: /День 3\s*четверг, 1 октября 2026/ }).waitFor();
    const visit = page.getByRole('article', { name: 'Посещение Таможенного учебного центра ОБСЕ' });
    await visit.getByText('Выездное посещение').waitFor();
    await visit.getByText('09:00–13:00').waitFor();
    // Untranslated titles fall back to English.
    const clinic = page.getByRole('article', { name: 'Valuation clinic' });
    await clinic.getByText('Пересекается с «Таможенная стоимость» (09:30–12:30).').waitFor();
    await clinic.getByText(/также участвует в «Таможенная стоимость»/).waitFor();
    await page.getByRole('button', { name: 'Добавить заседание в день 1' }).waitFor();
    await page.getByRole('button', { name: 'Сохранить повестку в календарь (.ics)' }).waitFor();
    expect(host.pageErrors).toEqual([]);
    expect(host.blockedRequests).toEqual([]);
  });
});

describe('meetings, as a delegation', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await startTestHost();
    await firstRun(host.page, 'Delegation', 'Kyrgyzstan');
  });

  afterAll(async () => {
    await host.close();
  });

  it('reads meetings without any way to change them', async () => {
    const { page } = host;
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    expect(await page.getByRole('link', { name: 'New meeting' }).count()).toBe(0);
    await loadSample(page);
    await page.getByRole('link', { name: 'Second meeting of the Customs Working Group' }).press('Enter');
    await page.getByText('Delegations read meetings; the secretariat plans and changes them.').waitFor();
    const actions = page.getByRole('group', { name: 'Meeting actions' });
    // Reading and printing only: no edit, cancel or delete.
    expect(await actions.getByRole('button').allTextContents()).toEqual([
      'Save agenda as calendar (.ics)',
      'Agenda as PDF',
      'Print agenda…',
      'Meeting book as PDF',
      'Print meeting book…',
    ]);
    await page.getByRole('tab', { name: 'Agenda' }).press('Enter');
    await page.getByRole('article', { name: 'Customs valuation' }).waitFor();
    expect(await page.getByRole('button', { name: /Add a session|Edit|Move up|Delete/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Participants' }).press('Enter');
    await page.getByRole('table', { name: /Participants by country and capacity/ }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Find a delegate' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Attendance checklist' }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Outcomes' }).press('Enter');
    await page.getByText('The Working Group took note of the first draft', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /Add decision|Add action item/ }).count()).toBe(0);
    // A typed address to the edit form says who may change meetings.
    await page.goto(`${host.url}#/meetings/new`);
    await page.getByText('Only the secretariat plans and changes meetings.').waitFor();
    expect(host.pageErrors).toEqual([]);
  });
});
