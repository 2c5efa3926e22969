import type { FleetMapView } from '@fleet/telemetry/api/fleet';
import { CAUSE_CODES } from '@fleet/telemetry/causes';
import { useMemo } from 'react';
import { carrierKey } from '@fleet/telemetry/evidence/carriers';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { distinctValues, NO_FILTERS, type MapFilters } from './map-filter';

interface MapFiltersFormProps {
  view: FleetMapView;
  filters: MapFilters;
  onChange: (filters: MapFilters) => void;
}

/** Region, carrier, merchant, cause and risk filters; options come from the fleet itself. */
export function MapFiltersForm({ view, filters, onChange }: MapFiltersFormProps) {
  const { t } = useI18n();
  const regions = useMemo(() => distinctValues(view.region), [view.region]);
  const carriers = useMemo(() => distinctValues(view.mccMnc), [view.mccMnc]);
  const merchants = useMemo(() => distinctValues(view.merchantId).slice(0, 500), [view.merchantId]);
  const carrierLabel = (mccMnc: string) => {
    const key = carrierKey(mccMnc);
    return key ? `${mccMnc} · ${t(key)}` : mccMnc;
  };
  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });
  const any = t('map.any');
  return (
    <form className="filters" aria-label={t('map.filters')} onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>{t('map.region')}</span>
        <select value={filters.region} onChange={(e) => set({ region: e.target.value })}>
          <option value="">{any}</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('map.carrier')}</span>
        <select value={filters.mccMnc} onChange={(e) => set({ mccMnc: e.target.value })}>
          <option value="">{any}</option>
          {carriers.map((c) => (
            <option key={c} value={c}>
              {carrierLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('map.merchant')}</span>
        <input
          type="search"
          list="map-merchants"
          value={filters.merchantId}
          onChange={(e) => set({ merchantId: e.target.value })}
        />
        <datalist id="map-merchants">
          {merchants.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t('map.cause')}</span>
        <select value={filters.cause} onChange={(e) => set({ cause: e.target.value })}>
          <option value="">{any}</option>
          {CAUSE_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`cause.${code}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('map.risk')}</span>
        <select value={filters.minRisk} onChange={(e) => set({ minRisk: Number(e.target.value) })}>
          <option value={0}>{any}</option>
          <option value={40}>{t('map.riskAtLeast', { n: 40 })}</option>
          <option value={70}>{t('map.riskAtLeast', { n: 70 })}</option>
        </select>
      </label>
      <button type="button" className="button button--secondary" onClick={() => onChange(NO_FILTERS)}>
        {t('map.reset')}
      </button>
    </form>
  );
}
