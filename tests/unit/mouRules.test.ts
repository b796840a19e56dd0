/** MoU rules: renumbering by sort keys, paragraph structure, status steps, translation flags, amendment conflicts, input checks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Amendment, Article } from '../../shared/model';
import { articleTextStamp, findAmendmentConflict, mayActOnAmendment, statusAfter } from '../../shared/mou/amendments';
import { ORDER_STEP, articleNumbers, numberFrozenArticles, planInsert, planMove, sortArticles } from '../../shared/mou/numbering';
import { countStances, positionId, positionMatrix } from '../../shared/mou/positions';
import { allowedStatusChanges, changeStatus, isValidIsoDate, statusPermissions } from '../../shared/mou/status';
import { checkNumbering, compareStructure, parseBody, renumberParagraphs, structureKeys } from '../../shared/mou/structure';
import { nextTranslationStale } from '../../shared/mou/translation';
import { validateAmendment, validateArticle, validateVersion } from '../../shared/mou/validation';
import { formatStamp } from '../../shared/sync/hlc';

/** Applies an insert plan to a list of keys, as the repository does. */
function applyInsert(orders: number[], index: number): number[] {
  const plan = planInsert(orders, index);
  const others = plan.rebalanced ?? orders;
  return [...others.slice(0, index), plan.order, ...others.slice(index)];
}

describe('numbering', () => {
  it('numbers articles by order, ties broken by id', () => {
    const numbers = articleNumbers([
      { id: 'c', order: 3000 },
      { id: 'b', order: 1000 },
      { id: 'a', order: 1000 },
    ]);
    expect([...numbers]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(numberFrozenArticles([{ articleId: 'x', heading: { en: 'X', ru: 'Х' }, body: { en: '', ru: '' } }])[0]?.number).toBe(1);
  });

  it('inserts between neighbours without touching them, at the start and at the end', () => {
    expect(planInsert([], 0)).toEqual({ order: ORDER_STEP, rebalanced: null });
    expect(planInsert([1000, 2000], 1)).toEqual({ order: 1500, rebalanced: null });
    expect(planInsert([1000, 2000], 0)).toEqual({ order: 0, rebalanced: null });
    expect(planInsert([1000, 2000], 2)).toEqual({ order: 3000, rebalanced: null });
  });

  it('renumbers on insert: the inserted article takes the number, the later ones shift by one', () => {
    const articles = ['a', 'b', 'c'].map((id, index) => ({ id, order: (index + 1) * ORDER_STEP }));
    const plan = planInsert(
      articles.map((a) => a.order),
      1,
    );
    const numbers = articleNumbers([...articles, { id: 'new', order: plan.order }]);
    expect([...numbers]).toEqual([
      ['a', 1],
      ['new', 2],
      ['b', 3],
      ['c', 4],
    ]);
  });

  it('spreads the keys out again when the gap runs out, keeping the order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { minLength: 1, maxLength: 120 }), (positions) => {
        let orders: number[] = [];
        const ids: number[] = [];
        positions.forEach((position, id) => {
          const index = Math.min(position, orders.length);
          orders = applyInsert(orders, index);
          ids.splice(index, 0, id);
        });
        // Strictly increasing keys: every article has its own place.
        for (let i = 1; i < orders.length; i += 1) expect(orders[i]).toBeGreaterThan(orders[i - 1] ?? -Infinity);
        expect(orders).toHaveLength(positions.length);
      }),
    );
    // Always inserting at the same spot halves the gap each time; it must rebalance, not collide.
    let orders = [1000, 2000];
    for (let i = 0; i < 80; i += 1) orders = applyInsert(orders, 1);
    expect(new Set(orders).size).toBe(orders.length);
    expect(orders.every((order, index) => index === 0 || order > (orders[index - 1] ?? 0))).toBe(true);
  });

  it('moves an article up or down by giving it a key between its new neighbours', () => {
    const orders = [1000, 2000, 3000, 4000];
    // Move the first to the third place: between 3000 and 4000.
    expect(planMove(orders, 0, 2)).toEqual({ order: 3500, rebalanced: null });
    // Move the last to the first place.
    expect(planMove(orders, 3, 0)).toEqual({ order: 0, rebalanced: null });
    const articles = orders.map((order, index) => ({ id: String.fromCharCode(97 + index), order }));
    const moved = articles.map((a) => (a.id === 'd' ? { ...a, order: planMove(orders, 3, 1).order } : a));
    expect(sortArticles(moved).map((a) => a.id)).toEqual(['a', 'd', 'b', 'c']);
  });
});

