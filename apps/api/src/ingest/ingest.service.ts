import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { FLEET_WILDCARD } from '@fleet/telemetry/protocol/topics';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../broker/broker-endpoint';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { TELEMETRY_STORE, type TelemetryStore } from '../storage/telemetry-store.port';
import { INGEST_CLOCK, type Clock } from './clock';
import { DeferredAckSubscriber } from './deferred-ack-subscriber';
import { IngestPipeline, type CommitListener } from './ingest-pipeline';
import type { IngestPosition } from './ingest-watermark';

const DAY_MS = 86_400_000;
const DRAIN_TIMEOUT_MS = 10_000;

/** Runs the ingestor: subscribes to every terminal's topics and feeds the pipeline. */
@Injectable()
export class IngestService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Ingest');
  private readonly subscriber: DeferredAckSubscriber;
  private readonly pipeline: IngestPipeline;
  /** False in a cluster process without the ingest role: it never subscribes. */
  readonly enabled: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(BROKER_ENDPOINT) endpoint: BrokerEndpoint,
    @Inject(TELEMETRY_STORE) store: TelemetryStore,
    @Inject(INGEST_CLOCK) clock: Clock,
    private readonly metrics: IngestMetrics,
  ) {
    this.enabled = config.cluster === undefined || config.cluster.roles.has('ingest');
    this.subscriber = new DeferredAckSubscriber({
      url: endpoint.url,
      // Stable across restarts, so the broker keeps our persistent session and queues for us;
      // in a cluster one per process (host and port), or two ingestors on a host would evict each other.
      clientId: endpoint.embedded
        ? 'fleet-ingest'
        : `fleet-ingest-${config.ingest.shareGroup}-${config.cluster?.nodeId ?? hostname()}`,
      protocolVersion: endpoint.protocolVersion,
      // aedes has no shared subscriptions; with an external broker several ingestors split the load.
      topic: endpoint.embedded ? FLEET_WILDCARD : `$share/${config.ingest.shareGroup}/${FLEET_WILDCARD}`,
      ...endpoint.platformCredentials,
      onMessage: (message) => this.pipeline.handle(message),
    });
    this.pipeline = new IngestPipeline(
      store,
      clock,
      metrics,
      { ...config.ingest, retentionMs: config.rawRetentionDays * DAY_MS },
      this.subscriber,
      (error, attempt) =>
        this.logger.warn(`storing a batch failed (attempt ${attempt}), retrying: ${String(error)}`),
    );
    this.subscriber.on('connected', () => {
      metrics.brokerConnected(true);
      this.logger.log('subscribed to the broker');
    });
    this.subscriber.on('disconnected', (error: Error) => {
      metrics.brokerConnected(false);
      this.logger.warn(`lost the broker, reconnecting: ${error.message}`);
    });
  }

  get connected(): boolean {
    return this.subscriber.connected;
  }

  /** How far the ingest as a whole has got: the engine judges silence no further. */
  position(): IngestPosition {
    return this.pipeline.position();
  }

  /** Calls `listener` after every committed batch with its messages and dead letters; returns the unsubscribe. */
  onCommitted(listener: CommitListener): () => void {
    return this.pipeline.onCommitted(listener);
  }

  /** Fails start-up with one line when the broker cannot be reached or refuses us. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.enabled) await this.subscriber.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  /**
   * Stops reading, commits and acks what is held (waiting at most drainMs), then disconnects.
   * Whatever did not commit stays unacked, so the broker redelivers it to the next session.
   */
  async stop(drainMs = DRAIN_TIMEOUT_MS): Promise<void> {
    if (!this.enabled) return;
    this.subscriber.pause();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, drainMs).unref());
    await Promise.race([this.pipeline.batcher.drain(), timeout]);
    this.pipeline.batcher.close();
    await this.subscriber.stop();
  }
}
