/**
 * Issue 14's defects, each read back from the printed PDF (pdftotext -layout and -bbox,
 * pdfinfo) on a large generated meeting (5 days, 60 sessions, 200 participants, names in
 * Latin, Cyrillic and Arabic script, some in one script only), a 120-article bilingual MoU
 * and the sample data, in English, Russian and both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumPrintPort } from '../../electron/main/services/chromiumPrintPort';
import { loadNodeReportFonts } from '../../electron/main/services/reportFonts';
import { createReportPrinter } from '../../electron/main/services/reportService';
import type { Country } from '../../shared/model';
import type { ReportLanguage, ReportSource, ReportSpec } from '../../shared/reports/spec';
import { benchMouSource, bracketedMouSource, LARGE, largeMeetingSource, SAMPLE, sampleSource } from '../fixtures/reports';
import { pdfCatalog, pdfFonts, pdfInfo, pdfText, pdfWords, type PdfWord } from './reportsPdf';

let print: ChromiumPrintPort;

beforeAll(() => {
  print = new ChromiumPrintPort();
});

afterAll(async () => {
  await print.close();
});

const LANGUAGES: readonly ReportLanguage[] = ['en', 'ru', 'en+ru'];

async function printReport(spec: ReportSpec, source: ReportSource) {
  const printer = createReportPrinter({ print, fonts: loadNodeReportFonts, now: () => new Date(2026, 2, 12, 10, 0) });
  const printed = await printer.print({ spec, source });
  const [text, layout, words, info] = await Promise.all([
    pdfText(printed.pdf),
    pdfText(printed.pdf, true),
    pdfWords(printed.pdf),
    pdfInfo(printed.pdf),
  ]);
  return { ...printed, text, layout, words, info, flat: text.replace(/\s+/g, ' ') };
}

/** A4 portrait in points: the body lies between the running header and footer. */
const BODY_TOP = 57;
const BODY_BOTTOM = 842.88 - 51;

function bodyWords(words: readonly PdfWord[]): PdfWord[] {
  return words.filter((word) => word.yMin > BODY_TOP && word.yMax < BODY_BOTTOM);
}

/** Lines of words (same page, same baseline), top to bottom. */
function linesOf(words: readonly PdfWord[]): { page: number; y: number; words: PdfWord[]; text: string }[] {
  const lines = new Map<string, PdfWord[]>();
  for (const word of words) {
    const key = `${String(word.page)}:${Math.round(word.yMax).toString()}`;
    lines.set(key, [...(lines.get(key) ?? []), word]);
  }
  return [...lines.values()]
    .map((list) => {
      const sorted = [...list].sort((a, b) => a.xMin - b.xMin);
      return { page: sorted[0]?.page ?? 0, y: sorted[0]?.yMax ?? 0, words: sorted, text: sorted.map((word) => word.text).join(' ') };
    })
    .sort((a, b) => a.page - b.page || a.y - b.y);
}

const large = largeMeetingSource();
const participantsSpec = (language: ReportLanguage, meetingId = large.meetingId): ReportSpec => ({
  kind: 'participants',
  meetingId,
  language,
  paper: 'a4',
  nameScript: language === 'en' ? 'latin' : language === 'ru' ? 'native' : 'both',
  contacts: true,
});

