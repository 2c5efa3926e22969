import { Module } from '@nestjs/common';
import { INGEST_CLOCK, systemClock } from './clock';
import { IngestService } from './ingest.service';

/**
 * The MQTT ingestor. Needs, from global modules: APP_CONFIG, BROKER_ENDPOINT
 * (BrokerModule.forRoot), IngestMetrics (MetricsModule) and TELEMETRY_STORE (storage).
 */
@Module({
  providers: [{ provide: INGEST_CLOCK, useValue: systemClock }, IngestService],
  exports: [IngestService],
})
export class IngestModule {}
