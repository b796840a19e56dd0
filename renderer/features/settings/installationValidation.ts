/** Checks the installation form and names each problem by its i18n key, per field. */
import type { InstallationRole } from '../../../shared/model';

export interface InstallationInput {
  displayName: string;
  role: InstallationRole;
  countryId: string | null;
}

export type InstallationErrors = Partial<
  Record<'displayName', 'validation.required' | 'validation.tooLong'> & Record<'countryId', 'validation.countryRequired'>
>;

export const MAX_INSTALLATION_NAME = 120;

export function validateInstallationInput(input: InstallationInput): InstallationErrors {
  const errors: InstallationErrors = {};
  const name = input.displayName.trim();
  if (name === '') errors.displayName = 'validation.required';
  else if (name.length > MAX_INSTALLATION_NAME) errors.displayName = 'validation.tooLong';
  if (input.role === 'delegation' && !input.countryId) errors.countryId = 'validation.countryRequired';
  return errors;
}
