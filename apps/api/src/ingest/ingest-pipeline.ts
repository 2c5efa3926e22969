import { Logger } from '@nestjs/common';
import { validateMessage } from '@fleet/telemetry/protocol/validate';
import type { IngestMetrics } from '../metrics/ingest-metrics';
import type { TelemetryStore } from '../storage/telemetry-store.port';
import type { Clock } from './clock';
import { toDeadLetter } from './dead-letter';
import type { InboundPublish } from './deferred-ack-subscriber';
import { IngestBatcher, type CommittedBatch, type IngestBatcherOptions } from './ingest-batcher';
import { IngestWatermark, type IngestPosition } from './ingest-watermark';
import { StatusTimeline } from './status-timeline';

export interface IngestPipelineOptions extends IngestBatcherOptions {
  /** Raw-data retention; older device timestamps are rejected. */
  retentionMs: number;
}

/** Where backpressure goes: the subscriber's socket. */
export interface InputFlow {
  pause(): void;
  resume(): void;
}

export type CommitListener = (batch: CommittedBatch) => void;

const logger = new Logger('Ingest');

/**
 * validate → batch → store → ack, for every received message. A message that fails
 * validation becomes a dead letter in the same batch, so it is acked only once stored too.
 */
export class IngestPipeline {
  readonly batcher: IngestBatcher;
  private readonly commitListeners = new Set<CommitListener>();
  private readonly watermark = new IngestWatermark();
  private readonly statusTimeline = new StatusTimeline(() => this.watermark.arrivalLagMs());

  constructor(
    store: TelemetryStore,
    private readonly clock: Clock,
    private readonly metrics: IngestMetrics,
    private readonly options: IngestPipelineOptions,
    input: InputFlow,
    onStoreError: (error: unknown, attempt: number) => void = () => undefined,
  ) {
    metrics.watchPosition(() => this.position());
    this.batcher = new IngestBatcher(store, options, {
      committed: (batch) => {
        this.watermark.committed(clock.now());
        const size = batch.messages.length + batch.deadLetters.length;
        metrics.batchCommitted(size, batch.seconds, batch.result, clock.now());
        for (const listener of this.commitListeners) {
          // One failing listener (risk, map, socket) must not keep the others from the batch.
          try {
            listener(batch);
          } catch (error) {
            logger.error(
              `a commit listener failed; the batch stays stored and is not announced again: ${String(error)}`,
            );
          }
        }
      },
      listenerFailed: (error) => {
        logger.error(
          `recording a committed batch failed; it stays stored and acknowledged: ${String(error)}`,
        );
      },
      messageRefused: (deadLetter) => {
        metrics.rejected(deadLetter.reason);
        logger.warn(
          `the database refused a message of ${deadLetter.terminalId}, dead-lettered: ${deadLetter.detail}`,
        );
      },
      storeFailed: (error, attempt) => {
        this.watermark.storeFailed(clock.now());
        metrics.storeFailed();
        onStoreError(error, attempt);
      },
      backpressure: (on) => {
        if (on) input.pause();
        else input.resume();
      },
      depthChanged: (depth, backpressured) => {
        this.watermark.bufferChanged(depth, backpressured);
        metrics.bufferDepth(depth, backpressured);
      },
    });
  }

  /** How far the ingest as a whole has got (see IngestWatermark). */
  position(): IngestPosition {
    return this.watermark.position(this.clock.now());
  }

  /** Calls `listener` after every commit (e.g. to push live updates); returns the unsubscribe. */
  onCommitted(listener: CommitListener): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  handle({ topic, payload, ack }: InboundPublish): void {
    this.metrics.received();
    const receivedAt = this.clock.now();
    let willAfterTraffic = false;
    const result = validateMessage(topic, payload, {
      receivedAt,
      retentionMs: this.options.retentionMs,
      statusTime: (terminalId, status) => {
        const placed = this.statusTimeline.placeStatus(terminalId, status, receivedAt);
        willAfterTraffic = placed.afterTraffic;
        return placed.ts;
      },
    });
    if (result.ok) {
      const message = willAfterTraffic ? { ...result.message, afterTraffic: true } : result.message;
      this.watermark.arrived(message);
      this.statusTimeline.heard(message);
      this.batcher.add({ kind: 'message', message, ack });
      return;
    }
    this.metrics.rejected(result.reason);
    this.batcher.add({ kind: 'dead', deadLetter: toDeadLetter(topic, payload, result, receivedAt), ack });
  }
}
