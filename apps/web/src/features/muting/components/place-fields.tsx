import { TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';

export const PLACE_KEYS = ['terminalId', 'region', 'mccMnc', 'merchantId'] as const;
export type PlaceKey = (typeof PLACE_KEYS)[number];
export type PlaceDraft = Record<PlaceKey, string>;

export const EMPTY_PLACE: PlaceDraft = { terminalId: '', region: '', mccMnc: '', merchantId: '' };

/** The filled-in ones, trimmed: what the API's matchers or scope take. */
export function placeOf(draft: PlaceDraft): Partial<PlaceDraft> {
  const place: Partial<PlaceDraft> = {};
  for (const key of PLACE_KEYS) {
    const value = draft[key].trim();
    if (value !== '') place[key] = value;
  }
  return place;
}

interface PlaceFieldsProps {
  value: PlaceDraft;
  onChange: (value: PlaceDraft) => void;
  /** Messages by the API's field path, under `prefix` (`matchers.region`, `scope.terminalId`). */
  errors: Record<string, string>;
  prefix: 'matchers' | 'scope';
}

/** Terminal, region, carrier and merchant: where a silence or a maintenance window applies. */
export function PlaceFields({ value, onChange, errors, prefix }: PlaceFieldsProps) {
  const { t } = useI18n();
  return (
    <>
      {PLACE_KEYS.map((key) => (
        <TextField
          key={key}
          label={t(`muting.${key}`)}
          value={value[key]}
          error={errors[`${prefix}.${key}`]}
          onChange={(next) => onChange({ ...value, [key]: next })}
        />
      ))}
    </>
  );
}
