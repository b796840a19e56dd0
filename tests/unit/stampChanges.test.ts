import { describe, expect, it } from 'vitest';
import type { Country } from '../../shared/model';
import { fieldStamp, stampChanges } from '../../shared/sync/stampChanges';

const base = { id: 'KZ', deleted: false, name: { en: 'Kazakhstan', ru: 'Казахстан' }, membership: 'member' as const };

describe('stampChanges', () => {
  it('stamps every field of a new record', () => {
    const record = stampChanges<Country>(undefined, base, { hlc: 'h1', origin: 'a' });
    expect(record).toEqual({ ...base, hlc: 'h1', origin: 'a', fieldStamps: { deleted: 'h1', name: 'h1', membership: 'h1' } });
  });

  it('restamps only the fields that changed, deep-comparing values', () => {
    const first = stampChanges<Country>(undefined, base, { hlc: 'h1', origin: 'a' });
    if (!first) throw new Error('expected a record');
    const second = stampChanges<Country>(first, { ...base, name: { en: 'Kazakhstan', ru: 'Казахстан' }, membership: 'observer' }, { hlc: 'h2', origin: 'b' });
    expect(second?.fieldStamps).toEqual({ deleted: 'h1', name: 'h1', membership: 'h2' });
    expect(second).toMatchObject({ hlc: 'h2', origin: 'b', membership: 'observer' });
    if (!second) throw new Error('expected a record');
    expect(fieldStamp(second, 'name')).toBe('h1');
  });

  it('returns null when nothing changed, so no edit is invented', () => {
    const first = stampChanges<Country>(undefined, base, { hlc: 'h1', origin: 'a' });
    if (!first) throw new Error('expected a record');
    expect(stampChanges<Country>(first, { ...base }, { hlc: 'h2', origin: 'a' })).toBeNull();
  });

  it('treats a record without fieldStamps as changed entirely at its hlc', () => {
    const legacy: Country = { ...base, hlc: 'h0', origin: 'seed' };
    const next = stampChanges<Country>(legacy, { ...base, deleted: true }, { hlc: 'h5', origin: 'a' });
    expect(next?.fieldStamps).toEqual({ deleted: 'h5', name: 'h0', membership: 'h0' });
  });
});
