import type { PaperStatus } from '../model/readings';
import { HOUR } from '../time';
import { tradingMomentBefore } from './fault-helpers';
import type { FaultPlugin } from './fault';

type Variant = 'running_low' | 'out' | 'jam' | 'cover_open';

/** Printer trouble: the roll runs low then out, or jams, or the cover is left open. */
export const paper: FaultPlugin = {
  kind: 'paper',
  comms: ['4g', '2g', 'wifi', 'ethernet', 'dialup'],
  create({ rng, profile, now }) {
    const variant = rng.pick<Variant>(['running_low', 'out', 'jam', 'cover_open']);
    const steps: { at: number; status: PaperStatus }[] = [];
    if (variant === 'running_low' || variant === 'out') {
      const outAt =
        variant === 'out' ? tradingMomentBefore(profile, now - rng.span(0.2, 5, HOUR)) : now + rng.span(1, 12, HOUR);
      steps.push({ at: outAt - rng.span(3, 8, HOUR), status: 'low' }, { at: outAt, status: 'out' });
    } else {
      steps.push({ at: tradingMomentBefore(profile, now - rng.span(0.2, 3, HOUR)), status: variant });
    }
    const first = steps[0];
    const last = steps[steps.length - 1];
    if (!first || !last) throw new Error('paper fault without steps');
    return {
      label: {
        kind: 'paper',
        hardNegative: false,
        causes: ['PAPER_OUT'],
        onsetAt: first.at,
        failureAt: last.at,
        note: `paper ${steps.map((s) => s.status).join(' → ')}`,
      },
      effect: {
        paper: (t, status) => steps.findLast((s) => s.at <= t)?.status ?? status,
        changes: { paper: steps.map((s) => s.at) },
        events: (from, to) =>
          steps
            .filter((s) => s.status === 'out' && s.at >= from && s.at < to)
            .map((s) => ({ at: s.at, code: 'PAPER_OUT', detail: 'printer reports no paper (缺纸)' })),
      },
    };
  },
};
