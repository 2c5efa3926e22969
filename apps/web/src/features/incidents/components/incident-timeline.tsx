import type { IncidentView } from '@fleet/telemetry/api/risk';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';

interface IncidentTimelineProps {
  incidents: readonly IncidentView[];
  now: number;
}

/** Each incident as a bar from its start to its end (or now), on one shared time axis. */
export function IncidentTimeline({ incidents, now }: IncidentTimelineProps) {
  const { t, locale } = useI18n();
  const starts = incidents.map((i) => Date.parse(i.startedAt));
  const from = Math.min(...starts, now - 3_600_000);
  const span = Math.max(now - from, 1);
  return (
    <ol className="timeline" aria-label={t('incidents.timeline')}>
      {incidents.map((incident) => {
        const start = Date.parse(incident.startedAt);
        const end = incident.endedAt ? Date.parse(incident.endedAt) : now;
        const left = (100 * (start - from)) / span;
        const width = Math.max(1, (100 * (end - start)) / span);
        return (
          <li key={incident.id} className="timeline__row">
            <a className="timeline__label" href={href.incident(incident.id)}>
              {t(`cause.${incident.code}`)} {incident.mccMnc ?? incident.region ?? ''}
            </a>
            <span className="timeline__track">
              <span
                className={`timeline__bar ${incident.endedAt ? 'timeline__bar--ended' : ''}`}
                style={{ left: `${left}%`, width: `${width}%` }}
                title={`${formatDateTime(incident.startedAt, locale)} – ${incident.endedAt ? formatDateTime(incident.endedAt, locale) : t('incidents.ongoing')}`}
              />
            </span>
          </li>
        );
      })}
      <li className="timeline__axis" aria-hidden="true">
        <span />
        <span className="timeline__ticks">
          <span>{formatDateTime(new Date(from).toISOString(), locale)}</span>
          <span>{t('incidents.now')}</span>
        </span>
      </li>
    </ol>
  );
}
