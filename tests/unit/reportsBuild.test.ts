/**
 * What each report contains (shared/reports/build.ts), from the sample data and small
 * generated records: grouping and order, consent to printed contacts, attendance totals,
 * the DRAFT rule, the MoU comparison, and refusals for things a source does not hold.
 */
import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  buildCertificates,
  buildMeetingReport,
  buildMou,
  buildParticipants,
  buildReport,
  ReportInputError,
} from '../../shared/reports/build';
import type { MouModel } from '../../shared/reports/model';
import type { MouSpec, ReportSource } from '../../shared/reports/spec';
import { sampleId } from '../../shared/sample/sampleData';
import {
  benchMouSource,
  delegate,
  meeting,
  noSessionsSource,
  participation,
  SAMPLE,
  sampleSource,
  session,
} from '../fixtures/reports';

const PRINTED_ON = '2026-03-12';
const source = sampleSource();

function mouSpec(patch: Partial<MouSpec> = {}): MouSpec {
  return {
    kind: 'mou',
    documentId: SAMPLE.mou,
    version: null,
    compareWith: null,
    annex: false,
    lineNumbers: false,
    language: 'en',
    paper: 'a4',
    ...patch,
  };
}

function text(model: MouModel, number: number, lang: 'en' | 'ru' = 'en'): string {
  const article = model.articles.find((candidate) => candidate.number === number);
  return (article?.text[lang].lines ?? []).map((line) => line.map((segment) => segment.text).join('')).join('\n');
}

