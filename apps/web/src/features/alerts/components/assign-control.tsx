import { useState } from 'react';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useAssignAlert } from '../api/assign-alert';
import { useAssignableUsers } from '../api/get-assignable-users';

interface AssignControlProps {
  alert: AlertView;
  /** May list users (GET /users): then any user can be picked, else only oneself. */
  canListUsers: boolean;
  myId: string | undefined;
}

/** Gives the alert to a user: a pick of users for those who may list them, else "assign to me". */
export function AssignControl({ alert, canListUsers, myId }: AssignControlProps) {
  const { t } = useI18n();
  const users = useAssignableUsers(canListUsers);
  const assign = useAssignAlert();
  const [picked, setPicked] = useState(alert.assignee ?? '');
  const error = assign.isError ? (
    <p role="alert" className="form-error">
      {assign.error.message}
    </p>
  ) : null;

  if (!canListUsers) {
    const mine = myId !== undefined && alert.assignee === myId;
    return (
      <div className="alert-action">
        <button
          type="button"
          className="button button--secondary"
          disabled={!myId || mine || assign.isPending}
          onClick={() => myId && assign.mutate({ id: alert.id, assignee: myId })}
        >
          {mine ? t('alerts.assignedToMe') : t('alerts.assignToMe')}
        </button>
        {error}
      </div>
    );
  }
  return (
    <form
      className="alert-action"
      aria-label={t('alerts.assign')}
      onSubmit={(e) => {
        e.preventDefault();
        if (picked) assign.mutate({ id: alert.id, assignee: picked });
      }}
    >
      <label className="field">
        {t('alerts.assignee')}
        <select value={picked} onChange={(e) => setPicked(e.target.value)}>
          <option value="">{t('alerts.pickUser')}</option>
          {(users.data ?? []).map((user) => (
            <option key={user.id} value={user.id}>
              {user.username} · {t(`role.${user.role}`)}
            </option>
          ))}
        </select>
      </label>
      {error}
      <button
        type="submit"
        className="button button--secondary"
        disabled={!picked || picked === alert.assignee || assign.isPending}
      >
        {t('alerts.assign')}
      </button>
    </form>
  );
}
