import type { CauseCode } from '@fleet/telemetry/causes';
import { roughDuration } from '../format';
import type { MessageKey } from '../i18n/messages-en';
import type { Translate } from '../i18n/translate';

/** Causes that have their own sentence; others use the generic "fails in about …". */
const PHRASED = ['SIM_DATA_EXHAUSTION', 'SIM_EXPIRY', 'OFFLINE', 'PAPER_OUT', 'POWER'] as const;
type Phrased = (typeof PHRASED)[number];

function isPhrased(code: string): code is Phrased {
  return (PHRASED as readonly string[]).includes(code);
}

/**
 * "SIM data runs out in about 31 h" / "SIM data ran out about 2 h ago": the forecast as an
 * agent would say it on the phone, in the chosen language.
 */
export function predictedInWords(
  t: Translate,
  code: CauseCode | string,
  predictedAt: string,
  now: number,
): string | undefined {
  const at = Date.parse(predictedAt);
  if (Number.isNaN(at)) return undefined;
  const { amount, unit } = roughDuration(at - now);
  const span = t(`duration.${unit}`, { n: amount });
  const when = at >= now ? 'future' : 'past';
  const key: MessageKey = isPhrased(code) ? `predict.${code}.${when}` : `predict.generic.${when}`;
  return t(key, { span });
}
