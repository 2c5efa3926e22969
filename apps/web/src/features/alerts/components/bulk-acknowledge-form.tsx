import { useState, type FormEvent } from 'react';
import type { BulkAcknowledgeResponse } from '@fleet/telemetry/api/alerts';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useAcknowledgeAlerts } from '../api/acknowledge-alerts';

interface BulkAcknowledgeFormProps {
  ids: readonly string[];
  /** Told what was done; the form goes away with the ticks, so the page shows the outcome. */
  onDone: (result: BulkAcknowledgeResponse) => void;
}

/** During a storm: acknowledge every ticked open alert with one note. */
export function BulkAcknowledgeForm({ ids, onDone }: BulkAcknowledgeFormProps) {
  const { t, locale } = useI18n();
  const [note, setNote] = useState('');
  const bulk = useAcknowledgeAlerts();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The answer removes the rows from the open list, which unmounts this form before a
    // mutate() callback would run; the promise still settles, so the page hears the outcome.
    bulk.mutateAsync({ ids, note: note.trim() || undefined }).then(onDone, () => {
      // Shown below from bulk.error while the ticks keep the form on screen.
    });
  };
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
      ) : null}
    </form>
  );
}
