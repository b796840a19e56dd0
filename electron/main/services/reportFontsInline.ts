/**
 * The report fonts compiled into the bundle: Vite turns each `?inline` import into a data:
 * URL, so the packaged app (which ships no node_modules) embeds the same @fontsource files
 * the other hosts read from disk (reportFonts.ts). Only the Electron build imports this
 * module; Node without Vite (tsx, the command line) cannot load `?inline` imports.
 */
/// <reference types="vite/client" />
import arabic400 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?inline';
import arabic700 from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?inline';
import cyrillicExt400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-400-normal.woff2?inline';
import cyrillicExt700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-ext-700-normal.woff2?inline';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff2?inline';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff2?inline';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?inline';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?inline';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?inline';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?inline';
import { REPORT_FONT_FACES, type EmbeddedFont, type ReportFontLoader } from '../../../shared/reports/fonts';

const DATA: Readonly<Record<string, string>> = {
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

export const loadInlineReportFonts: ReportFontLoader = () => {
  const fonts: EmbeddedFont[] = REPORT_FONT_FACES.map((face) => {
    const dataUrl = DATA[face.file];
    if (dataUrl === undefined) throw new Error(`The report font ${face.file} is missing from the build.`);
    return { ...face, dataUrl };
  });
  return Promise.resolve(fonts);
};
