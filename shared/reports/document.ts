/**
 * Assembles the print document around a report's rendered HTML: doctype, language, the
 * print CSP as the first thing in <head>, the title, embedded fonts, the report stylesheet
 * and the running header and footer (`@page` margin boxes, pageMargins.ts). Also the page
 * set-up of each report and its file name. Pure string work: the HTML of the report itself
 * comes from React (renderToStaticMarkup), which escapes every stored value; the other
 * stored text put in here, the title, is escaped below (HTML) and in pageMargins.ts (CSS).
 */
import { PRINT_CONTENT_SECURITY_POLICY } from '../csp';
import { REPORT_CSS } from './css';
import { languagesOf } from './format';
import type { ReportModel } from './model';
import { pageMarginCss } from './pageMargins';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => {
    switch (char) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return '&#39;';
    }
  });
}

export interface ReportPageSetup {
  pageSize: 'A4' | 'Letter';
  landscape: boolean;
  marginsMm: { top: number; right: number; bottom: number; left: number };
  /** Running header and footer (title, page X of Y, print date), as `@page` margin boxes. */
  chrome: boolean;
}

/**
 * Portrait with room for the running header and footer; certificates are landscape and
 * carry no running header or footer (they are handed to people, one page each).
 */
export function pageSetupFor(model: ReportModel): ReportPageSetup {
  const pageSize = model.paper === 'letter' ? 'Letter' : 'A4';
  if (model.kind === 'badges') {
    return { pageSize, landscape: false, marginsMm: { top: 10, right: 10, bottom: 10, left: 10 }, chrome: false };
  }
  if (model.kind === 'certificates') {
    return { pageSize, landscape: true, marginsMm: { top: 12, right: 12, bottom: 12, left: 12 }, chrome: false };
  }
  return { pageSize, landscape: false, marginsMm: { top: 20, right: 18, bottom: 18, left: 18 }, chrome: true };
}

export interface ReportDocumentParts {
  model: ReportModel;
  /** @font-face rules with the embedded fonts (fontFaceCss). */
  fontCss: string;
  /** renderToStaticMarkup(<ReportView model={model} />) */
  bodyHtml: string;
}

export function reportDocumentHtml({ model, fontCss, bodyHtml }: ReportDocumentParts): string {
  const lang = languagesOf(model.language)[0] ?? 'en';
  const title = languagesOf(model.language)
    .map((language) => model.title[language])
    .join(' / ');
  return (
    '<!doctype html>' +
    `<html lang="${lang}"><head>` +
    '<meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(PRINT_CONTENT_SECURITY_POLICY)}">` +
    `<title>${escapeHtml(title)}</title>` +
    `<style>${fontCss}\nhtml,body{margin:0;padding:0;background:#fff}\n${REPORT_CSS}${runningHeaderCss(model)}</style>` +
    `</head><body>${bodyHtml}</body></html>`
  );
}

/** The running header and footer of a report that has them (pageSetupFor), as an `@page` rule; '' otherwise. */
export function runningHeaderCss(model: ReportModel): string {
  return pageSetupFor(model).chrome ? `\n${pageMarginCss(model)}` : '';
}

/** Characters no file system (or the save dialog's schema) accepts in a name. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const UNSAFE_FILE_CHARS = /[/\\:*?"<>|\u0000-\u001f\u007f]+/g;

/** "Agenda — Second meeting of the Customs Working Group.pdf", safe for every file system. */
export function reportFileName(model: ReportModel): string {
  const lang = languagesOf(model.language)[0] ?? 'en';
  const title = model.title[lang].trim() || model.title.en.trim() || model.kind;
  let suffix = '';
  if (model.kind === 'mou') {
    suffix = model.version ? ` v${String(model.version.number)}` : ` ${model.printedOn}`;
    if (model.comparedWith) suffix += ` vs v${String(model.comparedWith.number)}`;
  }
  const base = `${title}${suffix}`.replace(UNSAFE_FILE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  const cut = base.slice(0, 150).replace(/[.\s]+$/, '');
  return `${cut === '' ? 'report' : cut}.pdf`;
}
