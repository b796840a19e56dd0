/**
 * Comparison of two MoU versions: which articles were added, removed or moved, and the
 * word-level insertions and deletions inside each article's heading and body, in one
 * language. Pure (no DOM), so the screen and the PDF report render the same result.
 *
 * Stable API (used by the MoU screens and the PDF report):
 *   compareVersions(older, newer, language) → ArticleComparison[] in reading order
 *   diffText(older, newer)                  → DiffSegment[] for any two texts
 *   splitSegmentsIntoLines(segments)        → DiffSegment[][], one list per paragraph line
 *   summarizeComparison(results)            → counts per status and of changed words
 *
 * Invariant of every segment list: joining the `equal` and `delete` texts gives the older
 * text exactly, and joining the `equal` and `insert` texts gives the newer text exactly.
 */
import { diffArrays } from 'diff';
import type { FrozenArticle } from '../model';

export type TextLanguage = 'en' | 'ru';

export type DiffSegmentKind = 'equal' | 'insert' | 'delete';

export interface DiffSegment {
  kind: DiffSegmentKind;
  text: string;
}

export type ArticleComparisonStatus = 'added' | 'removed' | 'moved' | 'changed' | 'unchanged';

export interface ArticleComparison {
  articleId: string;
  /**
   * added / removed: only in the newer / older version. moved: in both, but its place
   * relative to the other articles changed (its text may have changed too: see
   * `textChanged`). changed: same place, different text in `language`. unchanged: neither.
   */
  status: ArticleComparisonStatus;
  moved: boolean;
  /** Heading or body differ in the compared language. */
  textChanged: boolean;
  /** Heading or body differ in the other language (e.g. only the translation was fixed). */
  otherLanguageChanged: boolean;
  /** Article number in the older / newer version (1-based); null where it does not exist. */
  oldNumber: number | null;
  newNumber: number | null;
  heading: DiffSegment[];
  body: DiffSegment[];
  older: FrozenArticle | null;
  newer: FrozenArticle | null;
}

export interface ComparisonSummary {
  added: number;
  removed: number;
  moved: number;
  changed: number;
  unchanged: number;
  /** Words (letters or digits) inside insert / delete segments. */
  insertedWords: number;
  deletedWords: number;
}

// ---------------------------------------------------------------------------------------
// Tokens

/**
 * One token: a word (letters, combining marks and digits of any script, so Cyrillic words
 * stay whole, with inner hyphens or apostrophes as in "co-operation", "по-прежнему",
 * "member’s"), one punctuation mark, a line break, or leading spaces. Horizontal spaces
 * after a token belong to it (`trail`) and are compared apart from its `core`, so a diff
 * never matches "the spaces between words" while replacing the words themselves.
 */
interface Token {
  core: string;
  trail: string;
}

const TOKEN_PATTERN = /\n|[^\S\n]+|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*|[^\s]/gu;
const HORIZONTAL_SPACE = /^[^\S\n]+$/u;
const WORD = /[\p{L}\p{N}]/u;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // \r\n and \r count as one line break: texts pasted from Windows editors keep their lines.
  for (const match of text.replace(/\r\n?/g, '\n').matchAll(TOKEN_PATTERN)) {
    const part = match[0];
    const last = tokens[tokens.length - 1];
    if (HORIZONTAL_SPACE.test(part) && last !== undefined) last.trail += part;
    else tokens.push({ core: part, trail: '' });
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------
// Text diff

function push(segments: DiffSegment[], kind: DiffSegmentKind, text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last?.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** Longest common suffix made of horizontal whitespace. */
function commonTrailingSpace(a: string, b: string): string {
  let length = 0;
  while (
    length < a.length &&
    length < b.length &&
    a[a.length - 1 - length] === b[b.length - 1 - length] &&
    HORIZONTAL_SPACE.test(a.charAt(a.length - 1 - length))
  ) {
    length += 1;
  }
  return length === 0 ? '' : a.slice(a.length - length);
}

/**
 * Readability pass over merged segments:
 * - a change made of a deletion and an insertion puts the deletion first;
 * - a space that lies between two changes joins them (one "old words" / "new words" pair
 *   reads better than alternating fragments around each space);
 * - trailing spaces common to a paired deletion and insertion are shown as unchanged, so
 *   marks cover exactly the changed words.
 */
function tidy(raw: DiffSegment[]): DiffSegment[] {
  // Group into runs: an equal segment, or a change {del, ins}.
  type Run = { kind: 'equal'; text: string } | { kind: 'change'; del: string; ins: string };
  const runs: Run[] = [];
  for (const segment of raw) {
    const last = runs[runs.length - 1];
    if (segment.kind === 'equal') {
      if (last?.kind === 'equal') last.text += segment.text;
      else runs.push({ kind: 'equal', text: segment.text });
    } else {
      const change = last?.kind === 'change' ? last : { kind: 'change' as const, del: '', ins: '' };
      if (change !== last) runs.push(change);
      if (segment.kind === 'delete') change.del += segment.text;
      else change.ins += segment.text;
    }
  }
  // Absorb space-only equal runs squeezed between two changes.
  const merged: Run[] = [];
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index];
    if (run === undefined) continue;
    const previous = merged[merged.length - 1];
    const next = runs[index + 1];
    if (run.kind === 'equal' && HORIZONTAL_SPACE.test(run.text) && previous?.kind === 'change' && next?.kind === 'change') {
      previous.del += run.text + next.del;
      previous.ins += run.text + next.ins;
      index += 1;
      continue;
    }
    if (run.kind === 'change' && previous?.kind === 'change') {
      previous.del += run.del;
      previous.ins += run.ins;
      continue;
    }
    merged.push(run);
  }
  const segments: DiffSegment[] = [];
  for (const run of merged) {
    if (run.kind === 'equal') {
      push(segments, 'equal', run.text);
      continue;
    }
    const shared = run.del !== '' && run.ins !== '' ? commonTrailingSpace(run.del, run.ins) : '';
    push(segments, 'delete', run.del.slice(0, run.del.length - shared.length));
    push(segments, 'insert', run.ins.slice(0, run.ins.length - shared.length));
    push(segments, 'equal', shared);
  }
  return segments;
}

