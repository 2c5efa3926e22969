import { useI18n } from '../lib/i18n/i18n-provider';
import { riskLevel } from '../lib/risk-level';

/** The 0–100 risk score with its level in words, so colour is never the only signal. */
export function RiskScore({ score }: { score: number }) {
  const { t } = useI18n();
  const level = riskLevel(score);
  return (
    <span className={`risk-score risk-score--${level}`} title={t(`risk.level.${level}`)}>
      <span className="risk-score__value">{Math.round(score)}</span>
      <span className="visually-hidden"> {t(`risk.level.${level}`)}</span>
    </span>
  );
}