describe('paragraph structure', () => {
  const en = '1. The Chair shall:\n(a) convene meetings;\n(b) represent the Group.\n2. The Chair serves one year.';
  const ru = '1. Председатель:\n(a) созывает заседания;\n(b) представляет Группу.\n2. Председатель избирается на год.';

  it('reads paragraphs and sub-paragraphs', () => {
    expect(parseBody(en).map((p) => [p.kind, p.label, p.line])).toEqual([
      ['paragraph', '1', 1],
      ['subparagraph', 'a', 2],
      ['subparagraph', 'b', 3],
      ['paragraph', '2', 4],
    ]);
    expect(parseBody('Unnumbered text.\n\n1. Numbered.')).toEqual([
      { kind: 'text', label: '', marker: '', text: 'Unnumbered text.', line: 1 },
      { kind: 'paragraph', label: '1', marker: '1.', text: 'Numbered.', line: 3 },
    ]);
  });

  it('matches the English and Russian structure, Cyrillic letters included', () => {
    expect(structureKeys(en)).toEqual(['1', '1(1)', '1(2)', '2']);
    expect(compareStructure(en, ru)).toBeNull();
    expect(compareStructure(en, ru.replace('(a)', '(а)').replace('(b)', '(б)'))).toBeNull();
    expect(compareStructure(en, '1. Председатель:\n(a) созывает заседания;\n2. Срок один год.')).toEqual({ en: '1(2)', ru: '2', index: 2 });
  });

  it('finds numbering out of sequence and renumbers it', () => {
    const broken = '1. First.\n3. Second:\n(a) one;\n(c) two;\n2. Third.';
    expect(checkNumbering(broken)).toEqual([
      { line: 2, found: '3.', expected: '2.' },
      { line: 4, found: '(c)', expected: '(b)' },
      { line: 5, found: '2.', expected: '3.' },
    ]);
    const fixed = renumberParagraphs(broken);
    expect(fixed).toBe('1. First.\n2. Second:\n(a) one;\n(b) two;\n3. Third.');
    expect(checkNumbering(fixed)).toEqual([]);
    expect(renumberParagraphs('1. А:\n(а) раз;\n(в) два;')).toBe('1. А:\n(а) раз;\n(б) два;');
  });
});

describe('status rules', () => {
  it('moves one step at a time, forward or back, and never out of signed', () => {
    expect(allowedStatusChanges('drafting')).toEqual(['negotiation']);
    expect(allowedStatusChanges('negotiation')).toEqual(['agreed', 'drafting']);
    expect(allowedStatusChanges('agreed')).toEqual(['signed', 'negotiation']);
    expect(allowedStatusChanges('signed')).toEqual([]);
    const drafting = { status: 'drafting' as const, statusDates: { drafting: '2014-06-13' } };
    expect(changeStatus(drafting, 'agreed', '2014-09-11')).toEqual({ ok: false, error: 'statusSkipsStep' });
    expect(changeStatus(drafting, 'drafting', '2014-09-11')).toEqual({ ok: false, error: 'statusUnchanged' });
    expect(changeStatus({ status: 'signed', statusDates: {} }, 'agreed', '2015-01-01')).toEqual({ ok: false, error: 'statusSignedFinal' });
  });

  it('dates each step and refuses a date before the current status', () => {
    const drafting = { status: 'drafting' as const, statusDates: { drafting: '2014-06-13' } };
    expect(changeStatus(drafting, 'negotiation', '2014-09-11')).toEqual({
      ok: true,
      status: 'negotiation',
      statusDates: { drafting: '2014-06-13', negotiation: '2014-09-11' },
    });
    expect(changeStatus(drafting, 'negotiation', '2014-06-01')).toEqual({ ok: false, error: 'statusDateBeforePrevious' });
    expect(changeStatus(drafting, 'negotiation', '2014-02-30')).toEqual({ ok: false, error: 'statusDateInvalid' });
  });

  it('forgets the dates of the steps undone by a step back', () => {
    const agreed = { status: 'agreed' as const, statusDates: { drafting: '2014-06-13', negotiation: '2014-09-11', agreed: '2015-03-01' } };
    expect(changeStatus(agreed, 'negotiation', '2015-04-01')).toEqual({
      ok: true,
      status: 'negotiation',
      statusDates: { drafting: '2014-06-13', negotiation: '2014-09-11' },
    });
  });

  it('makes signed text read-only and closes proposals on agreed text', () => {
    expect(statusPermissions('drafting')).toEqual({ editText: true, propose: true, decide: true });
    expect(statusPermissions('agreed')).toEqual({ editText: true, propose: false, decide: true });
    expect(statusPermissions('signed')).toEqual({ editText: false, propose: false, decide: false });
    expect(isValidIsoDate('2016-02-29')).toBe(true);
    expect(isValidIsoDate('2015-02-29')).toBe(false);
  });
});

