import { useState, type FormEvent } from 'react';
import type { QuietHours } from '@fleet/telemetry/api/notifications';
import { TextField } from '../../../components/form-field';
import { StatusPanel } from '../../../components/status-panel';
import { ApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useQuietHours, useSaveQuietHours } from '../api/quiet-hours';

const DEFAULT: Required<QuietHours> = { start: '22:00', end: '07:00', criticalOverride: true };

/** The caller's quiet hours: on or off, from and until (China time), and whether critical alerts pass. */
export function QuietHoursSection() {
  const { t } = useI18n();
  const saved = useQuietHours();
  if (saved.isPending) return <StatusPanel tone="loading" title={t('quiet.loading')} />;
  if (saved.isError) return <StatusPanel tone="error" title={saved.error.message} />;
  return <QuietHoursForm initial={saved.data.quietHours} />;
}

function QuietHoursForm({ initial }: { initial: QuietHours | null }) {
  const { t } = useI18n();
  const save = useSaveQuietHours();
  const [enabled, setEnabled] = useState(initial !== null);
  const [draft, setDraft] = useState<Required<QuietHours>>({ ...DEFAULT, ...initial });
  // A 400 names `quietHours.start` or `quietHours.end`: shown at that input.
  const fieldError = (name: 'start' | 'end') =>
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.field === `quietHours.${name}`)?.message
      : undefined;
  const general = save.isError && !fieldError('start') && !fieldError('end') ? save.error.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ quietHours: enabled ? draft : null });
  };

  return (
    <form className="panel quiet-hours" aria-label={t('quiet.title')} onSubmit={submit}>
      <h2 className="panel__title">{t('quiet.title')}</h2>
      <p className="field__hint">{t('quiet.intro')}</p>
      <label className="field--inline">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('quiet.enabled')}
      </label>
      <fieldset className="quiet-hours__fields" disabled={!enabled}>
        <TextField
          type="time"
          label={t('quiet.start')}
          value={draft.start}
          error={fieldError('start')}
          onChange={(start) => setDraft({ ...draft, start })}
        />
        <TextField
          type="time"
          label={t('quiet.end')}
          value={draft.end}
          error={fieldError('end')}
          onChange={(end) => setDraft({ ...draft, end })}
        />
        <label className="field--inline">
          <input
            type="checkbox"
            checked={draft.criticalOverride}
            onChange={(e) => setDraft({ ...draft, criticalOverride: e.target.checked })}
          />
          {t('quiet.criticalOverride')}
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('quiet.save')}
      </button>
      {save.isSuccess ? <p role="status">{t('quiet.saved')}</p> : null}
      {general ? <p role="alert">{general}</p> : null}
    </form>
  );
}
