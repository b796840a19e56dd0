/**
 * Reports from files (the command line): both file shapes are read, invalid records are
 * reported with their place, later copies of a record win, one report's records are
 * picked out of a whole export; and the command's arguments are checked before anything
 * is read.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportArgs } from '../../cli/report';
import { readReportTables, ReportFileError, sourceForSpec } from '../../shared/reports/source';
import { buildSampleData } from '../../shared/sample/sampleData';
import { ORIGIN, SAMPLE, stamper } from '../fixtures/reports';

function exportShape() {
  return { ...buildSampleData({ origin: ORIGIN, stamp: stamper() }), installation: [{ key: 'self' }], meta: [{ key: 'clock', value: 1 }] };
}

describe('reading a data file', () => {
  it('reads the app export shape and ignores local tables', () => {
    const data = exportShape();
    const { tables, issues, shape } = readReportTables(data);
    expect(shape).toBe('export');
    expect(issues).toEqual([]);
    expect(tables.meetings).toHaveLength(2);
    expect(tables.delegates).toHaveLength(data.delegates.length);
    expect(Object.keys(tables)).not.toContain('installation');
  });

  it('reads changes and merged sync bundles; the latest copy of a record wins', () => {
    const data = exportShape();
    const [first, second] = data.meetings;
    if (!first || !second) throw new Error('sample has two meetings');
    const renamed = { ...first, title: { en: 'Renamed', ru: 'Переименовано' }, hlc: `${first.hlc}z` };
    const changes = (records: object) => ({ header: { format: 'cwg-desk-bundle', kind: 'changes' }, payload: { changes: records } });
    const single = readReportTables(changes({ meetings: [renamed, first, second], countries: data.countries }));
    expect(single.shape).toBe('bundle');
    expect(single.tables.meetings.map((meeting) => meeting.title.en).sort()).toEqual(['Renamed', second.title.en].sort());

    const merged = readReportTables({
      header: { format: 'cwg-desk-bundle', kind: 'merged' },
      payload: { parts: [changes({ meetings: [first] }), changes({ meetings: [renamed], sessions: data.sessions })] },
    });
    expect(merged.tables.meetings).toEqual([renamed]);
    expect(merged.tables.sessions).toHaveLength(data.sessions.length);
  });

  it('lists invalid records by table, index and field', () => {
    const data = exportShape();
    const broken = {
      ...data,
      meetings: [{ ...data.meetings[0], startDate: '9 Sept 2014' }, data.meetings[1]],
      delegates: [{ id: 'not-a-uuid' }],
    };
    const { issues } = readReportTables(broken);
    expect(issues).toContain('meetings[0].startDate: date must be YYYY-MM-DD');
    expect(issues.some((issue) => issue.startsWith('delegates[0].id:'))).toBe(true);
    expect(issues.length).toBeLessThanOrEqual(20);
  });

  it.each([
    ['an array', []],
    ['a number', 42],
    ['an object without tables', { hello: 'world' }],
    ['a bundle without payload', { header: { format: 'cwg-desk-bundle', kind: 'changes' } }],
    ['a merged bundle without parts', { header: { format: 'cwg-desk-bundle', kind: 'merged' }, payload: {} }],
  ])('refuses %s with a sentence', (_name, json) => {
    expect(() => readReportTables(json)).toThrow(ReportFileError);
  });

  it('picks out one meeting’s records, or one document’s', () => {
    const { tables } = readReportTables(exportShape());
    const agenda = sourceForSpec({ kind: 'agenda', meetingId: SAMPLE.firstMeeting, language: 'en', paper: 'a4' }, tables);
    expect(agenda.meetings.map((meeting) => meeting.id)).toEqual([SAMPLE.firstMeeting]);
    expect(agenda.sessions.every((session) => session.meetingId === SAMPLE.firstMeeting)).toBe(true);
    expect(agenda.sessions).toHaveLength(14);
    expect(agenda.mouDocuments).toEqual([]);
    // Only the people of this meeting: no Kyrgyz guests of the second one.
    expect(agenda.delegates.some((delegate) => delegate.nameLatin === 'Azamat Osmonov')).toBe(false);
    const mou = sourceForSpec(
      { kind: 'mou', documentId: SAMPLE.mou, version: null, compareWith: null, annex: true, lineNumbers: false, language: 'en', paper: 'a4' },
      tables,
    );
    // Only the meeting where a bracket was agreed (Bishkek), for where and by whom.
    expect(mou.meetings.map((meeting) => meeting.city.en)).toEqual(['Bishkek']);
    expect(mou.brackets).toHaveLength(4);
    expect(mou.bracketAlternatives.every((alternative) => alternative.documentId === SAMPLE.mou)).toBe(true);
    expect(mou.mouVersions.length).toBeGreaterThan(0);
    expect(mou.delegates.map((delegate) => delegate.nameLatin)).toContain('Aigerim Seitkali');
  });
});

describe('cwg report arguments', () => {
  const base = ['--bundle', 'data.json', '--out', 'out.pdf'];

  it('build the spec of each kind', () => {
    expect(parseReportArgs(['agenda', '--meeting', 'm1', ...base, '--lang', 'en+ru', '--paper', 'letter']).jobs[0]?.spec).toEqual({
      kind: 'agenda',
      meetingId: 'm1',
      language: 'en+ru',
      paper: 'letter',
    });
    expect(parseReportArgs(['participants', '--meeting', 'm1', ...base, '--lang', 'ru', '--contacts']).jobs[0]?.spec).toEqual({
      kind: 'participants',
      meetingId: 'm1',
      nameScript: 'native',
      contacts: true,
      language: 'ru',
      paper: 'a4',
    });
    expect(parseReportArgs(['mou', '--mou', 'd1', '--version', '3', '--compare', '2', '--annex', '--line-numbers', ...base]).jobs[0]?.spec).toEqual({
      kind: 'mou',
      documentId: 'd1',
      version: 3,
      compareWith: 2,
      annex: true,
      lineNumbers: true,
      language: 'en',
      paper: 'a4',
    });
  });

  it('take several kinds at once into a folder, each option going to the kinds it concerns', () => {
    const { jobs } = parseReportArgs(
      ['agenda', 'participants', 'mou', '--meeting', 'm1', '--mou', 'd1', '--names', 'both', '--annex', '--lang', 'ru', '--bundle', 'b.json', '--out', 'print/'],
    );
    expect(jobs).toEqual([
      { spec: { kind: 'agenda', meetingId: 'm1', language: 'ru', paper: 'a4' }, out: join('print', 'agenda.pdf') },
      { spec: { kind: 'participants', meetingId: 'm1', nameScript: 'both', contacts: false, language: 'ru', paper: 'a4' }, out: join('print', 'participants.pdf') },
      {
        spec: { kind: 'mou', documentId: 'd1', version: null, compareWith: null, annex: true, lineNumbers: false, language: 'ru', paper: 'a4' },
        out: join('print', 'mou.pdf'),
      },
    ]);
    // One kind may go to a folder too.
    expect(parseReportArgs(['agenda', '--meeting', 'm1', '--bundle', 'b.json', '--out', 'print/']).jobs.map((job) => job.out)).toEqual([join('print', 'agenda.pdf')]);
  });

  it.each([
    [['agenda', '--meeting', 'm1', '--out', 'x.pdf'], /--bundle/],
    [['agenda', '--meeting', 'm1', '--bundle', 'b.json'], /--out/],
    [['agenda', ...base], /--meeting/],
    [['mou', ...base], /--mou/],
    [['poster', '--meeting', 'm1', ...base], /report kind must be one of/],
    [['agenda', 'participants', '--meeting', 'm1', ...base], /Several reports are written to a folder: --out FOLDER\//],
    [['agenda', 'agenda', '--meeting', 'm1', '--bundle', 'b.json', '--out', 'print/'], /named twice/],
    [['agenda', 'participants', '--meeting', 'm1', '--bundle', 'b.json', '--out', 'print/', '--to', 'member'], /--to applies to certificates only/],
    [['agenda', 'mou', '--meeting', 'm1', '--bundle', 'b.json', '--out', 'print/'], /--mou ID/],
    [['--meeting', 'm1', ...base], /Name the reports/],
    [['agenda', '--meeting', 'm1', '--bundle', 'b.json', '--out', 'b.json'], /\.pdf file/],
    [['agenda', '--meeting', 'm1', ...base, '--lang', 'de'], /--lang must be one of en, ru, en\+ru/],
    [['agenda', '--meeting', 'm1', ...base, '--version', '2'], /--version applies to the mou report only/],
    [['mou', '--mou', 'd', ...base, '--version', '2', '--compare', '2'], /earlier version/],
    [['mou', '--mou', 'd', ...base, '--version', 'two'], /version number/],
    [['agenda', '--meeting', 'm1', ...base, '--frobnicate'], /frobnicate/],
  ])('refuse %j', (argv, message) => {
    expect(() => parseReportArgs(argv)).toThrow(message);
  });
});