describe('participants list', () => {
  it.each(LANGUAGES)('prints whole phone numbers and addresses, headings with their people, no mid-word breaks (%s)', async (language) => {
    const pdf = await printReport(participantsSpec(language), large.source);
    // Phone numbers whole, on one line.
    expect(pdf.layout).toContain(LARGE.phone);
    // An address breaks after its "@" or not at all.
    const [local, domain] = LARGE.longEmail.split('@');
    expect(pdf.layout).toMatch(new RegExp(`${(local ?? '').replace(/[.-]/g, '\\$&')}@(\\s|${(domain ?? '').replace(/[.-]/g, '\\$&')})`));
    for (const word of pdf.words) {
      if (word.text.includes('@')) expect(word.text, 'address cut before its @').toMatch(/^[\w.-]+@([\w-]+\.)*[\w-]*$/);
    }
    // Withheld contacts leave the cell empty (a note at the end explains).
    expect(pdf.flat).not.toContain('not for print');
    expect(pdf.flat).not.toContain('не для печати');
    // No mid-word breaks: every word printed in the position and organization columns is a whole word of the data.
    const vocabulary = new Set(
      large.source.delegates
        .flatMap((person) => [person.position.en, person.position.ru])
        .concat(large.source.organizations.flatMap((org) => [org.name.en, org.name.ru]))
        .flatMap((text) => text.split(/\s+/)),
    );
    const fragments = pdf.words.filter(
      (word) => /^[A-Za-zА-Яа-яё]{4,}$/.test(word.text) && !vocabulary.has(word.text) && [...vocabulary].some((whole) => whole.startsWith(word.text) || whole.endsWith(word.text)),
    );
    expect(fragments.map((word) => word.text)).toEqual([]);
    // The number heading never runs into the name heading.
    const pairs: [string, string][] = language === 'ru' ? [['№', 'Имя']] : language === 'en' ? [['No.', 'Name']] : [['No.', 'Name'], ['№', 'Имя']];
    for (const [number, name] of pairs) {
      const numbers = pdf.words.filter((word) => word.text === number);
      expect(numbers.length).toBeGreaterThan(0);
      for (const heading of numbers) {
        const beside = pdf.words.find((word) => word.page === heading.page && word.text === name && Math.abs(word.yMax - heading.yMax) < 2);
        expect(beside, `${name} beside ${number}`).toBeDefined();
        expect(heading.xMax).toBeLessThan((beside?.xMin ?? 0) - 2);
      }
    }
    // A country or capacity heading is never the last line of a page.
    const headings = new Set(
      large.source.countries
        .flatMap((country) => [country.name.en, country.name.ru])
        .concat(['MEMBER DELEGATIONS', 'OBSERVERS', 'GUESTS', 'EXPERTS AND TRAINERS', 'TRAINEES', 'SECRETARIAT', 'ORGANIZERS'])
        .concat(['ДЕЛЕГАЦИИ ЧЛЕНОВ', 'НАБЛЮДАТЕЛИ', 'ГОСТИ', 'ЭКСПЕРТЫ И ТРЕНЕРЫ', 'СЛУШАТЕЛИ', 'СЕКРЕТАРИАТ', 'ОРГАНИЗАТОРЫ']),
    );
    const lines = linesOf(bodyWords(pdf.words));
    for (let page = 1; page < pdf.info.pages; page += 1) {
      const last = lines.filter((line) => line.page === page).at(-1);
      const parts = (last?.text ?? '').split(' / ');
      expect(parts.every((part) => headings.has(part)), `last line of page ${String(page)}: ${last?.text ?? ''}`).toBe(false);
    }
    // Many people to a page, not four.
    const rowsPerPage = 200 / pdf.info.pages;
    expect(rowsPerPage).toBeGreaterThanOrEqual(language === 'en+ru' ? 7 : language === 'ru' ? 12 : 14);
  });

  it('never prints a bare "Mr."/"Ms.": the other script stands in, transliterated from Cyrillic', async () => {
    const english = await printReport(participantsSpec('en'), large.source);
    expect(english.layout).not.toMatch(/\b(Mr|Ms)\.\s{2,}/);
    expect(english.layout).not.toMatch(/\b(Mr|Ms)\.$/m);
    expect(english.flat).toContain(`Mr. ${LARGE.cyrillicOnlyLatin}`);
    // A Dari-only name prints in Arabic script (no agreed transliteration).
    expect(english.words.some((word) => /[\u0600-\u06ff]/.test(word.text))).toBe(true);
    const russian = await printReport(participantsSpec('ru'), large.source);
    // Dari names in a Russian list carry their Latin spelling too.
    // (pdftotext writes the opening parenthesis of a right-to-left run before it.)
    expect(russian.flat).toMatch(/\(.*[\u0600-\u06ff].*Ahmad Shah \d+\)/u);
    const opened = russian.words.filter((word) => word.text === '(Ahmad');
    expect(opened.length).toBeGreaterThan(0);
    for (const latin of opened) {
      const arabic = russian.words.filter(
        (word) => word.page === latin.page && Math.abs(word.yMax + word.yMin - latin.yMax - latin.yMin) < 10 && /[\u0600-\u06ff]/.test(word.text),
      );
      // Visually: the Dari spelling first, its Latin spelling after it.
      expect(arabic.length).toBeGreaterThan(0);
      expect(Math.max(...arabic.map((word) => word.xMax))).toBeLessThan(latin.xMin);
    }
    expect(russian.flat).toContain(LARGE.cyrillicOnly);
  });

  it('prints the sample in every language without "not for print" and with the Dari names', async () => {
    for (const language of LANGUAGES) {
      const pdf = await printReport(participantsSpec(language, SAMPLE.secondMeeting), sampleSource());
      expect(pdf.flat).not.toMatch(/not for print|не для печати/);
      expect(pdf.layout).not.toMatch(/\b(Mr|Ms)\.\s*$/m);
    }
  });
});