/**
 * Word-level diff of two texts. Words are compared whole (a changed ending marks the whole
 * word), punctuation marks one by one, line breaks as their own tokens (so a paragraph
 * split or merge shows).
 */
export function diffText(older: string, newer: string): DiffSegment[] {
  if (older === newer) return older === '' ? [] : [{ kind: 'equal', text: older }];
  const oldTokens = tokenize(older);
  const newTokens = tokenize(newer);
  const changes = diffArrays(oldTokens, newTokens, { comparator: (a, b) => a.core === b.core });
  const raw: DiffSegment[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  for (const change of changes) {
    const count = change.count;
    if (change.added) {
      for (let i = 0; i < count; i += 1) {
        const token = newTokens[newIndex + i];
        if (token) push(raw, 'insert', token.core + token.trail);
      }
      newIndex += count;
    } else if (change.removed) {
      for (let i = 0; i < count; i += 1) {
        const token = oldTokens[oldIndex + i];
        if (token) push(raw, 'delete', token.core + token.trail);
      }
      oldIndex += count;
    } else {
      for (let i = 0; i < count; i += 1) {
        const oldToken = oldTokens[oldIndex + i];
        const newToken = newTokens[newIndex + i];
        if (!oldToken || !newToken) continue;
        push(raw, 'equal', newToken.core);
        if (oldToken.trail === newToken.trail) {
          push(raw, 'equal', newToken.trail);
        } else {
          push(raw, 'delete', oldToken.trail);
          push(raw, 'insert', newToken.trail);
        }
      }
      oldIndex += count;
      newIndex += count;
    }
  }
  return tidy(raw);
}

/** The older (equal + delete) or newer (equal + insert) text a segment list was made from. */
export function segmentsText(segments: readonly DiffSegment[], side: 'older' | 'newer'): string {
  const skip: DiffSegmentKind = side === 'older' ? 'insert' : 'delete';
  return segments
    .filter((segment) => segment.kind !== skip)
    .map((segment) => segment.text)
    .join('');
}

/** True when the segments hold an insertion or a deletion. */
export function hasChanges(segments: readonly DiffSegment[]): boolean {
  return segments.some((segment) => segment.kind !== 'equal');
}

/**
 * The segments cut at line breaks: one list per paragraph line, for renderers that print
 * each "1." or "(a)" paragraph as its own block. The line breaks themselves are dropped;
 * an inserted or deleted line break leaves the lines it joins or splits as they are.
 */
export function splitSegmentsIntoLines(segments: readonly DiffSegment[]): DiffSegment[][] {
  const lines: DiffSegment[][] = [[]];
  for (const segment of segments) {
    const parts = segment.text.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) lines.push([]);
      const line = lines[lines.length - 1];
      if (line && part !== '') push(line, segment.kind, part);
    });
  }
  return lines;
}

function wordCount(text: string): number {
  return tokenize(text).filter((token) => WORD.test(token.core)).length;
}

// ---------------------------------------------------------------------------------------
// Versions

