import { TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';

export interface ScheduleDraft {
  kind: 'once' | 'weekly';
  /** datetime-local values, for a one-off. */
  startsAt: string;
  endsAt: string;
  /** ISO weekdays, for a weekly window. */
  days: number[];
  start: string;
  durationMinutes: string;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface ScheduleFieldsProps {
  value: ScheduleDraft;
  onChange: (value: ScheduleDraft) => void;
  errors: Record<string, string>;
}

/** Once from a start to an end, or on weekdays at a China-time start for a duration. */
export function ScheduleFields({ value, onChange, errors }: ScheduleFieldsProps) {
  const { t } = useI18n();
  const set = (patch: Partial<ScheduleDraft>) => onChange({ ...value, ...patch });
  const toggleDay = (day: number, on: boolean) =>
    set({ days: on ? [...value.days, day].sort((a, b) => a - b) : value.days.filter((d) => d !== day) });
  return (
    <fieldset className="muting-form__group">
      <legend>{t('maintenance.kind')}</legend>
      <div className="muting-form__choices">
        {(['once', 'weekly'] as const).map((kind) => (
          <label key={kind} className="field--inline">
            <input
              type="radio"
              name="window-kind"
              checked={value.kind === kind}
              onChange={() => set({ kind })}
            />
            {t(`maintenance.kind.${kind}`)}
          </label>
        ))}
      </div>
      {value.kind === 'once' ? (
        <div className="muting-form__grid">
          <TextField
            type="datetime-local"
            label={t('maintenance.startsAt')}
            value={value.startsAt}
            error={errors['schedule.startsAt']}
            onChange={(startsAt) => set({ startsAt })}
          />
          <TextField
            type="datetime-local"
            label={t('maintenance.endsAt')}
            value={value.endsAt}
            error={errors['schedule.endsAt']}
            onChange={(endsAt) => set({ endsAt })}
          />
        </div>
      ) : (
        <>
          <div className="muting-form__choices" role="group" aria-label={t('maintenance.days')}>
            {WEEKDAYS.map((day) => (
              <label key={day} className="field--inline">
                <input
                  type="checkbox"
                  checked={value.days.includes(day)}
                  onChange={(e) => toggleDay(day, e.target.checked)}
                />
                {t(`weekday.${day}`)}
              </label>
            ))}
          </div>
          {errors['schedule.days'] ? <p className="field__error">{errors['schedule.days']}</p> : null}
          <div className="muting-form__grid">
            <TextField
              type="time"
              label={t('maintenance.start')}
              value={value.start}
              error={errors['schedule.start']}
              onChange={(start) => set({ start })}
            />
            <TextField
              type="number"
              label={t('maintenance.durationMinutes')}
              value={value.durationMinutes}
              error={errors['schedule.durationMinutes']}
              onChange={(durationMinutes) => set({ durationMinutes })}
            />
          </div>
        </>
      )}
    </fieldset>
  );
}
