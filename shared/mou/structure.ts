/**
 * The paragraph structure of an article body: plain text, one paragraph per line, numbered
 * "1.", "2." with sub-paragraphs "(a)", "(b)" (Latin letters in both languages, as in UN
 * Russian texts; Cyrillic "(а)", "(б)" are read too). Kept as plain text so versions diff
 * and print simply; this module reads the structure for display, checks the numbering,
 * and compares the structure of the English and Russian texts.
 */

export type ParagraphKind = 'paragraph' | 'subparagraph' | 'text';

export interface Paragraph {
  kind: ParagraphKind;
  /** "1" for "1.", "a" for "(a)"; "" for unnumbered text. */
  label: string;
  /** The marker as written: "1.", "(a)", or "". */
  marker: string;
  /** The text after the marker. */
  text: string;
  /** 1-based line in the body. */
  line: number;
}

const PARAGRAPH = /^\s*(\d{1,3})\.\s+(.*)$/u;
const SUBPARAGRAPH = /^\s*\(([a-z]{1,2}|[а-я])\)\s+(.*)$/u;
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
/** Russian legal texts letter sub-paragraphs а, б, в, … skipping ё, й, ъ, ы, ь. */
const CYRILLIC = 'абвгдежзиклмнопрстуфхцчшщэюя';

/** The body's lines as paragraphs; empty lines are skipped. */
export function parseBody(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  text.split(/\r\n?|\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    const numbered = PARAGRAPH.exec(raw);
    if (numbered) {
      const label = numbered[1] ?? '';
      paragraphs.push({ kind: 'paragraph', label, marker: `${label}.`, text: numbered[2] ?? '', line });
      return;
    }
    const lettered = SUBPARAGRAPH.exec(raw);
    if (lettered) {
      const label = lettered[1] ?? '';
      paragraphs.push({ kind: 'subparagraph', label, marker: `(${label})`, text: lettered[2] ?? '', line });
      return;
    }
    paragraphs.push({ kind: 'text', label: '', marker: '', text: raw.trim(), line });
  });
  return paragraphs;
}

/** Position of a sub-paragraph letter in its alphabet (a/а = 1), Latin or Cyrillic; 0 if unknown. */
function letterIndex(label: string): number {
  if (label.length !== 1) return 0;
  const latin = LATIN.indexOf(label);
  if (latin >= 0) return latin + 1;
  const cyrillic = CYRILLIC.indexOf(label);
  return cyrillic >= 0 ? cyrillic + 1 : 0;
}

/**
 * The structure as language-neutral keys: "1", "2", "2(a)", "2(b)", "text". Sub-paragraph
 * letters are mapped to their position, so "(б)" in Russian matches "(b)" in English.
 */
export function structureKeys(text: string): string[] {
  let paragraph = '';
  return parseBody(text).map((item) => {
    switch (item.kind) {
      case 'paragraph':
        paragraph = item.label;
        return item.label;
      case 'subparagraph':
        return `${paragraph}(${String(letterIndex(item.label) || item.label)})`;
      case 'text':
        return 'text';
    }
  });
}

export interface StructureMismatch {
  /** Keys of the first paragraph that differs (null: that text has fewer paragraphs). */
  en: string | null;
  ru: string | null;
  /** 0-based index among the paragraphs. */
  index: number;
}

/** Where the English and Russian bodies stop having the same paragraphs; null if they match. */
export function compareStructure(en: string, ru: string): StructureMismatch | null {
  const a = structureKeys(en);
  const b = structureKeys(ru);
  const length = Math.max(a.length, b.length);
  for (let index = 0; index < length; index += 1) {
    if (a[index] !== b[index]) return { en: a[index] ?? null, ru: b[index] ?? null, index };
  }
  return null;
}

export interface NumberingIssue {
  line: number;
  found: string;
  expected: string;
}

function letterAt(index: number, cyrillic: boolean): string {
  const alphabet = cyrillic ? CYRILLIC : LATIN;
  return alphabet[(index - 1) % alphabet.length] ?? 'a';
}

/**
 * Paragraph markers out of sequence: paragraphs must count 1, 2, 3… and each paragraph's
 * sub-paragraphs (a), (b), (c)… from (a) again.
 */
export function checkNumbering(text: string): NumberingIssue[] {
  const issues: NumberingIssue[] = [];
  let paragraph = 0;
  let letter = 0;
  for (const item of parseBody(text)) {
    if (item.kind === 'paragraph') {
      paragraph += 1;
      letter = 0;
      if (item.label !== String(paragraph)) issues.push({ line: item.line, found: item.marker, expected: `${String(paragraph)}.` });
    } else if (item.kind === 'subparagraph') {
      letter += 1;
      const cyrillic = CYRILLIC.includes(item.label) && !LATIN.includes(item.label);
      const expected = letterAt(letter, cyrillic);
      if (item.label !== expected) issues.push({ line: item.line, found: item.marker, expected: `(${expected})` });
    }
  }
  return issues;
}

/**
 * The text with paragraph and sub-paragraph markers rewritten in sequence (after an
 * inserted or deleted paragraph). Only markers change; every other character is kept.
 */
export function renumberParagraphs(text: string): string {
  let paragraph = 0;
  let letter = 0;
  return text
    .split(/(\r\n?|\n)/)
    .map((part) => {
      if (/^(\r\n?|\n)$/.test(part)) return part;
      const numbered = /^(\s*)(\d{1,3})\.(\s+)/u.exec(part);
      if (numbered) {
        paragraph += 1;
        letter = 0;
        return `${numbered[1] ?? ''}${String(paragraph)}.${numbered[3] ?? ''}${part.slice(numbered[0].length)}`;
      }
      const lettered = /^(\s*)\(([a-z]{1,2}|[а-я])\)(\s+)/u.exec(part);
      if (lettered) {
        letter += 1;
        const label = lettered[2] ?? 'a';
        const cyrillic = CYRILLIC.includes(label) && !LATIN.includes(label);
        return `${lettered[1] ?? ''}(${letterAt(letter, cyrillic)})${lettered[3] ?? ''}${part.slice(lettered[0].length)}`;
      }
      return part;
    })
    .join('');
}
