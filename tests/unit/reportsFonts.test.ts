/**
 * The report fonts: both loaders (node_modules for the checkout hosts, Vite `?inline` for
 * the packaged app) give the same bytes, the manifest's unicode ranges are fontsource's
 * own, and every face is a real WOFF2 file.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { loadNodeReportFonts } from '../../electron/main/services/reportFonts';
import { loadInlineReportFonts } from '../../electron/main/services/reportFontsInline';
import { faceCovers, parseUnicodeRange, REPORT_FONT_FACES } from '../../shared/reports/fonts';

const require = createRequire(import.meta.url);

describe('report fonts', () => {
  it('are the same whether read from node_modules or compiled into the bundle', async () => {
    const [fromDisk, inline] = await Promise.all([loadNodeReportFonts(), loadInlineReportFonts()]);
    expect(fromDisk).toHaveLength(REPORT_FONT_FACES.length);
    expect(inline.map((font) => font.file)).toEqual(fromDisk.map((font) => font.file));
    fromDisk.forEach((font, index) => {
      expect(font.dataUrl.startsWith('data:font/woff2;base64,')).toBe(true);
      expect(inline[index]?.dataUrl).toBe(font.dataUrl);
      // WOFF2 signature "wOF2".
      expect(Buffer.from(font.dataUrl.slice('data:font/woff2;base64,'.length), 'base64').subarray(0, 4).toString('latin1')).toBe('wOF2');
    });
  });

  it.each(REPORT_FONT_FACES.map((face) => [face.file, face] as const))('%s has fontsource’s unicode range', async (_file, face) => {
    // e.g. …/files/noto-sans-cyrillic-ext-400-normal.woff2 → the rule for that file in @fontsource/noto-sans/400.css
    const match = /^(@fontsource\/[^/]+)\/files\/(.+)-(\d{3})-normal\.woff2$/.exec(face.file);
    expect(match).not.toBeNull();
    const [, pkg = '', stem = '', weight = ''] = match ?? [];
    const css = await readFile(require.resolve(`${pkg}/${weight}.css`), 'utf8');
    const block = css.split('@font-face').find((rule) => rule.includes(`${stem}-${weight}-normal.woff2`));
    const range = /unicode-range:\s*([^;]+);/.exec(block ?? '')?.[1]?.trim();
    // Arabic: only the ranges up to the BMP's end are kept (Dari needs nothing beyond).
    const bmp = (value: string) => value.split(',').filter((part) => parseInt(part.replace(/^U\+/, '').split('-')[0] ?? '0', 16) <= 0xffff).join(',');
    expect(face.unicodeRange).toBe(bmp(range ?? ''));
  });

  it('read unicode ranges and tell which text a face covers', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+2000-206F')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x2000, 0x206f],
    ]);
    expect(parseUnicodeRange('nonsense')).toEqual([]);
    const kazakh = REPORT_FONT_FACES.find((face) => face.file.includes('cyrillic-ext-400'));
    expect(kazakh && faceCovers(kazakh, 'Сейітқали')).toBe(true);
    expect(kazakh && faceCovers(kazakh, 'Seitkali')).toBe(false);
  });
});
