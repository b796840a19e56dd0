/**
 * Storage faults are recognised however Dexie wraps the engine's error (directly, as an
 * AbortError's inner error, inside a bulk operation's failures, through `cause`), and are
 * told in the UI language; other errors are left to their own messages.
 */
import { Dexie } from 'dexie';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { errorText, isQuotaError, storageFault, storageFaultMessage } from '../../renderer/lib/storageErrors';
import { ApiError } from '../../renderer/lib/api';
import { ValidationError } from '../../renderer/db/errors';

const quota = () => new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');

describe('recognising storage faults', () => {
  it('finds a quota error however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError(new Dexie.QuotaExceededError(quota()))).toBe(true);
    // The engine aborts the transaction; Dexie reports AbortError with the cause inside.
    expect(isQuotaError(new Dexie.AbortError(quota()))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError(new Dexie.QuotaExceededError(quota())))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('3 of 100 operations failed', { 97: new Dexie.ConstraintError('dup'), 98: quota() }))).toBe(true);
    expect(isQuotaError(new Error('import failed', { cause: new Dexie.AbortError(quota()) }))).toBe(true);
  });

  it('does not take other errors for storage faults', () => {
    expect(isQuotaError(new Error('QuotaExceededError is only a word in this message'))).toBe(false);
    expect(storageFault(new ValidationError('delegates', [{ path: 'email', message: 'bad' }]))).toBeNull();
    expect(storageFault(new Dexie.ConstraintError('Key already exists'))).toBeNull();
    expect(storageFault('a string')).toBeNull();
    expect(storageFault(null)).toBeNull();
    // A cycle of causes ends.
    const looped = new Error('a') as Error & { cause?: unknown };
    looped.cause = looped;
    expect(storageFault(looped)).toBeNull();
  });

  it('tells a failed write apart from a full disk, with the engine’s own words as detail', () => {
    const aborted = new Dexie.AbortError(new DOMException('Internal error committing transaction.', 'UnknownError'));
    expect(storageFault(aborted)).toEqual({ kind: 'write-failed', detail: 'Internal error committing transaction.' });
    expect(storageFault(new Dexie.DatabaseClosedError())).toEqual({ kind: 'write-failed', detail: 'Database has been closed' });
    expect(storageFault(new Dexie.AbortError(quota()))).toEqual({ kind: 'quota' });
  });
});

describe('messages', () => {
  beforeAll(async () => {
    await i18next.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru } }, interpolation: { escapeValue: false } });
  });

  it('say that nothing was saved and the earlier data is intact, in English and Russian', async () => {
    const error = new Dexie.AbortError(quota());
    expect(storageFaultMessage(error, i18next.t)).toBe(en.faults.quota);
    expect(storageFaultMessage(error, i18next.t)).toMatch(/nothing was saved and your earlier data is intact/);
    await i18next.changeLanguage('ru');
    expect(storageFaultMessage(error, i18next.t)).toBe(ru.faults.quota);
    expect(storageFaultMessage(new Dexie.DatabaseClosedError(), i18next.t)).toContain('Подробности: Database has been closed');
    expect(storageFaultMessage(new Error('plain'), i18next.t)).toBeNull();
    await i18next.changeLanguage('en');
  });

  it('say a failed file operation of the main process in the UI language, from its reason', async () => {
    const full = new ApiError('io-error', 'The disk is full: "/media/usb/backup.json" could not be saved.', { reason: 'disk-full', path: '/media/usb/backup.json' });
    expect(storageFaultMessage(full, i18next.t)).toBe(
      'The disk is full: “/media/usb/backup.json” could not be saved. Nothing was written and any earlier file there is unchanged. Free some space or choose another drive.',
    );
    await i18next.changeLanguage('ru');
    expect(storageFaultMessage(full, i18next.t)).toMatch(/^Диск заполнен: не удалось сохранить «\/media\/usb\/backup\.json»/);
    await i18next.changeLanguage('en');
    // An IPC error that is not about a file keeps its own message.
    const refused = new ApiError('invalid-payload', 'Invalid request');
    expect(storageFaultMessage(refused, i18next.t)).toBeNull();
    expect(errorText(refused, i18next.t)).toBe('Invalid request');
  });
});
