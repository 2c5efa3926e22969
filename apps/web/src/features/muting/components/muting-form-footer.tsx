import { useI18n } from '../../../lib/i18n/i18n-provider';

interface MutingFormFooterProps {
  /** What no field shows (a 404, a network failure). */
  error?: string;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** The end of a silence or window form: the error no field holds, then submit and cancel. */
export function MutingFormFooter({ error, submitLabel, pending, onCancel }: MutingFormFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="muting-form__actions">
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('muting.saving') : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('muting.cancel')}
        </button>
      </div>
    </>
  );
}
