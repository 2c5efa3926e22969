import { useId } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { type CustomPeriodProblem, PERIOD_PRESETS, type PeriodPreset } from './report-period';

export interface CustomFields {
  from: string;
  lastDay: string;
}

interface PeriodPickerProps {
  preset: PeriodPreset;
  onPreset: (preset: PeriodPreset) => void;
  custom: CustomFields;
  onCustom: (fields: CustomFields) => void;
  problem: CustomPeriodProblem | undefined;
}

/** This week, last week, this month, last month, or two dates (both included) in the user's zone. */
export function PeriodPicker({ preset, onPreset, custom, onCustom, problem }: PeriodPickerProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="reports__period">
      <div className="segmented reports__presets" role="group" aria-label={t('reports.period')}>
        {PERIOD_PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={p === preset} onClick={() => onPreset(p)}>
            {t(`reports.preset.${p}`)}
          </button>
        ))}
      </div>
      {preset === 'custom' ? (
        <div className="reports__custom">
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('reports.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={custom.from}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onCustom({ ...custom, from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-last`}>{t('reports.lastDay')}</label>
            <input
              id={`${id}-last`}
              type="date"
              value={custom.lastDay}
              min={custom.from || undefined}
              aria-invalid={problem ? true : undefined}
              onChange={(e) => onCustom({ ...custom, lastDay: e.target.value })}
            />
          </div>
          {problem ? (
            <p className="field__error" role="alert">
              {t(`reports.problem.${problem}`)}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