describe('meeting report', () => {
  /** The large meeting with people from 40 more countries, so the attendance table runs over a page. */
  function manyCountries(): ReportSource {
    const source = structuredClone(large.source);
    const extra: Country[] = Array.from({ length: 40 }, (_, index) => ({
      ...(source.countries[0] as Country),
      id: `X${String(index).padStart(2, '0')}`,
      name: { en: `Country ${String(index + 1)}`, ru: `Страна ${String(index + 1)}` },
    }));
    source.countries = [...source.countries, ...extra];
    source.delegates = source.delegates.map((person, index) => (index % 3 === 0 ? { ...person, countryId: extra[index % 40]?.id ?? null } : person));
    return source;
  }

  it.each(LANGUAGES)('keeps 10 pt text at full size, one Total row with the right sum, no breaks or meals (%s)', async (language) => {
    const source = manyCountries();
    const pdf = await printReport({ kind: 'meeting-report', meetingId: large.meetingId, language, paper: 'a4' }, source);
    // Body text at 10 pt: Noto Sans's box is 1.36 em high (13.6 pt); scaled to 73% it would be 9.9.
    const countryWord = pdf.words.find((word) => word.text === (language === 'ru' ? 'Кыргызстан' : 'Kyrgyzstan'));
    expect(countryWord).toBeDefined();
    expect((countryWord?.yMax ?? 0) - (countryWord?.yMin ?? 0)).toBeGreaterThan(13);
    // The attendance table runs over a page break, and "Total" is printed once as a row.
    const totalLabel = language === 'ru' ? 'Всего' : 'Total';
    const totals = linesOf(pdf.words).filter((line) => line.words[0]?.text === totalLabel && /\d+$/.test(line.text));
    expect(totals).toHaveLength(1);
    const attended = source.participations.filter((p) => p.status === 'attended').length;
    expect(totals[0]?.text.endsWith(` ${String(attended)}`)).toBe(true);
    const pagesWithCountries = new Set(pdf.words.filter((word) => /^(Country|Страна)$/.test(word.text)).map((word) => word.page));
    expect(pagesWithCountries.size).toBeGreaterThan(1);
    // Breaks and meals have no outcome to report.
    expect(pdf.flat).not.toMatch(/Coffee break|Lunch|Кофе-брейк|Обед/);
    // The action items' owners have names, in some script.
    if (language !== 'ru') expect(pdf.flat).toContain(LARGE.cyrillicOnlyLatin);
  });
});

describe('certificates', () => {
  const attendedCount = (keep: (capacity: string, days: number) => boolean) =>
    large.source.participations.filter((p) => p.status === 'attended' && keep(p.capacity, p.attendedDays.length)).length;

  it.each(LANGUAGES)('prints one page per certificate with the programme, signatory and Russian by form of address (%s)', async (language) => {
    const pdf = await printReport(
      {
        kind: 'certificates',
        meetingId: large.meetingId,
        language,
        paper: 'a4',
        signatory: { name: { en: 'Aibek Dzhaparov', ru: 'Айбек Джапаров' }, title: { en: 'Chair of the Working Group', ru: 'Председатель Рабочей группы' } },
      },
      large.source,
    );
    const expected = attendedCount((capacity) => capacity !== 'organizer' && capacity !== 'secretariat');
    expect(pdf.info.pages).toBe(expected);
    expect(pdf.flat).not.toMatch(/\(continued\)|\(продолжение\)/);
    if (language !== 'en') {
      expect(pdf.flat).not.toContain('принял(а)');
      expect(pdf.flat).toContain('приняла участие');
      expect(pdf.flat).toContain('Председатель Рабочей группы');
    }
    if (language !== 'ru') expect(pdf.flat).toContain('Aibek Dzhaparov');
  });

  it('goes to chosen capacities, or to those present on at least N days', async () => {
    const trainees = await printReport(
      { kind: 'certificates', meetingId: large.meetingId, language: 'en', paper: 'a4', recipients: { capacities: ['trainee'], minDays: 0 } },
      large.source,
    );
    expect(trainees.info.pages).toBe(attendedCount((capacity) => capacity === 'trainee'));
    expect(trainees.info.pages).toBeGreaterThan(0);
    const fullTime = await printReport(
      { kind: 'certificates', meetingId: large.meetingId, language: 'ru', paper: 'letter', recipients: { capacities: null, minDays: 5 } },
      large.source,
    );
    expect(fullTime.info.pages).toBe(attendedCount((capacity, days) => capacity !== 'organizer' && capacity !== 'secretariat' && days >= 5));
  });

  it('prints the sample one page each in every language', async () => {
    for (const language of LANGUAGES) {
      const pdf = await printReport({ kind: 'certificates', meetingId: SAMPLE.secondMeeting, language, paper: 'a4' }, sampleSource());
      expect(pdf.info.pages).toBe(26);
    }
  });
});

