import type { CauseCode } from '@fleet/telemetry/causes';
import { useMemo, useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { can } from '../../../lib/auth/permissions';
import type { Role } from '../../../lib/auth/session-schema';
import { formatCount, formatTimeAgo } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useNow } from '../../../lib/use-now';
import { useAtRisk } from '../api/get-at-risk';
import { AtRiskCard } from './at-risk-card';
import { CauseFilter } from './cause-filter';
import { countByCause, filterByCauses } from './queue-filter';

/** The call list: highest risk first, filterable by cause, live through socket pushes. */
export function AtRiskPage({ role }: { role: Role }) {
  const { t, locale } = useI18n();
  const now = useNow();
  const queue = useAtRisk();
  const [selected, setSelected] = useState<ReadonlySet<CauseCode>>(new Set());
  const items = queue.data?.items;
  const counts = useMemo(() => countByCause(items ?? []), [items]);
  const shown = useMemo(() => filterByCauses(items ?? [], selected), [items, selected]);
  const canContact = can(role, 'markContacted');

  const toggle = (code: CauseCode) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(code)) next.add(code);
      return next;
    });

  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page-title">{t('nav.atRisk')}</h1>
        {queue.data ? (
          <span className="panel__meta">
            {t('risk.summary', {
              shown: formatCount(shown.length, locale),
              total: formatCount(queue.data.items.length, locale),
              when: formatTimeAgo(queue.data.generatedAt, now, locale),
            })}
          </span>
        ) : null}
      </header>
      {queue.error ? (
        <StatusPanel tone="error" title={t('risk.failed')}>
          <p>{queue.error.message}</p>
        </StatusPanel>
      ) : null}
      {!queue.data ? (
        queue.error ? null : (
          <StatusPanel tone="loading" title={t('risk.loading')} />
        )
      ) : queue.data.items.length === 0 ? (
        <StatusPanel tone="empty" title={t('risk.empty')} />
      ) : (
        <>
          <CauseFilter counts={counts} selected={selected} onToggle={toggle} />
          {shown.length === 0 ? (
            <StatusPanel tone="empty" title={t('risk.emptyFiltered')} />
          ) : (
            <ol className="risk-list" aria-label={t('nav.atRisk')}>
              {shown.map((item) => (
                <AtRiskCard key={item.terminalId} item={item} canContact={canContact} now={now} />
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}
