import type { CauseCode } from '@fleet/telemetry/causes';
import { useI18n } from '../lib/i18n/i18n-provider';

/** A cause as a small coloured label; the colour family says who acts (remote, merchant, visit). */
export function CauseChip({ code }: { code: CauseCode }) {
  const { t } = useI18n();
  return <span className={`chip chip--${code.toLowerCase()}`}>{t(`cause.${code}`)}</span>;
}
