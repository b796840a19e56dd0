/** The current time, refreshed every half minute: enough to move the agenda's "now" and "next" marks. */
import { useEffect, useState } from 'react';

const TICK_MS = 30_000;

export function useNow(tickMs = TICK_MS): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, tickMs);
    return () => {
      clearInterval(timer);
    };
  }, [tickMs]);
  return now;
}
