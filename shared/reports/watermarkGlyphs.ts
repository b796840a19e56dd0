/**
 * The DRAFT / CANCELLED watermark drawn as strokes, not text: a watermark in the text layer
 * would be read (and copied) in the middle of the sentences it lies across ("borne by the
 * requested DRAFT Party"). Each letter is a path on a 60 × 100 grid (y downwards); the
 * Cyrillic letters that look like Latin ones share their shapes. A character without a
 * shape is left as a gap, so a new label can only look incomplete, never break the page.
 */
const SHAPES: Readonly<Record<string, string>> = {
  A: 'M0 100 L30 0 L60 100 M12 62 L48 62',
  C: 'M60 14 Q52 0 32 0 Q0 0 0 50 Q0 100 32 100 Q52 100 60 86',
  D: 'M0 0 L0 100 L24 100 Q60 100 60 50 Q60 0 24 0 Z',
  E: 'M60 0 L0 0 L0 100 L60 100 M0 50 L48 50',
  F: 'M60 0 L0 0 L0 100 M0 50 L48 50',
  H: 'M0 0 L0 100 M60 0 L60 100 M0 50 L60 50',
  K: 'M0 0 L0 100 M60 0 L4 58 M22 40 L60 100',
  L: 'M0 0 L0 100 L60 100',
  M: 'M0 100 L0 0 L30 64 L60 0 L60 100',
  N: 'M0 100 L0 0 L60 100 L60 0',
  O: 'M30 0 Q60 0 60 50 Q60 100 30 100 Q0 100 0 50 Q0 0 30 0 Z',
  P: 'M0 100 L0 0 L34 0 Q60 0 60 27 Q60 54 34 54 L0 54',
  R: 'M0 100 L0 0 L34 0 Q60 0 60 27 Q60 54 34 54 L0 54 M30 54 L60 100',
  T: 'M0 0 L60 0 M30 0 L30 100',
  П: 'M0 100 L0 0 L60 0 L60 100',
  '/': 'M48 0 L12 100',
};

const LOOK_ALIKES: Readonly<Record<string, string>> = { А: 'A', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T' };

const ADVANCE = 60;
const GAP = 26;
const SPACE = 36;

/** One SVG path for the whole word (or words), and the width it takes on the grid. */
export function watermarkPath(text: string): { d: string; width: number } {
  let x = 0;
  const parts: string[] = [];
  for (const char of text.toUpperCase()) {
    if (char === ' ') {
      x += SPACE;
      continue;
    }
    const shape = SHAPES[LOOK_ALIKES[char] ?? char];
    if (shape !== undefined) parts.push(shiftPath(shape, x));
    x += ADVANCE + GAP;
  }
  return { d: parts.join(' '), width: Math.max(0, x - GAP) };
}

function shiftPath(path: string, dx: number): string {
  return path.replace(/([MLQ])([^MLQZ]*)/g, (_, command: string, args: string) => {
    const numbers = args.trim().split(/\s+/).map(Number);
    const moved = numbers.map((value, index) => (index % 2 === 0 ? value + dx : value));
    return `${command}${moved.join(' ')} `;
  });
}
