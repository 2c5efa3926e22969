import type { UserView } from '@fleet/telemetry/api/users';
import { useI18n } from '../../../lib/i18n/i18n-provider';

interface UsersTableProps {
  users: readonly UserView[];
  currentUsername: string;
  /** Set while a disable/enable is on its way, so its button waits. */
  busyId?: string;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onSetDisabled: (user: UserView, disabled: boolean) => void;
}

export function UsersTable({
  users,
  currentUsername,
  busyId,
  onEdit,
  onResetPassword,
  onSetDisabled,
}: UsersTableProps) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table" aria-label={t('users.title')}>
        <thead>
          <tr>
            <th scope="col">{t('users.username')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('users.scope')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.locale')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const self = user.username === currentUsername;
            const scope = [...user.regions, ...user.merchantIds].join(', ');
            return (
              <tr key={user.id} data-username={user.username}>
                <td className="table__mono">
                  {user.username}
                  {self ? <span className="badge badge--muted">{t('users.you')}</span> : null}
                </td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{scope || '—'}</td>
                <td>{user.email ?? '—'}</td>
                <td>{t(`locale.${user.locale}`)}</td>
                <td>
                  <span className={user.disabled ? 'badge badge--bad' : 'badge badge--good'}>
                    {user.disabled ? t('users.disabled') : t('users.enabled')}
                  </span>
                </td>
                <td>
                  <div className="users-table__actions">
                    <button type="button" className="button button--secondary" onClick={() => onEdit(user)}>
                      {t('users.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => onResetPassword(user)}
                    >
                      {t('users.resetPassword')}
                    </button>
                    <button
                      type="button"
                      className="button button--secondary"
                      // The API refuses it too (409); here it is not even offered.
                      disabled={self || busyId === user.id}
                      onClick={() => onSetDisabled(user, !user.disabled)}
                    >
                      {user.disabled ? t('users.enable') : t('users.disable')}
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
