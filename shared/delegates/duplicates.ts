/**
 * Likely duplicates in the registry: the same person entered on two machines (or twice
 * on one) shows up as two records, often with the name in different scripts or spelled a
 * little differently. Pairs are suggested, never merged automatically: two real people
 * may share a name.
 *
 * Cost: every rule is a hash lookup, O(n): exact keys (e-mail, name) are buckets, typos
 * are found through deletion variants, a missing middle name through keys with one part
 * removed. 10,000 people take a fraction of a second, not fifty million comparisons.
 */
import type { Delegate } from '../model';
import { foldVariants, latinize } from './search';

export type DuplicateReason = 'same-email' | 'same-name' | 'similar-name';

export interface DuplicatePair {
  /** Ids in a fixed order (a < b), so a pair has one key whoever found it. */
  a: string;
  b: string;
  reasons: DuplicateReason[];
}

type Candidate = Pick<Delegate, 'id' | 'nameLatin' | 'nameNative' | 'email' | 'countryId'>;

/** The key of a pair of ids, the same whichever order they come in. */
export function pairKey(first: string, second: string): string {
  return first < second ? `${first}|${second}` : `${second}|${first}`;
}

/**
 * A name as a comparable key: latinized, variants folded, words sorted (so "Beishenaliev
 * Nurlan" equals "Nurlan Beishenaliev") and one-letter initials dropped.
 */
export function nameKey(name: string): string {
  const words = foldVariants(latinize(name))
    .split(' ')
    .filter((word) => word.length > 1);
  return words.sort().join(' ');
}

/**
 * Keys by the names they come from. Transliterating 10,000 names costs more than the
 * whole search for duplicates, and names rarely change: a cache keyed by the text itself
 * can never be stale. Cleared when it grows past a bound.
 */
const keyCache = new Map<string, string[]>();
const KEY_CACHE_LIMIT = 50_000;

