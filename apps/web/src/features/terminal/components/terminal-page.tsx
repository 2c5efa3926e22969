import type { SeriesRange } from '@fleet/telemetry/api/fleet';
import { useState } from 'react';
import { CauseList } from '../../../components/cause-list';
import { OnlineBadge } from '../../../components/online-badge';
import { RiskScore } from '../../../components/risk-score';
import { StatusPanel } from '../../../components/status-panel';
import { can } from '../../../lib/auth/permissions';
import type { Role } from '../../../lib/auth/session-schema';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { href } from '../../../lib/router/routes';
import { useNow } from '../../../lib/use-now';
import { useTerminal } from '../api/get-terminal';
import { useTerminalFollow } from '../hooks/use-terminal-follow';
import { CredentialsPanel } from './credentials-panel';
import { CurrentReadings } from './current-readings';
import { LiveFeed } from './live-feed';
import { RangePicker } from './range-picker';
import { TerminalCharts } from './terminal-charts';

/** One terminal: why it is at risk first, then its readings, charts and live messages. */
export function TerminalPage({ terminalId, role }: { terminalId: string; role: Role }) {
  const { t } = useI18n();
  const now = useNow();
  const [range, setRange] = useState<SeriesRange>('24h');
  const terminal = useTerminal(terminalId);
  const feed = useTerminalFollow(terminalId);

  if (terminal.isPending) return <StatusPanel tone="loading" title={t('terminal.loading')} />;
  if (terminal.isError) {
    return (
      <StatusPanel tone="error" title={t('terminal.failed', { id: terminalId })}>
        <p>{terminal.error.message}</p>
        <a href={href.overview()}>{t('common.backToOverview')}</a>
      </StatusPanel>
    );
  }
  const state = terminal.data;
  return (
    <div className="page">
      <header className="page__header">
        <RiskScore score={state.riskScore} />
        <h1 className="page-title table__mono">{state.terminalId}</h1>
        <OnlineBadge online={state.online}>
          {state.online === false && state.onlineReason ? ` (${state.onlineReason})` : ''}
        </OnlineBadge>
        {state.registered ? null : <span className="badge badge--warn">{t('state.unregistered')}</span>}
        <span className="panel__meta">
          {[state.merchantName, state.region, state.model].filter(Boolean).join(' · ')}
        </span>
        {state.merchantPhone ? <a href={`tel:${state.merchantPhone}`}>☎ {state.merchantPhone}</a> : null}
        {state.address ? <span className="panel__meta">{state.address}</span> : null}
      </header>
      <section className="panel" aria-label={t('terminal.causes')}>
        <h2 className="panel__title">{t('terminal.causes')}</h2>
        {state.causes.length === 0 ? (
          <p className="muted">{t('terminal.noCauses')}</p>
        ) : (
          <CauseList causes={state.causes} now={now} />
        )}
      </section>
      <div className="terminal-grid">
        <CurrentReadings state={state} now={now} />
        <LiveFeed feed={feed} />
      </div>
      <div className="page__header">
        <h2 className="panel__title">{t('terminal.history')}</h2>
        <RangePicker value={range} onChange={setRange} />
      </div>
      <TerminalCharts terminalId={terminalId} range={range} />
      {can(role, 'issueCredentials') ? <CredentialsPanel terminalId={terminalId} /> : null}
    </div>
  );
}
