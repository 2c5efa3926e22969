import type { SilenceView } from '@fleet/telemetry/api/muting';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { PlaceInWords } from './place-in-words';

interface SilencesTableProps {
  silences: readonly SilenceView[];
  busyId?: string;
  onExpire: (silence: SilenceView) => void;
}

const STATE_BADGE = { active: 'badge--warn', pending: 'badge--muted', expired: 'badge--muted' } as const;

/** Silences with their state; one not yet over can be expired now. */
export function SilencesTable({ silences, busyId, onExpire }: SilencesTableProps) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll muting-table__scroll">
      <table className="table muting-table" aria-label={t('silences.title')}>
        <thead>
          <tr>
            <th scope="col">{t('silences.state')}</th>
            <th scope="col">{t('silences.matches')}</th>
            <th scope="col">{t('silences.starts')}</th>
            <th scope="col">{t('silences.ends')}</th>
            <th scope="col">{t('muting.comment')}</th>
            <th scope="col">{t('muting.createdBy')}</th>
            <th scope="col">{t('muting.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {silences.map((silence) => (
            <tr key={silence.id} data-silence-id={silence.id}>
              <td>
                <span className={`badge ${STATE_BADGE[silence.state]}`}>
                  {t(`silences.state.${silence.state}`)}
                </span>
              </td>
              <td>
                <PlaceInWords place={silence.matchers} />
              </td>
              <td>{formatDateTime(silence.startsAt, locale)}</td>
              <td>{formatDateTime(silence.endsAt, locale)}</td>
              <td className="muting-table__comment">{silence.comment}</td>
              <td>{silence.createdBy}</td>
              <td>
                {silence.state === 'expired' ? null : (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={busyId === silence.id}
                    onClick={() => onExpire(silence)}
                  >
                    {t('silences.expire')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
