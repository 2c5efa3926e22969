import { Injectable } from '@nestjs/common';
import type {
  AlertDetail,
  AlertsResponse,
  AlertView,
  BulkAcknowledgeResponse,
} from '@fleet/telemetry/api/alerts';
import type { Scope } from '../auth/scope/scope';
import { ConflictError, NotFoundError, ValidationError } from '../common/errors/domain-error';
import { AlertLifecycle } from './alert-lifecycle';
import { timelineEntry } from './alert-view';
import type { ListAlertsQuery } from './alerts.dto';
import { AlertsRepository, type AlertRow } from './alerts.repository';
import { AlertMuting } from './muting/alert-muting';

/** What people do with alerts, within their scope: list, read, acknowledge, resolve, assign. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly repository: AlertsRepository,
    private readonly lifecycle: AlertLifecycle,
    private readonly muting: AlertMuting,
  ) {}

  async list(scope: Scope, query: ListAlertsQuery): Promise<AlertsResponse> {
    const [rows, snapshot] = await Promise.all([
      this.repository.list(scope, query.state, query.limit),
      this.muting.snapshot(this.lifecycle.now()),
    ]);
    return { items: rows.map((row) => this.muting.view(row, snapshot)) };
  }

  async get(id: string, scope: Scope): Promise<AlertDetail> {
    const row = await this.found(id, scope);
    const snapshot = await this.muting.snapshot(this.lifecycle.now());
    return {
      ...this.muting.view(row, snapshot),
      timeline: (await this.repository.timeline(id)).map(timelineEntry),
    };
  }

  async acknowledge(id: string, by: string, note: string | undefined, scope: Scope): Promise<AlertView> {
    const row = await this.found(id, scope);
    if (row.state !== 'open')
      throw new ConflictError(`alert ${id} is ${row.state}; only an open alert can be acknowledged`);
    return this.changed(id, await this.lifecycle.acknowledge(id, by, emptyToUndefined(note)));
  }

  async resolve(id: string, by: string, reason: string, scope: Scope): Promise<AlertView> {
    const row = await this.found(id, scope);
    if (row.state === 'resolved') throw new ConflictError(`alert ${id} is already resolved`);
    return this.changed(id, await this.lifecycle.resolve(id, by, reason));
  }

  async assign(id: string, by: string, assignee: string, scope: Scope): Promise<AlertView> {
    const row = await this.found(id, scope);
    if (row.state === 'resolved') throw new ConflictError(`alert ${id} is resolved; it cannot be assigned`);
    if (!(await this.repository.userExists(assignee))) {
      throw new ValidationError([{ field: 'assignee', message: 'no such user' }]);
    }
    return this.changed(id, await this.lifecycle.assign(id, by, assignee));
  }

  /** Acknowledges each open alert in scope; the others are listed as skipped, not failed. */
  async acknowledgeMany(
    ids: readonly string[],
    by: string,
    note: string | undefined,
    scope: Scope,
  ): Promise<BulkAcknowledgeResponse> {
    const result: BulkAcknowledgeResponse = { acknowledged: [], skipped: [] };
    for (const id of new Set(ids)) {
      const row = await this.repository.get(id, scope);
      if (row === undefined) {
        result.skipped.push({ id, reason: 'not_found' });
        continue;
      }
      const alert =
        row.state === 'open' ? await this.lifecycle.acknowledge(id, by, emptyToUndefined(note)) : undefined;
      if (alert === undefined) result.skipped.push({ id, reason: 'not_open' });
      else result.acknowledged.push(alert);
    }
    return result;
  }

  /** Outside the scope answers exactly like missing, so ids leak nothing. */
  private async found(id: string, scope: Scope): Promise<AlertRow> {
    const row = await this.repository.get(id, scope);
    if (row === undefined) throw new NotFoundError(`alert ${id} not found`);
    return row;
  }

  /** The state moved between the read and the write (another user, the engine). */
  private changed(id: string, alert: AlertView | undefined): AlertView {
    if (alert === undefined) throw new ConflictError(`alert ${id} changed meanwhile; reload it`);
    return alert;
  }
}

function emptyToUndefined(note: string | undefined): string | undefined {
  return note === undefined || note === '' ? undefined : note;
}
