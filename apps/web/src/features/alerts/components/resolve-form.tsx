import { useId, useState, type FormEvent } from 'react';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useResolveAlert } from '../api/resolve-alert';
import { apiFieldError } from './api-field-error';

/**
 * Closes the alert by hand. The reason is required; the API is its judge, so an empty one
 * comes back as its 400 and is shown at the field.
 */
export function ResolveForm({ alert }: { alert: AlertView }) {
  const { t } = useI18n();
  const errorId = useId();
  const [reason, setReason] = useState('');
  const resolve = useResolveAlert();
  const { atField, general } = apiFieldError(resolve.error, 'reason');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resolve.mutate({ id: alert.id, reason: reason.trim() });
  };
  return (
    <form className="alert-action" aria-label={t('alerts.resolve')} onSubmit={submit}>
      <label className={atField ? 'field field--invalid' : 'field'}>
        {t('alerts.reason')}
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-required
          aria-invalid={Boolean(atField)}
          aria-describedby={atField ? errorId : undefined}
        />
        {atField ? (
          <span id={errorId} className="field__error">
            {atField}
          </span>
        ) : null}
      </label>
      {general ? (
        <p role="alert" className="form-error">
          {general}
        </p>
      ) : null}
      <button type="submit" className="button button--secondary" disabled={resolve.isPending}>
        {t('alerts.resolve')}
      </button>
    </form>
  );
}