function whole(kind: 'insert' | 'delete', text: string): DiffSegment[] {
  return text === '' ? [] : [{ kind, text }];
}

function otherLanguage(language: TextLanguage): TextLanguage {
  return language === 'en' ? 'ru' : 'en';
}

function textDiffers(a: FrozenArticle, b: FrozenArticle, language: TextLanguage): boolean {
  return a.heading[language] !== b.heading[language] || a.body[language] !== b.body[language];
}

/**
 * Ids of articles present in both versions whose place relative to the others changed:
 * the common articles outside a longest common subsequence of the two orders. Moving one
 * article therefore marks that article, not every article it jumped over.
 */
function movedIds(olderIds: readonly string[], newerIds: readonly string[]): Set<string> {
  const inNewer = new Set(newerIds);
  const inOlder = new Set(olderIds);
  const commonOld = olderIds.filter((id) => inNewer.has(id));
  const commonNew = newerIds.filter((id) => inOlder.has(id));
  const moved = new Set<string>();
  for (const change of diffArrays(commonOld, commonNew)) {
    if (change.added) for (const id of change.value) moved.add(id);
  }
  return moved;
}

/**
 * Compares two versions' frozen articles (each list in document order) in one language.
 * Articles are matched by `articleId`. The result is in reading order: the newer version's
 * articles, with each removed article placed after the article that preceded it in the
 * older version.
 */
export function compareVersions(
  older: readonly FrozenArticle[],
  newer: readonly FrozenArticle[],
  language: TextLanguage,
): ArticleComparison[] {
  const other = otherLanguage(language);
  const oldNumbers = new Map(older.map((article, index) => [article.articleId, index + 1]));
  const newById = new Map(newer.map((article) => [article.articleId, article]));
  const moved = movedIds(
    older.map((article) => article.articleId),
    newer.map((article) => article.articleId),
  );

  const results = new Map<string, ArticleComparison>();
  newer.forEach((article, index) => {
    const previous = older[(oldNumbers.get(article.articleId) ?? 0) - 1];
    const newNumber = index + 1;
    if (previous === undefined) {
      results.set(article.articleId, {
        articleId: article.articleId,
        status: 'added',
        moved: false,
        textChanged: true,
        otherLanguageChanged: true,
        oldNumber: null,
        newNumber,
        heading: whole('insert', article.heading[language]),
        body: whole('insert', article.body[language]),
        older: null,
        newer: article,
      });
      return;
    }
    const isMoved = moved.has(article.articleId);
    const textChanged = textDiffers(previous, article, language);
    results.set(article.articleId, {
      articleId: article.articleId,
      status: isMoved ? 'moved' : textChanged ? 'changed' : 'unchanged',
      moved: isMoved,
      textChanged,
      otherLanguageChanged: textDiffers(previous, article, other),
      oldNumber: oldNumbers.get(article.articleId) ?? null,
      newNumber,
      heading: diffText(previous.heading[language], article.heading[language]),
      body: diffText(previous.body[language], article.body[language]),
      older: previous,
      newer: article,
    });
  });

  // Removed articles go after the nearest older article that survives (or first of all).
  const removedAfter = new Map<string | null, ArticleComparison[]>();
  let anchor: string | null = null;
  older.forEach((article, index) => {
    if (newById.has(article.articleId)) {
      anchor = article.articleId;
      return;
    }
    const list = removedAfter.get(anchor) ?? [];
    list.push({
      articleId: article.articleId,
      status: 'removed',
      moved: false,
      textChanged: true,
      otherLanguageChanged: true,
      oldNumber: index + 1,
      newNumber: null,
      heading: whole('delete', article.heading[language]),
      body: whole('delete', article.body[language]),
      older: article,
      newer: null,
    });
    removedAfter.set(anchor, list);
  });

  const ordered: ArticleComparison[] = [...(removedAfter.get(null) ?? [])];
  for (const article of newer) {
    const result = results.get(article.articleId);
    if (result) ordered.push(result);
    ordered.push(...(removedAfter.get(article.articleId) ?? []));
  }
  return ordered;
}

export function summarizeComparison(results: readonly ArticleComparison[]): ComparisonSummary {
  const summary: ComparisonSummary = {
    added: 0,
    removed: 0,
    moved: 0,
    changed: 0,
    unchanged: 0,
    insertedWords: 0,
    deletedWords: 0,
  };
  for (const result of results) {
    summary[result.status] += 1;
    for (const segment of [...result.heading, ...result.body]) {
      if (segment.kind === 'insert') summary.insertedWords += wordCount(segment.text);
      else if (segment.kind === 'delete') summary.deletedWords += wordCount(segment.text);
    }
  }
  return summary;
}
