import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TechniciansResponse } from '@fleet/telemetry/api/work-orders';
import { Roles } from '../auth/guard/roles.decorator';
import { TechniciansRepository } from './technicians.repository';

/** The dispatch board's technicians: regions, skills, home base and the orders each holds now. */
@ApiTags('work-orders')
@ApiBearerAuth()
@Roles('admin', 'support')
@Controller('technicians')
export class TechniciansController {
  constructor(private readonly technicians: TechniciansRepository) {}

  /** Enabled technicians by username. */
  @Get()
  @ApiOkResponse({
    description: 'TechniciansResponse: {items: [{id, username, regions, skills?, homeBase?, activeOrders}]}',
  })
  async list(): Promise<TechniciansResponse> {
    const rows = await this.technicians.candidates('all');
    return {
      items: rows.map((t) => ({
        id: t.id,
        username: t.username,
        regions: [...t.regions],
        ...(t.skills === null
          ? {}
          : { skills: { models: [...t.skills.models], comms: [...t.skills.comms] } }),
        ...(t.homeBase === null ? {} : { homeBase: t.homeBase }),
        activeOrders: t.activeOrders,
      })),
    };
  }
}
