import type { WorkOrderTransitionTarget, WorkOrderView } from '@fleet/telemetry/api/work-orders';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { evidenceInWords } from '@fleet/telemetry/evidence/evidence-in-words';
import { href } from '../../../lib/router/routes';
import { LastReadings } from './last-readings';
import { shownSla } from './sla-left';
import { TransitionBar } from './transition-bar';

interface JobDetailProps {
  order: WorkOrderView;
  now: number;
  onStep(to: WorkOrderTransitionTarget, reason?: string): void;
}

/** geo: opens the phone's own navigation app; the Amap link works in any browser in China. */
function mapLinks(order: WorkOrderView) {
  const label = encodeURIComponent(order.merchantName);
  return {
    geo: `geo:${order.lat},${order.lon}?q=${order.lat},${order.lon}(${label})`,
    web: `https://uri.amap.com/marker?position=${order.lon},${order.lat}&name=${label}&coordinate=wgs84`,
  };
}

/** Everything a visit needs, then one button per next step. */
export function JobDetail({ order, now, onStep }: JobDetailProps) {
  const { t, locale, language } = useI18n();
  const sla = shownSla(order, now);
  const links = mapLinks(order);
  return (
    <article className="job-detail" aria-labelledby="job-title">
      <a className="tech-back tech-touch" href={href.tech()}>
        ← {t('tech.back')}
      </a>
      <h2 id="job-title">{order.merchantName}</h2>
      <p className={`job-state job-state--${order.state}`} data-testid="job-state">
        {t(`wo.state.${order.state}`)}
      </p>
      <p className={`job-sla job-sla--${sla.modifier}`}>
        {t(`wo.sla.${order.slaState}`)} ·{' '}
        {sla.closed ? null : (
          <>
            {sla.overdue ? t('tech.slaOverdue', { time: sla.span }) : t('tech.slaLeft', { time: sla.span })}{' '}
            ·{' '}
          </>
        )}
        {t('tech.due', { time: formatDateTime(order.slaDueAt, locale) })}
      </p>
      {order.confirmation ? (
        <p className="job-confirmation">{t(`tech.confirmation.${order.confirmation}`)}</p>
      ) : null}

      <TransitionBar order={order} onStep={onStep} />

      <dl className="tech-facts">
        <div>
          <dt>{t('tech.address')}</dt>
          <dd>{order.address ?? t('tech.noAddress')}</dd>
        </div>
        {order.shopHours ? (
          <div>
            <dt>{t('tech.shopHours')}</dt>
            <dd>{order.shopHours}</dd>
          </div>
        ) : null}
      </dl>
      <div className="tech-links">
        {order.merchantPhone ? (
          <a className="button tech-touch" href={`tel:${order.merchantPhone}`}>
            {t('tech.call', { phone: order.merchantPhone })}
          </a>
        ) : null}
        <a className="button button--secondary tech-touch" href={links.geo}>
          {t('tech.navigate')}
        </a>
        <a className="button button--secondary tech-touch" href={links.web} target="_blank" rel="noreferrer">
          {t('tech.openMap')}
        </a>
      </div>

      <section className="tech-section">
        <h3>
          {t('tech.cause')}: {t(`cause.${order.code}`)} · {order.terminalId}
          {order.model ? ` · ${order.model}` : ''}
        </h3>
        <p>
          <strong>{t('tech.evidence')}:</strong> {evidenceInWords(language, order, now)}
        </p>
        <p>
          <strong>{t('tech.action')}:</strong> {t(`action.${order.code}`)}
        </p>
      </section>

      <section className="tech-section">
        <h3>{t('tech.parts')}</h3>
        {order.parts.length > 0 ? (
          <ul className="tech-parts">
            {order.parts.map((part) => (
              <li key={part}>{t(`wo.part.${part}`)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('tech.noParts')}</p>
        )}
      </section>

      <section className="tech-section">
        <h3>{t('tech.readings')}</h3>
        <LastReadings terminalId={order.terminalId} />
      </section>

      {order.transitions.length > 0 ? (
        <section className="tech-section">
          <h3>{t('tech.history')}</h3>
          <ol className="tech-history">
            {order.transitions.map((step) => (
              <li key={`${step.to}-${step.at}`}>
                {formatDateTime(step.at, locale)} · {t(`wo.state.${step.to}`)}
                {step.reason ? ` (${step.reason})` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
