/**
 * The Reports screen's choices in the URL: any choice survives a round trip through the
 * URL, nonsense in a hand-edited URL falls back to defaults, and links from other screens
 * open the report they name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { participationCapacities } from '../../shared/model';
import { nameScripts, paperSizes, reportKinds, reportLanguages, type ReportSpec } from '../../shared/reports/spec';
import {
  defaultNameScript,
  readReportChoices,
  reportLink,
  specFromChoices,
  writeReportChoices,
  type ReportChoices,
} from '../../renderer/features/reports/reportParams';

const choicesArbitrary: fc.Arbitrary<ReportChoices> = fc.record({
  kind: fc.constantFrom(...reportKinds),
  meetingId: fc.option(fc.uuid(), { nil: null }),
  documentId: fc.option(fc.uuid(), { nil: null }),
  version: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  compareWith: fc.option(fc.integer({ min: 1, max: 999 }), { nil: null }),
  language: fc.constantFrom(...reportLanguages),
  paper: fc.constantFrom(...paperSizes),
  nameScript: fc.constantFrom(...nameScripts),
  contacts: fc.boolean(),
  annex: fc.boolean(),
  lineNumbers: fc.boolean(),
  recipients: fc.option(fc.subarray([...participationCapacities]), { nil: null }),
  minDays: fc.integer({ min: 0, max: 62 }),
  perSheet: fc.constantFrom(6 as const, 8 as const, 10 as const),
  signatory: fc.record({ name: fc.string({ maxLength: 200 }), titleEn: fc.string({ maxLength: 200 }), titleRu: fc.string({ maxLength: 200 }) }),
});

describe('report choices in the URL', () => {
  it('survive a round trip', () => {
    fc.assert(
      fc.property(choicesArbitrary, fc.constantFrom('en' as const, 'ru' as const), (choices, ui) => {
        const url = new URLSearchParams(writeReportChoices(choices).toString());
        expect(readReportChoices(url, ui)).toEqual(choices);
      }),
    );
  });

  it('fall back to defaults for nonsense', () => {
    const choices = readReportChoices(new URLSearchParams('kind=poster&lang=de&paper=a0&version=-1&compare=x&names=gothic'), 'ru');
    expect(choices).toMatchObject({ kind: 'agenda', language: 'ru', paper: 'a4', version: null, compareWith: null, nameScript: 'native' });
    expect(defaultNameScript('en+ru')).toBe('both');
  });

  it('give a spec only once a meeting or document is chosen', () => {
    const none = readReportChoices(new URLSearchParams('kind=mou'), 'en');
    expect(specFromChoices(none)).toBeNull();
    expect(specFromChoices({ ...none, documentId: 'd' })).toMatchObject({ kind: 'mou', documentId: 'd', version: null });
  });

  it('make links that open the same report', () => {
    const spec = { kind: 'participants', meetingId: 'm-1', nameScript: 'native', contacts: true, language: 'en', paper: 'letter' } as const;
    const link = reportLink(spec);
    expect(link.startsWith('/reports?')).toBe(true);
    expect(specFromChoices(readReportChoices(new URLSearchParams(link.split('?')[1]), 'ru'))).toEqual(spec);
    const certificates: ReportSpec = {
      kind: 'certificates',
      meetingId: 'm-2',
      recipients: { capacities: ['expert', 'trainee'], minDays: 2 },
      signatory: { name: { en: 'A. Dzhaparov', ru: 'A. Dzhaparov' }, title: { en: 'Chair', ru: 'Председатель' } },
      language: 'en+ru',
      paper: 'a4',
    };
    expect(specFromChoices(readReportChoices(new URLSearchParams(reportLink(certificates).split('?')[1]), 'en'))).toEqual(certificates);
  });
});
