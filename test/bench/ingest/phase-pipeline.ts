import mqtt from 'mqtt';
import { FLEET_WILDCARD } from '@fleet/telemetry/protocol/topics';
import { loadConfig } from '../../../apps/api/src/config/app-config';
import { systemClock } from '../../../apps/api/src/ingest/clock';
import { DeferredAckSubscriber } from '../../../apps/api/src/ingest/deferred-ack-subscriber';
import { IngestPipeline } from '../../../apps/api/src/ingest/ingest-pipeline';
import { IngestMetrics } from '../../../apps/api/src/metrics/ingest-metrics';
import { MetricsRegistry } from '../../../apps/api/src/metrics/metrics-registry';
import type { Database } from '../../../apps/api/src/storage/database';
import { SqlTelemetryStore } from '../../../apps/api/src/storage/telemetry/sql-telemetry-store';
import type { PhaseProbe } from './phase';

/**
 * The ingestor's session is persistent; a clean connect with its client id drops it so
 * the broker stops queueing the next phases' messages for it.
 */
async function forgetSession(url: string, clientId: string): Promise<void> {
  const client = await mqtt.connectAsync(url, {
    clientId,
    clean: true,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
  await client.endAsync();
}

/** The real ingest path with the platform's default settings: subscriber → pipeline → SqlTelemetryStore. */
export async function startPipelineIngestor(
  url: string,
  database: Database,
  probe: PhaseProbe,
  round: number,
) {
  const config = loadConfig({});
  const metrics = new IngestMetrics(new MetricsRegistry());
  const subscriber = new DeferredAckSubscriber({
    url,
    clientId: `bench-pipeline-${round}`,
    protocolVersion: config.mqttProtocolVersion,
    topic: `$share/pipeline${round}/${FLEET_WILDCARD}`,
    onMessage: (message) => pipeline.handle(message),
  });
  const pipeline = new IngestPipeline(
    new SqlTelemetryStore(database),
    systemClock,
    metrics,
    {
      ...config.ingest,
      retentionMs: config.rawRetentionDays * 86_400_000,
      ...(process.env.BENCH_COMMITS ? { maxConcurrentCommits: Number(process.env.BENCH_COMMITS) } : {}),
    },
    subscriber,
    (error) => console.log(`  store error: ${String(error)}`),
  );
  let commitSeconds = 0;
  pipeline.onCommitted(({ messages, seconds }) => {
    commitSeconds += seconds;
    probe.done(
      messages.length,
      Date.now(),
      messages.map((m) => m.ts),
    );
  });
  await subscriber.start();
  return {
    metrics,
    commitSeconds: () => commitSeconds,
    stop: async () => {
      await subscriber.stop();
      pipeline.batcher.close();
      await forgetSession(url, `bench-pipeline-${round}`);
    },
  };
}
