import { useEffect, useState } from 'react';

/** The current time, re-read every `everyMs`, so "in about 3 h" counts down on screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