describe('agenda', () => {
  it.each(LANGUAGES)('fills its pages (a session may continue overleaf), names every chair, keeps the venue (%s)', async (language) => {
    const pdf = await printReport({ kind: 'agenda', meetingId: large.meetingId, language, paper: 'a4' }, large.source);
    const lines = linesOf(bodyWords(pdf.words));
    for (let page = 1; page < pdf.info.pages; page += 1) {
      const lowest = Math.max(...lines.filter((line) => line.page === page).map((line) => line.y));
      // Below 70% of the page's height (a new day's heading and first session go overleaf together).
      expect(lowest, `page ${String(page)}`).toBeGreaterThan(842.88 * 0.7);
    }
    expect(pdf.layout).not.toMatch(/(Chair|Председатель):\s*$/m);
    expect(pdf.flat).toContain('Hyatt Regency Bishkek');
  });
});

describe('MoU', () => {
  const mou = benchMouSource(120);
  const spec = (language: ReportLanguage, version: number | null): ReportSpec => ({
    kind: 'mou',
    documentId: mou.documentId,
    version,
    compareWith: null,
    annex: false,
    lineNumbers: false,
    language,
    paper: 'a4',
  });

  it.each(LANGUAGES)('keeps the watermark out of the text, names the version on every page (%s)', async (language) => {
    const pdf = await printReport(spec(language, 2), mou.source);
    const pages = pdf.info.pages;
    expect(pages).toBeGreaterThan(20);
    const label = language === 'ru' ? 'Версия 2' : 'Version 2';
    const header = linesOf(pdf.words).filter((line) => line.y < BODY_TOP && line.text.includes(label));
    expect(new Set(header.map((line) => line.page)).size).toBe(pages);
    // DRAFT only in the running header, the kind line and the stamp: never inside the text.
    const draft = language === 'ru' ? 'ПРОЕКТ' : 'DRAFT';
    const inBody = linesOf(bodyWords(pdf.words)).filter((line) => line.words.some((word) => word.text === draft));
    expect(inBody.every((line) => line.page === 1)).toBe(true);
    expect(inBody.length).toBeLessThanOrEqual(2);
  });

  it('aligns the English and Russian paragraphs side by side, paragraph by paragraph', async () => {
    const pdf = await printReport(spec('en+ru', null), mou.source);
    const starts = bodyWords(pdf.words).filter((word) => /^[1-9]\.$/.test(word.text));
    const left = starts.filter((word) => word.xMin < 250);
    const right = starts.filter((word) => word.xMin > 300);
    expect(left.length).toBeGreaterThanOrEqual(360);
    expect(right).toHaveLength(left.length);
    for (const word of left) {
      const partner = right.find((other) => other.page === word.page && other.text === word.text && Math.abs(other.yMin - word.yMin) < 1);
      expect(partner, `paragraph ${word.text} on page ${String(word.page)}`).toBeDefined();
    }
  });
});

