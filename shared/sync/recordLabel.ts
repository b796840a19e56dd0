/**
 * A short human name for any synced record (a delegate's name, a meeting's title, an
 * article's heading…), in English and Russian, for sync screens that list records of
 * every table: the import preview, the conflicts list.
 */
import type { Bilingual } from '../model';

function bilingual(value: unknown): Bilingual | null {
  if (typeof value !== 'object' || value === null) return null;
  const { en, ru } = value as Record<string, unknown>;
  return typeof en === 'string' && typeof ru === 'string' ? { en, ru } : null;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]?.trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** Fields that name a record, most telling first. */
const NAME_FIELDS = ['nameLatin', 'title', 'heading', 'name', 'label', 'text', 'acronym', 'authorName'] as const;

export function recordLabel(record: Readonly<Record<string, unknown>>): Bilingual {
  for (const field of NAME_FIELDS) {
    const value = record[field];
    if (typeof value === 'string' && value.trim() !== '') {
      const text = field === 'nameLatin' && typeof record.nameNative === 'string' && record.nameNative !== '' ? `${value} (${record.nameNative})` : value;
      return { en: firstLine(text), ru: firstLine(text) };
    }
    const pair = bilingual(value);
    if (pair && (pair.en.trim() !== '' || pair.ru.trim() !== '')) {
      return { en: firstLine(pair.en || pair.ru), ru: firstLine(pair.ru || pair.en) };
    }
  }
  const id = typeof record.id === 'string' ? record.id : '';
  return { en: id, ru: id };
}
