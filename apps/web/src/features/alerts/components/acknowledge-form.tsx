import { useState, type FormEvent } from 'react';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useAcknowledgeAlert } from '../api/acknowledge-alert';
import { apiFieldError } from './api-field-error';

/** "I have it", with an optional note for whoever looks next. */
export function AcknowledgeForm({ alert }: { alert: AlertView }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const acknowledge = useAcknowledgeAlert();
  const { atField, general } = apiFieldError(acknowledge.error, 'note');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    acknowledge.mutate({ id: alert.id, note: note.trim() || undefined });
  };
  return (
    <form className="alert-action" aria-label={t('alerts.acknowledge')} onSubmit={submit}>
      <label className={atField ? 'field field--invalid' : 'field'}>
        {t('alerts.note')}
        <input value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={Boolean(atField)} />
        {atField ? <span className="field__error">{atField}</span> : null}
      </label>
      {general ? (
        <p role="alert" className="form-error">
          {general}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={acknowledge.isPending}>
        {t('alerts.acknowledge')}
      </button>
    </form>
  );
}
