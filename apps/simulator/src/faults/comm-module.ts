import { hashUnit } from '../random';
import { DAY, HOUR, MINUTE } from '../time';
import type { LinkOutage } from '../model/readings';
import type { FaultPlugin } from './fault';

/**
 * A failing modem: timeouts, comm errors and reversals climb and the terminal keeps
 * reconnecting (rebooting its modem), while signal and SIM balance look fine.
 */
export const commModule: FaultPlugin = {
  kind: 'comm_module',
  comms: ['4g', '2g', 'wifi', 'ethernet'],
  create({ rng, profile, now }) {
    const onsetAt = now - rng.span(24, 72, HOUR);
    const key = profile.noiseKey;
    // Severity: share of attempts hit, rising from 10% at onset to ~45% a day later and beyond.
    const severity = (t: number) => (t < onsetAt ? 0 : Math.min(0.6, 0.1 + (0.35 * (t - onsetAt)) / DAY));
    const outages: LinkOutage[] = [];
    for (let t = onsetAt + rng.span(0.5, 2, HOUR); t < now + 14 * DAY; t += rng.span(2, 5, HOUR)) {
      outages.push({ from: t, to: t + rng.span(1, 3, MINUTE), mode: 'lost', permanent: false, rebootOnReturn: true });
    }
    return {
      label: {
        kind: 'comm_module',
        hardNegative: false,
        causes: ['COMM_MODULE_FAULT'],
        onsetAt,
        failureAt: onsetAt,
        note: 'timeouts, comm errors, reversals and reboots/reconnects every few hours; signal and SIM fine',
      },
      effect: {
        outages,
        txn: (w, c, attempts) => {
          const s = severity(w) * (0.7 + 0.6 * hashUnit(key, 51, w));
          const timeouts = c.timeouts + Math.round(attempts * s * 0.5);
          const reversals = c.reversals + Math.round(attempts * s * 0.45);
          return {
            ...c,
            timeouts,
            reversals,
            reversalFailed: c.reversalFailed + Math.round(reversals * 0.2),
            commErrors: c.commErrors + Math.round(attempts * s * 0.4 + (s > 0 ? 1 : 0)),
          };
        },
      },
    };
  },
};
