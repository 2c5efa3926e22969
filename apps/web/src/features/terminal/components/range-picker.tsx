import type { SeriesRange } from '@fleet/telemetry/api/fleet';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { SERIES_RANGES } from '@fleet/telemetry/api/fleet';

export function RangePicker({
  value,
  onChange,
}: {
  value: SeriesRange;
  onChange: (range: SeriesRange) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="segmented" role="group" aria-label={t('terminal.range')}>
      {SERIES_RANGES.map((range) => (
        <button key={range} type="button" aria-pressed={range === value} onClick={() => onChange(range)}>
          {t(`range.${range}`)}
        </button>
      ))}
    </div>
  );
}
