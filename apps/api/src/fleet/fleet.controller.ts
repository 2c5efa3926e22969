import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FleetMapView, FleetSummaryView } from '@fleet/telemetry/api/fleet';
import type { CauseCode } from '@fleet/telemetry/causes';
import { CurrentScope } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import { IngestStatsService } from '../metrics/ingest-stats.service';
import { FleetRepository } from '../storage/repositories/fleet.repository';

/** The overview's numbers and the map's points, within the caller's scope. */
@ApiTags('fleet')
@ApiBearerAuth()
@Controller('fleet')
export class FleetController {
  constructor(
    private readonly fleet: FleetRepository,
    private readonly ingest: IngestStatsService,
  ) {}

  @Get('summary')
  async summary(@CurrentScope() scope: Scope): Promise<FleetSummaryView> {
    const counts = await this.fleet.summary(scope);
    const { received, stored, rejected, bufferDepth } = this.ingest.snapshot();
    return {
      total: counts.total,
      online: counts.online,
      offline: counts.total - counts.online,
      unregistered: counts.unregistered,
      atRisk: counts.atRisk,
      atRiskByCause: counts.byCause as Partial<Record<CauseCode, number>>,
      openIncidents: counts.openIncidents,
      ingest: { received, stored, rejected, bufferDepth },
    };
  }

  @Get('map')
  map(@CurrentScope() scope: Scope): Promise<FleetMapView> {
    return this.fleet.map(scope);
  }
}
