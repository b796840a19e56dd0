/**
 * Which text encoding a CSV file from a spreadsheet program uses, and its text. Excel
 * and LibreOffice on Russian-language Windows save "CSV" as Windows-1251, "CSV UTF-8"
 * with a byte-order mark, Google Sheets and most other tools as UTF-8 without one, and
 * "Unicode text" as UTF-16 with a byte-order mark.
 *
 * Detection: a byte-order mark decides; otherwise text that is valid UTF-8 is UTF-8
 * (Cyrillic in Windows-1251 is a run of bytes ≥ 0xC0, which UTF-8 never allows: a
 * Windows-1251 file with any Cyrillic in it fails the check), and anything else is read
 * as Windows-1251, the one legacy code page of the region's offices.
 */

/**
 * The WHATWG TextDecoder, present in browsers and in Node alike. shared/ is compiled
 * without DOM or Node types, so only what is used here is declared.
 */
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export const csvEncodings = ['utf-8', 'windows-1251', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof csvEncodings)[number];

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** A byte-order mark was present (and is not part of the text). */
  bom: boolean;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: true };
  if (isValidUtf8(bytes)) return { encoding: 'utf-8', bom: false };
  return { encoding: 'windows-1251', bom: false };
}

/** The file's text in the given encoding (detected when not given), without a byte-order mark. */
export function decodeCsvBytes(bytes: Uint8Array, encoding?: CsvEncoding): { text: string } & DetectedEncoding {
  const detected = detectEncoding(bytes);
  const chosen = encoding ?? detected.encoding;
  // ignoreBOM: false (the default) drops a leading mark of the chosen encoding.
  const text = new TextDecoder(chosen).decode(bytes);
  return { text: text.startsWith('\uFEFF') ? text.slice(1) : text, encoding: chosen, bom: detected.bom && chosen === detected.encoding };
}
