import { useState, type FormEvent } from 'react';
import {
  USER_LOCALES,
  USER_ROLES,
  type UserLocale,
  type UserRole,
  type UserView,
} from '@fleet/telemetry/api/users';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';
import { formErrors, splitList } from '../../../lib/field-errors';
import { SelectField, TextField } from '../../../components/form-field';
import { FormFooter } from '../../../components/form-footer';

const FIELDS = ['username', 'password', 'role', 'regions', 'merchantIds', 'email', 'phone', 'locale'];

interface Draft {
  username: string;
  password: string;
  role: UserRole;
  regions: string;
  merchantIds: string;
  email: string;
  phone: string;
  locale: UserLocale;
}

function draftOf(user?: UserView): Draft {
  return {
    username: user?.username ?? '',
    password: '',
    role: user?.role ?? 'support',
    regions: user?.regions.join(', ') ?? '',
    merchantIds: user?.merchantIds.join(', ') ?? '',
    email: user?.email ?? '',
    phone: user?.phone ?? '',
    locale: user?.locale ?? 'zh-CN',
  };
}

/** Role, scope and contact as the API takes them: only the role's own scope, blanks as null. */
function assignmentOf(draft: Draft) {
  return {
    role: draft.role,
    regions: draft.role === 'technician' ? splitList(draft.regions) : [],
    merchantIds: draft.role === 'account_manager' ? splitList(draft.merchantIds) : [],
    email: draft.email.trim() || null,
    phone: draft.phone.trim() || null,
    locale: draft.locale,
  };
}

interface UserFormProps {
  /** Absent: a new user (with username and password); present: that user's edit form. */
  user?: UserView;
  onDone: (username: string) => void;
  onCancel: () => void;
}

/** Creates a user or edits one; the API's 400 is shown at each field it names. */
export function UserForm({ user, onDone, onCancel }: UserFormProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(user));
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const errors = formErrors(mutation.error, FIELDS);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const done = (saved: UserView) => onDone(saved.username);
    if (user) {
      update.mutate({ id: user.id, patch: assignmentOf(draft) }, { onSuccess: done });
    } else {
      create.mutate(
        { username: draft.username.trim(), password: draft.password, ...assignmentOf(draft) },
        { onSuccess: done },
      );
    }
  };

  const title = user ? t('users.editTitle', { username: user.username }) : t('users.createTitle');
  const text = (key: 'username' | 'password' | 'regions' | 'merchantIds' | 'email' | 'phone') => ({
    value: draft[key],
    onChange: (value: string) => set(key, value),
    error: errors.byField[key],
  });
  return (
    <form className="panel user-form" onSubmit={submit} aria-label={title} noValidate>
      <h2 className="panel__title">{title}</h2>
      <div className="user-form__grid">
        {user ? null : (
          <>
            <TextField label={t('users.username')} autoComplete="off" {...text('username')} />
            <TextField
              label={t('users.password')}
              type="password"
              autoComplete="new-password"
              hint={t('users.passwordHint')}
              {...text('password')}
            />
          </>
        )}
        <SelectField
          label={t('users.role')}
          value={draft.role}
          options={USER_ROLES}
          optionLabel={(role) => t(`role.${role}`)}
          onChange={(role) => set('role', role)}
          error={errors.byField.role}
        />
        {draft.role === 'technician' ? (
          <TextField label={t('users.regions')} hint={t('users.listHint')} {...text('regions')} />
        ) : null}
        {draft.role === 'account_manager' ? (
          <TextField label={t('users.merchantIds')} hint={t('users.listHint')} {...text('merchantIds')} />
        ) : null}
        <TextField label={t('users.email')} type="email" {...text('email')} />
        <TextField label={t('users.phone')} type="tel" hint={t('users.phoneHint')} {...text('phone')} />
        <SelectField
          label={t('users.locale')}
          value={draft.locale}
          options={USER_LOCALES}
          optionLabel={(locale) => t(`locale.${locale}`)}
          onChange={(locale) => set('locale', locale)}
          error={errors.byField.locale}
        />
      </div>
      <FormFooter
        actionsClassName="user-form__actions"
        error={errors.general}
        submitLabel={user ? t('users.save') : t('users.create')}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