/** The distinct name keys of a person: from the Latin-script and the native-script name. */
export function nameKeys(delegate: Pick<Delegate, 'nameLatin' | 'nameNative'>): string[] {
  const cacheKey = `${delegate.nameLatin}\u0000${delegate.nameNative}`;
  const cached = keyCache.get(cacheKey);
  if (cached) return cached;
  const keys = new Set<string>();
  for (const name of [delegate.nameLatin, delegate.nameNative]) {
    const key = nameKey(name);
    if (key !== '') keys.add(key);
  }
  const result = [...keys];
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  keyCache.set(cacheKey, result);
  return result;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** Name parts shorter than this are not checked for typos: "Ali" and "Alo" are two names. */
const MIN_TYPO_PART = 4;

/**
 * What finds names one typo apart by hashing instead of comparing every pair (the
 * SymSpell idea): for each name part, the other parts plus that part with one letter
 * deleted, and plus the part itself. Two names one substitution, insertion or deletion
 * apart in one part share one of these strings. The other parts stay in their sorted
 * order, so no re-sorting is needed.
 */
export function typoVariants(key: string): string[] {
  const parts = key.split(' ');
  const variants: string[] = [];
  parts.forEach((part, index) => {
    if (part.length < MIN_TYPO_PART) return;
    const others = `${parts.slice(0, index).join(' ')}|${parts.slice(index + 1).join(' ')}|`;
    variants.push(others + part);
    for (let position = 0; position < part.length; position += 1) {
      // A doubled letter gives the same deletion twice: keep one.
      if (position > 0 && part[position] === part[position - 1]) continue;
      variants.push(others + part.slice(0, position) + part.slice(position + 1));
    }
  });
  return variants;
}

/** The key without one of its parts (a middle name or patronymic written on one record only). */
export function partialKeys(key: string): string[] {
  const parts = key.split(' ');
  if (parts.length < 3) return [];
  return parts.map((_, index) => parts.filter((__, i) => i !== index).join(' '));
}

/** People in different countries are only suggested on the strongest evidence (the same e-mail). */
function countriesAgree(a: Candidate, b: Candidate): boolean {
  return a.countryId === null || b.countryId === null || a.countryId === b.countryId;
}

/** Blocks larger than this are common names ("Ivanov" across a 10,000-person registry): pairs from them are not informative. */
const MAX_BLOCK = 200;

export interface FindDuplicatesOptions {
  /** Pair keys (pairKey) the user marked as "not the same person". */
  dismissed?: ReadonlySet<string>;
}

/** Suggested duplicate pairs among live records, strongest evidence first. */
export function findDuplicates(delegates: readonly Candidate[], options: FindDuplicatesOptions = {}): DuplicatePair[] {
  const dismissed = options.dismissed ?? new Set<string>();
  const byId = new Map(delegates.map((delegate) => [delegate.id, delegate]));
  const found = new Map<string, DuplicatePair>();
  const add = (first: string, second: string, reason: DuplicateReason) => {
    if (first === second) return;
    const key = pairKey(first, second);
    if (dismissed.has(key)) return;
    const existing = found.get(key);
    if (existing) {
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
      return;
    }
    const [a, b] = first < second ? [first, second] : [second, first];
    found.set(key, { a, b, reasons: [reason] });
  };

  const bucket = (entries: Iterable<[string, string]>) => {
    const groups = new Map<string, string[]>();
    for (const [key, id] of entries) {
      const group = groups.get(key);
      if (group) {
        if (!group.includes(id)) group.push(id);
      } else groups.set(key, [id]);
    }
    return groups;
  };

  const emails = bucket(
    delegates.filter((d) => d.email.trim() !== '').map((d): [string, string] => [emailKey(d.email), d.id]),
  );
  for (const ids of emails.values()) {
    for (let i = 0; i < ids.length; i += 1) for (let j = i + 1; j < ids.length; j += 1) add(ids[i] ?? '', ids[j] ?? '', 'same-email');
  }

  const keyed = delegates.flatMap((delegate) => nameKeys(delegate).map((key): [string, string] => [key, delegate.id]));
  const names = bucket(keyed);
  for (const ids of names.values()) {
    if (ids.length > MAX_BLOCK) continue;
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = byId.get(ids[i] ?? '');
        const b = byId.get(ids[j] ?? '');
        if (a && b && countriesAgree(a, b)) add(a.id, b.id, 'same-name');
      }
    }
  }

  // Similar names: one typo apart (a shared deletion variant, or one key a variant of the
  // other), or the same name with one part missing on one record.
  const nearPairs = (first: string, second: string) => {
    for (const idA of names.get(first) ?? []) {
      for (const idB of names.get(second) ?? []) {
        const a = byId.get(idA);
        const b = byId.get(idB);
        if (a && b && countriesAgree(a, b)) add(a.id, b.id, 'similar-name');
      }
    }
  };
  // Most variants belong to one key: stored as a bare string until a second key shares
  // it, which spares a few hundred thousand short-lived arrays on a large registry.
  const variants = new Map<string, string | string[]>();
  for (const key of names.keys()) {
    if (key.length < 9) continue;
    for (const variant of typoVariants(key)) {
      const entry = variants.get(variant);
      if (entry === undefined) variants.set(variant, key);
      else if (typeof entry === 'string') {
        if (entry !== key) variants.set(variant, [entry, key]);
      } else if (!entry.includes(key)) entry.push(key);
    }
    for (const partial of partialKeys(key)) if (names.has(partial)) nearPairs(key, partial);
  }
  for (const keys of variants.values()) {
    if (typeof keys === 'string' || keys.length > MAX_BLOCK) continue;
    for (let i = 0; i < keys.length; i += 1) {
      for (let j = i + 1; j < keys.length; j += 1) nearPairs(keys[i] ?? '', keys[j] ?? '');
    }
  }

  const strength = (pair: DuplicatePair) =>
    (pair.reasons.includes('same-email') ? 4 : 0) + (pair.reasons.includes('same-name') ? 2 : 0) + (pair.reasons.includes('similar-name') ? 1 : 0);
  return [...found.values()].sort((x, y) => strength(y) - strength(x) || pairKey(x.a, x.b).localeCompare(pairKey(y.a, y.b)));
}

/**
 * Likely duplicates of one person, by the same rules as findDuplicates, for a person's
 * own page. Every rule needs a shared e-mail or a shared name part (one typo leaves the
 * other parts equal), so only records sharing one are examined.
 */
export function findDuplicatesOf(target: Candidate, delegates: readonly Candidate[], options: FindDuplicatesOptions = {}): DuplicatePair[] {
  const email = emailKey(target.email);
  const parts = new Set(nameKeys(target).flatMap((key) => key.split(' ')));
  const candidates = delegates.filter(
    (other) =>
      other.id !== target.id &&
      ((email !== '' && emailKey(other.email) === email) || nameKeys(other).some((key) => key.split(' ').some((part) => parts.has(part)))),
  );
  return findDuplicates([target, ...candidates], options).filter((pair) => pair.a === target.id || pair.b === target.id);
}
