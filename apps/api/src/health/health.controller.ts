import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthView } from '@fleet/telemetry/api/health';
import { sql } from 'kysely';
import { Public } from '../auth/guard/public.decorator';
import { BROKER_ENDPOINT, type BrokerEndpoint } from '../broker/broker-endpoint';
import { DemoFleetService } from '../demo/demo-fleet.service';
import { redactBrokerUrl } from '../ingest/broker-address';
import { IngestService } from '../ingest/ingest.service';
import { IngestStatsService } from '../metrics/ingest-stats.service';
import { DATABASE, type Database } from '../storage/database';

/** `GET /health`: 200 once the database and broker are reachable, 503 with the reason otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(BROKER_ENDPOINT) private readonly broker: BrokerEndpoint,
    private readonly ingest: IngestService,
    private readonly stats: IngestStatsService,
    // Present only when DEMO_FLEET_SIZE > 0.
    @Optional() private readonly demo?: DemoFleetService,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthView> {
    const databaseOk = await sql`select 1`
      .execute(this.database.db)
      .then(() => true)
      .catch(() => false);
    // A cluster process that does not ingest has no broker connection to be healthy on.
    const brokerOk = !this.ingest.enabled || this.ingest.connected;
    const ok = databaseOk && brokerOk;
    if (!ok) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'degraded',
      database: { reachable: databaseOk, mode: this.database.mode, driver: this.database.driver },
      broker: { reachable: brokerOk, embedded: this.broker.embedded, url: redactBrokerUrl(this.broker.url) },
      ingest: this.stats.snapshot(),
      ...(this.demo ? { demo: this.demo.status() } : {}),
    };
  }
}
