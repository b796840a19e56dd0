/**
 * Lets the page paint and handle input between chunks of long work (an import's checks,
 * a backup's reads). `setTimeout(0)` from a chain of such pauses is clamped to 4 ms after
 * five nested timers: a 100,000-record import pauses a few hundred times and spent a second
 * waiting on the clamp. `scheduler.yield()` (Chromium 129+, so every Electron we ship and the
 * test host's Chromium) gives the turn back without the clamp; a message-channel task is the
 * same where it is missing.
 */
interface YieldingScheduler {
  yield: () => Promise<void>;
}

const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;

export function yieldToUi(): Promise<void> {
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
