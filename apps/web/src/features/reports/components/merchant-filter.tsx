import type { DeviceHealthReport } from '@fleet/telemetry/api/reports';
import { useId } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';

export type MerchantChoice = DeviceHealthReport['merchants'][number];

interface MerchantFilterProps {
  /** The merchants of the caller's whole scope, as its unfiltered report lists them. */
  choices: readonly MerchantChoice[];
  value: string;
  onChange: (merchantId: string) => void;
}

/** One merchant, or all of the caller's when none is chosen. */
export function MerchantFilter({ choices, value, onChange }: MerchantFilterProps) {
  const { t } = useI18n();
  const id = useId();
  const named = choices.filter((m): m is MerchantChoice & { merchantId: string } => m.merchantId !== null);
  return (
    <div className="field reports__merchant">
      <label htmlFor={id}>{t('reports.merchant')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('reports.allMerchants')}</option>
        {named.map((m) => (
          <option key={m.merchantId} value={m.merchantId}>
            {m.merchantName ?? m.merchantId}
          </option>
        ))}
      </select>
    </div>
  );
}
