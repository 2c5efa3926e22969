import type { CauseCode } from '@fleet/telemetry/causes';

/** `{SIM_EXPIRY: '…'}` as `{'cause.SIM_EXPIRY': '…'}`, keeping the keys typed for MessageKey. */
export function prefixed<P extends string>(
  prefix: P,
  texts: Record<CauseCode, string>,
): Record<`${P}.${CauseCode}`, string> {
  return Object.fromEntries(
    Object.entries(texts).map(([code, text]) => [`${prefix}.${code}`, text]),
  ) as Record<`${P}.${CauseCode}`, string>;
}