describe('translation may be out of date', () => {
  const base = {
    heading: { en: 'Meetings', ru: 'Заседания' },
    body: { en: '1. Twice a year.', ru: '1. Два раза в год.' },
    translationStale: null,
  };

  it('flags the language that did not change', () => {
    expect(nextTranslationStale(base, { ...base, body: { ...base.body, en: '1. Once a year.' } })).toBe('ru');
    expect(nextTranslationStale(base, { ...base, heading: { ...base.heading, ru: 'Сессии' } })).toBe('en');
    expect(nextTranslationStale(base, { heading: base.heading, body: { en: '1. Once.', ru: '1. Раз.' } })).toBeNull();
    expect(nextTranslationStale(base, base)).toBeNull();
  });

  it('clears the flag when the flagged language is updated, keeps it while the other changes again', () => {
    const stale = { ...base, body: { ...base.body, en: '1. Once a year.' }, translationStale: 'ru' as const };
    expect(nextTranslationStale(stale, { ...stale, body: { ...stale.body, ru: '1. Раз в год.' } })).toBeNull();
    expect(nextTranslationStale(stale, { ...stale, body: { ...stale.body, en: '1. Once each year.' } })).toBe('ru');
    expect(nextTranslationStale(stale, stale)).toBe('ru');
  });
});

const stamp = (millis: number, node = 'node-a') => formatStamp({ millis, counter: 0, node });

function articleRecord(patch: Partial<Article> = {}): Article {
  return {
    id: 'article-1',
    documentId: 'doc',
    order: 1000,
    heading: { en: 'Meetings', ru: 'Заседания' },
    body: { en: 'Twice.', ru: 'Дважды.' },
    translationStale: null,
    changedByAmendmentId: null,
    hlc: stamp(100),
    origin: 'node-a',
    deleted: false,
    ...patch,
  };
}

function amendmentRecord(patch: Partial<Amendment> = {}): Amendment {
  return {
    id: 'amendment-1',
    documentId: 'doc',
    articleId: 'article-1',
    kind: 'replace',
    proposedByCountryId: 'KZ',
    proposedByDelegateId: null,
    proposedOn: '2014-09-11',
    heading: { en: 'Meetings', ru: 'Заседания' },
    body: { en: 'Once.', ru: 'Однажды.' },
    rationale: { en: 'Cost.', ru: '' },
    baseArticleHlc: stamp(100),
    status: 'proposed',
    decisionReason: '',
    decidedOn: null,
    hlc: stamp(150, 'node-b'),
    origin: 'node-b',
    deleted: false,
    ...patch,
  };
}

