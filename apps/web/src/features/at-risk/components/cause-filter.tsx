import type { CauseCode } from '@fleet/telemetry/causes';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';

interface CauseFilterProps {
  counts: ReadonlyMap<CauseCode, number>;
  selected: ReadonlySet<CauseCode>;
  onToggle: (code: CauseCode) => void;
}

/** Toggle chips, one per cause present in the queue; none selected shows everything. */
export function CauseFilter({ counts, selected, onToggle }: CauseFilterProps) {
  const { t, locale } = useI18n();
  return (
    <div className="chip-row" role="group" aria-label={t('risk.filterByCause')}>
      {[...counts].map(([code, count]) => (
        <button
          key={code}
          type="button"
          className={`chip chip--toggle chip--${code.toLowerCase()}`}
          aria-pressed={selected.has(code)}
          onClick={() => onToggle(code)}
        >
          {t(`cause.${code}`)} · {formatCount(count, locale)}
        </button>
      ))}
    </div>
  );
}
