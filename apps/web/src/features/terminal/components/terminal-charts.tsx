import type { SeriesRange } from '@fleet/telemetry/api/fleet';
import { StatusPanel } from '../../../components/status-panel';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useTerminalSeries } from '../api/get-terminal-series';
import { EventLog } from './event-log';
import { SignalChart } from './signal-chart';
import { SimChart } from './sim-chart';
import { StatusChart } from './status-chart';
import { TxnChart } from './txn-chart';

/** Every chart of one terminal over the chosen range (the server has already downsampled). */
export function TerminalCharts({ terminalId, range }: { terminalId: string; range: SeriesRange }) {
  const { t } = useI18n();
  const series = useTerminalSeries(terminalId, range);
  if (series.isPending) return <StatusPanel tone="loading" title={t('terminal.loadingCharts')} />;
  if (series.isError) {
    return (
      <StatusPanel tone="error" title={t('terminal.chartsFailed')}>
        <p>{series.error.message}</p>
      </StatusPanel>
    );
  }
  return (
    <>
      <div className="chart-grid" aria-busy={series.isPlaceholderData}>
        <SignalChart series={series.data} />
        <SimChart series={series.data} />
        <StatusChart series={series.data} />
        <TxnChart series={series.data} />
      </div>
      <EventLog series={series.data} />
    </>
  );
}
