import type { AtRiskItem } from '@fleet/telemetry/api/risk';
import { CauseList } from '../../../components/cause-list';
import { RiskScore } from '../../../components/risk-score';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { ContactControl } from './contact-control';

interface AtRiskCardProps {
  item: AtRiskItem;
  canContact: boolean;
  now: number;
}

/** One terminal in the queue: why, when, what to do, and whom to call. */
export function AtRiskCard({ item, canContact, now }: AtRiskCardProps) {
  const { t, language } = useI18n();
  const top = item.causes[0];
  // The server's action text is English; other languages use the dictionary's action for the top cause.
  const action = language === 'en' || !top ? item.recommendedAction : t(`action.${top.code}`);
  return (
    <li className="risk-card">
      <div className="risk-card__head">
        <RiskScore score={item.riskScore} />
        <a className="risk-card__id" href={href.terminal(item.terminalId)}>
          {item.terminalId}
        </a>
        {item.online === false ? <span className="badge badge--bad">{t('state.offline')}</span> : null}
        <span className="risk-card__merchant">
          {item.merchantName ?? t('risk.noMerchant')}
          {item.region ? ` · ${item.region}` : ''}
        </span>
        {item.merchantPhone ? (
          <a className="risk-card__phone" href={`tel:${item.merchantPhone}`}>
            ☎ {item.merchantPhone}
          </a>
        ) : null}
      </div>
      <CauseList causes={item.causes} now={now} />
      <p className="risk-card__action">
        <span className="risk-card__label">{t('risk.action')}</span> {action}
      </p>
      <ContactControl terminalId={item.terminalId} contact={item.contact} canContact={canContact} now={now} />
    </li>
  );
}
