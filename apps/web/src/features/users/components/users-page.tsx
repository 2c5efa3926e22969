import type { UserView } from '@fleet/telemetry/api/users';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { usePanel } from '../../../lib/use-panel';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { ResetPasswordForm } from './reset-password-form';
import { UserForm } from './user-form';
import { UsersTable } from './users-table';

type Panel = { kind: 'create' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView };

/** Admin only: every user, with create, edit, disable/enable and password reset. */
export function UsersPage({ currentUsername }: { currentUsername: string }) {
  const { t } = useI18n();
  const users = useUsers();
  const toggle = useUpdateUser();
  const { panel, notice, setNotice, open, close } = usePanel<Panel>();

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('users.title')}</h1>
        <button type="button" className="button" onClick={() => open({ kind: 'create' })}>
          {t('users.new')}
        </button>
      </header>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {toggle.isError ? (
        <p role="alert" className="form-error">
          {toggle.error.message}
        </p>
      ) : null}
      {panel?.kind === 'create' ? (
        <UserForm onDone={(username) => close(t('users.created', { username }))} onCancel={() => close()} />
      ) : panel?.kind === 'edit' ? (
        <UserForm
          key={panel.user.id}
          user={panel.user}
          onDone={(username) => close(t('users.saved', { username }))}
          onCancel={() => close()}
        />
      ) : panel?.kind === 'reset' ? (
        <ResetPasswordForm
          key={panel.user.id}
          user={panel.user}
          onDone={() => close(t('users.passwordReset', { username: panel.user.username }))}
          onCancel={() => close()}
        />
      ) : null}
      {users.isPending ? (
        <StatusPanel tone="loading" title={t('users.loading')} />
      ) : users.isError ? (
        <StatusPanel tone="error" title={t('users.failed')}>
          <p>{users.error.message}</p>
        </StatusPanel>
      ) : (
        <UsersTable
          users={users.data.items}
          currentUsername={currentUsername}
          busyId={toggle.isPending ? toggle.variables.id : undefined}
          onEdit={(user) => open({ kind: 'edit', user })}
          onResetPassword={(user) => open({ kind: 'reset', user })}
          onSetDisabled={(user, disabled) => {
            setNotice(undefined);
            toggle.mutate({ id: user.id, patch: { disabled } });
          }}
        />
      )}
    </div>
  );
}
