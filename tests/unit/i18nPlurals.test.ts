/**
 * Every message that shows a count is right for every number, by each language's plural
 * rules (English one/other; Russian one/few/many: 1 строка, 2 строки, 5 строк, 21 строка).
 *
 * A count message is a string with a placeholder that holds a number (the names below). It
 * is right when either
 *   - the number is i18next's `count` in a complete plural set (`key_one`, `key_few`, …, or
 *     an object with `one`, `few`, `many`, `other`), or
 *   - the number does not govern a word after it: "Делегатов: 5", "5 of 12", "(×3)".
 * A message where a word follows the number ("5 rows", "5 строк") outside a plural set fails.
 */
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';

/** Placeholders that hold a number (found by reading every placeholder of the UI strings). */
const NUMERIC = new Set([
  'actual', 'added', 'already', 'articles', 'changed', 'conflicts', 'count', 'countries', 'created', 'days', 'declared', 'delegates',
  'deleted', 'deletedWords', 'done', 'insertedWords', 'invalid', 'kept', 'live', 'max', 'meetings', 'min', 'moved', 'new', 'open',
  'opposes', 'pages', 'participants', 'pending', 'people', 'present', 'records', 'refused', 'removed', 'reservation', 'rows',
  'sessions', 'shown', 'supports', 'total', 'unchanged', 'updated', 'valid', 'limit', 'hours', 'limitHours', 'length',
]);

/** Words after a number that do not change with it. */
const INVARIANT = new Set([
  // English
  'of', 'to', 'and', 'or', 'more', 'new', 'updated', 'deleted', 'refused', 'open', 'for', 'in', 'on', 'at', 'h', 'min', 'x', 'kb', 'mb', 'gb',
  // Russian
  'из', 'до', 'по', 'и', 'или', 'для', 'ч', 'мин', 'в', 'на', 'кб', 'мб', 'гб',
]);

/**
 * Messages whose number is a limit fixed in code (200 and 5000 characters, 32 levels…),
 * each phrase checked by hand for its value: "at most 200 characters", "не более 200
 * символов", "глубже 32 уровней" (genitive after a comparative).
 */
const FIXED_LIMITS = new Set([
  'meetings.errors.textTooLong',
  'meetings.errors.meetingTooLong',
  'delegates.issues.nameTooLong',
  'delegates.issues.textTooLong',
  'sync.errors.too-deep',
]);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const CATEGORY_KEYS = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The plural set a key belongs to ("a.b_one" → "a.b"; "a.b.one" of a category object → "a.b"), or null. */
function pluralBase(key: string, all: ReadonlyMap<string, string>): string | null {
  if (PLURAL_SUFFIX.test(key)) return key.replace(PLURAL_SUFFIX, '');
  const dot = key.lastIndexOf('.');
  const last = key.slice(dot + 1);
  const base = key.slice(0, dot);
  if (CATEGORY_KEYS.has(last) && all.has(`${base}.one`) && all.has(`${base}.other`)) return base;
  return null;
}

function formsOf(base: string, all: ReadonlyMap<string, string>): Map<string, string> {
  const forms = new Map<string, string>();
  for (const category of CATEGORY_KEYS) {
    const text = all.get(`${base}_${category}`) ?? all.get(`${base}.${category}`);
    if (text !== undefined) forms.set(category, text);
  }
  return forms;
}

const languages = { en: flatten(en), ru: flatten(ru) } as const;

