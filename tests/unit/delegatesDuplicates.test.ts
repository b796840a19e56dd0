/** Duplicate suggestions and the pure merge plan: which pairs are suggested, and what a merge changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicates, findDuplicatesOf, nameKey, pairKey, partialKeys, typoVariants } from '../../shared/delegates/duplicates';
import { mergeDelegateFields, planMerge } from '../../shared/delegates/merge';
import type { ActionItem, Amendment, Comment, Delegate, Participation, Session } from '../../shared/model';
import { fixturePerson } from '../fixtures/csv';

const synced = { hlc: 'h', origin: 'o', deleted: false };

function person(id: string, nameLatin: string, nameNative: string, extra: Partial<Delegate> = {}): Delegate {
  return {
    id,
    nameLatin,
    nameNative,
    honorific: '',
    position: { en: '', ru: '' },
    organizationId: null,
    countryId: 'KG',
    roles: [],
    email: '',
    phone: '',
    languages: [],
    notes: '',
    consentPrintContacts: true,
    consentShareContacts: true,
    ...synced,
    ...extra,
  };
}

describe('findDuplicates', () => {
  it('suggests the same person entered in the other script', () => {
    const pairs = findDuplicates([person('a', 'Timur Sadykov', ''), person('b', '', 'Тимур Садыков')]);
    expect(pairs).toEqual([{ a: 'a', b: 'b', reasons: ['same-name'] }]);
  });

  it('suggests the same e-mail, whatever the case and the country', () => {
    const pairs = findDuplicates([
      person('a', 'A. Sharifi', '', { email: 'A.Sharifi@Example.org', countryId: 'AF' }),
      person('b', 'Mohammad Sharifi', '', { email: ' a.sharifi@example.org', countryId: 'US' }),
    ]);
    expect(pairs).toEqual([{ a: 'a', b: 'b', reasons: ['same-email'] }]);
  });

  it('suggests names one typo apart, and a name written once with and once without a patronymic', () => {
    const pairs = findDuplicates([
      person('a', 'Bermet Sultanova', ''),
      person('b', 'Bermet Sultonova', ''),
      person('c', '', 'Бермет Асановна Султанова'),
    ]);
    expect(pairs.map((p) => [pairKey(p.a, p.b), p.reasons])).toEqual(
      expect.arrayContaining([
        ['a|b', ['similar-name']],
        ['a|c', ['similar-name']],
      ]),
    );
  });

  it('does not suggest different people with similar names, nor namesakes of different countries', () => {
    expect(
      findDuplicates([
        person('a', 'Kairat Dzhaksybekov', ''),
        person('b', 'Marat Dzhaksybekov', ''),
        person('c', 'Ali Karimov', ''),
        person('d', 'Alo Karimov', ''),
        person('e', 'Aida Mamatova', '', { countryId: 'KG' }),
        person('f', 'Aida Mamatova', '', { countryId: 'KZ' }),
      ]),
    ).toEqual([]);
  });

  it('leaves out pairs the user set aside, strongest evidence first otherwise', () => {
    const people = [
      person('a', 'Timur Sadykov', ''),
      person('b', 'Timur Sadykov', '', { email: 't@x.org' }),
      person('c', 'Timur Sadikov', '', { email: 't@x.org' }),
    ];
    const pairs = findDuplicates(people);
    expect(pairs[0]).toEqual({ a: 'b', b: 'c', reasons: ['same-email', 'same-name'] });
    expect(findDuplicates(people, { dismissed: new Set([pairKey('c', 'b'), pairKey('a', 'b')]) }).map((p) => pairKey(p.a, p.b))).toEqual(['a|c']);
  });

  it('finds the duplicates of one person exactly as the whole search does', () => {
    const people = [
      ...Array.from({ length: 300 }, (_, i) => {
        const p = fixturePerson(i * 7);
        return person(`p${String(i)}`, p.latin, p.cyrillic);
      }),
      person('x', '', 'Айдар Асанович Бекмуратов'),
      person('y', 'Aidar Bekmuratov', ''),
    ];
    for (const target of people.slice(-3)) {
      const expected = findDuplicates(people).filter((pair) => pair.a === target.id || pair.b === target.id);
      expect(findDuplicatesOf(target, people)).toEqual(expected);
    }
    const last = people.at(-1);
    if (!last) throw new Error('no people');
    expect(findDuplicatesOf(last, people).length).toBeGreaterThan(0);
  });

  it('builds order-free name keys, typo variants and partial keys', () => {
    expect(nameKey('Nurlan Beishenaliev')).toBe(nameKey('Бейшеналиев Нурлан'));
    expect(partialKeys('a b c')).toEqual(['b c', 'a c', 'a b']);
    expect(partialKeys('a b')).toEqual([]);
    // One substitution apart: a shared deletion variant.
    const shared = typoVariants('bermet sultanova').filter((v) => typoVariants('bermet sultonova').includes(v));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('is symmetric: the order of the records does not change the pairs', () => {
    const names = ['Timur Sadykov', 'Тимур Садыков', 'Timur Sadikov', 'Aida Mamatova', 'Аида Маматова', 'Bermet Sultanova'];
    fc.assert(
      fc.property(fc.shuffledSubarray(names.map((n, i) => person(`id${String(i)}`, /[a-z]/i.test(n) ? n : '', /[a-z]/i.test(n) ? '' : n))), (subset) => {
        const forward = findDuplicates(subset).map((p) => pairKey(p.a, p.b)).sort();
        const backward = findDuplicates([...subset].reverse()).map((p) => pairKey(p.a, p.b)).sort();
        expect(backward).toEqual(forward);
      }),
    );
  });
});

describe('merge plan', () => {
  const survivor = person('keep', '', 'Тимур Садыков', { email: 't.sadykov@customs.kg', roles: ['customs-official'], languages: ['ky'], notes: 'Entered in Bishkek' });
  const other = person('gone', 'Timur Sadykov', 'Тимур Садыков', {
    email: 'timur@old.kg',
    phone: '+996 555 123456',
    roles: ['expert', 'customs-official'],
    languages: ['ru', 'ky'],
    notes: 'Entered by the secretariat',
    consentShareContacts: false,
  });

  it('keeps the survivor’s values, fills its blanks, joins lists and notes, and keeps the stricter consent', () => {
    expect(mergeDelegateFields(survivor, other)).toMatchObject({
      nameLatin: 'Timur Sadykov',
      nameNative: 'Тимур Садыков',
      email: 't.sadykov@customs.kg',
      phone: '+996 555 123456',
      roles: ['customs-official', 'expert'],
      languages: ['ky', 'ru'],
      notes: 'Entered in Bishkek\n\nEntered by the secretariat',
      consentPrintContacts: true,
      consentShareContacts: false,
    });
    expect(mergeDelegateFields(survivor, { ...other, notes: 'Entered in Bishkek' }).notes).toBe('Entered in Bishkek');
  });

  const participation = (id: string, delegateId: string, meetingId: string, extra: Partial<Participation> = {}): Participation => ({
    id,
    meetingId,
    delegateId,
    capacity: 'member',
    status: 'confirmed',
    attendedDays: [],
    ...synced,
    ...extra,
  });

  it('moves every reference to the survivor and combines participations in the same meeting', () => {
    const session = { id: 's1', speakerIds: ['gone', 'x'], moderatorIds: ['keep', 'gone'] } as unknown as Session;
    const untouched = { id: 's2', speakerIds: ['x'], moderatorIds: [] } as unknown as Session;
    const amendment = { id: 'am', proposedByDelegateId: 'gone' } as unknown as Amendment;
    const comment = { id: 'c', authorDelegateId: 'gone' } as unknown as Comment;
    const item = { id: 'ai', ownerDelegateId: 'gone', meetingId: 'm1' } as unknown as ActionItem;
    const othersItem = { id: 'ai2', ownerDelegateId: 'x', meetingId: 'm1' } as unknown as ActionItem;
    const plan = planMerge({
      survivor,
      other,
      participations: [
        participation('p-keep', 'keep', 'm1', { attendedDays: ['2014-06-09'] }),
        participation('p-gone-same', 'gone', 'm1', { status: 'attended', attendedDays: ['2014-06-10', '2014-06-09'] }),
        participation('p-gone-other', 'gone', 'm2', { capacity: 'observer' }),
      ],
      sessions: [session, untouched],
      amendments: [amendment],
      comments: [comment],
      actionItems: [item, othersItem],
    });
    expect(plan.participationsMoved).toEqual([expect.objectContaining({ id: 'p-gone-other', delegateId: 'keep', capacity: 'observer' })]);
    expect(plan.participationsCombined).toHaveLength(1);
    expect(plan.participationsCombined[0]?.kept).toMatchObject({ id: 'p-keep', status: 'attended', attendedDays: ['2014-06-09', '2014-06-10'] });
    expect(plan.participationsCombined[0]?.removed).toMatchObject({ id: 'p-gone-same', deleted: true });
    expect(plan.sessions).toEqual([expect.objectContaining({ id: 's1', speakerIds: ['keep', 'x'], moderatorIds: ['keep'] })]);
    expect(plan.amendments).toEqual([expect.objectContaining({ id: 'am', proposedByDelegateId: 'keep' })]);
    expect(plan.comments).toEqual([expect.objectContaining({ id: 'c', authorDelegateId: 'keep' })]);
    expect(plan.actionItems).toEqual([expect.objectContaining({ id: 'ai', ownerDelegateId: 'keep' })]);
  });

  it('refuses to merge a record with itself', () => {
    expect(() => planMerge({ survivor, other: survivor, participations: [], sessions: [], amendments: [], comments: [], actionItems: [] })).toThrow();
  });
});
