import { StatusPanel } from '../../../components/status-panel';
import { formatCount } from '../../../lib/format';
import { useHealth } from '../api/get-health';

/** Platform health: database in use and the ingest pipeline's counters since start. */
export function IngestPanel() {
  const health = useHealth();

  if (health.isPending) return <StatusPanel tone="loading" title="Checking platform health…" />;
  if (health.isError) {
    return (
      <StatusPanel tone="error" title="Platform health is unavailable">
        <p>{health.error.message}</p>
      </StatusPanel>
    );
  }

  const { status, database, ingest } = health.data;
  const counters: Array<[string, number]> = [
    ['Received', ingest.received],
    ['Stored', ingest.stored],
    ['Rejected', ingest.rejected],
    ['Awaiting commit', ingest.bufferDepth],
  ];
  return (
    <section className="panel" aria-label="Ingest">
      <header className="panel__header">
        <h2 className="panel__title">Ingest</h2>
        <span className={`badge ${status === 'ok' ? 'badge--good' : 'badge--bad'}`}>API {status}</span>
        <span className="panel__meta">
          Database: {database.driver} ({database.mode})
        </span>
      </header>
      <dl className="counter-row">
        {counters.map(([label, value]) => (
          <div key={label} className="counter">
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