describe('count messages', () => {
  it('say the number only where no word depends on it, or come in a complete plural set', () => {
    const wrong: string[] = [];
    for (const [language, all] of Object.entries(languages)) {
      for (const [key, text] of all) {
        if (pluralBase(key, all) !== null || FIXED_LIMITS.has(key)) continue;
        for (const match of text.matchAll(/\{\{(\w+)\}\}\s+([\p{L}]+)/gu)) {
          const [, name = '', word = ''] = match;
          if (!NUMERIC.has(name) || INVARIANT.has(word.toLowerCase())) continue;
          wrong.push(`${language} ${key}: “${text}”`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('have every plural form each language needs, in both languages', () => {
    for (const [language, all] of Object.entries(languages)) {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const bases = new Set([...all.keys()].map((key) => pluralBase(key, all)).filter((base): base is string => base !== null));
      expect(bases.size).toBeGreaterThan(10);
      for (const base of bases) {
        const forms = formsOf(base, all);
        for (const category of needed) expect(forms.has(category), `${language} ${base} lacks “${category}”`).toBe(true);
        for (const [category, text] of forms) expect(text, `${language} ${base} ${category}`).toMatch(/\{\{count(, number)?\}\}/);
      }
    }
  });

  it('are chosen by i18next by the language’s rules: 1, 2, 5, 11, 21, 22, 25 in Russian; 1 and 2 in English', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'ru', resources: { en: { translation: en }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
    expect(instance.t('delegates.import.importButton', { count: 1 })).toBe('Импортировать 1 строку без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 2 })).toBe('Импортировать 2 строки без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 5 })).toBe('Импортировать 5 строк без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 11 })).toBe('Импортировать 11 строк без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 21 })).toBe('Импортировать 21 строку без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 22 })).toBe('Импортировать 22 строки без ошибок');
    expect(instance.t('delegates.import.importButton', { count: 25 })).toBe('Импортировать 25 строк без ошибок');
    await instance.changeLanguage('en');
    expect(instance.t('delegates.import.importButton', { count: 1 })).toBe('Import 1 valid row');
    expect(instance.t('delegates.import.importButton', { count: 2 })).toBe('Import 2 valid rows');
    expect(instance.t('delegates.list.total', { count: 1 })).toBe('1 person in the registry');
    expect(instance.t('delegates.list.total', { count: 10034 })).toBe('10,034 people in the registry');
    expect(instance.t('sync.history.resultConflicts', { count: 1 })).toBe('1 conflict');
    expect(instance.t('common.repeats', { count: 2 })).toBe('(×2)');
    await instance.changeLanguage('ru');
    expect(instance.t('delegates.list.total', { count: 21 })).toBe('В реестре 21 человек');
    expect(instance.t('delegates.list.total', { count: 10034 })).toBe('В реестре 10\u00a0034 человека');
    expect(instance.t('meetings.agenda.copied', { count: 3, date: '1 октября' })).toBe('Скопировано 3 заседания на 1 октября.');
    await instance.changeLanguage('en');
    // Every plural set renders in both languages without a placeholder left over.
    for (const language of ['en', 'ru'] as const) {
      await instance.changeLanguage(language);
      const all = languages[language];
      const bases = new Set([...all.keys()].filter((key) => PLURAL_SUFFIX.test(key)).map((key) => key.replace(PLURAL_SUFFIX, '')));
      for (const base of bases) {
        for (const count of [0, 1, 2, 5, 21]) expect(instance.t(base, { count }), `${language} ${base} ${String(count)}`).not.toMatch(/\{\{count|_one|_other/);
      }
    }
  });
});

describe('role names', () => {
  it('are the same on screen, in the calendar file and in the agenda PDF, singular for one person', () => {
    for (const [language, all] of Object.entries(languages)) {
      for (const role of ['moderator', 'moderators', 'speaker', 'speakers']) {
        // The screen and the calendar file read meetings.agenda.*; the PDF reads reports.print.*.
        expect(all.get(`reports.print.${role}`), `${language} ${role}`).toBe(all.get(`meetings.agenda.${role}`));
      }
    }
    expect(languages.ru.get('meetings.agenda.speaker')).toBe('Докладчик');
    expect(languages.ru.get('meetings.agenda.speakers')).toBe('Докладчики');
    expect(languages.en.get('meetings.agenda.moderator')).toBe('Moderator');
  });
});

describe('printed lists in Russian', () => {
  it('leave out English honorifics ("Mr.", "Ms.") that an English list prints', async () => {
    const { buildReport } = await import('../../shared/reports/build');
    const { renderReport } = await import('../../electron/main/services/reportService');
    const { SAMPLE, sampleSource } = await import('../fixtures/reports');
    const body = (language: 'en' | 'ru') => {
      const model = buildReport({ kind: 'participants', meetingId: SAMPLE.secondMeeting, language, paper: 'a4', nameScript: 'latin', contacts: false }, sampleSource(), '2026-03-12');
      const html = renderReport(model, []).html;
      return html.slice(html.indexOf('<body>'));
    };
    expect(body('en')).toMatch(/\b(Mr|Ms)\. [A-Z]/);
    expect(body('ru')).not.toMatch(/\b(Mr|Ms|Mrs|Dr)\. /);
  });
});

describe('labels in one language', () => {
  it('have no Cyrillic in English strings, except the Russian language’s own name in the language switch', () => {
    // Examples of a name as a person writes it in Cyrillic are data, not wording.
    const allowed = new Set(['languages.ru', 'delegates.list.searchHint', 'delegates.fields.nameNativeHint']);
    const mixed = [...languages.en].filter(([key, text]) => /[\u0400-\u04ff]/.test(text) && !allowed.has(key)).map(([key]) => key);
    expect(mixed).toEqual([]);
  });

  it('name a text’s language in the UI language: “Russian text”, not “Русский text”', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
    expect(instance.t('mou.editor.languageColumn', { language: instance.t('mou.language.ru') })).toBe('Russian text');
    await instance.changeLanguage('ru');
    expect(instance.t('mou.editor.languageColumn', { language: instance.t('mou.language.en') })).toBe('Текст: английский');
    expect(instance.t('mou.languageName.ru')).toBe('Русский');
  });
});

describe('units', () => {
  it('are written in the UI language: КБ, МБ in Russian', async () => {
    const { formatBytes } = await import('../../renderer/lib/storage');
    expect(formatBytes(2048, 'ru')).toBe('2 КБ');
    expect(formatBytes(3 * 1024 * 1024, 'ru')).toBe('3 МБ');
    expect(formatBytes(2048, 'en')).toBe('2 KB');
  });
});
