import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { TechnicianLoadsResponse } from '@fleet/telemetry/api/dispatch-board';
import { Roles } from '../auth/guard/roles.decorator';
import { TechniciansRepository } from './technicians.repository';

/** Support's dispatch board: who can take work and how much they carry now. */
@ApiTags('work-orders')
@ApiBearerAuth()
@Controller('dispatch')
export class DispatchTechniciansController {
  constructor(private readonly technicians: TechniciansRepository) {}

  /** Every enabled technician with regions, active orders and home base, by username. */
  @Get('technicians')
  @Roles('admin', 'support')
  @ApiOkResponse({
    description: 'TechnicianLoadsResponse: {items: [{id, username, regions, activeOrders, homeBase?}]}',
  })
  async list(): Promise<TechnicianLoadsResponse> {
    const all = await this.technicians.candidates('all');
    return {
      items: all.map((tech) => ({
        id: tech.id,
        username: tech.username,
        regions: [...tech.regions],
        activeOrders: tech.activeOrders,
        ...(tech.homeBase ? { homeBase: tech.homeBase } : {}),
      })),
    };
  }
}
