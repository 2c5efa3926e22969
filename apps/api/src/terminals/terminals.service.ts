import { Injectable } from '@nestjs/common';
import type {
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

/** The API's view: the stored state without the fields only the platform reads. */
function toView(state: TerminalState): TerminalStateView {
  const { accountManager: _accountManager, txn: _txn, riskUpdatedAt: _riskUpdatedAt, ...view } = state;
  return view;
}
