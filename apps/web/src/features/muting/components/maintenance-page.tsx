import { useState } from 'react';
import type { MaintenanceWindowView } from '@fleet/telemetry/api/muting';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useDeleteMaintenanceWindow, useMaintenanceWindows } from '../api/maintenance-windows';
import { MaintenanceForm } from './maintenance-form';
import { MaintenanceTable } from './maintenance-table';

type Panel = { kind: 'create' } | { kind: 'edit'; window: MaintenanceWindowView };

/** Admin and support: every maintenance window, with create, edit and delete. */
export function MaintenancePage() {
  const { t } = useI18n();
  const windows = useMaintenanceWindows();
  const remove = useDeleteMaintenanceWindow();
  const [panel, setPanel] = useState<Panel | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const close = (message?: string) => {
    setPanel(undefined);
    setNotice(message);
  };
  const open = (next: Panel) => {
    setPanel(next);
    setNotice(undefined);
  };

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('maintenance.title')}</h1>
        {panel ? null : (
          <button type="button" className="button" onClick={() => open({ kind: 'create' })}>
            {t('maintenance.new')}
          </button>
        )}
      </header>
      <p className="muted">
        {t('maintenance.intro')} {t('muting.chinaTime')}
      </p>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {remove.isError ? (
        <p role="alert" className="form-error">
          {remove.error.message}
        </p>
      ) : null}
      {panel ? (
        <MaintenanceForm
          key={panel.kind === 'edit' ? panel.window.id : 'new'}
          window={panel.kind === 'edit' ? panel.window : undefined}
          onDone={() => close(t('maintenance.saved'))}
          onCancel={() => close()}
        />
      ) : null}
      {windows.isPending ? (
        <StatusPanel tone="loading" title={t('maintenance.loading')} />
      ) : windows.isError ? (
        <StatusPanel tone="error" title={t('maintenance.failed')}>
          <p>{windows.error.message}</p>
        </StatusPanel>
      ) : windows.data.items.length === 0 ? (
        <StatusPanel tone="empty" title={t('maintenance.empty')} />
      ) : (
        <MaintenanceTable
          windows={windows.data.items}
          busyId={remove.isPending ? remove.variables : undefined}
          onEdit={(window) => open({ kind: 'edit', window })}
          onDelete={(window) => {
            setNotice(undefined);
            remove.mutate(window.id, { onSuccess: () => setNotice(t('maintenance.deleted')) });
          }}
        />
      )}
    </div>
  );
}
