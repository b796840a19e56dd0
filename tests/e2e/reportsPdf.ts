/** Reads PDFs back with poppler (pdftotext, pdfinfo, pdffonts), for the report tests. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export interface PdfWord {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

let folder: Promise<string> | null = null;

/** Writes the bytes to a temp file (poppler reads files), unless given a path. */
export async function pdfFile(pdf: Uint8Array | string): Promise<string> {
  if (typeof pdf === 'string') return pdf;
  folder ??= mkdtemp(join(tmpdir(), 'cwg-report-pdf-'));
  const path = join(await folder, `${String(Date.now())}-${String(Math.random()).slice(2)}.pdf`);
  await writeFile(path, pdf);
  return path;
}

export async function pdfText(pdf: Uint8Array | string, layout = false): Promise<string> {
  const args = layout ? ['-layout', await pdfFile(pdf), '-'] : [await pdfFile(pdf), '-'];
  return (await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

export async function pdfInfo(pdf: Uint8Array | string): Promise<{ pages: number; pageSize: string; tagged: boolean }> {
  const { stdout } = await run('pdfinfo', [await pdfFile(pdf)]);
  return {
    pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 'NaN'),
    pageSize: /^Page size:\s+(.+)$/m.exec(stdout)?.[1]?.trim() ?? '',
    tagged: /^Tagged:\s+yes$/m.test(stdout),
  };
}

/** The document's language (/Lang in the catalog) and its bookmark titles, from the PDF's bytes (Chromium writes these dictionaries uncompressed). */
export async function pdfCatalog(pdf: Uint8Array | string): Promise<{ lang: string | null; outline: string[] }> {
  const bytes = typeof pdf === 'string' ? await readFile(pdf) : Buffer.from(pdf);
  const text = bytes.toString('latin1');
  const hex = (value: string) => {
    const data = Buffer.from(value, 'hex');
    // UTF-16BE with a byte-order mark.
    const chars: string[] = [];
    for (let index = 2; index + 1 < data.length; index += 2) chars.push(String.fromCharCode(data.readUInt16BE(index)));
    return chars.join('');
  };
  const outline = [...text.matchAll(/<<([^<>]|<[0-9A-Fa-f]*>)*?\/Parent([^<>]|<[0-9A-Fa-f]*>)*?>>/g)]
    .map((match) => {
      const title = /\/Title\s*(?:<(FEFF[0-9A-Fa-f]*)>|\(((?:[^()\\]|\\.)*)\))/.exec(match[0]);
      if (!title) return undefined;
      // Hex UTF-16 for other scripts, a literal string for ASCII.
      return title[1] !== undefined ? hex(title[1]) : (title[2] ?? '').replace(/\\(.)/g, '$1');
    })
    .filter((value): value is string => value !== undefined);
  const catalog = /\/Type\s*\/Catalog[\s\S]*?endobj/.exec(text)?.[0] ?? '';
  return { lang: /\/Lang\s*\(([^)]*)\)/.exec(catalog)?.[1] ?? null, outline };
}

export async function pdfFonts(pdf: Uint8Array | string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [await pdfFile(pdf)]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain a space: "CID TrueType", "Type 3"), encoding, emb, sub, uni, object id
      const match = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!match) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: match[1] ?? '', type: match[2] ?? '', embedded: match[4] === 'yes' };
    });
}

/** Every word with its box, page by page (pdftotext -bbox). */
export async function pdfWords(pdf: Uint8Array | string): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-bbox', await pdfFile(pdf), '-'], { maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (match) {
      words.push({
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
        text: (match[5] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
      });
    }
  }
  return words;
}
