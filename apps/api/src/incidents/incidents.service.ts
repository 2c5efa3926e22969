import { Injectable } from '@nestjs/common';
import type { IncidentsResponse, IncidentView } from '@fleet/telemetry/api/risk';
import type { Scope } from '../auth/scope/scope';
import { NotFoundError } from '../common/errors/domain-error';
import type { ListIncidentsQuery } from './incidents.dto';
import { IncidentsRepository, type IncidentRow } from './incidents.repository';

function view(row: IncidentRow): IncidentView {
  const v: IncidentView = {
    id: row.id,
    code: row.code,
    startedAt: new Date(row.started_at).toISOString(),
    endedAt: row.ended_at === null ? null : new Date(row.ended_at).toISOString(),
    terminalCount: row.terminal_count,
  };
  if (row.mcc_mnc !== null) v.mccMnc = row.mcc_mnc;
  if (row.region !== null) v.region = row.region;
  return v;
}

/** Area-wide incidents as stored by the risk engine's sweeps. */
@Injectable()
export class IncidentsService {
  constructor(private readonly repository: IncidentsRepository) {}

  async list(scope: Scope, query: ListIncidentsQuery): Promise<IncidentsResponse> {
    return { items: (await this.repository.list(scope, query.status, query.limit)).map(view) };
  }

  async get(id: string, scope: Scope): Promise<IncidentView> {
    const row = await this.repository.get(id, scope);
    if (row === undefined) throw new NotFoundError(`incident ${id} not found`);
    return { ...view(row), memberIds: row.member_ids };
  }
}
