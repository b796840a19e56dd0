import { describe, expect, it } from 'vitest';
import { validateInstallationInput } from '../../renderer/features/settings/installationValidation';

describe('installation form validation', () => {
  it('accepts a named secretariat without a country', () => {
    expect(validateInstallationInput({ displayName: 'Secretariat laptop', role: 'secretariat', countryId: null })).toEqual({});
  });

  it('names each problem by field', () => {
    expect(validateInstallationInput({ displayName: '   ', role: 'delegation', countryId: null })).toEqual({
      displayName: 'validation.required',
      countryId: 'validation.countryRequired',
    });
    expect(validateInstallationInput({ displayName: 'x'.repeat(121), role: 'delegation', countryId: 'KG' })).toEqual({
      displayName: 'validation.tooLong',
    });
    expect(validateInstallationInput({ displayName: 'x'.repeat(120), role: 'delegation', countryId: 'KG' })).toEqual({});
  });
});
