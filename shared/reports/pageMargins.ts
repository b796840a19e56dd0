/**
 * The running header (document title, an MoU's version, the DRAFT mark) and footer (print
 * date, "Page X of Y") as CSS page margin boxes in the report document itself:
 * `@page { @top-left { content: "…" } @bottom-right { content: "Page " counter(page) … } }`.
 * The header and footer say what the templates said, with two changes of layout: an MoU's
 * version stands under the title instead of beside it, and a title too long for its line
 * wraps (one of more than 90 characters per language is cut with "…"; see pageMarginCss).
 *
 * Why not Chromium's headerTemplate/footerTemplate: Chromium renders those again on every
 * page as separate documents, each decoding the fonts it embeds, which cost a 23-page
 * agenda about 0.4 s (a third of its print). Margin boxes (Chromium 131 and later) are laid
 * out with the page, in the document's own fonts, and `counter(page)` / `counter(pages)`
 * number a meeting book continuously as before.
 *
 * Margin box text can only come from CSS strings, so stored text (the title) is put in a
 * CSS string here: every character that could end the string, the declaration or the
 * <style> element is written as a CSS escape, and a string that could reorder its
 * neighbours (right-to-left letters, bidi controls such as an unclosed U+202E) is isolated
 * with U+2068 … U+2069, as the screens do (shared/bidi.ts): there is no <bdi> in a margin box.
 */
import { isolate } from '../bidi';
import { labelText, PRINT_LABELS } from './components/common';
import { REPORT_FONT_FAMILY } from './fonts';
import { formatDate, formatShortDate, languagesOf, type Lang } from './format';
import type { ReportModel } from './model';

/**
 * Characters written as CSS escapes inside a string: quotes and the backslash (which end
 * or escape the string), line breaks and other controls (a newline ends a CSS string),
 * `<`, `>` and `&` (`</style>` would end the style element), and the line and paragraph
 * separators.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is escaped
const CSS_STRING_UNSAFE = /["'\\<>&\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A double-quoted CSS string with `text` in it, whatever `text` holds. */
export function cssString(text: string): string {
  // Each escape ends with a space: a CSS tokenizer takes one whitespace after a hex escape
  // as part of it, even after six digits, so the text's own space after an "&" survives only
  // when the escape brings its own. U+0000 is not allowed in CSS.
  return `"${text.replace(CSS_STRING_UNSAFE, (char) => `\\${(char === '\u0000' ? 0xfffd : char.charCodeAt(0)).toString(16)} `)}"`;
}

/**
 * Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their presentation
 * forms, the right-to-left blocks of the supplementary planes) and every bidi control.
 */
const MAY_REORDER = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/**
 * Stored text for a margin box: isolated when it could reorder what stands around it
 * (the isolates are invisible, but they are characters, so text without right-to-left
 * letters or controls is left as it is and copies from the PDF as typed).
 */
export function marginText(text: string): string {
  return MAY_REORDER.test(text) ? isolate(text) : text;
}

/**
 * Characters of one language's title in the running header: a longer title ends in "…".
 * Chromium does not clip a margin box (no `overflow`, no `text-overflow`), so the title
 * wraps instead, and this keeps a bilingual title to about two lines of the header.
 */
export const HEADER_TITLE_MAX_CHARS = 90;

/** Text cut to `max` characters (not halves of a surrogate pair), at a space near the end where there is one, with "…". */
export function clipTitle(text: string, max = HEADER_TITLE_MAX_CHARS): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= cut.length - 20 && space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The title as the running header prints it: each language's (or the other's when empty),
 * on one line of its own (line breaks become spaces), clipped, isolated, joined with " / ".
 */
export function headerTitle(model: ReportModel): string {
  return languagesOf(model.language)
    .map((lang) => {
      const text = model.title[lang].trim() || model.title[lang === 'en' ? 'ru' : 'en'].trim();
      return marginText(clipTitle(text.replace(/\s+/g, ' ')));
    })
    .join(' / ');
}