describe('agenda', () => {
  it('has one section per meeting day, sessions in time order, and the venue time zone', () => {
    const model = buildAgenda({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en+ru', paper: 'a4' }, source, PRINTED_ON);
    expect(model.days.map((day) => [day.date, day.number])).toEqual([
      ['2014-09-09', 1],
      ['2014-09-10', 2],
      ['2014-09-11', 3],
    ]);
    expect(model.sessionCount).toBe(9);
    for (const day of model.days) {
      const starts = day.sessions.map((s) => s.start);
      expect(starts).toEqual([...starts].sort());
    }
    const valuation = model.days[0]?.sessions.find((s) => s.title.en === 'Customs valuation');
    expect(valuation?.speakers.map((person) => person.latin)).toEqual(['Robert Hayes', 'Marc Dubois']);
    expect(valuation?.speakers.map((person) => person.native)).toEqual(['Роберт Хейз', 'Марк Дюбуа']);
    expect(model.meeting.timeZone).toBe('Asia/Bishkek');
    expect(model.draft).toBe(false);
    expect(model.title).toEqual({
      en: 'Agenda — Second meeting of the Customs Working Group',
      ru: 'Повестка дня — Второе заседание Таможенной рабочей группы',
    });
  });

  it('is marked DRAFT while planned, CANCELLED when cancelled, and counts no sessions when there are none', () => {
    const { source: empty, meetingId } = noSessionsSource();
    const confirmed = buildAgenda({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, empty, PRINTED_ON);
    expect(confirmed.sessionCount).toBe(0);
    expect(confirmed.draft).toBe(false);
    const planned: ReportSource = { ...empty, meetings: empty.meetings.map((m) => ({ ...m, status: 'planned' as const })) };
    expect(buildAgenda({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, planned, PRINTED_ON).draft).toBe(true);
    const cancelled: ReportSource = { ...empty, meetings: empty.meetings.map((m) => ({ ...m, status: 'cancelled' as const })) };
    const model = buildAgenda({ kind: 'agenda', meetingId, language: 'en', paper: 'a4' }, cancelled, PRINTED_ON);
    expect([model.draft, model.cancelled]).toEqual([false, true]);
  });

  it('keeps a session dated outside the meeting on a day of its own rather than dropping it', () => {
    const m = meeting({ key: 'outside', startDate: '2026-10-06', endDate: '2026-10-06' });
    const data: ReportSource = {
      ...noSessionsSource().source,
      meetings: [m],
      sessions: [
        session(m.id, { key: 'late', date: '2026-10-07', start: '10:00' }),
        session(m.id, { key: 'b', start: '09:00', order: 1 }),
        session(m.id, { key: 'a', start: '09:00', order: 0 }),
        { ...session(m.id, { key: 'gone', start: '08:00' }), deleted: true },
      ],
    };
    const model = buildAgenda({ kind: 'agenda', meetingId: m.id, language: 'en', paper: 'a4' }, data, PRINTED_ON);
    expect(model.days.map((day) => [day.date, day.sessions.length])).toEqual([
      ['2026-10-06', 2],
      ['2026-10-07', 1],
    ]);
    const [, second, first] = data.sessions;
    expect(model.days[0]?.sessions.map((s) => s.id)).toEqual([first?.id, second?.id]);
  });

  it('refuses a meeting that is not in the source, or only as a tombstone', () => {
    expect(() => buildReport({ kind: 'agenda', meetingId: 'nope', language: 'en', paper: 'a4' }, source, PRINTED_ON)).toThrow(
      ReportInputError,
    );
    const deleted: ReportSource = { ...source, meetings: source.meetings.map((m) => ({ ...m, deleted: true })) };
    try {
      buildReport({ kind: 'agenda', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' }, deleted, PRINTED_ON);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReportInputError);
      expect((error as ReportInputError).reason).toBe('meeting-not-found');
    }
  });
});

describe('participants list', () => {
  it('groups by country (in the report language), then capacity, with people without a country last', () => {
    const model = buildParticipants(
      { kind: 'participants', meetingId: SAMPLE.secondMeeting, language: 'ru', paper: 'a4', nameScript: 'native', contacts: false },
      source,
      PRINTED_ON,
    );
    expect(model.groups.map((group) => group.country?.name.ru ?? null)).toEqual([
      'Афганистан',
      'Казахстан',
      'Кыргызстан',
      'США',
      'Таджикистан',
      null,
    ]);
    const kyrgyz = model.groups.find((group) => group.country?.id === 'KG');
    expect(kyrgyz?.capacities.map((entry) => [entry.capacity, entry.people.length])).toEqual([
      ['member', 2],
      ['guest', 15],
    ]);
    expect(model.total).toBe(28);
    expect(model.countryCount).toBe(5);
  });

  it('prints contacts only when asked for, and then only of people who consented', () => {
    const m = meeting({ key: 'contacts' });
    const yes = delegate({ key: 'yes', nameLatin: 'Anna Agreed', email: 'yes@example.org', phone: '+996 555 000 001', consentPrintContacts: true });
    const no = delegate({ key: 'no', nameLatin: 'Boris Private', email: 'no@example.org', phone: '+996 555 000 002', consentPrintContacts: false });
    const declined = delegate({ key: 'declined', nameLatin: 'Declined Person' });
    const absent = delegate({ key: 'absent', nameLatin: 'Absent Person' });
    const data: ReportSource = {
      ...noSessionsSource().source,
      meetings: [m],
      delegates: [yes, no, declined, absent],
      participations: [
        participation(m.id, yes.id),
        participation(m.id, no.id),
        participation(m.id, declined.id, { status: 'declined' }),
        participation(m.id, absent.id, { status: 'absent' }),
      ],
    };
    const spec = { kind: 'participants', meetingId: m.id, language: 'en', paper: 'a4', nameScript: 'latin' } as const;
    const withContacts = buildParticipants({ ...spec, contacts: true }, data, PRINTED_ON);
    const rows = withContacts.groups.flatMap((group) => group.capacities.flatMap((entry) => entry.people));
    expect(rows.map((row) => [row.id, row.email, row.phone, row.contactWithheld])).toEqual([
      [yes.id, 'yes@example.org', '+996 555 000 001', false],
      [no.id, null, null, true],
    ]);
    const without = buildParticipants({ ...spec, contacts: false }, data, PRINTED_ON);
    const plain = without.groups.flatMap((group) => group.capacities.flatMap((entry) => entry.people));
    expect(plain.every((row) => row.email === null && row.phone === null && !row.contactWithheld)).toBe(true);
    expect(without.total).toBe(2);
    // A planned meeting's list is a draft.
    expect(without.draft).toBe(true);
  });

  it('lists a person once even when two participations for them arrived (the first capacity wins)', () => {
    const m = meeting({ key: 'twice' });
    const person = delegate({ key: 'twice' });
    const data: ReportSource = {
      ...noSessionsSource().source,
      meetings: [m],
      delegates: [person],
      participations: [
        { ...participation(m.id, person.id, { capacity: 'guest' }), id: 'p-guest' },
        { ...participation(m.id, person.id, { capacity: 'member' }), id: 'p-member' },
      ],
    };
    const model = buildParticipants(
      { kind: 'participants', meetingId: m.id, language: 'en', paper: 'a4', nameScript: 'both', contacts: false },
      data,
      PRINTED_ON,
    );
    expect(model.total).toBe(1);
    expect(model.groups[0]?.capacities.map((entry) => entry.capacity)).toEqual(['member']);
  });
});

describe('meeting report', () => {
  it('counts attendance by country and capacity: 15 Kyrgyz guests beside 2 members', () => {
    const model = buildMeetingReport({ kind: 'meeting-report', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' }, source, PRINTED_ON);
    const kyrgyz = model.attendance.rows.find((row) => row.country?.id === 'KG');
    expect(kyrgyz?.counts).toEqual({ member: 2, guest: 15 });
    expect(kyrgyz?.total).toBe(17);
    expect(model.attendance.total).toBe(28);
    expect(model.attendance.capacities).toEqual(['member', 'observer', 'guest', 'expert', 'organizer']);
    const sum = model.attendance.rows.reduce((total, row) => total + row.total, 0);
    expect(sum).toBe(model.attendance.total);
    expect(model.draft).toBe(false);
    const mouSession = model.days.flatMap((day) => day.sessions).find((s) => s.title.en.startsWith('Memorandum'));
    expect(model.outcomes[mouSession?.id ?? '']?.en).toContain('first draft');
  });

  it('prints decisions and action items in their order, with owners', () => {
    const { source: base, meetingId } = noSessionsSource();
    const owner = delegate({ key: 'owner', nameLatin: 'Aida Owner' });
    const stamp = { hlc: 'h', origin: 'o', deleted: false };
    const data: ReportSource = {
      ...base,
      delegates: [...base.delegates, owner],
      decisions: [
        { id: 'd2', meetingId, order: 2, text: { en: 'Second', ru: 'Второе' }, ...stamp },
        { id: 'd1', meetingId, order: 1, text: { en: 'First', ru: 'Первое' }, ...stamp },
        { id: 'dx', meetingId, order: 0, text: { en: 'Deleted', ru: 'Удалено' }, ...stamp, deleted: true },
      ],
      actionItems: [
        {
          id: 'a1',
          meetingId,
          order: 1,
          text: { en: 'Circulate the draft', ru: 'Разослать проект' },
          ownerDelegateId: owner.id,
          ownerName: { en: 'Secretariat', ru: 'Секретариат' },
          dueDate: '2026-11-01',
          done: false,
          ...stamp,
        },
      ],
    };
    const model = buildMeetingReport({ kind: 'meeting-report', meetingId, language: 'en', paper: 'a4' }, data, PRINTED_ON);
    expect(model.decisions.map((decision) => decision.text.en)).toEqual(['First', 'Second']);
    expect(model.actionItems).toEqual([
      {
        text: { en: 'Circulate the draft', ru: 'Разослать проект' },
        owner: { person: { latin: 'Aida Owner', native: 'Тест Персона', honorific: 'Mr.' }, name: { en: 'Secretariat', ru: 'Секретариат' } },
        dueDate: '2026-11-01',
        done: false,
      },
    ]);
    expect(model.draft).toBe(true);
  });
});

describe('certificates', () => {
  it('gives one to every attendee but organizers and the secretariat, with days attended', () => {
    const model = buildCertificates({ kind: 'certificates', meetingId: SAMPLE.secondMeeting, language: 'en', paper: 'a4' }, source, PRINTED_ON);
    expect(model.certificates).toHaveLength(26);
    expect(model.certificates.some((c) => c.name.latin === 'Sarah Mitchell')).toBe(false);
    const guest = model.certificates.find((c) => c.name.latin === 'Azamat Osmonov');
    expect(guest?.daysAttended).toBe(2);
    expect(model.totalDays).toBe(3);
    expect(model.programme.map((title) => title.en)).toContain('Risk management');
    expect(model.programme.map((title) => title.en)).not.toContain('Closing');
  });
});

describe('MoU', () => {
  it('prints the working text numbered in order, or a frozen version', () => {
    const working = buildMou(mouSpec(), source, PRINTED_ON);
    const ordered = source.articles.filter((a) => a.documentId === SAMPLE.mou && !a.deleted).sort((a, b) => a.order - b.order);
    expect(working.articles.map((article) => article.number)).toEqual(ordered.map((_, index) => index + 1));
    expect(working.articles[0]?.text.en.heading).toEqual([{ kind: 'equal', text: ordered[0]?.heading.en }]);
    expect(working.version).toBeNull();
    expect(working.draft).toBe(true);

    const v1 = buildMou(mouSpec({ version: 1 }), source, PRINTED_ON);
    expect(v1.version).toEqual({ number: 1, label: 'First draft', date: '2014-09-11' });
    expect(text(v1, 1)).toContain('1. The customs services of the Republic of Kazakhstan');
  });

  it('marks words inserted and deleted, new, removed and moved articles against an earlier version', () => {
    const { source: bench, documentId } = benchMouSource(12);
    const model = buildMou(mouSpec({ documentId, version: 2, compareWith: 1, language: 'en+ru' }), bench, PRINTED_ON);
    expect(model.comparedWith?.number).toBe(1);
    const changes = model.articles.map((article) => article.change);
    expect(changes).toContain('deleted');
    expect(changes).toContain('added');
    expect(changes).toContain('changed');
    const deleted = model.articles.find((article) => article.change === 'deleted');
    expect(deleted?.number).toBeNull();
    expect(deleted?.text.ru.heading).toEqual([{ kind: 'delete', text: 'Переходные положения' }]);
    const changed = model.articles.find((article) => article.change === 'changed');
    const segments = changed?.text.en.lines.flat() ?? [];
    expect(segments.filter((segment) => segment.kind === 'insert').map((segment) => segment.text.trim())).toContain('promptly');
    // Numbers follow the printed text; deleted articles have none.
    const numbers = model.articles.flatMap((article) => (article.number === null ? [] : [article.number]));
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
  });

  it('refuses to compare with a version that is not earlier, or does not exist', () => {
    const reason = (spec: MouSpec) => {
      try {
        buildMou(spec, source, PRINTED_ON);
        return null;
      } catch (error) {
        return error instanceof ReportInputError ? error.reason : 'other';
      }
    };
    expect(reason(mouSpec({ version: 1, compareWith: 1 }))).toBe('compare-not-earlier');
    expect(reason(mouSpec({ version: 1, compareWith: 2 }))).toBe('compare-not-earlier');
    expect(reason(mouSpec({ version: 9 }))).toBe('version-not-found');
    expect(reason(mouSpec({ compareWith: 9 }))).toBe('version-not-found');
    expect(reason(mouSpec({ documentId: 'nope' }))).toBe('document-not-found');
    expect(reason(mouSpec({ compareWith: 1 }))).toBeNull();
  });

  it('lists amendments in the annex with the article they concern in the printed numbering', () => {
    const model = buildMou(mouSpec({ annex: true }), source, PRINTED_ON);
    const amendments = source.amendments.filter((a) => a.documentId === SAMPLE.mou && !a.deleted);
    expect(model.annex).toHaveLength(amendments.length);
    const meetingsArticle = sampleId('article', 'meetings');
    const printedNumber = model.articles.findIndex((article) => article.key === meetingsArticle) + 1;
    const kz = model.annex?.find((a) => a.proposedBy.country?.en === 'Kazakhstan');
    expect(kz?.target).toEqual({ type: 'article', number: printedNumber });
    expect(kz?.proposedBy.person?.latin).toBe('Aigerim Seitkali');
    expect(buildMou(mouSpec(), source, PRINTED_ON).annex).toBeNull();
  });
});
