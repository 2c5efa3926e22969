import { useId } from 'react';
import { formErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useMyTimeZone, useSaveTimeZone } from '../api/my-time-zone';

/** The zones the fleet's users live in; the user's own is added when it is none of them. */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Paris',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
] as const;

/** The user's time zone: the one the report's periods and the schedule's 08:00 are read in. */
export function TimeZoneSelect() {
  const { t } = useI18n();
  const id = useId();
  const current = useMyTimeZone();
  const save = useSaveTimeZone();
  const zone = current.data?.timeZone;
  const zones =
    zone && !(COMMON_TIME_ZONES as readonly string[]).includes(zone)
      ? [zone, ...COMMON_TIME_ZONES]
      : COMMON_TIME_ZONES;
  const errors = formErrors(save.error, ['timeZone']);
  const error =
    errors.byField.timeZone ?? errors.general ?? (current.isError ? current.error.message : undefined);
  return (
    <div className={error ? 'field field--invalid reports__zone' : 'field reports__zone'}>
      <label htmlFor={id}>{t('reports.timeZone')}</label>
      <select
        id={id}
        value={zone ?? ''}
        disabled={!zone || save.isPending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => save.mutate({ timeZone: e.target.value })}
      >
        {zone ? null : <option value="">{t('reports.loadingZone')}</option>}
        {zones.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
