/**
 * Square brackets (issue 15): text not yet agreed, as negotiators write it — "[shall /
 * should]" (alternatives) or "[and other relevant authorities]" (optional text).
 *
 * Storage. A bracket is its own record (model `brackets`) with its alternatives as records
 * of their own (`bracketAlternatives`); the article's body holds a marker "[[key]]" in each
 * language where the bracket stands. The two languages' markers name the same record, so
 * agreeing a bracket agrees both languages.
 *
 * Writing. The secretariat types brackets in the article editor the way they are printed,
 * "[shall / should]" in English and "[обязуются / должны]" in Russian; on saving, each new
 * bracket becomes a marker and a record, the nth bracket of the English text tied to the
 * nth of the Russian one (`extractNotation`), so both languages must hold the same number of
 * new brackets. Resolving a bracket puts the agreed text (or nothing) in place of its marker
 * (`resolveMarker`); the bracket record keeps its history.
 *
 * Everything here is pure: parsing, alignment, rendering, counting and resolution.
 */
import type { Bilingual, Bracket, BracketAlternative, Country, Participation } from '../model';

type Lang = 'en' | 'ru';

/** Separator of alternatives inside a bracket, as printed. */
export const ALTERNATIVE_SEPARATOR = ' / ';
/** The largest marker key (four digits). */
export const MAX_BRACKET_KEY = 9999;

export function markerOf(key: number): string {
  return `[[${String(key)}]]`;
}

/** One piece of a body: plain text, a stored bracket's marker, or a bracket typed in notation. */
export type BodyPart =
  | { kind: 'text'; text: string }
  | { kind: 'marker'; key: number }
  | { kind: 'notation'; alternatives: string[] };

const MARKER_AT = /^\[\[([1-9]\d{0,3})\]\]/;

/**
 * Reads a body into text, markers "[[key]]" and brackets in notation "[a / b]". A "["
 * without a closing "]" before the next "[" (or the end) is plain text; an empty bracket
 * "[ ]" too. Text parts are merged, so text never follows text.
 */
export function parseBody(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  let index = 0;
  while (index < body.length) {
    const char = body.charAt(index);
    if (char !== '[') {
      text += char;
      index += 1;
      continue;
    }
    const marker = MARKER_AT.exec(body.slice(index, index + 8));
    if (marker?.[1] !== undefined) {
      flush();
      parts.push({ kind: 'marker', key: Number(marker[1]) });
      index += marker[0].length;
      continue;
    }
    const close = body.indexOf(']', index + 1);
    const nextOpen = body.indexOf('[', index + 1);
    const inner = close < 0 ? '' : body.slice(index + 1, close);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close) || inner.trim() === '' || inner.includes('\n')) {
      text += char;
      index += 1;
      continue;
    }
    // Alternatives are separated by " / " (spaced): "[and/or]" is one optional text.
    const alternatives = inner.split(ALTERNATIVE_SEPARATOR).map((alternative) => alternative.trim());
    if (alternatives.some((alternative) => alternative === '')) {
      text += char;
      index += 1;
      continue;
    }
    flush();
    parts.push({ kind: 'notation', alternatives });
    index = close + 1;
  }
  flush();
  return parts;
}

/** The notation of a bracket: "[a / b]", or "[a]" for optional text. */
export function bracketNotation(alternatives: readonly string[]): string {
  return `[${alternatives.join(ALTERNATIVE_SEPARATOR)}]`;
}

/** Writes parts back as a body (markers and notation as they are read). */
export function renderParts(parts: readonly BodyPart[]): string {
  return parts
    .map((part) => (part.kind === 'text' ? part.text : part.kind === 'marker' ? markerOf(part.key) : bracketNotation(part.alternatives)))
    .join('');
}

/** The markers of a body, in order. */
export function markersOf(body: string): number[] {
  return parseBody(body).flatMap((part) => (part.kind === 'marker' ? [part.key] : []));
}

