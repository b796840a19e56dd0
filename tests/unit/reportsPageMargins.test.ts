/**
 * The running header and footer as CSS (shared/reports/pageMargins.ts): stored text put in
 * a CSS string cannot end the string, the rule or the <style> element, and text that could
 * reorder its neighbours (right-to-left letters, an unclosed U+202E) is isolated.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildReport } from '../../shared/reports/build';
import { clipTitle, cssString, HEADER_TITLE_MAX_CHARS, headerTitle, marginText, pageMarginCss } from '../../shared/reports/pageMargins';
import { hostileSource, SAMPLE, sampleSource } from '../fixtures/reports';

/** Reads a CSS string back as a CSS tokenizer would (escapes of 1–6 hex digits, then an optional space). */
function readCssString(css: string): { value: string; rest: string } {
  expect(css[0]).toBe('"');
  let value = '';
  for (let index = 1; index < css.length; index += 1) {
    const char = css[index] ?? '';
    if (char === '"') return { value, rest: css.slice(index + 1) };
    // A raw line break would end a CSS string with an error.
    expect(char).not.toMatch(/[\n\r\f]/);
    if (char === '\\') {
      const hex = /^[0-9a-fA-F]{1,6} ?/.exec(css.slice(index + 1))?.[0] ?? '';
      expect(hex, 'only hex escapes').not.toBe('');
      value += String.fromCodePoint(Number.parseInt(hex.trim(), 16));
      index += hex.length;
    } else {
      value += char;
    }
  }
  throw new Error('unterminated CSS string');
}

describe('CSS strings for margin boxes', () => {
  it('keep quotes, backslashes, line breaks and </style> inside the string', () => {
    for (const text of ['a"b', "it's", 'C:\\path\\', 'line\nbreak\r\n', '</style><script>alert(1)</script>', 'x\u2028y\u2029z', 'tab\there', '"; } @page { content: "x']) {
      const css = cssString(text);
      expect(css).not.toMatch(/<|>|\n|\r/);
      expect(readCssString(css)).toEqual({ value: text, rest: '' });
    }
    // NUL is not allowed in CSS: it prints as the replacement character.
    expect(readCssString(cssString('a\u0000b')).value).toBe('a\uFFFDb');
    // A tokenizer takes one space after an escape as part of it: the text's own spaces stay.
    expect(readCssString(cssString('Kazakhstan & Kyrgyzstan')).value).toBe('Kazakhstan & Kyrgyzstan');
    expect(readCssString(cssString('& ')).value).toBe('& ');
  });

  it('read back as the text they hold, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const text1 = text.replaceAll('\u0000', '\uFFFD');
        expect(readCssString(cssString(text1))).toEqual({ value: text1, rest: '' });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bidi isolation in the running header', () => {
  it('isolates right-to-left text and bidi controls, and leaves Latin and Cyrillic as typed', () => {
    expect(marginText('Customs Working Group')).toBe('Customs Working Group');
    expect(marginText('Таможенная группа — Қазақстан')).toBe('Таможенная группа — Қазақстан');
    expect(marginText('Fourth meeting \u202E')).toBe('\u2068Fourth meeting \u202E\u2069');
    expect(marginText('جلسه چهارم')).toBe('\u2068جلسه چهارم\u2069');
    expect(marginText('a\u2066b')).toBe('\u2068a\u2066b\u2069');
  });

  it('isolates each language of the title, not the separator', () => {
    const { source, meetingId } = hostileSource('http://127.0.0.1:9/x.png');
    source.meetings = source.meetings.map((m) => ({ ...m, title: { en: 'Fourth \u202Emeeting', ru: 'Четвёртое заседание' } }));
    const model = buildReport({ kind: 'agenda', meetingId, language: 'en+ru', paper: 'a4' }, source, '2026-03-12');
    const title = headerTitle(model);
    expect(title).toMatch(/^\u2068[^\u2069]*Fourth \u202Emeeting\u2069 \/ [^\u2068\u2069]*Четвёртое заседание$/);
    // And the CSS holds exactly that title.
    const css = pageMarginCss(model);
    const content = /@top-left\{content:("(?:[^"\\]|\\[0-9a-f]{1,6} )*")/.exec(css)?.[1] ?? '';
    expect(readCssString(content).value).toBe(title);
  });
});

describe('page margin boxes', () => {
  it('put an MoU version under the title and the mark at the right', () => {
    const source = sampleSource();
    const spec = { kind: 'mou', documentId: SAMPLE.mou, version: 1, compareWith: null, annex: false, lineNumbers: false, language: 'ru', paper: 'a4' } as const;
    const model = buildReport(spec, source, '2026-03-12');
    expect(model.draft).toBe(true);
    const css = pageMarginCss(model);
    const content = /@top-left\{content:("(?:[^"\\]|\\[0-9a-f]{1,6} )*")/.exec(css)?.[1] ?? '';
    expect(readCssString(content).value).toMatch(/^[^\n]+\nВерсия 1 \([^)]+\)$/);
    // The title may wrap (a margin box cannot clip), so the line break is kept and spaces wrap.
    expect(css).toMatch(/@top-left\{[^}]*white-space:pre-line/);
    expect(css).toContain('@top-right{content:"ПРОЕКТ";');
    expect(pageMarginCss({ ...model, draft: false, cancelled: false })).not.toContain('@top-right');
    expect(pageMarginCss({ ...model, cancelled: true })).toContain('@top-right{content:"ОТМЕНЕНО";');
  });

  it('keep a long title to one line of its own, clipped with "…"', () => {
    expect(clipTitle('Short title')).toBe('Short title');
    const long = `Agenda — ${'Regional customs cooperation '.repeat(6)}`.trim();
    const clipped = clipTitle(long);
    expect(Array.from(clipped).length).toBeLessThanOrEqual(HEADER_TITLE_MAX_CHARS);
    expect(clipped.endsWith('…')).toBe(true);
    expect(long.startsWith(clipped.slice(0, -1))).toBe(true);
    // Never half of a surrogate pair.
    expect(clipTitle('😀'.repeat(100), 10)).toBe(`${'😀'.repeat(9)}…`);
    const { source, meetingId } = hostileSource('http://127.0.0.1:9/x.png');
    source.meetings = source.meetings.map((m) => ({ ...m, title: { en: `Line one\nline two ${'x '.repeat(80)}`, ru: '' } }));
    const title = headerTitle(buildReport({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, source, '2026-03-12'));
    expect(title).not.toMatch(/\n/);
    expect(title).toContain('Line one line two');
    expect(title.endsWith('…')).toBe(true);
  });
});
