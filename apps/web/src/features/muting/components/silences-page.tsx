import { useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { formatCount, formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href, type SilencePrefill } from '../../../lib/router/routes';
import { navigate } from '../../../lib/router/use-route';
import { useExpireSilence, useSilences } from '../api/silences';
import { SilenceForm } from './silence-form';
import { SilencesTable } from './silences-table';

const ORDER = { active: 0, pending: 1, expired: 2 } as const;

/**
 * Admin and support: silences active and pending first, the expired behind a toggle. With
 * `prefill` (from an alert's "Silence this") the form opens filled in.
 */
export function SilencesPage({ prefill }: { prefill?: SilencePrefill }) {
  const { t, locale } = useI18n();
  const silences = useSilences();
  const expire = useExpireSilence();
  const [notice, setNotice] = useState<string | undefined>();
  const [showExpired, setShowExpired] = useState(false);
  const formOpen = prefill !== undefined;
  const items = [...(silences.data?.items ?? [])].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  const expiredCount = items.filter((s) => s.state === 'expired').length;
  const shown = showExpired ? items : items.filter((s) => s.state !== 'expired');

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('silences.title')}</h1>
        {formOpen ? null : (
          <a className="button" href={href.newSilence({})}>
            {t('silences.new')}
          </a>
        )}
      </header>
      <p className="muted">{t('silences.intro')}</p>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {expire.isError ? (
        <p role="alert" className="form-error">
          {expire.error.message}
        </p>
      ) : null}
      {formOpen ? (
        <>
          {prefill.alertId ? (
            <p className="muted">
              {t('silences.fromAlert')} <a href={href.alert(prefill.alertId)}>{t('silences.backToAlert')}</a>
            </p>
          ) : null}
          <SilenceForm
            key={JSON.stringify(prefill)}
            prefill={prefill}
            onDone={(silence) => {
              setNotice(t('silences.created', { time: formatDateTime(silence.endsAt, locale) }));
              navigate(prefill.alertId ? href.alert(prefill.alertId) : href.silences());
            }}
            onCancel={() => navigate(href.silences())}
          />
        </>
      ) : null}
      {silences.isPending ? (
        <StatusPanel tone="loading" title={t('silences.loading')} />
      ) : silences.isError ? (
        <StatusPanel tone="error" title={t('silences.failed')}>
          <p>{silences.error.message}</p>
        </StatusPanel>
      ) : items.length === 0 ? (
        <StatusPanel tone="empty" title={t('silences.empty')} />
      ) : (
        <>
          {shown.length > 0 ? (
            <SilencesTable
              silences={shown}
              busyId={expire.isPending ? expire.variables : undefined}
              onExpire={(silence) => {
                setNotice(undefined);
                expire.mutate(silence.id, { onSuccess: () => setNotice(t('silences.expired')) });
              }}
            />
          ) : null}
          {expiredCount > 0 ? (
            <button
              type="button"
              className="button button--ghost muting-page__toggle"
              aria-expanded={showExpired}
              onClick={() => setShowExpired((was) => !was)}
            >
              {showExpired
                ? t('silences.hideExpired')
                : t('silences.showExpired', { n: formatCount(expiredCount, locale) })}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