export interface BracketAlignment {
  /** Keys in both languages. */
  both: number[];
  /** Keys whose marker one language lacks. */
  onlyIn: { en: number[]; ru: number[] };
  /** A key that appears twice in one language. */
  repeated: number[];
  /** Both languages hold the same markers but in a different order. */
  orderDiffers: boolean;
}

/** How the two languages' markers line up: a bracket belongs in both, once each, in the same order. */
export function alignMarkers(body: Bilingual): BracketAlignment {
  const en = markersOf(body.en);
  const ru = markersOf(body.ru);
  const repeated = [...new Set([...en.filter((key, i) => en.indexOf(key) !== i), ...ru.filter((key, i) => ru.indexOf(key) !== i)])];
  const both = en.filter((key, i) => ru.includes(key) && en.indexOf(key) === i);
  const onlyIn = { en: [...new Set(en.filter((key) => !ru.includes(key)))], ru: [...new Set(ru.filter((key) => !en.includes(key)))] };
  const ruShared = ru.filter((key, i) => en.includes(key) && ru.indexOf(key) === i);
  return { both, onlyIn, repeated, orderDiffers: both.join(',') !== ruShared.join(',') };
}

/** A bracket typed in notation, tied across the languages (the nth of each). */
export interface NewBracket {
  key: number;
  /** The alternatives, paired by order; an optional bracket has one. */
  alternatives: Bilingual[];
  optional: boolean;
}

export type NotationResult =
  | { ok: true; body: Bilingual; created: NewBracket[] }
  | { ok: false; error: 'bracketsNotAligned' | 'bracketAlternativesDiffer' };

/**
 * Turns brackets typed in notation into markers: the nth bracket of the English body is
 * tied to the nth of the Russian one, so both must hold as many, each with as many
 * alternatives. Keys continue after `usedKeys` (the article's brackets, open or not).
 */
export function extractNotation(body: Bilingual, usedKeys: readonly number[]): NotationResult {
  const parsed = { en: parseBody(body.en), ru: parseBody(body.ru) };
  const typed = {
    en: parsed.en.filter((part) => part.kind === 'notation'),
    ru: parsed.ru.filter((part) => part.kind === 'notation'),
  };
  if (typed.en.length !== typed.ru.length) return { ok: false, error: 'bracketsNotAligned' };
  if (typed.en.some((part, index) => part.alternatives.length !== typed.ru[index]?.alternatives.length)) {
    return { ok: false, error: 'bracketAlternativesDiffer' };
  }
  const taken = new Set([...usedKeys, ...markersOf(body.en), ...markersOf(body.ru)]);
  let next = Math.max(0, ...taken) + 1;
  const created: NewBracket[] = typed.en.map((part, index) => {
    const other = typed.ru[index];
    const key = next;
    next += 1;
    return {
      key,
      optional: part.alternatives.length === 1,
      alternatives: part.alternatives.map((text, n) => ({ en: text, ru: other?.alternatives[n] ?? '' })),
    };
  });
  const replace = (parts: BodyPart[]): string => {
    let n = 0;
    return renderParts(
      parts.map((part): BodyPart => {
        if (part.kind !== 'notation') return part;
        const made = created[n];
        n += 1;
        return made ? { kind: 'marker', key: made.key } : part;
      }),
    );
  };
  return { ok: true, body: { en: replace(parsed.en), ru: replace(parsed.ru) }, created };
}

/** Collapses the double space left where a bracket was dropped, and a space before punctuation. */
function tidyAround(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1').replace(/\s+$/, ''))
    .join('\n');
}

/**
 * Puts the agreed text in place of a bracket's marker in both languages (null: the bracket
 * was dropped, or optional text left out), leaving every other marker as it is.
 */
