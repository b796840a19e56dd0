/**
 * A delegation's screens offer what its peers accept (issue 16 item 3): every action the
 * MoU screens offer a delegation on a proposal is one the authority table
 * (shared/sync/authorityRules.ts, canEdit: the same rules as judgeChange) accepts from it.
 */
import { describe, expect, it } from 'vitest';
import { amendmentStatuses } from '../../shared/model';
import { mayActOnAmendment, mayDeleteAmendment } from '../../shared/mou/amendments';
import { canEdit } from '../../shared/sync/authorityRules';

const amendment = (status: (typeof amendmentStatuses)[number], proposedByCountryId: string | null) => ({
  documentId: 'doc',
  articleId: 'art',
  kind: 'replace',
  proposedByCountryId,
  proposedByDelegateId: null,
  proposedOn: '2015-03-01',
  heading: { en: 'H', ru: 'З' },
  body: { en: 'B', ru: 'Т' },
  rationale: { en: 'R', ru: '' },
  baseArticleHlc: null,
  baseText: null,
  status,
  decisionReason: '',
  decidedOn: status === 'proposed' ? null : '2015-03-02',
});

describe('a delegation’s proposals', () => {
  const kz = { role: 'delegation' as const, countryId: 'KZ' };

  it('may be deleted on screen exactly where peers accept the deletion, among undecided proposals', () => {
    for (const status of ['proposed', 'withdrawn'] as const) {
      for (const country of ['KZ', 'KG', null]) {
        const record = amendment(status, country);
        const offered = mayDeleteAmendment(record, kz);
        const accepted = canEdit('delegation', 'KZ', 'amendments', { ...record, deleted: true });
        expect(offered, `${status} of ${String(country)}`).toBe(accepted);
        expect(offered).toBe(country === 'KZ');
      }
    }
  });

  it('are never offered a decision, which peers refuse; withdrawing its own is offered and accepted', () => {
    for (const status of amendmentStatuses) {
      for (const action of ['accept', 'reject', 'supersede'] as const) {
        expect(mayActOnAmendment(action, amendment('proposed', 'KZ'), kz)).toBe(false);
      }
      if (status === 'accepted' || status === 'rejected' || status === 'superseded') {
        expect(canEdit('delegation', 'KZ', 'amendments', { ...amendment(status, 'KZ'), decisionReason: 'x' }, 'status')).toBe(false);
      }
    }
    expect(mayActOnAmendment('withdraw', amendment('proposed', 'KZ'), kz)).toBe(true);
    expect(canEdit('delegation', 'KZ', 'amendments', { ...amendment('withdrawn', 'KZ'), decidedOn: '2015-03-02' })).toBe(true);
    expect(mayActOnAmendment('withdraw', amendment('proposed', 'KG'), kz)).toBe(false);
    expect(canEdit('delegation', 'KZ', 'amendments', amendment('withdrawn', 'KG'))).toBe(false);
  });
});
