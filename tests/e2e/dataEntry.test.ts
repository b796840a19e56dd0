/**
 * Data entry a secretariat can trust (issue 16): a delegate list from a Russian-locale
 * spreadsheet (Windows-1251, semicolons, bilingual headers, names in parts, countries by
 * three-letter code and by variant names, an organization the registry lacks, columns the
 * app has no field for, and bad rows) imports every good row with every field, reports
 * every bad row with its row number, column and value, and says exactly what it wrote;
 * the meetings' people pickers then find those people typed in the other script.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ru } from '../../shared/i18n/ru';
import { encodeWindows1251 } from '../fixtures/csv';
import { startTestHost, type TestHost } from '../host/testHost';
import { loadSampleData, firstRun } from './syncSteps';

const HEADER = [
  '№ п/п',
  'Фамилия / Surname',
  'Имя / Given name',
  'Отчество',
  'Фамилия (лат.)',
  'Имя (лат.)',
  'Страна / Country',
  'Ведомство / Organization',
  'Должность / Position',
  'Телефон / Phone',
  'Эл. почта / E-mail',
  'Виза / Visa',
];

/** A person the file holds, with what the registry must show for them after the import. */
interface Expected {
  nameNative: string;
  nameLatin: string;
  positionRu: string;
  country: string;
  organization: string;
  email: string;
  phone: string;
}

const GOOD: readonly { cells: string[]; expected: Expected }[] = [
  {
    cells: ['1', 'Токтогулов', 'Нурлан', 'Бекович', 'Toktogulov', 'Nurlan', 'KGZ', 'SCS KR', 'Начальник отдела тарифного регулирования', '+996 312 555101', 'n.toktogulov@customs.kg', 'нужна'],
    expected: {
      nameNative: 'Нурлан Бекович Токтогулов',
      nameLatin: 'Nurlan Toktogulov',
      positionRu: 'Начальник отдела тарифного регулирования',
      country: 'Kyrgyzstan',
      organization: 'SCS KR — State Customs Service under the Government of the Kyrgyz Republic',
      email: 'n.toktogulov@customs.kg',
      phone: '+996 312 555101',
    },
  },
  {
    cells: ['2', 'Абенова', 'Айгерим', 'Сериковна', 'Abenova', 'Aigerim', 'Республика Казахстан', 'Комитет государственных доходов Министерства финансов Республики Казахстан', 'Главный специалист', '+7 7172 555102', 'a.abenova@kgd.gov.kz', ''],
    expected: {
      nameNative: 'Айгерим Сериковна Абенова',
      nameLatin: 'Aigerim Abenova',
      positionRu: 'Главный специалист',
      country: 'Kazakhstan',
      organization: 'SRC — State Revenue Committee, Ministry of Finance of the Republic of Kazakhstan',
      email: 'a.abenova@kgd.gov.kz',
      phone: '+7 7172 555102',
    },
  },
  {
    // Only the Cyrillic name: the pickers must find him by "Farrukh".
    cells: ['3', 'Рахимов', 'Фаррух', '', '', '', 'TJK', 'Таможенная служба при Правительстве Республики Таджикистан', 'Инспектор', '+992 37 2555103', 'f.rahimov@customs.tj', 'нужна'],
    expected: {
      nameNative: 'Фаррух Рахимов',
      nameLatin: '',
      positionRu: 'Инспектор',
      country: 'Tajikistan',
      organization: 'CS RT — Customs Service under the Government of the Republic of Tajikistan',
      email: 'f.rahimov@customs.tj',
      phone: '+992 37 2555103',
    },
  },
  {
    // An organization the registry does not have: created when asked.
    cells: ['4', 'Оразова', 'Огулджан', '', 'Orazova', 'Oguljan', 'Туркмения', 'Таможенная академия', 'Преподаватель', '+993 12 555104', 'o.orazova@customs.gov.tm', ''],
    expected: {
      nameNative: 'Огулджан Оразова',
      nameLatin: 'Oguljan Orazova',
      positionRu: 'Преподаватель',
      country: 'Turkmenistan',
      organization: 'Таможенная академия',
      email: 'o.orazova@customs.gov.tm',
      phone: '+993 12 555104',
    },
  },
  {
    // Only the Latin name: the pickers must find him by "Ахмадзай".
    cells: ['5', '', '', '', 'Ahmadzai', 'Mohammad Karim', 'AFG', 'ACD', 'Директор', '+93 20 2555105', 'm.ahmadzai@customs.gov.af', 'нужна'],
    expected: {
      nameNative: '',
      nameLatin: 'Mohammad Karim Ahmadzai',
      positionRu: 'Директор',
      country: 'Afghanistan',
      organization: 'ACD — Afghanistan Customs Department, Ministry of Finance',
      email: 'm.ahmadzai@customs.gov.af',
      phone: '+93 20 2555105',
    },
  },
];

