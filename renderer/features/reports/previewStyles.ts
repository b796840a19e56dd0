/**
 * Styles of the on-screen report preview: the report stylesheet itself (shared with the
 * print document), the report fonts served from the app's own origin, and a paper-like
 * frame. The app's CSP allows no inline <style>, so the rules go into a constructed
 * stylesheet adopted by the document (CSSOM, which the policy does not restrict), once.
 */
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?url';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff2?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import { REPORT_CSS } from '../../../shared/reports/css';
import { REPORT_FONT_FACES, REPORT_FONT_FAMILY } from '../../../shared/reports/fonts';

const FONT_URLS: Readonly<Record<string, string>> = {
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2': arabic400,
  '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2': arabic700,
  '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2': cyrillicExt400,
  '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff2': cyrillicExt700,
  '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2': cyrillic400,
  '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2': cyrillic700,
  '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2': latinExt400,
  '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2': latinExt700,
  '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2': latin400,
  '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2': latin700,
};

function previewFontCss(): string {
  return REPORT_FONT_FACES.flatMap((face) => {
    const url = FONT_URLS[face.file];
    if (url === undefined) return [];
    return [
      `@font-face{font-family:"${REPORT_FONT_FAMILY}";font-style:normal;font-weight:${String(face.weight)};` +
        `font-display:swap;src:url("${url}") format("woff2");unicode-range:${face.unicodeRange}}`,
    ];
  }).join('\n');
}

/** The paper: page size and margins as printed; the DRAFT mark stays on the paper instead of the screen. */
const PREVIEW_CSS = `
.report-preview { background: #7d8590; padding: 1rem; overflow: auto; border-radius: 6px; max-height: 80vh; }
.report-preview .preview-paper {
  position: relative; overflow: hidden; background: #fff; margin: 0 auto; color: #000;
  width: 210mm; min-height: 297mm; padding: 20mm 18mm 18mm; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.35);
}
.report-preview .preview-paper.paper-letter { width: 215.9mm; min-height: 279.4mm; }
.report-preview .preview-paper.landscape { width: 297mm; min-height: 210mm; padding: 12mm; }
.report-preview .preview-paper.landscape.paper-letter { width: 279.4mm; min-height: 215.9mm; }
.report-preview .cwg-report .watermark { position: absolute; top: 110mm; }
.report-preview .cwg-report .certificate { margin-bottom: 8mm; }
`;

let adopted = false;

/** Adds the report and preview styles to the document, once. */
export function adoptReportStyles(): void {
  if (adopted) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`${previewFontCss()}\n${REPORT_CSS}\n${PREVIEW_CSS}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  adopted = true;
}
