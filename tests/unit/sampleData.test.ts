/** Tests of the pure sample-data builder: deterministic ids, valid records, resolvable references, the page's facts. */
import { indexBrackets, shownBody } from '../../shared/mou/brackets';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { syncedTableNames, syncedTables } from '../../shared/model';
import { buildSeedCountries } from '../../shared/sample/countries';
import { deterministicId } from '../../shared/sample/deterministicId';
import { FICTITIOUS_NOTE, buildSampleData, sampleCounts, type SampleData } from '../../shared/sample/sampleData';
import { SEED_ORIGIN, SEED_STAMP, compareStamps, createClock, parseStamp } from '../../shared/sync/hlc';
import { findAmendmentConflict } from '../../shared/mou/amendments';
import { compareVersions, summarizeComparison } from '../../shared/mou/compare';
import { positionId } from '../../shared/mou/positions';
import { checkNumbering } from '../../shared/mou/structure';

const ORIGIN = '0b7e8f64-2c1a-4d3e-9f50-6a7b8c9d0e1f';

function build(origin = ORIGIN, start = 1_700_000_000_000): SampleData {
  const clock = createClock({ node: origin, now: () => start });
  return buildSampleData({ origin, stamp: () => clock.send() });
}

const uuid = z.uuid();

function idsByTable(data: SampleData): Record<string, string[]> {
  return Object.fromEntries(syncedTableNames.map((name) => [name, data[name].map((record) => record.id)]));
}

describe('deterministicId', () => {
  it('is a stable RFC 9562 version 8 UUID', () => {
    const id = deterministicId('meeting:first');
    expect(id).toBe(deterministicId('meeting:first'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuid.safeParse(id).success).toBe(true);
  });

  it('gives distinct ids for distinct keys', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `key:${String(i)}`);
    expect(new Set(keys.map(deterministicId)).size).toBe(keys.length);
    expect(deterministicId('a')).not.toBe(deterministicId('b'));
    expect(deterministicId('ab')).not.toBe(deterministicId('ba'));
  });
});