describe('MoU with square brackets at scale', () => {
  it('prints 120 articles with brackets in both languages: each open bracket once per language with its note, the count and the annex', async () => {
    const { source, documentId, expected } = bracketedMouSource(120);
    const spec: ReportSpec = { kind: 'mou', documentId, version: null, compareWith: null, annex: true, lineNumbers: false, language: 'en+ru', paper: 'a4' };
    const pdf = await printReport(spec, source);
    expect(pdf.info.pages).toBeGreaterThan(40);
    expect(pdf.flat).not.toContain('[[');
    const notes = (pattern: RegExp) => [...pdf.flat.matchAll(pattern)].map((match) => Number(match[1])).sort((a, b) => a - b);
    const numbers = Array.from({ length: expected.open }, (_, index) => index + 1);
    expect(notes(/\] \(note (\d+)\)/g)).toEqual(numbers);
    expect(notes(/\] \(прим\. (\d+)\)/g)).toEqual(numbers);
    expect(pdf.flat).toContain(`Open square brackets: ${String(expected.open)}`);
    expect(pdf.flat).toContain('Annex. Square brackets and where they were agreed');
    // The notes name the proposers, the observer among them, in both languages.
    expect(pdf.flat).toMatch(/Note \d+\. \[in writing\]: /);
    expect(pdf.flat).toMatch(/Примечание \d+\. \[письменно\]: /);
    expect(pdf.flat).toContain('Afghanistan');
    expect(pdf.flat).toContain('Афганистан');
  });
});

describe('bidirectional text', () => {
  const hostile = largeMeetingSource({ bidi: true, status: 'planned' });
  hostile.source.meetings = hostile.source.meetings.map((m) => ({ ...m, title: { en: `Fourth meeting ${LARGE.rlo}`, ru: m.title.ru } }));

  it.each(LANGUAGES)('an unclosed right-to-left override reorders nothing around it (%s)', async (language) => {
    for (const kind of ['agenda', 'meeting-report'] as const) {
      const pdf = await printReport({ kind, meetingId: hostile.meetingId, language, paper: 'a4' }, hostile.source);
      // The running header: the Russian title after the English one reads left to right.
      if (language === 'en+ru') expect(pdf.flat).toContain('Четвёртое заседание Таможенной');
      // On every page, in the header itself (a margin box, where the title is isolated with U+2068 … U+2069).
      for (let page = 1; page <= pdf.info.pages; page += 1) {
        const header = linesOf(pdf.words)
          .filter((line) => line.page === page && line.y < BODY_TOP)
          .map((line) => line.text)
          .join(' ');
        expect(header, `header on page ${String(page)}`).toContain(language === 'ru' ? 'Четвёртое заседание' : 'Fourth meeting');
        if (language === 'en+ru') expect(header).toMatch(/Fourth meeting.*Четвёртое заседание/);
        expect(header).not.toMatch(/ьлеф|еотрёвтеЧ|gniteem/);
      }
      // The place line: what follows the venue reads normally, and so does the label before it.
      if (language !== 'ru') expect(pdf.layout).toMatch(/Place(\s\/\sМесто)?\s+Hall/);
      expect(pdf.flat).not.toMatch(/kekhsiB|ьлеф|еждолоП|ecalP/);
      expect(pdf.flat).toContain(language === 'ru' ? 'Бишкек' : 'Bishkek');
    }
  });
});

