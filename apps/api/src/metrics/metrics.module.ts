import { Global, Module } from '@nestjs/common';
import { IngestMetrics } from './ingest-metrics';
import { IngestStatsService } from './ingest-stats.service';
import { MetricsController } from './metrics.controller';
import { MetricsRegistry } from './metrics-registry';

/** Prometheus metrics (GET /metrics) and the JSON ingest snapshot. */
@Global()
@Module({
  providers: [MetricsRegistry, IngestMetrics, IngestStatsService],
  controllers: [MetricsController],
  exports: [MetricsRegistry, IngestMetrics, IngestStatsService],
})
export class MetricsModule {}