export function resolveMarker(body: Bilingual, key: number, agreed: Bilingual | null): Bilingual {
  const resolve = (lang: Lang): string => {
    const parts = parseBody(body[lang]);
    if (!parts.some((part) => part.kind === 'marker' && part.key === key)) return body[lang];
    const text = renderParts(parts.map((part): BodyPart => (part.kind === 'marker' && part.key === key ? { kind: 'text', text: agreed?.[lang] ?? '' } : part)));
    return agreed === null ? tidyAround(text) : text;
  };
  return { en: resolve('en'), ru: resolve('ru') };
}

/** A bracket with its alternatives, oldest proposal first: what screens and print show. */
export interface BracketWithAlternatives {
  bracket: Bracket;
  alternatives: BracketAlternative[];
}

/** Live alternatives of a bracket, oldest first (ties by id, the same order on every machine). */
export function alternativesOf(bracketId: string, alternatives: readonly BracketAlternative[]): BracketAlternative[] {
  return alternatives
    .filter((alternative) => alternative.bracketId === bracketId && !alternative.deleted)
    .sort((a, b) => a.proposedOn.localeCompare(b.proposedOn) || a.hlc.localeCompare(b.hlc) || a.id.localeCompare(b.id));
}

/** The brackets of one article (live), by key, with their alternatives. */
export function bracketsOfArticle(
  articleId: string,
  brackets: readonly Bracket[],
  alternatives: readonly BracketAlternative[],
): BracketWithAlternatives[] {
  return brackets
    .filter((bracket) => bracket.articleId === articleId && !bracket.deleted)
    .sort((a, b) => a.key - b.key || a.id.localeCompare(b.id))
    .map((bracket) => ({ bracket, alternatives: alternativesOf(bracket.id, alternatives) }));
}

/** What stands in the text for a bracket: its notation while open, the agreed text, or nothing. */
export function bracketText(entry: BracketWithAlternatives, lang: Lang): string {
  const { bracket, alternatives } = entry;
  if (bracket.status === 'agreed') return alternatives.find((alternative) => alternative.id === bracket.agreedAlternativeId)?.text[lang] ?? '';
  if (bracket.status === 'dropped') return '';
  return bracketNotation(alternatives.map((alternative) => alternative.text[lang]));
}

/**
 * A body for reading and printing: each marker replaced by its bracket's text
 * (`bracketText`), followed by `note(key)` where the bracket is open (a footnote number).
 * A marker without a record (not yet received) reads "[…]".
 */
export function renderBracketedBody(
  body: string,
  lang: Lang,
  byKey: ReadonlyMap<number, BracketWithAlternatives>,
  note: (key: number) => string = () => '',
): string {
  const text = parseBody(body)
    .map((part) => {
      if (part.kind === 'text') return part.text;
      if (part.kind === 'notation') return bracketNotation(part.alternatives);
      const entry = byKey.get(part.key);
      if (!entry) return '[…]';
      const shown = bracketText(entry, lang);
      return entry.bracket.status === 'open' ? `${shown}${note(part.key)}` : shown;
    })
    .join('');
  return [...byKey.values()].some((entry) => entry.bracket.status === 'dropped') ? tidyAround(text) : text;
}

/**
 * A body as a proposal (amendment) is typed: each open bracket's marker written in notation
 * with its current alternatives in that language, as the article page shows it. Markers of
 * brackets not open, or not yet received, stay as they are.
 */
export function notationForEditing(body: Bilingual, byKey: ReadonlyMap<number, BracketWithAlternatives>): Bilingual {
  const write = (lang: Lang): string => {
    if (!body[lang].includes('[[')) return body[lang];
    return renderParts(
      parseBody(body[lang]).map((part): BodyPart => {
        if (part.kind !== 'marker') return part;
        const entry = byKey.get(part.key);
        return entry?.bracket.status === 'open' ? { kind: 'notation', alternatives: entry.alternatives.map((alternative) => alternative.text[lang]) } : part;
      }),
    );
  };
  return { en: write('en'), ru: write('ru') };
}

