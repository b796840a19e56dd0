/** Version comparison: word boundaries in English and Russian, punctuation, lines, and moved articles. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FrozenArticle } from '../../shared/model';
import {
  compareVersions,
  diffText,
  hasChanges,
  segmentsText,
  splitSegmentsIntoLines,
  summarizeComparison,
  type DiffSegment,
} from '../../shared/mou/compare';

const marked = (segments: DiffSegment[], kind: 'insert' | 'delete') =>
  segments.filter((segment) => segment.kind === kind).map((segment) => segment.text);

describe('diffText', () => {
  it('marks exactly the changed English word, not the spaces around it', () => {
    const segments = diffText(
      'The Working Group meets at least twice a year, in the territory of each member in turn.',
      'The Working Group meets at least once a year, in the territory of each member in turn.',
    );
    expect(marked(segments, 'delete')).toEqual(['twice']);
    expect(marked(segments, 'insert')).toEqual(['once']);
    expect(segments[0]).toEqual({ kind: 'equal', text: 'The Working Group meets at least ' });
  });

  it('keeps Cyrillic words whole (a changed ending marks the word, not single letters)', () => {
    const segments = diffText(
      'Рабочая группа проводит заседания не реже двух раз в год.',
      'Рабочая группа проводит заседания не реже одного раза в год.',
    );
    expect(marked(segments, 'delete')).toEqual(['двух раз']);
    expect(marked(segments, 'insert')).toEqual(['одного раза']);
    // A one-letter change of ending still replaces the whole word.
    const ending = diffText('«Стороны» обязуются', '«Сторона» обязуется');
    expect(marked(ending, 'delete')).toEqual(['Стороны', 'обязуются']);
    expect(marked(ending, 'insert')).toEqual(['Сторона', 'обязуется']);
    expect(ending[0]).toEqual({ kind: 'equal', text: '«' });
  });

  it('treats punctuation marks as tokens of their own', () => {
    const segments = diffText('members present.', 'members present;');
    expect(segments).toEqual([
      { kind: 'equal', text: 'members present' },
      { kind: 'delete', text: '.' },
      { kind: 'insert', text: ';' },
    ]);
    const dash = diffText('Стороны — таможенные службы', 'Стороны – таможенные службы');
    expect(marked(dash, 'delete')).toEqual(['—']);
    expect(marked(dash, 'insert')).toEqual(['–']);
    // Sub-paragraph letters change alone, parentheses stay.
    const letter = diffText('(a) attend meetings', '(b) attend meetings');
    expect(letter).toEqual([
      { kind: 'equal', text: '(' },
      { kind: 'delete', text: 'a' },
      { kind: 'insert', text: 'b' },
      { kind: 'equal', text: ') attend meetings' },
    ]);
  });

  it('keeps hyphenated and apostrophised words whole', () => {
    expect(marked(diffText('по-прежнему возможны', 'по-новому возможны'), 'delete')).toEqual(['по-прежнему']);
    const possessive = diffText('the member’s consent', 'the members’ consent');
    expect(marked(possessive, 'delete')).toEqual(['member’s']);
    expect(marked(possessive, 'insert')).toEqual(['members’']);
    expect(marked(diffText('co-operation among', 'cooperation among'), 'delete')).toEqual(['co-operation']);
  });

  it('shows an added paragraph line and keeps the other lines equal', () => {
    const older = '1. First.\n2. Second.';
    const newer = '1. First.\n2. Second.\n3. Third.';
    const segments = diffText(older, newer);
    expect(marked(segments, 'insert')).toEqual(['\n3. Third.']);
    expect(marked(segments, 'delete')).toEqual([]);
  });

  it('shows a pure insertion and a pure deletion', () => {
    expect(diffText('at least three quarters', 'at least three quarters of all')).toEqual([
      { kind: 'equal', text: 'at least three quarters' },
      { kind: 'insert', text: ' of all' },
    ]);
    expect(marked(diffText('written notice to the Secretariat', 'notice to the Secretariat'), 'delete')).toEqual(['written ']);
  });

  it('returns one equal segment for equal texts and nothing for two empty ones', () => {
    expect(diffText('Same text.', 'Same text.')).toEqual([{ kind: 'equal', text: 'Same text.' }]);
    expect(diffText('', '')).toEqual([]);
    expect(diffText('', 'New')).toEqual([{ kind: 'insert', text: 'New' }]);
    expect(hasChanges(diffText('a', 'a'))).toBe(false);
  });

  it('reports a change of spacing without marking the words', () => {
    const segments = diffText('two  spaces', 'two spaces');
    expect(segmentsText(segments, 'older')).toBe('two  spaces');
    expect(segmentsText(segments, 'newer')).toBe('two spaces');
    expect(segments.filter((s) => s.kind !== 'equal').every((s) => s.text.trim() === '')).toBe(true);
  });

  it('rebuilds both texts exactly from the segments (property)', () => {
    const word = fc.constantFrom(
      'the', 'members', 'Working', 'Group', 'Рабочая', 'группа', 'членов', 'по-прежнему', '1.', '(a)', '«Стороны»', '—', ',', ';', '2014',
    );
    const separator = fc.constantFrom(' ', ' ', '\n', '  ', '\u00a0', '');
    const text = fc.array(fc.tuple(word, separator), { maxLength: 25 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(text, text, (older, newer) => {
        const segments = diffText(older, newer);
        expect(segmentsText(segments, 'older')).toBe(older);
        expect(segmentsText(segments, 'newer')).toBe(newer);
        // Adjacent segments never share a kind, and none is empty.
        segments.forEach((segment, index) => {
          expect(segment.text).not.toBe('');
          expect(segments[index + 1]?.kind).not.toBe(segment.kind);
        });
        expect(hasChanges(segments)).toBe(older !== newer);
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSegmentsIntoLines', () => {
  it('cuts segments at line breaks, one list per paragraph', () => {
    const lines = splitSegmentsIntoLines(diffText('1. Alpha beta.\n2. Gamma.', '1. Alpha delta.\n2. Gamma.'));
    expect(lines).toEqual([
      [
        { kind: 'equal', text: '1. Alpha ' },
        { kind: 'delete', text: 'beta' },
        { kind: 'insert', text: 'delta' },
        { kind: 'equal', text: '.' },
      ],
      [{ kind: 'equal', text: '2. Gamma.' }],
    ]);
  });
});

const article = (id: string, en: string, ru = `${en} (рус.)`, heading = id): FrozenArticle => ({
  articleId: id,
  heading: { en: heading, ru: `${heading} рус` },
  body: { en, ru },
});

describe('compareVersions', () => {
  const v1 = [article('a', 'Alpha.'), article('b', 'Beta.'), article('c', 'Gamma.'), article('d', 'Delta.'), article('e', 'Epsilon.')];

  it('finds unchanged, changed, added and removed articles with their numbers', () => {
    const v2 = [article('a', 'Alpha.'), article('b', 'Beta two.'), article('x', 'New.'), article('d', 'Delta.'), article('e', 'Epsilon.')];
    const results = compareVersions(v1, v2, 'en');
    expect(results.map((r) => [r.articleId, r.status, r.oldNumber, r.newNumber])).toEqual([
      ['a', 'unchanged', 1, 1],
      ['b', 'changed', 2, 2],
      // A removed article comes where it stood, before what was added in its place.
      ['c', 'removed', 3, null],
      ['x', 'added', null, 3],
      ['d', 'unchanged', 4, 4],
      ['e', 'unchanged', 5, 5],
    ]);
    const b = results[1];
    expect(marked(b?.body ?? [], 'insert')).toEqual([' two']);
    expect(results[3]?.body).toEqual([{ kind: 'insert', text: 'New.' }]);
    expect(results[2]?.heading).toEqual([{ kind: 'delete', text: 'c' }]);
    expect(summarizeComparison(results)).toEqual({
      added: 1,
      removed: 1,
      moved: 0,
      changed: 1,
      unchanged: 3,
      insertedWords: 3, // "two", heading "x", "New"
      deletedWords: 2, // heading "c", "Gamma"
    });
  });

  it('marks only the article that moved, not the ones it jumped over', () => {
    const v2 = [v1[0], v1[2], v1[3], v1[1], v1[4]].filter((a): a is FrozenArticle => a !== undefined);
    const results = compareVersions(v1, v2, 'en');
    expect(results.filter((r) => r.moved).map((r) => r.articleId)).toEqual(['b']);
    const moved = results.find((r) => r.articleId === 'b');
    expect(moved).toMatchObject({ status: 'moved', oldNumber: 2, newNumber: 4, textChanged: false });
    // Articles that kept their relative place are unchanged, although their numbers shifted.
    expect(results.find((r) => r.articleId === 'c')).toMatchObject({ status: 'unchanged', oldNumber: 3, newNumber: 2 });
  });

  it('reports a moved article whose text also changed, with its word diff', () => {
    const changedB = article('b', 'Beta, amended.');
    const [a, , c, d, e] = v1;
    const v2 = [a, c, d, changedB, e].filter((x): x is FrozenArticle => x !== undefined);
    const results = compareVersions(v1, v2, 'en');
    const b = results.find((r) => r.articleId === 'b');
    expect(b).toMatchObject({ status: 'moved', moved: true, textChanged: true });
    expect(marked(b?.body ?? [], 'insert')).toEqual([', amended']);
  });

  it('compares in the chosen language and notes a change in the other one', () => {
    const v2 = [article('a', 'Alpha.', 'Альфа исправлена.'), ...v1.slice(1)];
    const english = compareVersions(v1, v2, 'en')[0];
    expect(english).toMatchObject({ status: 'unchanged', textChanged: false, otherLanguageChanged: true });
    const russian = compareVersions(v1, v2, 'ru')[0];
    expect(russian).toMatchObject({ status: 'changed', textChanged: true, otherLanguageChanged: false });
    expect(marked(russian?.body ?? [], 'insert')).toEqual(['Альфа исправлена']);
  });

  it('places articles removed at the start first, and handles empty versions', () => {
    const results = compareVersions(v1, v1.slice(2), 'en');
    expect(results.map((r) => `${r.articleId}:${r.status}`)).toEqual([
      'a:removed',
      'b:removed',
      'c:unchanged',
      'd:unchanged',
      'e:unchanged',
    ]);
    expect(compareVersions([], [], 'ru')).toEqual([]);
    expect(compareVersions([], v1, 'en').every((r) => r.status === 'added')).toBe(true);
  });

  it('accounts for every article of both versions exactly once (property)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const version = fc
      .shuffledSubarray(ids)
      .chain((chosen) => fc.tuple(fc.constant(chosen), fc.array(fc.constantFrom('x', 'y'), { minLength: chosen.length, maxLength: chosen.length })))
      .map(([chosen, texts]) => chosen.map((id, index) => article(id, `${id} ${texts[index] ?? ''}`)));
    fc.assert(
      fc.property(version, version, (older, newer) => {
        const results = compareVersions(older, newer, 'en');
        const inResults = results.map((r) => r.articleId).sort();
        const expected = [...new Set([...older, ...newer].map((a) => a.articleId))].sort();
        expect(inResults).toEqual(expected);
        // The newer version's articles keep their order in the result.
        const newOrder = results.filter((r) => r.newNumber !== null).map((r) => r.newNumber);
        expect(newOrder).toEqual(newer.map((_, index) => index + 1));
        for (const result of results) {
          if (result.older && result.newer) {
            expect(segmentsText(result.body, 'older')).toBe(result.older.body.en);
            expect(segmentsText(result.body, 'newer')).toBe(result.newer.body.en);
          }
        }
        // Comparing a version with itself finds nothing.
        expect(compareVersions(newer, newer, 'en').every((r) => r.status === 'unchanged')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('compares two 60-article versions quickly', () => {
    const long = (seed: string) =>
      Array.from({ length: 60 }, (_, index) =>
        article(
          `art-${String(index)}`,
          Array.from({ length: 12 }, (_, p) => `${String(p + 1)}. Paragraph ${seed} of article ${String(index)} with some words in it, and более русского текста.`).join('\n'),
        ),
      );
    const start = performance.now();
    const results = compareVersions(long('one'), long('two'), 'en');
    const elapsed = performance.now() - start;
    expect(results).toHaveLength(60);
    expect(results.every((r) => r.status === 'changed')).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});
