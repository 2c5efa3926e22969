import { Injectable } from '@nestjs/common';
import { IngestMetrics, type IngestStats } from './ingest-metrics';

/** The ingest numbers as JSON, for the health endpoint and the dashboard. */
@Injectable()
export class IngestStatsService {
  constructor(private readonly metrics: IngestMetrics) {}

  snapshot(): IngestStats {
    return this.metrics.snapshot();
  }
}