/**
 * A proposal's body as stored: each bracket in notation that is, alternative for
 * alternative, one of the article's open brackets (`open`, in the order they stand in the
 * article) becomes that bracket's marker again, the first not yet matched in that language;
 * the proposal then keeps the bracket itself, which the meeting still decides. Other
 * notation stays: new brackets the proposal puts in the text, made when it is accepted.
 */
export function markersForOpenBrackets(body: Bilingual, open: readonly BracketWithAlternatives[]): Bilingual {
  const write = (lang: Lang): string => {
    const parts = parseBody(body[lang]);
    if (!parts.some((part) => part.kind === 'notation')) return body[lang];
    const used = new Set<number>();
    return renderParts(
      parts.map((part): BodyPart => {
        if (part.kind !== 'notation') return part;
        const entry = open.find(
          (candidate) =>
            !used.has(candidate.bracket.key) &&
            candidate.alternatives.length === part.alternatives.length &&
            candidate.alternatives.every((alternative, index) => alternative.text[lang].trim() === part.alternatives[index]),
        );
        if (!entry) return part;
        used.add(entry.bracket.key);
        return { kind: 'marker', key: entry.bracket.key };
      }),
    );
  };
  return { en: write('en'), ru: write('ru') };
}

/**
 * The open brackets (keys) a proposal's body does not keep exactly once in each language:
 * left out, changed, or repeated. A bracket is closed by the meeting's decision on it, not by
 * a proposal that rewrites it.
 */
export function bracketsNotKept(body: Bilingual, openKeys: readonly number[]): number[] {
  const en = markersOf(body.en);
  const ru = markersOf(body.ru);
  const once = (keys: number[], key: number) => keys.filter((other) => other === key).length === 1;
  return openKeys.filter((key) => !once(en, key) || !once(ru, key));
}

/** Open brackets by article id, counted once per bracket (both languages are one bracket). */
export function openBracketsByArticle(brackets: readonly Bracket[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const bracket of brackets) {
    if (bracket.deleted || bracket.status !== 'open') continue;
    counts.set(bracket.articleId, (counts.get(bracket.articleId) ?? 0) + 1);
  }
  return counts;
}

/** Open brackets in the whole document (of the live articles given); 0 is "clean text". */
export function countOpenBrackets(brackets: readonly Bracket[], articleIds: readonly string[]): number {
  const counts = openBracketsByArticle(brackets);
  return articleIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), 0);
}

/**
 * Open brackets per party: for each country, the open brackets where it proposed one of
 * the alternatives (what it still has on the table).
 */
export function openBracketsByParty(
  brackets: readonly Bracket[],
  alternatives: readonly BracketAlternative[],
  countryIds: readonly string[],
  articleIds: readonly string[],
): Map<string, number> {
  const live = new Set(articleIds);
  const open = new Set(brackets.filter((bracket) => !bracket.deleted && bracket.status === 'open' && live.has(bracket.articleId)).map((bracket) => bracket.id));
  const counts = new Map(countryIds.map((id) => [id, 0]));
  for (const countryId of countryIds) {
    const mine = new Set(
      alternatives.filter((alternative) => !alternative.deleted && open.has(alternative.bracketId) && alternative.proposedByCountryIds.includes(countryId)).map((alternative) => alternative.bracketId),
    );
    counts.set(countryId, mine.size);
  }
  return counts;
}

export type BracketDecisionIssue = 'dateInvalid' | 'decisionBeforeProposal' | 'alternativeRequired' | 'meetingRequired' | 'bracketClosed';

export interface BracketDecisionInput {
  outcome: 'agreed' | 'dropped';
  alternativeId: string | null;
  date: string;
  meetingId: string | null;
}

/**
 * Checks a decision on a bracket: open brackets only; "agreed" names one of its
 * alternatives (an optional bracket's only one); a real date, never before the bracket
 * was opened or the agreed alternative proposed; the meeting where it was decided.
 */
