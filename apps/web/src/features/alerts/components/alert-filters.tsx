import { ALERT_SEVERITIES, ALERT_STATES } from '@fleet/telemetry/api/alerts';
import { CAUSE_CODES, type CauseCode } from '@fleet/telemetry/causes';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { AlertStateFilter } from '../api/get-alerts';
import type { AlertFilter } from './alert-filter';

interface AlertFiltersProps {
  state: AlertStateFilter;
  onState: (state: AlertStateFilter) => void;
  filter: AlertFilter;
  onFilter: (filter: AlertFilter) => void;
}

/** State (asked of the API), cause, severity and a terminal search (applied to the loaded list). */
export function AlertFilters({ state, onState, filter, onFilter }: AlertFiltersProps) {
  const { t } = useI18n();
  return (
    <div className="alert-filters" role="search" aria-label={t('alerts.filters')}>
      <div className="segmented" role="group" aria-label={t('alerts.state')}>
        {(['all', ...ALERT_STATES] as const).map((s) => (
          <button key={s} type="button" aria-pressed={state === s} onClick={() => onState(s)}>
            {t(`alerts.state.${s}`)}
          </button>
        ))}
      </div>
      <label className="field">
        {t('alerts.cause')}
        <select
          value={filter.code ?? ''}
          onChange={(e) =>
            onFilter({ ...filter, code: (e.target.value || undefined) as CauseCode | undefined })
          }
        >
          <option value="">{t('alerts.any')}</option>
          {CAUSE_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`cause.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('alerts.severity')}
        <select
          value={filter.severity ?? ''}
          onChange={(e) =>
            onFilter({ ...filter, severity: (e.target.value || undefined) as AlertFilter['severity'] })
          }
        >
          <option value="">{t('alerts.any')}</option>
          {ALERT_SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`alerts.severity.${severity}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {t('alerts.terminalSearch')}
        <input
          type="search"
          value={filter.terminal}
          placeholder="T-0001"
          onChange={(e) => onFilter({ ...filter, terminal: e.target.value })}
        />
      </label>
    </div>
  );
}
