import { Injectable } from '@nestjs/common';
import type {
  CauseView,
  ImportTerminal,
  ListTerminalsQuery,
  TerminalListView,
  TerminalStateView,
} from '@fleet/telemetry/api/terminals';
import { AuditService } from '../audit/audit.service';
import type { Scope } from '../auth/scope/scope';
import { TerminalsRepository } from '../storage/repositories/terminals.repository';
import type { TerminalState } from '../storage/repositories/terminal-state';

@Injectable()
export class TerminalsService {
  constructor(
    private readonly repository: TerminalsRepository,
    private readonly audit: AuditService,
  ) {}

  async import(rows: ImportTerminal[], actor: string): Promise<number> {
    const upserted = await this.repository.importTerminals(rows);
    await this.audit.record(actor, 'terminals.imported', `${upserted} terminals`, { count: upserted });
    return upserted;
  }

  async get(terminalId: string, scope: Scope): Promise<TerminalStateView | undefined> {
    const state = await this.repository.findState(terminalId, scope);
    return state ? toView(state) : undefined;
  }

  async list(query: ListTerminalsQuery, scope: Scope): Promise<TerminalListView> {
    const { items, total } = await this.repository.list({ ...query, scope });
    return { items: items.map(toView), total, page: query.page, pageSize: query.pageSize };
  }
}

function toView(state: TerminalState): TerminalStateView {
  return {
    terminalId: state.terminalId,
    registered: state.registered,
    merchantId: state.merchantId,
    merchantName: state.merchantName,
    merchantPhone: state.merchantPhone,
    region: state.region,
    lat: state.lat,
    lon: state.lon,
    model: state.model,
    comm: state.comm,
    online: state.online,
    onlineReason: state.onlineReason,
    lastSeenAt: state.lastSeenAt,
    lastReceivedAt: state.lastReceivedAt,
    signal: state.signal,
    sim: state.sim,
    paper: state.paper,
    heartbeat: state.heartbeat,
    riskScore: state.riskScore,
    causes: state.causes as CauseView[],
  };
}