describe('buildSampleData', () => {
  const data = build();

  it('gives identical ids on every build, whatever the origin and clock', () => {
    const other = build('another-installation', 42);
    expect(idsByTable(other)).toEqual(idsByTable(data));
  });

  it('is identical apart from stamps and origin when built twice', () => {
    const strip = (sample: SampleData) =>
      JSON.parse(JSON.stringify(sample), (key, value: unknown) => (key === 'hlc' || key === 'origin' || key === 'baseArticleHlc' ? '' : value)) as unknown;
    expect(strip(build('x1', 1))).toEqual(strip(build('y2', 99)));
  });

  it('fills every synced table, the MoU with two versions and a few amendments', () => {
    const counts = sampleCounts(data);
    // Conflict notices come from sync only.
    for (const name of syncedTableNames) if (name !== 'syncConflicts') expect(counts[name], name).toBeGreaterThan(0);
    expect(counts.syncConflicts).toBe(0);
    expect(counts).toMatchObject({
      countries: 7,
      organizations: 11,
      meetings: 2,
      mouDocuments: 1,
      articles: 12,
      mouVersions: 2,
      amendments: 5,
      comments: 4,
      positions: 8,
    });
  });

  it('passes every record through its schema', () => {
    for (const name of syncedTableNames) {
      const schema: z.ZodType = syncedTables[name];
      for (const record of data[name]) {
        const result = schema.safeParse(record);
        expect(result.success, `${name} ${record.id}: ${result.error?.message ?? ''}`).toBe(true);
      }
    }
  });

  it('uses valid UUIDs (ISO codes for countries), unique across all tables', () => {
    const all: string[] = [];
    for (const name of syncedTableNames) {
      for (const record of data[name]) {
        all.push(record.id);
        if (name === 'countries') expect(record.id).toMatch(/^[A-Z]{2}$/);
        else expect(uuid.safeParse(record.id).success, `${name} ${record.id}`).toBe(true);
      }
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('stamps every record through the context, except the seeded countries', () => {
    expect(data.countries).toEqual(buildSeedCountries());
    for (const country of data.countries) expect(country).toMatchObject({ origin: SEED_ORIGIN, hlc: SEED_STAMP });
    const stamps: string[] = [];
    for (const name of syncedTableNames) {
      if (name === 'countries') continue;
      for (const record of data[name]) {
        expect(record.origin).toBe(ORIGIN);
        expect(record.deleted).toBe(false);
        expect(parseStamp(record.hlc).node).toBe(ORIGIN);
        stamps.push(record.hlc);
      }
    }
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('has references that all resolve', () => {
    const ids = (name: keyof SampleData) => new Set<string>(data[name].map((record) => record.id));
    const countries = ids('countries');
    const organizations = ids('organizations');
    const delegates = ids('delegates');
    const meetings = ids('meetings');
    const documents = ids('mouDocuments');
    const articles = ids('articles');
    const versions = ids('mouVersions');
    const amendments = ids('amendments');
    const expectIn = (set: Set<string>, id: string | null, what: string) => {
      if (id !== null) expect(set.has(id), `${what} → ${id}`).toBe(true);
    };

    for (const o of data.organizations) expectIn(countries, o.countryId, 'organization.countryId');
    for (const d of data.delegates) {
      expectIn(organizations, d.organizationId, 'delegate.organizationId');
      expectIn(countries, d.countryId, 'delegate.countryId');
    }
    for (const m of data.meetings) {
      expectIn(organizations, m.hostOrganizationId, 'meeting.hostOrganizationId');
      for (const id of m.coOrganizerIds) expectIn(organizations, id, 'meeting.coOrganizerIds');
    }
    for (const s of data.sessions) {
      expectIn(meetings, s.meetingId, 'session.meetingId');
      for (const id of [...s.moderatorIds, ...s.speakerIds]) expectIn(delegates, id, 'session speaker/moderator');
    }
    for (const p of data.participations) {
      expectIn(meetings, p.meetingId, 'participation.meetingId');
      expectIn(delegates, p.delegateId, 'participation.delegateId');
    }
    for (const doc of data.mouDocuments) for (const id of doc.partyCountryIds) expectIn(countries, id, 'mou party');
    for (const a of data.articles) expectIn(documents, a.documentId, 'article.documentId');
    for (const v of data.mouVersions) {
      expectIn(documents, v.documentId, 'version.documentId');
      expectIn(meetings, v.meetingId, 'version.meetingId');
      for (const frozen of v.articles) expectIn(articles, frozen.articleId, 'version article');
    }
    for (const a of data.amendments) {
      expectIn(documents, a.documentId, 'amendment.documentId');
      expectIn(articles, a.articleId, 'amendment.articleId');
      expectIn(countries, a.proposedByCountryId, 'amendment.proposedByCountryId');
      expectIn(delegates, a.proposedByDelegateId, 'amendment.proposedByDelegateId');
    }
    for (const c of data.comments) {
      const minutesIds = new Set(data.minutes.map((m) => m.id));
      expectIn(c.targetKind === 'article' ? articles : c.targetKind === 'amendment' ? amendments : minutesIds, c.targetId, 'comment.targetId');
      expectIn(delegates, c.authorDelegateId, 'comment.authorDelegateId');
    }
    const sessionIds = new Set(data.sessions.map((s) => s.id));
    for (const m of data.minutes) {
      expectIn(meetings, m.meetingId, 'minutes.meetingId');
      expectIn(sessionIds, m.approvalSessionId, 'minutes.approvalSessionId');
      expectIn(meetings, m.approvedAt?.meetingId ?? null, 'minutes.approvedAt.meetingId');
      expectIn(sessionIds, m.approvedAt?.sessionId ?? null, 'minutes.approvedAt.sessionId');
    }
    for (const p of data.positions) {
      expectIn(versions, p.versionId, 'position.versionId');
      expectIn(countries, p.countryId, 'position.countryId');
      expectIn(articles, p.articleId, 'position.articleId');
    }
  });

  it('has no duplicate participation of one delegate in one meeting', () => {
    const pairs = data.participations.map((p) => `${p.meetingId}/${p.delegateId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('keeps sessions and attendance within the meeting dates, with start before end', () => {
    for (const meeting of data.meetings) {
      const inRange = (day: string) => day >= meeting.startDate && day <= meeting.endDate;
      for (const session of data.sessions.filter((s) => s.meetingId === meeting.id)) {
        expect(inRange(session.date)).toBe(true);
        expect(session.start < session.end).toBe(true);
      }
      for (const p of data.participations.filter((x) => x.meetingId === meeting.id)) {
        expect(p.attendedDays.length).toBeGreaterThan(0);
        expect(p.attendedDays.every(inRange)).toBe(true);
      }
    }
  });

  it('tells the facts of the public page', () => {
    const [second, first] = [...data.meetings].sort((a, b) => b.startDate.localeCompare(a.startDate));
    expect(first).toMatchObject({ startDate: '2014-06-09', endDate: '2014-06-13', kind: 'workshop', status: 'held' });
    expect(first?.city).toEqual({ en: '', ru: '' });
    expect(first?.inConjunctionWith.en).toMatch(/TIFA/);
    expect(second).toMatchObject({ startDate: '2014-09-09', endDate: '2014-09-11', timeZone: 'Asia/Bishkek', kind: 'working-group' });
    expect(second?.city).toEqual({ en: 'Bishkek', ru: 'Бишкек' });

    const delegateById = new Map(data.delegates.map((d) => [d.id, d]));
    const participantsOf = (meetingId: string | undefined) => data.participations.filter((p) => p.meetingId === meetingId);

    // Meeting 1: 14 participants from five countries, Afghanistan as observer.
    const regional = participantsOf(first?.id).filter((p) => p.capacity === 'member' || p.capacity === 'observer');
    expect(regional).toHaveLength(14);
    const countriesOf = (list: typeof regional) => new Set(list.map((p) => delegateById.get(p.delegateId)?.countryId));
    expect(countriesOf(regional)).toEqual(new Set(['KZ', 'KG', 'TJ', 'TM', 'AF']));
    for (const p of regional) expect(p.capacity).toBe(delegateById.get(p.delegateId)?.countryId === 'AF' ? 'observer' : 'member');
    const roles = new Set(regional.flatMap((p) => delegateById.get(p.delegateId)?.roles ?? []));
    expect(roles).toEqual(new Set(['customs-official', 'private-sector', 'wto-negotiator']));

    // Meeting 2: members and observer from AF, KZ, KG, TJ; CBP and WCO experts; 15 Kyrgyz guests.
    const secondParticipants = participantsOf(second?.id);
    const guests = secondParticipants.filter((p) => p.capacity === 'guest');
    expect(guests).toHaveLength(15);
    for (const guest of guests) {
      expect(guest.status).toBe('attended');
      expect(delegateById.get(guest.delegateId)?.countryId).toBe('KG');
    }
    expect(countriesOf(secondParticipants.filter((p) => p.capacity === 'member' || p.capacity === 'observer'))).toEqual(
      new Set(['AF', 'KZ', 'KG', 'TJ']),
    );
    const expertOrganizations = new Set(
      secondParticipants
        .filter((p) => p.capacity === 'expert')
        .map((p) => data.organizations.find((o) => o.id === delegateById.get(p.delegateId)?.organizationId)?.acronym),
    );
    expect(expertOrganizations).toEqual(new Set(['CBP', 'WCO']));
    const siteVisit = data.sessions.find((s) => s.meetingId === second?.id && s.kind === 'site-visit');
    expect(siteVisit?.location.en).toMatch(/OSCE Customs Training Center/);
  });

  it('makes every person plainly fictitious, with example.org addresses', () => {
    for (const delegate of data.delegates) {
      expect(delegate.notes).toBe(FICTITIOUS_NOTE);
      expect(delegate.email).toMatch(/^[a-z]\.[a-z]+@example\.org$/);
      expect(delegate.nameNative).not.toBe('');
    }
    const consents = new Set(data.delegates.map((d) => `${String(d.consentPrintContacts)}/${String(d.consentShareContacts)}`));
    expect(consents.size).toBeGreaterThan(2);
    const afghans = data.delegates.filter((d) => d.countryId === 'AF');
    for (const delegate of afghans) expect(delegate.nameNative).toMatch(/^[\u0600-\u06FF\s]+$/);
  });

  it('writes the MoU draft as numbered paragraphs with the same structure in both languages', () => {
    const markers = (text: string) =>
      text.split('\n').map((line) => {
        const match = /^(\d+\.|\([a-z]\)) \S/.exec(line);
        expect(match, line).not.toBeNull();
        return match?.[1];
      });
    const texts = [
      ...data.articles,
      ...data.mouVersions.flatMap((version) => version.articles),
      ...data.amendments.filter((amendment) => amendment.kind !== 'delete'),
    ];
    for (const text of texts) {
      expect(markers(text.body.ru)).toEqual(markers(text.body.en));
      expect(checkNumbering(text.body.en)).toEqual([]);
      expect(text.heading.en).not.toBe('');
      expect(text.heading.ru).not.toBe('');
      expect(text.body.ru).toMatch(/[а-я]/);
    }
    expect(data.articles).toHaveLength(12);
    const orders = data.articles.map((a) => a.order);
    expect([...orders].sort((a, b) => a - b)).toEqual(orders);
    expect(data.articles.some((a) => /Afghanistan/.test(a.body.en) && /Афганистан/.test(a.body.ru))).toBe(true);
  });

  it('freezes the first draft in version 1 (second meeting) and the current text in version 2', () => {
    const [first, second] = [...data.mouVersions].sort((a, b) => a.number - b.number);
    const meeting = data.meetings.find((m) => m.startDate === '2014-09-09');
    expect(first).toMatchObject({ number: 1, label: 'First draft', meetingId: meeting?.id, documentId: data.mouDocuments[0]?.id });
    expect(second).toMatchObject({ number: 2, label: 'Second draft', meetingId: null, documentId: data.mouDocuments[0]?.id });
    // The current text as read: open square brackets printed "[a / b]" where the text holds their markers.
    const index = indexBrackets(data.brackets, data.bracketAlternatives);
    expect(second?.articles).toEqual(data.articles.map((a) => ({ articleId: a.id, heading: a.heading, body: { en: shownBody(a, 'en', index), ru: shownBody(a, 'ru', index) } })));
    expect(first?.articles).toHaveLength(11);
    // Between the two drafts: one article inserted (Article 6), one article's words changed.
    const comparison = compareVersions(first?.articles ?? [], second?.articles ?? [], 'en');
    expect(summarizeComparison(comparison)).toMatchObject({ added: 1, removed: 0, moved: 0, changed: 1, unchanged: 10 });
    const changed = comparison.find((result) => result.status === 'changed');
    expect(changed?.body.filter((segment) => segment.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'twice' },
      { kind: 'insert', text: 'once' },
    ]);
    expect(comparison.find((result) => result.status === 'added')).toMatchObject({ newNumber: 6, oldNumber: null });
  });

  it('applies the accepted amendments to the text and bases the open ones on the current stamp', () => {
    const byStatus = (status: string) => data.amendments.filter((amendment) => amendment.status === status);
    expect(byStatus('accepted')).toHaveLength(2);
    expect(byStatus('rejected')).toHaveLength(1);
    expect(byStatus('withdrawn')).toHaveLength(1);
    expect(byStatus('proposed')).toHaveLength(1);
    for (const amendment of byStatus('accepted')) {
      const changed = data.articles.find((a) => a.changedByAmendmentId === amendment.id);
      expect(changed?.heading).toEqual(amendment.heading);
      expect(changed?.body).toEqual(amendment.body);
    }
    for (const amendment of data.amendments) {
      const article = data.articles.find((a) => a.id === amendment.articleId);
      expect(article, amendment.id).toBeDefined();
      expect(compareStamps(amendment.hlc, article?.hlc ?? '')).toBe(1);
      if (amendment.status === 'proposed') {
        expect(amendment.baseArticleHlc).toBe(article?.hlc);
        expect(article && findAmendmentConflict(amendment, article)).toBeNull();
      }
      if (amendment.kind === 'replace' && amendment.status !== 'accepted') {
        expect(amendment.baseText).toEqual({ heading: article?.heading, body: article?.body });
      }
      expect(amendment.decidedOn === null).toBe(amendment.status === 'proposed');
    }
  });

  it('keeps one position per party and article of a version', () => {
    const cells = data.positions.map((p) => `${p.versionId}/${p.countryId}/${p.articleId ?? ''}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const position of data.positions) {
      expect(position.id).toBe(positionId(position.versionId, position.countryId, position.articleId));
      expect(data.mouDocuments[0]?.partyCountryIds).toContain(position.countryId);
      expect(position.reservation !== '').toBe(position.stance === 'reservation');
    }
  });
});
