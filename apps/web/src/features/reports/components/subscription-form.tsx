import type { ReportCadence, ReportSubscription } from '@fleet/telemetry/api/report-subscriptions';
import { REPORT_LOCALES, type ReportLocale } from '@fleet/telemetry/api/reports';
import { type FormEvent, useId, useState } from 'react';
import { formErrors } from '../../../lib/field-errors';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useDeleteSubscription, useSaveSubscription } from '../api/report-subscriptions';
import type { MerchantChoice } from './merchant-filter';
import { formatInZone } from './report-format';

const FIELDS = ['merchantIds', 'attachCsv', 'locale'] as const;
const LOCALE_NAMES: Record<ReportLocale, string> = { 'zh-CN': '中文', en: 'English' };

interface SubscriptionFormProps {
  cadence: ReportCadence;
  /** The saved subscription, none when the user has not subscribed. */
  saved: ReportSubscription | undefined;
  /** The merchants of the caller's whole scope. */
  choices: readonly MerchantChoice[];
  timeZone: string | undefined;
}

/** One cadence: on or off, its merchants, the CSV attachment and the language; off unsubscribes at once. */
export function SubscriptionForm({ cadence, saved, choices, timeZone }: SubscriptionFormProps) {
  const { t, locale } = useI18n();
  const id = useId();
  const save = useSaveSubscription(cadence);
  const remove = useDeleteSubscription(cadence);
  const [open, setOpen] = useState(saved !== undefined);
  const [chosen, setChosen] = useState<readonly string[] | null>(saved?.merchantIds ?? null);
  const [attachCsv, setAttachCsv] = useState(saved?.attachCsv ?? false);
  const [fileLocale, setFileLocale] = useState<ReportLocale | null>(saved?.locale ?? null);
  const errors = formErrors(save.error ?? remove.error, FIELDS);
  const title = t(`reports.cadence.${cadence}`);

  // Merchants saved earlier stay choosable even when the page's list has not loaded them.
  const named = choices.flatMap((m) => (m.merchantId ? [{ id: m.merchantId, name: m.merchantName }] : []));
  const extra = (chosen ?? [])
    .filter((m) => !named.some((n) => n.id === m))
    .map((m) => ({ id: m, name: null }));

  const toggle = (on: boolean) => {
    setOpen(on);
    save.reset();
    if (!on && saved) remove.mutate();
  };
  const flip = (merchantId: string, on: boolean) => {
    const rest = (chosen ?? []).filter((m) => m !== merchantId);
    setChosen(on ? [...rest, merchantId] : rest);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    remove.reset();
    save.mutate({ merchantIds: chosen ? [...chosen] : null, attachCsv, locale: fileLocale });
  };

  return (
    <form className="reports__subscription" aria-label={title} onSubmit={submit}>
      <label className="field--inline reports__subscription-toggle">
        <input
          type="checkbox"
          checked={open}
          disabled={remove.isPending}
          onChange={(e) => toggle(e.target.checked)}
        />
        <span>
          <strong>{title}</strong> <span className="muted">{t(`reports.cadence.${cadence}.when`)}</span>
        </span>
      </label>
      {saved && timeZone ? (
        <p className="muted reports__next-run">
          {t('reports.nextRun', { time: formatInZone(saved.nextRunAt, locale, timeZone), zone: timeZone })}
        </p>
      ) : null}
      {open ? (
        <>
          <fieldset className="reports__subscription-fields" aria-describedby={`${id}-merchants`}>
            <legend>{t('reports.merchant')}</legend>
            <label className="field--inline">
              <input
                type="checkbox"
                checked={chosen === null}
                onChange={(e) => setChosen(e.target.checked ? null : [])}
              />
              {t('reports.allMerchants')}
            </label>
            {chosen !== null
              ? [...named, ...extra].map((m) => (
                  <label key={m.id} className="field--inline">
                    <input
                      type="checkbox"
                      checked={chosen.includes(m.id)}
                      onChange={(e) => flip(m.id, e.target.checked)}
                    />
                    {m.name ?? m.id}
                  </label>
                ))
              : null}
            {errors.byField.merchantIds ? (
              <span id={`${id}-merchants`} className="field__error" role="alert">
                {errors.byField.merchantIds}
              </span>
            ) : null}
          </fieldset>
          <label className="field--inline">
            <input type="checkbox" checked={attachCsv} onChange={(e) => setAttachCsv(e.target.checked)} />
            {t('reports.attachCsv')}
          </label>
          {errors.byField.attachCsv ? (
            <span className="field__error" role="alert">
              {errors.byField.attachCsv}
            </span>
          ) : null}
          <div className={errors.byField.locale ? 'field field--invalid' : 'field'}>
            <label htmlFor={`${id}-locale`}>{t('reports.mailLanguage')}</label>
            <select
              id={`${id}-locale`}
              value={fileLocale ?? ''}
              aria-invalid={errors.byField.locale ? true : undefined}
              onChange={(e) => setFileLocale((e.target.value || null) as ReportLocale | null)}
            >
              <option value="">{t('reports.ownLanguage')}</option>
              {REPORT_LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            {errors.byField.locale ? (
              <span className="field__error" role="alert">
                {errors.byField.locale}
              </span>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={save.isPending}>
            {saved ? t('reports.saveSubscription') : t('reports.subscribe')}
          </button>
        </>
      ) : null}
      {save.isSuccess ? <p role="status">{t('reports.subscriptionSaved')}</p> : null}
      {remove.isSuccess && !open ? <p role="status">{t('reports.subscriptionRemoved')}</p> : null}
      {errors.general ? (
        <p className="field__error" role="alert">
          {errors.general}
        </p>
      ) : null}
    </form>
  );
}