/** Bad rows, each with the one problem the import must report for it. */
const BAD: readonly { cells: string[]; problem: string }[] = [
  {
    cells: ['6', 'Каримов', 'Фарход', '', 'Karimov', 'Farhod', 'Атлантида', 'SRC', 'Эксперт', '+7 7172 555106', 'f.karimov@kgd.gov.kz', ''],
    problem: 'Страна / Country (column 7), “Атлантида”: Unknown country “Атлантида”: use a country of the registry (its code, English or Russian name).',
  },
  {
    cells: ['7', 'Иванов', 'Сергей', '', 'Ivanov', 'Sergei', 'KAZ', 'SRC', 'Эксперт', '+7 7172 555107', 'ivanov@', ''],
    problem: 'Эл. почта / E-mail (column 11), “ivanov@”: “ivanov@” is not a valid e-mail address (for example, name@example.org).',
  },
  {
    cells: ['8', 'Бекова', 'Динара', '', 'Bekova', 'Dinara', 'KGZ', 'SCS KR', 'Эксперт', 'звонить секретарю', 'd.bekova@customs.kg', ''],
    problem:
      'Телефон / Phone (column 10), “звонить секретарю”: “звонить секретарю” is not a phone number: use digits, spaces, brackets and hyphens, optionally starting with + (5 to 15 digits).',
  },
  {
    cells: ['9', '', '', '', '', '', 'KGZ', 'SCS KR', '', '', 'nobody@customs.kg', ''],
    problem:
      'Фамилия / Surname, Имя / Given name, Отчество, Фамилия (лат.), Имя (лат.) (columns 2, 3, 4, 5, 6), empty: Enter the name in Latin script, in native script, or both.',
  },
];

/** Spreadsheet rows (header = 1) in file order: good and bad people mixed, a blank line at the end. */
const ORDER = [GOOD[0], BAD[0], GOOD[1], GOOD[2], BAD[1], GOOD[3], BAD[2], GOOD[4], BAD[3]] as const;