export function validateBracketDecision(entry: BracketWithAlternatives, input: BracketDecisionInput, isValidDate: (date: string) => boolean): { path: string; code: BracketDecisionIssue }[] {
  const issues: { path: string; code: BracketDecisionIssue }[] = [];
  if (entry.bracket.status !== 'open') issues.push({ path: '', code: 'bracketClosed' });
  const chosen = entry.alternatives.find((alternative) => alternative.id === input.alternativeId);
  if (input.outcome === 'agreed' && !chosen) issues.push({ path: 'alternativeId', code: 'alternativeRequired' });
  if (!isValidDate(input.date)) issues.push({ path: 'date', code: 'dateInvalid' });
  else {
    const proposed = input.outcome === 'agreed' && chosen ? chosen.proposedOn : entry.bracket.openedOn;
    const earliest = proposed > entry.bracket.openedOn ? proposed : entry.bracket.openedOn;
    if (input.date < earliest) issues.push({ path: 'date', code: 'decisionBeforeProposal' });
  }
  if (input.meetingId === null) issues.push({ path: 'meetingId', code: 'meetingRequired' });
  return issues;
}

/** Who was present on a meeting day: the countries of those who attended it, members and observers apart. */
export interface Presence {
  members: Country[];
  observers: Country[];
}

/**
 * The delegations present on `date` (from that day's attendance, participations'
 * attendedDays), by name in `lang`; a country is a member or an observer by its
 * membership, and a non-member's people (organizers, experts) are not a delegation.
 */
export function presentOn(
  date: string,
  meetingId: string,
  participations: readonly Participation[],
  delegateCountry: ReadonlyMap<string, string | null>,
  countries: ReadonlyMap<string, Country>,
  lang: Lang,
): Presence {
  const present = new Set<string>();
  for (const participation of participations) {
    if (participation.deleted || participation.meetingId !== meetingId || !participation.attendedDays.includes(date)) continue;
    const countryId = delegateCountry.get(participation.delegateId);
    if (countryId) present.add(countryId);
  }
  const found = [...present].flatMap((id) => {
    const country = countries.get(id);
    return country ? [country] : [];
  });
  found.sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang));
  // Delegations of the group only: organizers and experts from other countries are not parties to the text.
  return {
    members: found.filter((country) => country.membership === 'member'),
    observers: found.filter((country) => country.membership === 'observer'),
  };
}

/** Every article's brackets by key, for rendering many articles at once. */
export type BracketIndex = ReadonlyMap<string, ReadonlyMap<number, BracketWithAlternatives>>;

export function indexBrackets(brackets: readonly Bracket[], alternatives: readonly BracketAlternative[]): BracketIndex {
  const byBracket = new Map<string, BracketAlternative[]>();
  for (const alternative of alternatives) {
    if (alternative.deleted) continue;
    const list = byBracket.get(alternative.bracketId) ?? [];
    list.push(alternative);
    byBracket.set(alternative.bracketId, list);
  }
  const index = new Map<string, Map<number, BracketWithAlternatives>>();
  for (const bracket of brackets) {
    if (bracket.deleted) continue;
    const byKey = index.get(bracket.articleId) ?? new Map<number, BracketWithAlternatives>();
    byKey.set(bracket.key, { bracket, alternatives: alternativesOf(bracket.id, byBracket.get(bracket.id) ?? []) });
    index.set(bracket.articleId, byKey);
  }
  return index;
}

/** An article's body as read: markers replaced by their brackets (see renderBracketedBody). */
export function shownBody(article: { id: string; body: Bilingual }, lang: Lang, index: BracketIndex, note?: (key: number) => string): string {
  const byKey = index.get(article.id);
  if (!byKey && !article.body[lang].includes('[[')) return article.body[lang];
  return renderBracketedBody(article.body[lang], lang, byKey ?? new Map(), note);
}