describe('amendment conflicts', () => {
  it('sees no conflict while the text is the one the proposal was made against', () => {
    expect(findAmendmentConflict(amendmentRecord(), articleRecord())).toBeNull();
    // Moving the article or confirming its translation later is not a text change.
    const moved = articleRecord({ hlc: stamp(300), fieldStamps: { heading: stamp(100), body: stamp(100), order: stamp(300) } });
    expect(articleTextStamp(moved)).toBe(stamp(100));
    expect(findAmendmentConflict(amendmentRecord(), moved)).toBeNull();
  });

  it('sees a changed text, a deleted article and a missing one', () => {
    const edited = articleRecord({ hlc: stamp(200), fieldStamps: { heading: stamp(100), body: stamp(200) } });
    expect(findAmendmentConflict(amendmentRecord(), edited)).toEqual({ kind: 'textChanged' });
    expect(findAmendmentConflict(amendmentRecord(), articleRecord({ deleted: true }))).toEqual({ kind: 'articleDeleted' });
    expect(findAmendmentConflict(amendmentRecord(), undefined)).toEqual({ kind: 'articleMissing' });
    // An insertion only needs its anchor to exist; an insertion at the start needs nothing.
    expect(findAmendmentConflict(amendmentRecord({ kind: 'insert-after', baseArticleHlc: null }), edited)).toBeNull();
    expect(findAmendmentConflict(amendmentRecord({ kind: 'insert-after', articleId: null }), undefined)).toBeNull();
    expect(findAmendmentConflict(amendmentRecord({ kind: 'insert-after' }), articleRecord({ deleted: true }))).toEqual({
      kind: 'articleDeleted',
    });
  });

  it('lets the secretariat decide and only the proposing delegation withdraw, while open', () => {
    const secretariat = { role: 'secretariat' as const, countryId: null };
    const kazakhstan = { role: 'delegation' as const, countryId: 'KZ' };
    const kyrgyzstan = { role: 'delegation' as const, countryId: 'KG' };
    const open = amendmentRecord();
    expect(mayActOnAmendment('accept', open, secretariat)).toBe(true);
    expect(mayActOnAmendment('accept', open, kazakhstan)).toBe(false);
    expect(mayActOnAmendment('withdraw', open, kazakhstan)).toBe(true);
    expect(mayActOnAmendment('withdraw', open, kyrgyzstan)).toBe(false);
    expect(mayActOnAmendment('withdraw', open, secretariat)).toBe(false);
    expect(mayActOnAmendment('reject', amendmentRecord({ status: 'accepted' }), secretariat)).toBe(false);
    expect(statusAfter('supersede')).toBe('superseded');
  });
});

describe('input checks', () => {
  it('refuses empty headings and bodies in either language', () => {
    expect(validateArticle({ heading: { en: '  ', ru: 'Заседания' }, body: { en: 'x', ru: '' } })).toEqual([
      { path: 'heading.en', code: 'headingRequired' },
      { path: 'body.ru', code: 'bodyRequired' },
    ]);
  });

  it('refuses a version label used twice, whatever its case and spacing', () => {
    expect(validateVersion({ label: 'First  draft ', date: '2014-09-11' }, ['First draft'])).toEqual([
      { path: 'label', code: 'labelTaken' },
    ]);
    expect(validateVersion({ label: '', date: 'soon' }, [])).toEqual([
      { path: 'label', code: 'labelRequired' },
      { path: 'date', code: 'dateInvalid' },
    ]);
    expect(validateVersion({ label: 'Second draft', date: '2015-01-01' }, ['First draft'])).toEqual([]);
  });

  it('refuses a replacement that changes nothing, or comes without a rationale', () => {
    const current = { heading: { en: 'H', ru: 'З' }, body: { en: 'B', ru: 'Т' } };
    expect(validateAmendment({ kind: 'replace', articleId: 'a', ...current, rationale: { en: 'Why', ru: '' } }, current)).toEqual([
      { path: 'body.en', code: 'amendmentUnchanged' },
    ]);
    expect(
      validateAmendment({ kind: 'delete', articleId: 'a', heading: { en: '', ru: '' }, body: { en: '', ru: '' }, rationale: { en: '', ru: ' ' } }, current),
    ).toEqual([{ path: 'rationale.en', code: 'rationaleRequired' }]);
  });
});

describe('positions', () => {
  it('gives one id per cell, on every machine', () => {
    expect(positionId('v1', 'KZ', null)).toBe(positionId('v1', 'KZ', null));
    expect(positionId('v1', 'KZ', null)).not.toBe(positionId('v1', 'KZ', 'article'));
    expect(positionId('v1', 'KZ', 'article')).not.toBe(positionId('v1', 'KG', 'article'));
  });

  it('counts parties without a position as pending', () => {
    const cells = positionMatrix([
      { id: '1', versionId: 'v', countryId: 'KZ', articleId: null, stance: 'supports', reservation: '', hlc: stamp(1), origin: 'o', deleted: false },
      { id: '2', versionId: 'v', countryId: 'KG', articleId: null, stance: 'opposes', reservation: '', hlc: stamp(1), origin: 'o', deleted: true },
    ]);
    expect(countStances(cells, ['KZ', 'KG', 'TJ'], null)).toEqual({ supports: 1, reservation: 0, opposes: 0, pending: 2 });
  });
});
