import { useLiveStatus } from '../lib/live/use-live-status';
import { useI18n } from '../lib/i18n/i18n-provider';

/** Whether pushes are arriving; the page still works (slower) while reconnecting. */
export function LiveIndicator() {
  const { t } = useI18n();
  const status = useLiveStatus();
  return (
    <span className={`live live--${status}`} role="status" aria-live="polite">
      <span className="live__dot" aria-hidden="true" />
      {t(`live.${status}`)}
    </span>
  );
}
