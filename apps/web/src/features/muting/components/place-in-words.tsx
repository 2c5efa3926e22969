import type { SilenceView } from '@fleet/telemetry/api/muting';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { PLACE_KEYS } from './place-fields';

type Matchers = SilenceView['matchers'];

/** `Cause: Paper out · Region: Shanghai`: what a silence matches, or where a window applies. */
export function PlaceInWords({ place }: { place: Matchers }) {
  const { t } = useI18n();
  const parts = [
    ...(place.code ? [`${t('muting.code')}: ${t(`cause.${place.code}`)}`] : []),
    ...PLACE_KEYS.flatMap((key) => (place[key] ? [`${t(`muting.${key}`)}: ${place[key]}`] : [])),
  ];
  return <span className="muting-place">{parts.join(' · ')}</span>;
}
