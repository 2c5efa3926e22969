import { useI18n } from '../lib/i18n/i18n-provider';

interface FormFooterProps {
  /** What no field shows (a 404 or 409, a network failure). */
  error?: string;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
  /** The form's own class for the row of buttons (each feature lays it out). */
  actionsClassName: string;
}

/** The end of a form: the error no field can hold, then submit and cancel. */
export function FormFooter({ error, submitLabel, pending, onCancel, actionsClassName }: FormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className={actionsClassName}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('form.saving') : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </>
  );
}