describe('sign-in sheets', () => {
  it.each(LANGUAGES)('give each day its own sheet, names in both scripts, a signature box and blank rows (%s)', async (language) => {
    const pdf = await printReport({ kind: 'sign-in', meetingId: large.meetingId, language, paper: 'a4', blankRows: 5 }, large.source);
    const expected = large.source.participations.filter((p) => p.status !== 'declined').length;
    const heading = language === 'ru' ? 'Лист регистрации — День' : 'Sign-in sheet — Day';
    // Each day starts a page of its own: the day's heading (repeated on the pages it runs over) names days 1 to 5.
    for (let day = 1; day <= 5; day += 1) {
      const label = language === 'ru' ? `День ${String(day)} —` : `Day ${String(day)} —`;
      const pages = linesOf(pdf.words).filter((line) => line.text.includes(label) && line.text.includes(heading.split(' — ')[0] ?? ''));
      expect(pages.length, `day ${String(day)}`).toBeGreaterThan(0);
    }
    // Every registered person, numbered, then the blank rows: the last number of a day is people + blank rows.
    const numbers = bodyWords(pdf.words).filter((word) => /^\d+$/.test(word.text) && word.xMax < 90).map((word) => Number(word.text));
    expect(numbers.filter((value) => value === expected + 5)).toHaveLength(5);
    expect(numbers.filter((value) => value === expected + 6)).toHaveLength(0);
    // Names in both scripts, never blank.
    expect(pdf.flat).toContain(`Mr. ${LARGE.cyrillicOnlyLatin}`);
    expect(pdf.flat).toContain(LARGE.cyrillicOnly);
    expect(pdf.layout).not.toMatch(/\b(Mr|Ms)\.\s*$/m);
    expect(pdf.flat).toContain(language === 'ru' ? 'Подпись' : 'Signature');
  });

  it('prints one day of the sample in Russian', async () => {
    const sample = sampleSource();
    const pdf = await printReport({ kind: 'sign-in', meetingId: SAMPLE.secondMeeting, language: 'ru', paper: 'a4', day: '2014-09-10' }, sample);
    expect(pdf.flat).toContain('Лист регистрации — День 2 — среда, 10 сентября 2014 г.');
    expect(pdf.flat).not.toContain('День 1 —');
    expect(pdf.flat).toContain('Айгерім Сейітқали');
  });
});

describe('meeting book', () => {
  it.each(LANGUAGES)('is one PDF: title page, contents with the real start pages, every part, continuous numbers, bookmarks (%s)', async (language) => {
    const source = structuredClone(large.source);
    const mou = benchMouSource(30).source;
    Object.assign(source, { mouDocuments: mou.mouDocuments, articles: mou.articles, mouVersions: mou.mouVersions });
    const documentId = mou.mouDocuments[0]?.id ?? null;
    const pdf = await printReport({ kind: 'book', meetingId: large.meetingId, documentId, language, paper: 'a4' }, source);
    const first = language === 'ru' ? 'ru' : 'en';
    const titles =
      first === 'ru'
        ? ['Повестка дня', 'Список участников', 'Лист регистрации', 'Проект меморандума о взаимопонимании', 'Отчёт о встрече']
        : ['Agenda', 'List of participants', 'Sign-in sheet', 'Draft Memorandum of Understanding', 'Report of the meeting'];
    // The contents: each part with a page number, and that page opens with the part.
    const pages = pdf.text.split('\f');
    const contents = pages[1] ?? '';
    expect(contents).toMatch(first === 'ru' ? /Содержание/ : /Contents/);
    const flatContents = contents.replace(/\s+/g, ' ');
    let previous = 2;
    for (const title of titles) {
      const match = new RegExp(`${title}[^0-9]*?(\\d+)`).exec(flatContents);
      expect(match, title).not.toBeNull();
      const start = Number(match?.[1]);
      expect(start).toBeGreaterThan(previous);
      previous = start;
      const page = (pages[start - 1] ?? '').replace(/\s+/g, ' ');
      // The part's heading is on the page the contents name (the running header names the book, not the part).
      expect(page.toUpperCase(), `${title} on page ${String(start)}`).toContain(title.toUpperCase());
    }
    // Continuous page numbers through every part.
    const total = pdf.info.pages;
    const pageLabel = first === 'ru' ? 'Стр.' : 'Page';
    for (let page = 1; page <= total; page += 1) {
      expect(pdf.flat).toContain(first === 'ru' ? `${pageLabel} ${String(page)} из ${String(total)}` : `${pageLabel} ${String(page)} of ${String(total)}`);
    }
    // Tagged, with the document's language, and a bookmark for every part.
    expect(pdf.info.tagged).toBe(true);
    const catalog = await pdfCatalog(pdf.pdf);
    expect(catalog.lang).toBe(first);
    for (const title of titles.filter((entry) => !entry.startsWith('Draft') && !entry.startsWith('Проект'))) {
      expect(catalog.outline.some((entry) => entry.startsWith(title)), title).toBe(true);
    }
  });
});

