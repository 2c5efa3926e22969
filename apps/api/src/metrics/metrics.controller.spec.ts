import { describe, expect, it } from 'vitest';
import { IngestMetrics } from './ingest-metrics';
import { IngestStatsService } from './ingest-stats.service';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';

function setup() {
  const registry = new MetricsRegistry();
  const metrics = new IngestMetrics(registry);
  return { metrics, controller: new MetricsController(registry), stats: new IngestStatsService(metrics) };
}

describe('ingest metrics', () => {
  it('serves the ingest counters, gauge and histograms as Prometheus text', async () => {
    const { metrics, controller } = setup();
    metrics.received();
    metrics.received();
    metrics.received();
    metrics.rejected('bad_json');
    metrics.batchCommitted(3, 0.02, { stored: 1, duplicates: 1, deadLetters: 1 }, 0);
    metrics.bufferDepth(7, false);
    const text = await controller.scrape();
    expect(text).toContain('fleet_ingest_received_total 3');
    expect(text).toContain('fleet_ingest_stored_total 1');
    expect(text).toContain('fleet_ingest_duplicates_total 1');
    expect(text).toContain('fleet_ingest_rejected_total{reason="bad_json"} 1');
    expect(text).toContain('fleet_ingest_buffer_depth 7');
    expect(text).toContain('fleet_ingest_batch_seconds_bucket{le="0.025"} 1');
    expect(text).toContain('fleet_ingest_batch_size_count 1');
  });

  it('keeps counters monotonic across scrapes', async () => {
    const { metrics, controller } = setup();
    metrics.received();
    await controller.scrape();
    metrics.received();
    expect(await controller.scrape()).toContain('fleet_ingest_received_total 2');
  });

  it('returns the same numbers as JSON for the health endpoint and dashboard', () => {
    const { metrics, stats } = setup();
    metrics.received();
    metrics.rejected('schema');
    metrics.brokerConnected(true);
    metrics.batchCommitted(1, 0.01, { stored: 0, duplicates: 0, deadLetters: 1 }, 1_700_000_000_000);
    expect(stats.snapshot()).toMatchObject({
      brokerConnected: true,
      received: 1,
      rejected: 1,
      rejectedByReason: { schema: 1 },
      batches: 1,
      lastBatch: { size: 1, seconds: 0.01, committedAt: 1_700_000_000_000 },
    });
  });
});
