import { useHealth } from '../features/fleet/api/get-health';
import { formatCount, roughDuration } from '../lib/format';
import { useI18n } from '../lib/i18n/i18n-provider';

/**
 * Says so while the platform knows its picture is incomplete: the demo's history still
 * loading, or data arriving late in bulk (a backlog draining). Silence and outages are
 * then judged only up to what has arrived, so a quiet map is not yet a verdict.
 */
export function CatchingUpBanner() {
  const { t, locale } = useI18n();
  const health = useHealth();
  if (!health.isSuccess) return null;
  const { demo, ingest } = health.data;
  if (demo?.phase === 'backfill') {
    return (
      <p className="banner banner--info" role="status">
        {t('banner.loadingHistory', { count: formatCount(demo.backfillPublished, locale) })}
      </p>
    );
  }
  if (ingest?.catchingUp) {
    const { amount, unit } = roughDuration(ingest.behindSeconds * 1000);
    return (
      <p className="banner banner--warn" role="status">
        {t('banner.catchingUp', { behind: t(`duration.${unit}`, { n: amount }) })}
      </p>
    );
  }
  return null;
}