describe('every report', () => {
  it('is tagged, says its language and has bookmarks where it is long', async () => {
    for (const [spec, lang] of [
      [{ kind: 'agenda', meetingId: large.meetingId, language: 'ru', paper: 'a4' }, 'ru'],
      [participantsSpec('en+ru'), 'en'],
      [{ kind: 'meeting-report', meetingId: large.meetingId, language: 'en', paper: 'letter' }, 'en'],
      [{ kind: 'certificates', meetingId: SAMPLE.secondMeeting, language: 'ru', paper: 'a4' }, 'ru'],
    ] as const) {
      const source = spec.kind === 'certificates' ? sampleSource() : large.source;
      const pdf = await printReport(spec, source);
      expect(pdf.info.tagged, spec.kind).toBe(true);
      const catalog = await pdfCatalog(pdf.pdf);
      expect(catalog.lang, spec.kind).toBe(lang);
      if (spec.kind === 'agenda') expect(catalog.outline.filter((entry) => entry.startsWith('День '))).toHaveLength(5);
    }
  });
});

describe('fonts for every script the group writes', () => {
  it('renders Kazakh, Kyrgyz, Tajik, Dari, Pashto and Afghan Uzbek letters with embedded fonts of ours; Chinese does not break the layout', async () => {
    const source = structuredClone(large.source);
    const letters = {
      cyrillic: 'Қ Ұ Ү Ө Ң Ғ Һ Ӣ Ӯ Ҷ қ ұ ү ө ң ғ һ ӣ ӯ ҷ',
      // Dari and Pashto; ۉ and ګ for Afghan Uzbek.
      arabic: 'ټ ډ ړ ږ ښ ګ ڼ ۍ ې ۉ',
    };
    const people = source.delegates.slice(10, 13);
    source.delegates = source.delegates.map((person) =>
      person.id === people[0]?.id
        ? { ...person, nameNative: letters.cyrillic }
        : person.id === people[1]?.id
          ? { ...person, nameNative: letters.arabic }
          : person.id === people[2]?.id
            ? { ...person, nameNative: '张伟 王芳' }
            : person,
    );
    const printer = createReportPrinter({ print, fonts: loadNodeReportFonts, now: () => new Date(2026, 2, 12, 10, 0) });
    const printed = await printer.print({ spec: participantsSpec('ru'), source });
    const text = await pdfText(printed.pdf);
    // Every letter comes back from the text layer: it was drawn with a glyph that maps to it.
    for (const letter of letters.cyrillic.split(' ')) expect(text, letter).toContain(letter);
    for (const letter of letters.arabic.split(' ')) expect(text.normalize('NFKC'), letter).toContain(letter);
    const fonts = await pdfFonts(printed.pdf);
    const ours = fonts.filter((font) => /\+NotoSans(Arabic)?-(Regular|Bold)$/.test(font.name));
    // Everything embedded; the only fonts not ours are the system's stand-ins for the Chinese name.
    expect(fonts.every((font) => font.embedded)).toBe(true);
    const withoutChinese = await printer.print({ spec: participantsSpec('ru'), source: { ...source, delegates: source.delegates.filter((person) => person.id !== people[2]?.id) } });
    const fontsWithout = await pdfFonts(withoutChinese.pdf);
    expect(fontsWithout.map((font) => font.name).filter((name) => !/\+NotoSans(Arabic)?-(Regular|Bold)$/.test(name))).toEqual([]);
    expect(ours.length).toBeGreaterThanOrEqual(3);
    // The Chinese name takes a line like any other: the list is as long as without it.
    const plain = await printer.print({ spec: participantsSpec('ru'), source: large.source });
    expect(Math.abs(printed.pages - plain.pages)).toBeLessThanOrEqual(1);
  });
});

describe('badges', () => {
  it.each([
    ['en', 8],
    ['ru', 6],
    ['en+ru', 10],
  ] as const)('fit the chosen number on a sheet with names in both scripts and a capacity band (%s, %i per sheet)', async (language, perSheet) => {
    const pdf = await printReport({ kind: 'badges', meetingId: large.meetingId, perSheet, language, paper: 'a4' }, large.source);
    const expected = large.source.participations.filter((p) => p.status !== 'declined').length;
    expect(pdf.info.pages).toBe(Math.ceil(expected / perSheet));
    expect(pdf.flat).toContain(LARGE.cyrillicOnly);
    expect(pdf.flat).toContain(LARGE.cyrillicOnlyLatin);
    expect(pdf.flat).toContain(language === 'ru' ? 'СЛУШАТЕЛЬ' : 'TRAINEE');
    // No running header or footer on a sheet to be cut.
    expect(pdf.flat).not.toMatch(/Page \d+ of|Стр\. \d+ из/);
  });
});
