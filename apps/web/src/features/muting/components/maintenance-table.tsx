import { useState } from 'react';
import type { MaintenanceWindowView } from '@fleet/telemetry/api/muting';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { PlaceInWords } from './place-in-words';
import { nextInWords, scheduleInWords } from './schedule-in-words';

interface MaintenanceTableProps {
  windows: readonly MaintenanceWindowView[];
  busyId?: string;
  onEdit: (window: MaintenanceWindowView) => void;
  onDelete: (window: MaintenanceWindowView) => void;
}

/** Each window's scope, schedule and next occurrence; delete asks once more in place. */
export function MaintenanceTable({ windows, busyId, onEdit, onDelete }: MaintenanceTableProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState<string | undefined>();
  return (
    <div className="table-scroll muting-table__scroll">
      <table className="table muting-table" aria-label={t('maintenance.title')}>
        <thead>
          <tr>
            <th scope="col">{t('maintenance.scope')}</th>
            <th scope="col">{t('maintenance.schedule')}</th>
            <th scope="col">{t('maintenance.next')}</th>
            <th scope="col">{t('muting.comment')}</th>
            <th scope="col">{t('muting.createdBy')}</th>
            <th scope="col">{t('muting.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {windows.map((window) => (
            <tr key={window.id} data-window-id={window.id}>
              <td>
                <PlaceInWords place={window.scope} />
              </td>
              <td>{scheduleInWords(window.schedule, t, locale)}</td>
              <td>
                {window.activeNow ? (
                  <span className="badge badge--warn">{t('alerts.inMaintenance')}</span>
                ) : null}{' '}
                {nextInWords(window, t, locale)}
              </td>
              <td className="muting-table__comment">{window.comment}</td>
              <td>{window.createdBy}</td>
              <td>
                <div className="muting-table__actions">
                  <button type="button" className="button button--secondary" onClick={() => onEdit(window)}>
                    {t('maintenance.edit')}
                  </button>
                  {confirming === window.id ? (
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={busyId === window.id}
                      onClick={() => onDelete(window)}
                    >
                      {t('maintenance.confirmDelete')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => setConfirming(window.id)}
                    >
                      {t('maintenance.delete')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
