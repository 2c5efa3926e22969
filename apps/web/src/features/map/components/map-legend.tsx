import { POINT_COLOURS, POINT_STATES } from '../../../components/map/point-style';
import { useI18n } from '../../../lib/i18n/i18n-provider';

export function MapLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('map.legend')}>
      {POINT_STATES.map((state) => (
        <li key={state}>
          <span className="legend__dot" style={{ background: POINT_COLOURS[state] }} aria-hidden="true" />
          {t(`map.state.${state}`)}
        </li>
      ))}
      <li>
        <span className="legend__area" aria-hidden="true" />
        {t('map.incidentArea')}
      </li>
    </ul>
  );
}
