import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { StoreBatchResult } from '../storage/telemetry-store.port';
import { MetricsRegistry } from './metrics-registry';

/** Ingest numbers as read by the health endpoint and dashboard (same values as /metrics). */
export interface IngestStats {
  brokerConnected: boolean;
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  bufferDepth: number;
  backpressured: boolean;
  batches: number;
  storeErrors: number;
  lastBatch: { size: number; seconds: number; committedAt: number } | null;
  /** How far behind the present the fleet's data has arrived (see IngestWatermark). */
  behindSeconds: number;
  /** Behind by over a minute: silence and outages are not judged past what has arrived. */
  catchingUp: boolean;
}

/** Where the ingest is, read when asked (it moves with the clock). */
export type IngestPositionSource = () => { behindMs: number; catchingUp: boolean };

/**
 * Records ingest activity. The per-message path only bumps plain numbers; the Prometheus
 * counters catch up when scraped (collect), so tens of thousands of messages a second
 * cost no metric bookkeeping each.
 */
@Injectable()
export class IngestMetrics {
  private position: IngestPositionSource = () => ({ behindMs: 0, catchingUp: false });
  private readonly stats: Omit<IngestStats, 'behindSeconds' | 'catchingUp'> = {
    brokerConnected: false,
    received: 0,
    stored: 0,
    duplicates: 0,
    rejected: 0,
    rejectedByReason: {},
    bufferDepth: 0,
    backpressured: false,
    batches: 0,
    storeErrors: 0,
    lastBatch: null,
  };
  private readonly batchSeconds: Histogram;
  private readonly batchSize: Histogram;

  constructor({ registry }: MetricsRegistry) {
    const registers = [registry];
    const stats = this.stats;
    const total = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          // Publish the running total (it only grows, so the counter stays monotonic).
          this.reset();
          this.inc(read());
        },
      });
    total('fleet_ingest_received_total', 'MQTT messages received', () => stats.received);
    total('fleet_ingest_stored_total', 'Telemetry rows newly stored', () => stats.stored);
    total(
      'fleet_ingest_duplicates_total',
      'Messages already stored (redeliveries, repeats)',
      () => stats.duplicates,
    );
    total('fleet_ingest_store_errors_total', 'Failed batch commits (retried)', () => stats.storeErrors);
    new Counter({
      name: 'fleet_ingest_rejected_total',
      help: 'Messages rejected into dead letters, by reason',
      labelNames: ['reason'],
      registers,
      collect() {
        this.reset();
        for (const [reason, count] of Object.entries(stats.rejectedByReason)) this.inc({ reason }, count);
      },
    });
    new Gauge({
      name: 'fleet_ingest_buffer_depth',
      help: 'Messages received and not yet committed',
      registers,
      collect() {
        this.set(stats.bufferDepth);
      },
    });
    const position = () => this.position();
    new Gauge({
      name: 'fleet_ingest_behind_seconds',
      help: 'How far behind the present the fleet data has arrived (0 when current)',
      registers,
      collect() {
        this.set(position().behindMs / 1000);
      },
    });
    this.batchSeconds = new Histogram({
      name: 'fleet_ingest_batch_seconds',
      help: 'Batch commit latency',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'fleet_ingest_batch_size',
      help: 'Messages and dead letters per committed batch',
      buckets: [1, 10, 50, 100, 250, 500, 1000, 2000, 5000, 10_000],
      registers,
    });
  }

  received(): void {
    this.stats.received += 1;
  }

  rejected(reason: string): void {
    this.stats.rejected += 1;
    this.stats.rejectedByReason[reason] = (this.stats.rejectedByReason[reason] ?? 0) + 1;
  }

  batchCommitted(size: number, seconds: number, result: StoreBatchResult, committedAt: number): void {
    this.stats.stored += result.stored;
    this.stats.duplicates += result.duplicates;
    this.stats.batches += 1;
    this.stats.lastBatch = { size, seconds, committedAt };
    this.batchSeconds.observe(seconds);
    this.batchSize.observe(size);
  }

  storeFailed(): void {
    this.stats.storeErrors += 1;
  }

  bufferDepth(depth: number, backpressured: boolean): void {
    this.stats.bufferDepth = depth;
    this.stats.backpressured = backpressured;
  }

  brokerConnected(connected: boolean): void {
    this.stats.brokerConnected = connected;
  }

  /** The ingest pipeline tells where it is. */
  watchPosition(source: IngestPositionSource): void {
    this.position = source;
  }

  snapshot(): IngestStats {
    const { behindMs, catchingUp } = this.position();
    return {
      ...this.stats,
      behindSeconds: Math.round(behindMs / 1000),
      catchingUp,
      rejectedByReason: { ...this.stats.rejectedByReason },
      lastBatch: this.stats.lastBatch && { ...this.stats.lastBatch },
    };
  }
}
