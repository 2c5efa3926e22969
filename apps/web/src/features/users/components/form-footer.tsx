import { useI18n } from '../../../lib/i18n/i18n-provider';

interface FormFooterProps {
  /** What no field shows (a 409, a network failure). */
  error?: string;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** The end of a users form: the error no field can hold, then submit and cancel. */
export function FormFooter({ error, submitLabel, pending, onCancel }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="user-form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('users.saving') : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('users.cancel')}
        </button>
      </div>
    </>
  );
}
