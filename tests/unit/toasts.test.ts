/** The notification area's rules: at most three, a repeat merged into the one on screen, information going first. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOASTS, useToasts } from '../../renderer/stores/toasts';

const shown = () => useToasts.getState().toasts.map((toast) => [toast.kind, toast.message, toast.repeats]);
const show = (kind: 'info' | 'error', message: string) => {
  useToasts.getState().show(kind, message);
};

describe('notifications', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    for (const toast of useToasts.getState().toasts) useToasts.getState().dismiss(toast.id);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('merges a message shown again while it is on screen, counting it and starting its time again', () => {
    show('info', 'Saved.');
    vi.advanceTimersByTime(5000);
    show('info', 'Saved.');
    expect(shown()).toEqual([['info', 'Saved.', 2]]);
    vi.advanceTimersByTime(5000);
    expect(shown()).toEqual([['info', 'Saved.', 2]]);
    vi.advanceTimersByTime(1000);
    expect(shown()).toEqual([]);
    // The same text as an error is another notification.
    show('info', 'Disk full');
    show('error', 'Disk full');
    expect(shown()).toEqual([
      ['info', 'Disk full', 1],
      ['error', 'Disk full', 1],
    ]);
  });

  it('shows at most three, pushing out the oldest information before any error', () => {
    expect(MAX_TOASTS).toBe(3);
    show('error', 'E1');
    show('info', 'I1');
    show('info', 'I2');
    show('info', 'I3');
    expect(shown()).toEqual([
      ['error', 'E1', 1],
      ['info', 'I2', 1],
      ['info', 'I3', 1],
    ]);
    show('error', 'E2');
    show('error', 'E3');
    expect(shown()).toEqual([
      ['error', 'E1', 1],
      ['error', 'E2', 1],
      ['error', 'E3', 1],
    ]);
    show('error', 'E4');
    expect(shown().map(([, message]) => message)).toEqual(['E2', 'E3', 'E4']);
    // Errors stay until dismissed.
    vi.advanceTimersByTime(60_000);
    expect(shown()).toHaveLength(3);
  });
});
