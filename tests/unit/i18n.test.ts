/** English and Russian must offer the same strings with the same placeholders. */
import { describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';

function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const english = flatten(en);
  const russian = flatten(ru);

  it('have the same keys in both languages', () => {
    expect([...russian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect(placeholders(russian.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('are never empty, and Russian is actually translated', () => {
    const untranslated = [...english].filter(([key, text]) => russian.get(key) === text && /[a-z]{4,}/.test(text.replace(/\{\{\w+\}\}/g, '')));
    // A language's own name is the same in both.
    expect(untranslated.map(([key]) => key).sort()).toEqual(['languages.en']);
    for (const [key, text] of [...english, ...russian]) expect(text.trim(), key).not.toBe('');
  });
});
