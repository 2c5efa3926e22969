import { chromiumMissing } from './browser';
import { platformMissing } from './platform';

/**
 * Why the end-to-end suite cannot run here, if it cannot. Under CI that is a failure;
 * on a developer machine the suite skips and says why.
 */
export function e2eBlocker(): string | undefined {
  const missing = [chromiumMissing(), platformMissing()].filter(Boolean);
  if (missing.length === 0) return undefined;
  const reason = `end-to-end suite cannot run: ${missing.join('; ')}`;
  if (process.env.CI) throw new Error(reason);
  console.warn(`SKIPPED: ${reason}`);
  return reason;
}
