import { useState } from 'react';
import { StatusPanel } from '../../../components/status-panel';
import { formatCount } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useTerminals } from '../api/get-terminals';
import { TerminalsTable } from './terminals-table';

const PAGE_SIZE = 50;

/** One searchable page of terminals; the map and the at-risk queue cover the whole fleet. */
export function TerminalsPanel() {
  const { t, locale } = useI18n();
  const [search, setSearch] = useState('');
  const terminals = useTerminals({
    page: 1,
    pageSize: PAGE_SIZE,
    ...(search.trim() ? { search: search.trim() } : {}),
  });
  const { data, error, dataUpdatedAt } = terminals;
  const updated = new Date(dataUpdatedAt).toLocaleTimeString(locale);

  return (
    <section className="panel panel--grow" aria-label={t('terminals.title')}>
      <header className="panel__header">
        <h2 className="panel__title">{t('terminals.title')}</h2>
        <label className="field field--inline">
          <span>{t('terminals.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        {data ? (
          <span className="panel__meta">
            {t('terminals.showing', {
              shown: formatCount(data.items.length, locale),
              total: formatCount(data.total, locale),
              time: updated,
            })}
          </span>
        ) : null}
      </header>
      {error ? (
        <StatusPanel
          tone="error"
          title={data ? t('common.staleSince', { time: updated }) : t('terminals.failed')}
        >
          <p>{error.message}</p>
        </StatusPanel>
      ) : null}
      {!data ? (
        error ? null : (
          <StatusPanel tone="loading" title={t('terminals.loading')} />
        )
      ) : data.items.length === 0 ? (
        <StatusPanel tone="empty" title={t('terminals.empty')}>
          <p>{t('terminals.emptyDetail')}</p>
        </StatusPanel>
      ) : (
        <TerminalsTable terminals={data.items} now={dataUpdatedAt} />
      )}
    </section>
  );
}