/** "Version 3 (15 Mar 2026)" or "Working text (12 Mar 2026)", in the report's languages; null when not an MoU. */
export function mouVersionLine(model: ReportModel): string | null {
  if (model.kind !== 'mou') return null;
  const version = model.version;
  return languagesOf(model.language)
    .map((lang) =>
      version
        ? labelText(lang, (l) => l.mou.versionShort, { number: version.number, date: formatShortDate(version.date, lang) })
        : labelText(lang, (l) => l.mou.workingTextShort, { date: formatShortDate(model.printedOn, lang) }),
    )
    .join(' / ');
}

/** "DRAFT / ПРОЕКТ", "CANCELLED", or null. */
export function headerMark(model: ReportModel): string | null {
  const mark = model.cancelled ? 'cancelled' : model.draft ? 'draft' : null;
  return mark === null
    ? null
    : languagesOf(model.language)
        .map((lang) => PRINT_LABELS[lang][mark])
        .join(' / ');
}

/** "Printed 12 March 2026 / Напечатано 12 марта 2026 г." */
export function printedOnLine(model: ReportModel): string {
  return languagesOf(model.language)
    .map((lang) => labelText(lang, (l) => l.printedOn, { date: formatDate(model.printedOn, lang) }))
    .join(' / ');
}

/** `"Page " counter(page) " of " counter(pages)`: the language's wording with the page counters in place of its placeholders. */
function pageOfContent(lang: Lang): string[] {
  return labelText(lang, (l) => l.pageOf)
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : cssString(part)));
}

/** The footer's page numbers in every language of the report, as a CSS `content` value. */
export function pageNumberContent(model: ReportModel): string {
  return languagesOf(model.language)
    .map((lang) => pageOfContent(lang).join(' '))
    .join(` ${cssString(' / ')} `);
}

/**
 * Where the words stand, as the header and footer templates printed them before: the
 * header's first line 15.2 pt below the top edge of the page, the footer's line ending 15 pt
 * above the bottom edge, left and right at the page margins (tests/e2e read the running
 * header above 40 pt and the footer below 805 pt of an A4 page).
 */
const EDGE_PT = 15.35;

/**
 * The `@page` rule with the running header and footer, or '' for a report without them
 * (badges, certificates, see document.ts). Top left: the title, wrapping when long (a
 * margin box cannot clip, so an ellipsis is impossible), and an MoU's version on the line
 * under it; top right: the DRAFT or CANCELLED mark, bold, never wrapped (Chromium gives a
 * box that cannot wrap its whole width and the title the rest). Bottom left the print
 * date, bottom right "Page X of Y" in each language.
 */
export function pageMarginCss(model: ReportModel): string {
  const version = mouVersionLine(model);
  const mark = headerMark(model);
  const box = (name: string, content: string, style: string) => `@${name}{content:${content};${style}}`;
  const top = `vertical-align:top;padding-top:${String(EDGE_PT)}pt`;
  const bottom = `vertical-align:bottom;padding-bottom:${String(EDGE_PT)}pt;white-space:nowrap`;
  const boxes = [
    // pre-line: the line break before the version breaks the line; the title's spaces wrap.
    box('top-left', cssString(version === null ? headerTitle(model) : `${headerTitle(model)}\n${version}`), `${top};white-space:pre-line;text-align:left`),
    mark !== null ? box('top-right', cssString(mark), `${top};white-space:nowrap;text-align:right;font-weight:700;letter-spacing:0.08em`) : '',
    box('bottom-left', cssString(printedOnLine(model)), `${bottom};text-align:left`),
    box('bottom-right', pageNumberContent(model), `${bottom};text-align:right`),
  ];
  return `@page{font-family:${cssString(REPORT_FONT_FAMILY)},sans-serif;font-size:7.5pt;font-weight:400;color:#222;${boxes.join('')}}`;
}
