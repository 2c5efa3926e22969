import { StatusPanel } from '../../../components/status-panel';
import { formatCount } from '../../../lib/format';
import { useTerminals } from '../api/get-terminals';
import { FleetSummary } from './fleet-summary';
import { IngestPanel } from './ingest-panel';
import { TerminalsTable } from './terminals-table';

const FIRST_PAGE = { page: 1, pageSize: 50 };

function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString('en-GB');
}

/** The landing page: fleet headline numbers, ingest health and the first page of terminals. */
export function FleetOverview() {
  const terminals = useTerminals(FIRST_PAGE);
  const { data, error, dataUpdatedAt } = terminals;

  return (
    <div className="overview">
      {data ? (
        <FleetSummary page={data} />
      ) : error ? (
        <StatusPanel tone="error" title="Terminals could not be loaded">
          <p>{error.message}</p>
        </StatusPanel>
      ) : (
        <StatusPanel tone="loading" title="Loading terminals…" />
      )}

      <IngestPanel />

      {data ? (
        <section className="panel panel--grow" aria-label="Terminals">
          <header className="panel__header">
            <h2 className="panel__title">Terminals</h2>
            <span className="panel__meta">
              Showing {formatCount(data.items.length)} of {formatCount(data.total)} · updated{' '}
              {clockTime(dataUpdatedAt)}
            </span>
          </header>
          {/* A failed refresh keeps the last good rows on screen and says they are stale. */}
          {error ? (
            <StatusPanel tone="error" title={`Refresh failed; showing data from ${clockTime(dataUpdatedAt)}`}>
              <p>{error.message}</p>
            </StatusPanel>
          ) : null}
          {data.items.length === 0 ? (
            <StatusPanel tone="empty" title="No terminals yet">
              <p>Terminals appear here once they are imported or first publish telemetry.</p>
            </StatusPanel>
          ) : (
            <TerminalsTable terminals={data.items} now={dataUpdatedAt} />
          )}
        </section>
      ) : null}
    </div>
  );
}
