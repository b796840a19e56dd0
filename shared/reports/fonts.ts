/**
 * The fonts every report embeds, so a PDF looks the same on every machine: Noto Sans for
 * Latin and Cyrillic (with the extended ranges for Kazakh, Kyrgyz, Tajik and Turkmen
 * letters) and Noto Sans Arabic for Dari names, each in regular and bold (a missing bold
 * would make Chromium embolden glyphs itself, as outlines without text).
 *
 * The bytes are not here: shared/ reads no files. Each host loads them its own way (the
 * Electron bundle through Vite `?inline`, Node from node_modules; see
 * electron/main/services/reportFonts*.ts) and passes data: URLs to `fontFaceCss`.
 *
 * All faces share one private family name, so a system font of the same name is never
 * picked up instead; the unicode ranges are fontsource's, so Chromium only decodes the
 * faces whose characters a report actually uses.
 */

export const REPORT_FONT_FAMILY = 'CWG Report Sans';

export interface ReportFontFace {
  /** Package and file under node_modules, e.g. "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2". */
  file: string;
  weight: 400 | 700;
  unicodeRange: string;
}

const LATIN =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT =
  'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
const CYRILLIC = 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116';
const CYRILLIC_EXT = 'U+0460-052F,U+1C80-1C8A,U+20B4,U+2DE0-2DFF,U+A640-A69F,U+FE2E-FE2F';
const ARABIC =
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';

const noto = (subset: string, weight: 400 | 700, unicodeRange: string): ReportFontFace => ({
  file: `@fontsource/noto-sans/files/noto-sans-${subset}-${String(weight)}-normal.woff2`,
  weight,
  unicodeRange,
});
const notoArabic = (weight: 400 | 700): ReportFontFace => ({
  file: `@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-${String(weight)}-normal.woff2`,
  weight,
  unicodeRange: ARABIC,
});

/**
 * In declaration order. Where ranges overlap (general punctuation is in both the Arabic
 * and the Latin face) the face declared last wins, so Arabic comes first.
 */
export const REPORT_FONT_FACES: readonly ReportFontFace[] = [
  notoArabic(400),
  notoArabic(700),
  noto('cyrillic-ext', 400, CYRILLIC_EXT),
  noto('cyrillic-ext', 700, CYRILLIC_EXT),
  noto('cyrillic', 400, CYRILLIC),
  noto('cyrillic', 700, CYRILLIC),
  noto('latin-ext', 400, LATIN_EXT),
  noto('latin-ext', 700, LATIN_EXT),
  noto('latin', 400, LATIN),
  noto('latin', 700, LATIN),
];

/** A face with its bytes, as a data: URL. */
export interface EmbeddedFont extends ReportFontFace {
  dataUrl: string;
}

/** The fonts of a host: every face of REPORT_FONT_FACES with its data. */
export type ReportFontLoader = () => Promise<readonly EmbeddedFont[]>;

/** [from, to] code point ranges of a CSS unicode-range value. */
export function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').flatMap((part) => {
    const match = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(part);
    if (!match?.[1]) return [];
    const from = Number.parseInt(match[1], 16);
    const to = match[2] ? Number.parseInt(match[2], 16) : from;
    return [[from, to] as [number, number]];
  });
}

/** Whether a face has a glyph range for any character of the text. */
export function faceCovers(face: ReportFontFace, text: string): boolean {
  const ranges = parseUnicodeRange(face.unicodeRange);
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
  }
  return false;
}

/**
 * The faces a piece of text needs: a report document embeds only these (a face is decoded
 * only when used, but every data: URL in the stylesheet is parsed). The text is a whole
 * report's HTML, so its distinct characters are collected once, then matched per face.
 */
export function facesFor<F extends ReportFontFace>(fonts: readonly F[], text: string): F[] {
  const codes = new Set<number>();
  for (const char of text) codes.add(char.codePointAt(0) ?? 0);
  return fonts.filter((face) => {
    const ranges = parseUnicodeRange(face.unicodeRange);
    for (const code of codes) if (ranges.some(([from, to]) => code >= from && code <= to)) return true;
    return false;
  });
}

/** A CSS string literal; data: URLs and family names contain no quotes, but stay safe anyway. */
function cssString(value: string): string {
  return `"${value.replace(/["\\\n\r]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/** @font-face rules for embedded fonts. Only data: URLs are accepted: a report never loads a file. */
export function fontFaceCss(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .filter((font) => font.dataUrl.startsWith('data:font/woff2;base64,'))
    .map(
      (font) =>
        `@font-face{font-family:${cssString(REPORT_FONT_FAMILY)};font-style:normal;font-weight:${String(font.weight)};` +
        `font-display:block;src:url(${cssString(font.dataUrl)}) format("woff2");unicode-range:${font.unicodeRange}}`,
    )
    .join('\n');
}
