import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { scopeAllows, type Scope } from '../auth/scope/scope';
import { NotFoundError } from '../common/errors/domain-error';
import { RiskRepository } from './risk.repository';

export interface ContactMarker {
  terminalId: string;
  by: string;
  at: string;
  note?: string;
}

/** "Merchant contacted": who called the shop and when, shown on the at-risk list. */
@Injectable()
export class ContactService {
  constructor(
    private readonly repository: RiskRepository,
    private readonly audit: AuditService,
  ) {}

  async record(
    terminalId: string,
    by: string,
    note: string | undefined,
    scope: Scope,
  ): Promise<ContactMarker> {
    const place = await this.repository.place(terminalId);
    // Out of scope answers exactly like missing, so ids outside a slice leak nothing.
    if (place === undefined || !scopeAllows(scope, place))
      throw new NotFoundError(`terminal ${terminalId} not found`);
    const text = note === undefined || note === '' ? undefined : note;
    const { at } = await this.repository.recordContact(terminalId, by, text);
    await this.audit.record(by, 'merchant.contacted', terminalId, text === undefined ? {} : { note: text });
    return { terminalId, by, at: new Date(at).toISOString(), ...(text === undefined ? {} : { note: text }) };
  }
}
