import { useState, type FormEvent } from 'react';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useAcknowledgeAlerts } from '../api/acknowledge-alerts';

interface BulkAcknowledgeFormProps {
  ids: readonly string[];
  onDone: () => void;
}

/** During a storm: acknowledge every ticked open alert with one note. */
export function BulkAcknowledgeForm({ ids, onDone }: BulkAcknowledgeFormProps) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const bulk = useAcknowledgeAlerts();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    bulk.mutate(
      { ids, note: note.trim() || undefined },
      {
        onSuccess: () => {
          setNote('');
          onDone();
        },
      },
    );
  };
  const result = bulk.data;
  return (
    <form className="bulk-ack" aria-label={t('alerts.bulkTitle')} onSubmit={submit}>
      <span className="bulk-ack__count">{t('alerts.selected', { n: formatCount(ids.length, locale) })}</span>
      <label className="field bulk-ack__note">
        {t('alerts.note')}
        <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={ids.length === 0 || bulk.isPending}>
        {t('alerts.acknowledgeSelected', { n: formatCount(ids.length, locale) })}
      </button>
      {bulk.isError ? (
        <p role="alert" className="form-error">
          {bulk.error.message}
        </p>
      ) : result ? (
        <p role="status" className="notice">
          {t('alerts.bulkDone', {
            acknowledged: formatCount(result.acknowledged.length, locale),
            skipped: formatCount(result.skipped.length, locale),
          })}
        </p>
      ) : null}
    </form>
  );
}