function fileBytes(): Uint8Array {
  const quote = (cell: string) => (/[;"\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const lines = [HEADER, ...ORDER.map((entry) => entry?.cells ?? [])].map((cells) => cells.map(quote).join(';'));
  return encodeWindows1251(`${lines.join('\r\n')}\r\n\r\n`);
}

const rowOf = (cells: readonly string[]) => ORDER.findIndex((entry) => entry?.cells === cells) + 2;

describe('data entry a secretariat can trust', () => {
  let host: TestHost;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cwg-data-entry-'));
    host = await startTestHost();
    const { page } = host;
    await firstRun(host, 'Secretariat laptop', 'Secretariat');
    await loadSampleData(page);
  });

  afterAll(async () => {
    await host.close();
  });

  it('imports a bilingual-header Windows-1251 file: every good row with every field, every bad row reported, the summary what was written', async () => {
    const { page } = host;
    const path = join(dir, 'bishkek-2014-delegates.csv');
    await writeFile(path, fileBytes());
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Delegates' }).click();
    await page.getByText('34 people in the registry').waitFor();
    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import delegates from CSV' }).waitFor();
    host.dialogs.answer(path);
    await page.getByRole('button', { name: 'Choose a CSV file…' }).click();

    await page.getByText('bishkek-2014-delegates.csv: 9 rows, columns separated by semicolons.').waitFor();
    expect(await page.getByLabel('Text encoding').inputValue()).toBe('windows-1251');

    // Every column of the file is mapped by its header, or named as not imported.
    const mapped = async (field: string) => page.getByRole('combobox', { name: field, exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
    expect(await mapped('Family name')).toBe('Column 2: Фамилия / Surname');
    expect(await mapped('Given name')).toBe('Column 3: Имя / Given name');
    expect(await mapped('Patronymic')).toBe('Column 4: Отчество');
    expect(await mapped('Family name (Latin script)')).toBe('Column 5: Фамилия (лат.)');
    expect(await mapped('Given name (Latin script)')).toBe('Column 6: Имя (лат.)');
    expect(await mapped('Country')).toBe('Column 7: Страна / Country');
    expect(await mapped('Organization')).toBe('Column 8: Ведомство / Organization');
    expect(await mapped('Position (Russian)')).toBe('Column 9: Должность / Position');
    expect(await mapped('Position (English)')).toBe('— not imported —');
    expect(await mapped('Phone')).toBe('Column 10: Телефон / Phone');
    expect(await mapped('E-mail')).toBe('Column 11: Эл. почта / E-mail');
    const notImported = page.getByRole('list', { name: 'Columns that will not be imported' }).getByRole('listitem');
    expect(await notImported.allTextContents()).toEqual(['Column 1 “№ п/п”, for example “1”', 'Column 12 “Виза / Visa”, for example “нужна”']);

    // Before the organization is created: its row is reported too.
    const academyRow = rowOf(GOOD[3]?.cells ?? []);
    await page.getByText('Ready to import: 4 (4 new, 0 to update). Rows with problems, not imported: 5.').waitFor();
    const problems = page.getByRole('list', { name: 'Rows with problems' }).getByRole('listitem');
    const reported = (withAcademy: boolean) =>
      [
        ...BAD.map((bad) => ({ row: rowOf(bad.cells), text: bad.problem })),
        ...(withAcademy
          ? [
              {
                row: academyRow,
                text: 'Ведомство / Organization (column 8), “Таможенная академия”: Unknown organization “Таможенная академия”: add it under Organizations first, or use its acronym or full name.',
              },
            ]
          : []),
      ]
        .sort((a, b) => a.row - b.row)
        .map(({ row, text }) => `Row ${String(row)}: ${text}`);
    expect(await problems.allTextContents()).toEqual(reported(true));

    await page.getByRole('checkbox', { name: 'Create the organizations the registry does not have: Таможенная академия' }).check();
    await page.getByText('Ready to import: 5 (5 new, 0 to update). Rows with problems, not imported: 4. Organizations to create: 1.').waitFor();
    expect(await problems.allTextContents()).toEqual(reported(false));

    await page.getByRole('button', { name: 'Import 5 valid rows' }).click();
    await page.getByRole('status').getByText('Import finished: 5 new, 0 updated. Organizations created: 1.').first().waitFor();
    // The button went with the file: focus is on the import's progress, not on the page.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Import');

    // The summary is what was written: 5 more people, 1 more organization.
    await page.getByRole('link', { name: 'Show the registry' }).click();
    await page.getByText('39 people in the registry').waitFor();
    await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'Organizations' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organizations' }).waitFor();
    const academy = page.getByRole('row', { name: /Таможенная академия/ });
    await academy.waitFor();
    expect(await academy.textContent()).toContain('Turkmenistan');

    // Every field of every imported person, as the edit form shows it.
    for (const { expected } of GOOD) {
      await page.getByRole('navigation', { name: 'Registry' }).getByRole('link', { name: 'People' }).click();
      await page.getByLabel('Search by name or e-mail').fill(expected.email);
      await page.getByText('Showing 1 of 39 people').waitFor();
      await page.getByRole('table', { name: 'Delegates' }).getByRole('link').first().click();
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('heading', { level: 1, name: 'Edit delegate' }).waitFor();
      const value = (label: string) => page.getByLabel(label, { exact: true }).inputValue();
      const chosen = (label: string) => page.getByLabel(label, { exact: true }).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
      expect({
        nameNative: await value('Name in Cyrillic or native script'),
        nameLatin: await value('Name in Latin script'),
        positionRu: await value('Position (Russian)'),
        country: await chosen('Country'),
        organization: await chosen('Organization'),
        email: await value('E-mail'),
        phone: await value('Phone'),
      }).toEqual(expected);
      expect(await value('Position (English)')).toBe('');
      expect(await value('Honorific')).toBe('');
      expect(await value('Notes')).toBe('');
      await page.getByRole('link', { name: 'Cancel' }).click();
    }
  });

  it('finds people in the speaker, moderator and participant pickers typed in the other script', async () => {
    const { page } = host;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
    // The second meeting: the first one's minutes are approved, which locks its participants.
    await page.getByRole('link', { name: /Second meeting of the Customs Working Group/ }).first().click();
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('button', { name: 'Add session on day 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'New session' });
    await dialog.waitFor();
    // Imported with a Cyrillic name only, found by the Latin spelling; and the other way round.
    // (The sample has a Farrukh Rahimov of its own, in Latin script.)
    const options = (scope: typeof page | typeof dialog) => scope.getByRole('listbox', { name: 'Matching delegates' }).getByRole('option');
    const speaker = dialog.getByRole('combobox', { name: 'Add a speaker' });
    await speaker.fill('Farrukh');
    expect(await options(dialog).allTextContents()).toEqual(['Farrukh Rahimov · CS RT, Tajikistan', 'Фаррух Рахимов · CS RT, Tajikistan']);
    await speaker.press('ArrowDown');
    await speaker.press('Enter');
    await dialog.getByRole('button', { name: 'Remove Фаррух Рахимов' }).waitFor();
    const moderator = dialog.getByRole('combobox', { name: 'Add a moderator' });
    await moderator.fill('Ахмадзай');
    expect(await options(dialog).allTextContents()).toEqual(['Mohammad Karim Ahmadzai · ACD, Afghanistan']);
    // "Nurlan" finds the sample's Nurlan (Latin) and the imported Нурлан, spelt either way.
    await moderator.fill('Нурлан');
    expect((await options(dialog).allTextContents()).sort()).toEqual(['Nurlan Beishenaliev · SCS KR, Kyrgyzstan', 'Nurlan Toktogulov · SCS KR, Kyrgyzstan']);
    await moderator.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Participants' }).click();
    const find = page.getByRole('combobox', { name: 'Find a delegate' });
    await find.fill('Orazova');
    expect(await options(page).allTextContents()).toEqual(['Oguljan Orazova · Таможенная академия, Turkmenistan']);
    await find.fill('Огулджан');
    expect(await options(page).allTextContents()).toEqual(['Oguljan Orazova · Таможенная академия, Turkmenistan']);
    await find.press('Enter');
    await page.getByRole('status').getByText('Oguljan Orazova added.').waitFor();
  });

  it('walks an agenda by keyboard: after moving, editing, deleting, moving to another day and exporting, focus is never on the page body', async () => {
    const { page } = host;
    const settled = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement;
        if (!active || active === document.body) return 'BODY';
        return active.getAttribute('aria-label') ?? (active.textContent.trim() || active.tagName);
      });
    const expectFocusOn = async (name: string | RegExp) => {
      await settled();
      const now = await focused();
      expect(now).not.toBe('BODY');
      if (typeof name === 'string') expect(now).toBe(name);
      else expect(now).toMatch(name);
    };

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).press('Enter');
    await page.getByRole('link', { name: 'Second meeting of the Customs Working Group' }).first().press('Enter');
    await page.getByRole('tab', { name: 'Agenda' }).press('Enter');
    const day1 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Day 1/ }) });
    const titles = () => day1.getByRole('article').evaluateAll((cards) => cards.map((card) => card.querySelector('h3')?.textContent ?? ''));
    await expect.poll(titles).toEqual(['Opening of the second meeting', 'Customs valuation', 'Risk management']);

    // Move "Risk management" to the top of the day: focus stays on its button all the way.
    const moveUp = page.getByRole('button', { name: 'Move up session Risk management' });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Opening of the second meeting', 'Risk management', 'Customs valuation']);
    await expectFocusOn('Move up session Risk management');
    await page.keyboard.press('Enter');
    await expect.poll(titles).toEqual(['Risk management', 'Opening of the second meeting', 'Customs valuation']);
    await expectFocusOn('Move up session Risk management');
    expect(await moveUp.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await expectFocusOn('Move up session Risk management');
    expect(await titles()).toEqual(['Risk management', 'Opening of the second meeting', 'Customs valuation']);

    // Repeated buttons say which session they act on.
    expect(await day1.getByRole('button', { name: /^Edit session / }).allTextContents()).toEqual(['Edit', 'Edit', 'Edit']);
    expect(await day1.getByRole('button', { name: /^Edit session / }).evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label')))).toEqual([
      'Edit session Risk management',
      'Edit session Opening of the second meeting',
      'Edit session Customs valuation',
    ]);

    // Edit and close: back on the button that opened the dialog.
    await page.getByRole('button', { name: 'Edit session Customs valuation' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Edit session' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Edit session' }).waitFor({ state: 'detached' });
    await expectFocusOn('Edit session Customs valuation');

    // Delete a session: its buttons go, focus stays in the day.
    await page.getByRole('button', { name: 'Delete session Customs valuation' }).focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Delete this session?' });
    await confirm.waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Session deleted.').waitFor();
    await expect.poll(titles).toEqual(['Risk management', 'Opening of the second meeting']);
    await expectFocusOn(/session (Risk management|Opening of the second meeting)/);

    // Move a session to another day: the card leaves this column, focus does not fall.
    await page.getByRole('button', { name: 'Move session Opening of the second meeting to the chosen day' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Session moved.').waitFor();
    await expect.poll(titles).toEqual(['Risk management']);
    await expectFocusOn(/./);

    // Export the calendar: the button keeps focus while it saves and after.
    host.dialogs.answer(join(dir, 'second-meeting.ics'));
    const exportIcs = page.getByRole('button', { name: 'Save agenda as calendar (.ics)' });
    await exportIcs.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(/^Calendar saved: /).waitFor();
    await expectFocusOn('Save agenda as calendar (.ics)');
    expect(host.dialogs.asked.at(-1)?.title).toBe('Calendar file');

    // The notifications sit below the screen, never over its controls.
    const notifications = await page.getByRole('region', { name: 'Notifications' }).boundingBox();
    const main = await page.getByRole('main').boundingBox();
    expect(notifications && main && notifications.y >= main.y + main.height - 1).toBe(true);

    // In Russian, the save dialog's title is Russian too.
    await page.getByRole('combobox', { name: 'Language' }).first().selectOption('ru');
    host.dialogs.answer(join(dir, 'second-meeting-ru.ics'));
    await page.getByRole('button', { name: ru.meetings.page.exportIcs }).press('Enter');
    await page.getByRole('status').getByText(/^Календарь сохранён: /).first().waitFor();
    expect(host.dialogs.asked.at(-1)?.title).toBe('Файл календаря');
    await page.getByRole('combobox', { name: 'Язык' }).first().selectOption('en');
  });

  it('offers deleting an undecided proposal, with its comments, and lands focus on the list', async () => {
    const { page } = host;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'MoU' }).click();
    await page.getByRole('link', { name: /Memorandum/ }).first().click();
    await page.getByRole('link', { name: /^Amendments \(1 open\)/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
    const proposal = page.getByRole('link', { name: /“Working languages”/ });
    await proposal.click();
    await page.getByRole('button', { name: 'Delete the proposal' }).press('Enter');
    // The question replaces the button and takes focus; Enter confirms.
    await page.getByRole('group', { name: /^Delete this proposal and its comments\?/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Proposal deleted.').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Amendments' }).waitFor();
    await expect.poll(() => proposal.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  });
});
