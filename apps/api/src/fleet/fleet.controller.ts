import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { FleetSummaryView } from '@fleet/telemetry/api/fleet';
import type { CauseCode } from '@fleet/telemetry/causes';
import { sendPreparedJson } from '../common/http/send-json';
import { CurrentScope } from '../auth/guard/current-user.decorator';
import type { Scope } from '../auth/scope/scope';
import { IngestStatsService } from '../metrics/ingest-stats.service';
import { FleetRepository } from '../storage/repositories/fleet.repository';
import { FleetMapSnapshot } from './fleet-map-snapshot';

/** The overview's numbers and the map's points, within the caller's scope. */
@ApiTags('fleet')
@ApiBearerAuth()
@Controller('fleet')
export class FleetController {
  constructor(
    private readonly fleet: FleetRepository,
    private readonly ingest: IngestStatsService,
    private readonly snapshot: FleetMapSnapshot,
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

  /** Every visible terminal as compact columns (FleetMapPayload), from the in-memory snapshot. */
  @Get('map')
  @ApiOkResponse({
    description: 'FleetMapPayload: columns, coordinates in 1e-5 degree, dictionary-coded strings',
  })
  async map(@CurrentScope() scope: Scope, @Req() request: Request, @Res() response: Response): Promise<void> {
    await sendPreparedJson(request, response, await this.snapshot.body(scope));
  }
}
