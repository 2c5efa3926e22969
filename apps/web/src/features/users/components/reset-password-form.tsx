import { useState, type FormEvent } from 'react';
import type { UserView } from '@fleet/telemetry/api/users';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useUpdateUser } from '../api/update-user';
import { formErrors } from '../../../lib/field-errors';
import { TextField } from '../../../components/form-field';
import { FormFooter } from '../../../components/form-footer';

interface ResetPasswordFormProps {
  user: UserView;
  onDone: () => void;
  onCancel: () => void;
}

/** Sets a new password for a user; the API ends their sessions with it. */
export function ResetPasswordForm({ user, onDone, onCancel }: ResetPasswordFormProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const update = useUpdateUser();
  const errors = formErrors(update.error, ['password']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: user.id, patch: { password } }, { onSuccess: onDone });
  };
  const title = t('users.resetTitle', { username: user.username });
  return (
    <form className="panel user-form" onSubmit={submit} aria-label={title} noValidate>
      <h2 className="panel__title">{title}</h2>
      <TextField
        label={t('users.newPassword')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        error={errors.byField.password}
        hint={t('users.passwordHint')}
      />
      <FormFooter
        actionsClassName="user-form__actions"
        error={errors.general}
        submitLabel={t('users.resetPassword')}
        pending={update.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
