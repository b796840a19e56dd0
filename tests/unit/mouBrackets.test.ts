/** Square brackets (issue 15): parsing, alignment of the two languages, counting, resolution, presence on the day agreed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bracket, BracketAlternative, Country, Participation } from '../../shared/model';
import {
  alignMarkers,
  bracketNotation,
  bracketsNotKept,
  bracketsOfArticle,
  countOpenBrackets,
  extractNotation,
  markersForOpenBrackets,
  markersOf,
  notationForEditing,
  openBracketsByArticle,
  openBracketsByParty,
  parseBody,
  presentOn,
  renderBracketedBody,
  renderParts,
  resolveMarker,
  validateBracketDecision,
  type BracketWithAlternatives,
} from '../../shared/mou/brackets';
import { isValidIsoDate } from '../../shared/mou/status';
import { buildReport } from '../../shared/reports/build';
import { buildSampleData } from '../../shared/sample/sampleData';
import { renderReport } from '../../electron/main/services/reportService';
import { bracketedMouSource, SAMPLE, sampleSource } from '../fixtures/reports';

const meta = { hlc: 'h', origin: 'o', deleted: false };

function bracket(id: string, articleId: string, key: number, status: Bracket['status'] = 'open', agreedAlternativeId: string | null = null): Bracket {
  return {
    id,
    documentId: 'd',
    articleId,
    key,
    optional: false,
    status,
    openedOn: '2015-04-20',
    agreedAlternativeId,
    decidedOn: null,
    decidedAtMeetingId: null,
    decidedAtSessionId: null,
    ...meta,
  };
}

function alternative(id: string, bracketId: string, en: string, ru: string, by: string[], proposedOn = '2015-04-20'): BracketAlternative {
  return { id, documentId: 'd', bracketId, text: { en, ru }, proposedByCountryIds: by, proposedOn, ...meta };
}

describe('parsing', () => {
  it('reads markers, alternatives and optional text, and leaves other square brackets as text', () => {
    expect(parseBody('The Parties [shall / should] meet [[2]] [and other relevant authorities].')).toEqual([
      { kind: 'text', text: 'The Parties ' },
      { kind: 'notation', alternatives: ['shall', 'should'] },
      { kind: 'text', text: ' meet ' },
      { kind: 'marker', key: 2 },
      { kind: 'text', text: ' ' },
      { kind: 'notation', alternatives: ['and other relevant authorities'] },
      { kind: 'text', text: '.' },
    ]);
    // A slash inside a word is not a choice; an unclosed or empty bracket is text.
    expect(parseBody('[and/or]')).toEqual([{ kind: 'notation', alternatives: ['and/or'] }]);
    expect(parseBody('a [ ] b [c')).toEqual([{ kind: 'text', text: 'a [ ] b [c' }]);
    expect(parseBody('[a / ] x')).toEqual([{ kind: 'text', text: '[a / ] x' }]);
    expect(parseBody('[a\nb]')).toEqual([{ kind: 'text', text: '[a\nb]' }]);
    expect(markersOf('x [[1]] y [[12]] [[0]]')).toEqual([1, 12]);
  });

  it('round-trips: rendering parts and reading them back gives the same parts', () => {
    const word = fc.constantFrom('shall', 'should', 'may', 'обязуются', 'могут', 'the Parties', 'Стороны', 'and/or', '“a”');
    const part = fc.oneof(
      fc.constantFrom(' text ', '. ', '\n2. ', ', ', ' и '),
      fc.integer({ min: 1, max: 9999 }).map((key) => ({ kind: 'marker' as const, key })),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((alternatives) => ({ kind: 'notation' as const, alternatives })),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 12 }), (raw) => {
        const body = renderParts(raw.map((p) => (typeof p === 'string' ? { kind: 'text' as const, text: p } : p)));
        expect(renderParts(parseBody(body))).toBe(body);
      }),
    );
  });
});

describe('alignment between the languages', () => {
  it('ties the nth bracket of the English text to the nth of the Russian one', () => {
    const result = extractNotation({ en: 'The Parties [shall / should] meet [twice / once] a year [[1]].', ru: 'Стороны [обязуются / должны] проводить [два / одно] [[1]].' }, [1]);
    expect(result).toEqual({
      ok: true,
      body: { en: 'The Parties [[2]] meet [[3]] a year [[1]].', ru: 'Стороны [[2]] проводить [[3]] [[1]].' },
      created: [
        { key: 2, optional: false, alternatives: [{ en: 'shall', ru: 'обязуются' }, { en: 'should', ru: 'должны' }] },
        { key: 3, optional: false, alternatives: [{ en: 'twice', ru: 'два' }, { en: 'once', ru: 'одно' }] },
      ],
    });
    expect(extractNotation({ en: 'x [and others]', ru: 'x [и другие]' }, [4, 7])).toMatchObject({ ok: true, created: [{ key: 8, optional: true }] });
  });

  it('refuses brackets that do not pair up', () => {
    expect(extractNotation({ en: '[a / b] [c]', ru: '[а / б]' }, [])).toEqual({ ok: false, error: 'bracketsNotAligned' });
    expect(extractNotation({ en: '[a / b]', ru: '[а / б / в]' }, [])).toEqual({ ok: false, error: 'bracketAlternativesDiffer' });
  });

  it('reports markers missing, repeated or out of order in one language', () => {
    expect(alignMarkers({ en: '[[1]] [[2]] [[3]]', ru: '[[1]] [[3]] [[2]] [[2]] [[4]]' })).toEqual({
      both: [1, 2, 3],
      onlyIn: { en: [], ru: [4] },
      repeated: [2],
      orderDiffers: true,
    });
    expect(alignMarkers({ en: '[[1]] x', ru: 'y [[1]]' }).orderDiffers).toBe(false);
  });
});

describe('rendering, counting and resolution', () => {
  const open = bracket('b1', 'art', 1);
  const alts = [alternative('a1', 'b1', 'shall', 'обязуются', ['KZ']), alternative('a2', 'b1', 'should', 'должны', ['KG', 'TJ'], '2015-05-01')];
  const entry: BracketWithAlternatives = { bracket: open, alternatives: alts };

  it('prints an open bracket as its alternatives in square brackets with a note, a closed one as its outcome', () => {
    const byKey = new Map([[1, entry]]);
    expect(renderBracketedBody('The Parties [[1]] meet.', 'en', byKey, (key) => `^${String(key)}`)).toBe('The Parties [shall / should]^1 meet.');
    expect(renderBracketedBody('Стороны [[1]] встречаться.', 'ru', byKey)).toBe('Стороны [обязуются / должны] встречаться.');
    const agreed = { bracket: { ...open, status: 'agreed' as const, agreedAlternativeId: 'a2' }, alternatives: alts };
    expect(renderBracketedBody('The Parties [[1]] meet.', 'en', new Map([[1, agreed]]))).toBe('The Parties should meet.');
    const dropped = { bracket: { ...open, status: 'dropped' as const }, alternatives: alts };
    expect(renderBracketedBody('The Parties [[1]] meet.', 'en', new Map([[1, dropped]]))).toBe('The Parties meet.');
    expect(renderBracketedBody('x [[9]]', 'en', byKey)).toBe('x […]');
    expect(bracketNotation(['a'])).toBe('[a]');
  });

  it('resolves one marker in both languages, tidying spaces where text was dropped', () => {
    const body = { en: 'The Parties [[1]] meet [[2]].', ru: 'Стороны [[1]] встречаться [[2]].' };
    expect(resolveMarker(body, 1, { en: 'shall', ru: 'обязуются' })).toEqual({ en: 'The Parties shall meet [[2]].', ru: 'Стороны обязуются встречаться [[2]].' });
    expect(resolveMarker(body, 2, null)).toEqual({ en: 'The Parties [[1]] meet.', ru: 'Стороны [[1]] встречаться.' });
  });

  it('resolving every bracket leaves clean text: no marker and no square bracket from a bracket', () => {
    const word = fc.constantFrom('shall', 'should', 'обязуются', 'может', 'other relevant authorities');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('1. The Parties ', ' meet, ', ' и ', '\n(a) '), fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean()), { maxLength: 8 }), (pieces) => {
        const en = pieces.map(([text, alternatives]) => `${text}${bracketNotation(alternatives)}`).join('');
        const made = extractNotation({ en, ru: en }, []);
        if (!made.ok) throw new Error('not aligned');
        let body = made.body;
        made.created.forEach((created, index) => {
          const keep = pieces[index]?.[2] ?? true;
          body = resolveMarker(body, created.key, keep ? (created.alternatives[0] ?? null) : null);
        });
        for (const text of [body.en, body.ru]) {
          expect(markersOf(text)).toEqual([]);
          expect(text).not.toContain('[');
          expect(parseBody(text).every((part) => part.kind === 'text')).toBe(true);
        }
      }),
    );
  });

  it('counts open brackets per article, for the document and per party', () => {
    const brackets = [
      open,
      bracket('b2', 'art', 2),
      bracket('b3', 'other', 1, 'agreed', 'x'),
      { ...bracket('b4', 'other', 2), deleted: true },
      bracket('b5', 'gone', 1),
    ];
    expect([...openBracketsByArticle(brackets)]).toEqual([
      ['art', 2],
      ['gone', 1],
    ]);
    // Only live articles count: a bracket of a deleted article is not open text.
    expect(countOpenBrackets(brackets, ['art', 'other'])).toBe(2);
    expect(countOpenBrackets([bracket('b3', 'other', 1, 'agreed', 'x')], ['other'])).toBe(0);
    const byParty = openBracketsByParty(brackets, [...alts, alternative('a3', 'b2', 'x', 'х', ['KZ']), alternative('a4', 'b3', 'y', 'у', ['TM'])], ['KZ', 'KG', 'TJ', 'TM'], ['art', 'other']);
    expect([...byParty]).toEqual([
      ['KZ', 2],
      ['KG', 1],
      ['TJ', 1],
      ['TM', 0],
    ]);
    expect(bracketsOfArticle('art', brackets, [alts[1], alts[0]] as BracketAlternative[]).map((e) => [e.bracket.key, e.alternatives.map((a) => a.id)])).toEqual([
      [1, ['a1', 'a2']],
      [2, []],
    ]);
  });

  it('refuses a decision dated before the proposal, without an alternative or a meeting, or on a closed bracket', () => {
    const valid = { outcome: 'agreed' as const, alternativeId: 'a2', date: '2015-05-01', meetingId: 'm' };
    expect(validateBracketDecision(entry, valid, isValidIsoDate)).toEqual([]);
    expect(validateBracketDecision(entry, { ...valid, date: '2015-04-30' }, isValidIsoDate)).toEqual([{ path: 'date', code: 'decisionBeforeProposal' }]);
    expect(validateBracketDecision(entry, { ...valid, outcome: 'dropped', alternativeId: null, date: '2015-04-20' }, isValidIsoDate)).toEqual([]);
    expect(validateBracketDecision(entry, { ...valid, date: '2015-02-30' }, isValidIsoDate)).toEqual([{ path: 'date', code: 'dateInvalid' }]);
    expect(validateBracketDecision(entry, { ...valid, alternativeId: null, meetingId: null }, isValidIsoDate).map((i) => i.code)).toEqual(['alternativeRequired', 'meetingRequired']);
    expect(validateBracketDecision({ ...entry, bracket: { ...open, status: 'agreed' } }, valid, isValidIsoDate).map((i) => i.code)).toEqual(['bracketClosed']);
  });
});

describe('proposals on an article with open brackets', () => {
  const shall = { bracket: bracket('b1', 'art', 1), alternatives: [alternative('a1', 'b1', 'shall', 'обязуются', ['KZ']), alternative('a2', 'b1', 'should', 'должны', ['KG'])] };
  const others = { bracket: bracket('b2', 'art', 2), alternatives: [alternative('a3', 'b2', 'and other relevant authorities', 'и другие компетентные органы', [])] };
  const body = { en: 'The Parties [[1]] meet [[2]].', ru: 'Стороны [[1]] встречаться [[2]].' };
  const byKey = new Map([
    [1, shall],
    [2, others],
  ]);

  it('are typed with the brackets as printed, and stored with their markers again', () => {
    const typed = notationForEditing(body, byKey);
    expect(typed).toEqual({ en: 'The Parties [shall / should] meet [and other relevant authorities].', ru: 'Стороны [обязуются / должны] встречаться [и другие компетентные органы].' });
    expect(markersForOpenBrackets(typed, [shall, others])).toEqual(body);
    // Other words changed around the brackets: the brackets are still kept.
    const edited = { en: typed.en.replace('meet', 'hold meetings'), ru: typed.ru.replace('встречаться', 'проводить встречи') };
    const stored = markersForOpenBrackets(edited, [shall, others]);
    expect(stored).toEqual({ en: 'The Parties [[1]] hold meetings [[2]].', ru: 'Стороны [[1]] проводить встречи [[2]].' });
    expect(bracketsNotKept(stored, [1, 2])).toEqual([]);
    // A closed bracket's marker, or one not received, is left as it is.
    const agreed = new Map([[1, { ...shall, bracket: { ...shall.bracket, status: 'agreed' as const, agreedAlternativeId: 'a1' } }]]);
    expect(notationForEditing(body, agreed)).toEqual(body);
  });

  it('name a bracket rewritten, left out or repeated, in either language, and leave new brackets in notation', () => {
    const typed = notationForEditing(body, byKey);
    // "should" alone: the bracket is settled by the meeting, not by a proposal.
    const rewritten = markersForOpenBrackets({ en: typed.en.replace('[shall / should]', 'should'), ru: typed.ru }, [shall, others]);
    expect(bracketsNotKept(rewritten, [1, 2])).toEqual([1]);
    const changed = markersForOpenBrackets({ en: typed.en.replace('[shall / should]', '[shall / may]'), ru: typed.ru }, [shall, others]);
    expect(changed.en).toContain('[shall / may]');
    expect(bracketsNotKept(changed, [1, 2])).toEqual([1]);
    const repeated = markersForOpenBrackets({ en: `${typed.en} [shall / should]`, ru: `${typed.ru} [обязуются / должны]` }, [shall, others]);
    // The second copy is not the bracket: new notation, which the article editor would make a new bracket of.
    expect(bracketsNotKept(repeated, [1, 2])).toEqual([]);
    expect(repeated.en.endsWith('[[2]]. [shall / should]')).toBe(true);
    expect(bracketsNotKept({ en: 'The Parties [[1]] [[1]] meet [[2]].', ru: body.ru }, [1, 2])).toEqual([1]);
    const added = markersForOpenBrackets({ en: `${typed.en} [In writing.]`, ru: `${typed.ru} [В письменной форме.]` }, [shall, others]);
    expect(added).toEqual({ en: `${body.en} [In writing.]`, ru: `${body.ru} [В письменной форме.]` });
  });

  it('round-trip: any body of open brackets typed as shown is stored as it was', () => {
    const word = fc.constantFrom('shall', 'should', 'обязуются', 'может', 'other relevant authorities', 'thirty', 'sixty');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('1. The Parties ', ' meet, ', ' и ', '\n(a) '), fc.uniqueArray(word, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 }), (pieces) => {
        const en = pieces.map(([text, alternatives]) => `${text}${bracketNotation(alternatives)}`).join('');
        const made = extractNotation({ en, ru: en }, []);
        if (!made.ok) throw new Error('not aligned');
        const entries = made.created.map((created) => ({
          bracket: bracket(`b${String(created.key)}`, 'art', created.key),
          alternatives: created.alternatives.map((text, index) => alternative(`a${String(created.key)}-${String(index)}`, `b${String(created.key)}`, text.en, text.ru, [])),
        }));
        const typed = notationForEditing(made.body, new Map(entries.map((entry) => [entry.bracket.key, entry])));
        expect(typed).toEqual({ en, ru: en });
        const stored = markersForOpenBrackets(typed, entries);
        expect(bracketsNotKept(stored, entries.map((entry) => entry.bracket.key))).toEqual([]);
        expect(stored).toEqual(made.body);
      }),
    );
  });
});

describe('present on the day', () => {
  it('names the countries of those who attended that day, observers apart', () => {
    const country = (id: string, en: string, membership: Country['membership'] = 'member'): Country => ({ id, name: { en, ru: en }, membership, ...meta });
    const countries = new Map(
      [country('KZ', 'Kazakhstan'), country('KG', 'Kyrgyzstan'), country('AF', 'Afghanistan', 'observer'), country('TM', 'Turkmenistan'), country('US', 'United States', 'non-member')].map((c) => [c.id, c]),
    );
    const participation = (id: string, delegateId: string, days: string[], meetingId = 'm'): Participation => ({
      id,
      meetingId,
      delegateId,
      capacity: 'member',
      status: 'attended',
      attendedDays: days,
      ...meta,
    });
    const delegates = new Map<string, string | null>([
      ['kz1', 'KZ'],
      ['kz2', 'KZ'],
      ['kg', 'KG'],
      ['af', 'AF'],
      ['tm', 'TM'],
      ['sec', null],
      ['cldp', 'US'],
    ]);
    const presence = presentOn(
      '2014-09-11',
      'm',
      [
        participation('1', 'kz1', ['2014-09-11']),
        participation('2', 'kz2', ['2014-09-11']),
        participation('3', 'kg', ['2014-09-10', '2014-09-11']),
        participation('4', 'af', ['2014-09-11']),
        participation('5', 'tm', ['2014-09-10']),
        participation('6', 'sec', ['2014-09-11']),
        participation('8', 'cldp', ['2014-09-11']),
        participation('7', 'tm', ['2014-09-11'], 'other-meeting'),
      ],
      delegates,
      countries,
      'en',
    );
    expect(presence.members.map((c) => c.id)).toEqual(['KZ', 'KG']);
    expect(presence.observers.map((c) => c.id)).toEqual(['AF']);
  });
});

describe('sample data', () => {
  it('holds three open brackets, each marked once in both languages, and one agreed at the Bishkek meeting', () => {
    let n = 0;
    const data = buildSampleData({ origin: 'o', stamp: () => `s${String((n += 1)).padStart(6, '0')}` });
    const open = data.brackets.filter((b) => b.status === 'open');
    expect(open).toHaveLength(3);
    for (const b of open) {
      const article = data.articles.find((a) => a.id === b.articleId);
      expect(article, b.id).toBeDefined();
      if (!article) continue;
      expect(alignMarkers(article.body)).toMatchObject({ both: [b.key], onlyIn: { en: [], ru: [] }, repeated: [], orderDiffers: false });
    }
    const agreed = data.brackets.filter((b) => b.status === 'agreed');
    expect(agreed).toHaveLength(1);
    const meeting = data.meetings.find((m) => m.id === agreed[0]?.decidedAtMeetingId);
    expect(meeting?.city.en).toBe('Bishkek');
    const session = data.sessions.find((s) => s.id === agreed[0]?.decidedAtSessionId);
    expect(session?.date).toBe('2014-09-11');
    const chosen = data.bracketAlternatives.find((a) => a.id === agreed[0]?.agreedAlternativeId);
    const article = data.articles.find((a) => a.id === agreed[0]?.articleId);
    expect(article?.body.en).toContain(`used ${chosen?.text.en ?? '?'} for`);
    expect(article?.body.ru).toContain(chosen?.text.ru);
  });
});

describe('printed MoU', () => {
  const spec = { kind: 'mou', documentId: SAMPLE.mou, version: null, compareWith: null, annex: true, lineNumbers: false, language: 'en+ru', paper: 'a4' } as const;
  const strip = (text: string) => text.replace(/[\u2068\u2069]/g, '').replace(/<[^>]+>/g, '');

  it('prints open brackets with their alternatives and a note naming the proposers, and counts them', () => {
    const model = buildReport(spec, sampleSource(), '2026-03-12');
    if (model.kind !== 'mou') throw new Error('not a MoU');
    expect(model.openBrackets).toBe(3);
    const html = strip(renderReport(model, []).html);
    // Notes are numbered through the document: Article 2 (membership), Article 9 (financing), Article 10 (amendments).
    expect(html).toContain('at least [thirty / sixty] (note 3) days');
    expect(html).toContain('не позднее чем за [тридцать / шестьдесят] (прим. 3) дней');
    expect(html).toContain('Note 3. [thirty]: Kazakhstan, Kyrgyzstan; [sixty]: Turkmenistan');
    expect(html).toContain('Примечание 1. [с согласия всех членов]: Казахстан; [по решению Рабочей группы, принятому консенсусом]: Таджикистан, Кыргызстан');
    expect(html).toContain('Open square brackets: 3');
    expect(html).not.toContain('[[');
  });

  it('prints the bracket annex with where and by whom a bracket was agreed, and "clean text" when none is open', () => {
    const source = sampleSource();
    const model = buildReport(spec, source, '2026-03-12');
    if (model.kind !== 'mou' || !model.bracketAnnex) throw new Error('no annex');
    const agreed = model.bracketAnnex.find((row) => row.status === 'agreed');
    expect(agreed?.decided).toMatchObject({ date: '2014-09-11', meeting: { city: { en: 'Bishkek' } }, session: { en: 'Memorandum of Understanding regimenting the work of the Customs Working Group' } });
    // The seed: Afghanistan, Kazakhstan, Kyrgyzstan and Tajikistan took part in the Bishkek meeting; Afghanistan as observer.
    expect(agreed?.decided?.present.map((name) => name.en)).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan']);
    expect(agreed?.decided?.observers.map((name) => name.en)).toEqual(['Afghanistan']);
    const html = strip(renderReport(model, []).html);
    expect(html).toContain('Annex. Square brackets and where they were agreed');
    expect(html).toContain('present: Kazakhstan, Kyrgyzstan, Tajikistan');
    expect(html).toContain('Afghanistan as observer');
    const closed = { ...source, brackets: source.brackets.map((bracket) => ({ ...bracket, status: 'dropped' as const, decidedOn: '2015-06-01' })) };
    const clean = buildReport(spec, closed, '2026-03-12');
    if (clean.kind !== 'mou') throw new Error('not a MoU');
    expect(clean.openBrackets).toBe(0);
    expect(strip(renderReport(clean, []).html)).toContain('Clean text: no open square brackets.');
  });

  it('prints a 120-article MoU with brackets in a quarter of its articles: every open bracket once per language with its note, the count, and the annex', () => {
    const { source, documentId, expected } = bracketedMouSource(120);
    expect(expected.open).toBeGreaterThan(15);
    expect(expected.decided).toBeGreaterThan(5);
    const model = buildReport({ ...spec, documentId }, source, '2026-03-25');
    if (model.kind !== 'mou' || !model.bracketAnnex) throw new Error('no annex');
    expect(model.openBrackets).toBe(expected.open);
    expect(model.bracketAnnex).toHaveLength(expected.open + expected.decided);
    const html = strip(renderReport(model, []).html);
    expect(html).not.toContain('[[');
    expect(html).toContain(`Open square brackets: ${String(expected.open)}`);
    // Each open bracket in both languages, with its note number, numbered through the document.
    const notesEn = [...html.matchAll(/\[(?:in writing|at each regular meeting)[^\]]*\] \(note (\d+)\)/g)].map((match) => Number(match[1]));
    const notesRu = [...html.matchAll(/\[(?:письменно|на каждом очередном заседании)[^\]]*\] \(прим\. (\d+)\)/g)].map((match) => Number(match[1]));
    expect(notesEn).toEqual(Array.from({ length: expected.open }, (_, index) => index + 1));
    expect(notesRu).toEqual(notesEn);
    expect(html.match(/\[in writing \/ by diplomatic note \/ through the contact point\]/g)?.length).toBeGreaterThan(0);
    // A note names every proposer of each alternative, the observer among them.
    expect(html).toMatch(/Note \d+\. \[in writing\]: [^;]+; \[by diplomatic note\]: /);
    expect(html).toContain('Afghanistan');
    // Decided brackets read as decided: the agreed words in place, dropped text gone.
    expect(html).toContain('shall inform the Secretariat by diplomatic note of the designation');
    expect(html).toContain('review the implementation of this Article.');
  });

  it('prints a proposal on a bracketed article with the bracket as printed, never its marker', () => {
    const source = sampleSource();
    const bracketed = source.brackets.find((candidate) => candidate.status === 'open' && candidate.documentId === SAMPLE.mou);
    const article = source.articles.find((candidate) => candidate.id === bracketed?.articleId);
    const [first, ...others] = source.amendments.filter((amendment) => amendment.documentId === SAMPLE.mou && !amendment.deleted);
    if (!bracketed || !article || !first) throw new Error('the sample has no open bracket or no amendment');
    const proposal = { ...first, kind: 'replace' as const, articleId: article.id, heading: article.heading, body: { en: `${article.body.en} Amended.`, ru: `${article.body.ru} Изменено.` } };
    const model = buildReport(spec, { ...source, amendments: [proposal, ...others] }, '2026-03-12');
    if (model.kind !== 'mou' || !model.annex) throw new Error('no annex');
    const view = model.annex.find((amendment) => amendment.body.en.endsWith('Amended.'));
    expect(view?.body.en).not.toContain('[[');
    expect(view?.body.ru).not.toContain('[[');
    expect(view?.body.en).toMatch(/\[[^\]]+ \/ [^\]]+\]|\[[^\]]+\]/);
    expect(strip(renderReport(model, []).html)).not.toMatch(/\[\[\d+\]\]/);
  });

  it('prints where an amendment was decided in the amendments annex: the meeting, its session and who was present', () => {
    const source = sampleSource();
    const agreed = buildReport(spec, source, '2026-03-12');
    if (agreed.kind !== 'mou' || !agreed.bracketAnnex) throw new Error('no annex');
    const place = source.brackets.find((bracket) => bracket.status === 'agreed');
    if (!place) throw new Error('the sample has no agreed bracket');
    const [first, ...rest] = source.amendments.filter((amendment) => amendment.documentId === SAMPLE.mou && !amendment.deleted);
    if (!first) throw new Error('the sample has no amendment');
    const decided = {
      ...first,
      status: 'accepted' as const,
      proposedOn: '2014-09-01',
      decidedOn: '2014-09-11',
      decidedAtMeetingId: place.decidedAtMeetingId,
      decidedAtSessionId: place.decidedAtSessionId,
    };
    const others = source.amendments.filter((amendment) => amendment.id !== first.id);
    const model = buildReport(spec, { ...source, amendments: [decided, ...others] }, '2026-03-12');
    if (model.kind !== 'mou' || !model.annex) throw new Error('no annex');
    const view = model.annex.find((amendment) => amendment.decidedAt !== null);
    expect(view?.decidedAt).toMatchObject({ date: '2014-09-11', meeting: { city: { en: 'Bishkek' } }, session: { en: 'Memorandum of Understanding regimenting the work of the Customs Working Group' } });
    expect(view?.decidedAt?.present.map((name) => name.en)).toEqual(['Kazakhstan', 'Kyrgyzstan', 'Tajikistan']);
    // Amendments decided without a meeting (written procedure) keep only their date.
    expect(model.annex.filter((amendment) => amendment.decidedAt !== null)).toHaveLength(1);
    expect(rest.every((amendment) => amendment.decidedAtMeetingId == null)).toBe(true);
    const html = strip(renderReport(model, []).html);
    expect(html).toMatch(/Accepted[\s\S]*at Second meeting of the Customs Working Group, Bishkek, 11 September 2014; session “Memorandum of Understanding regimenting the work of the Customs Working Group”; present: Kazakhstan, Kyrgyzstan, Tajikistan; Afghanistan as observer/);
  });
});
