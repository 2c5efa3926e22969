import { Injectable } from '@nestjs/common';
import { type AuditPageQuery, AuditRepository } from './audit.repository';
import type { AuditEntryView, AuditPageView } from './audit.schemas';

/** Who did what to what: user changes, credential rotations, imports, merchant contacts. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  /**
   * Appends one entry. `actor` is a username (or `system`), `action` a dotted verb such
   * as `user.created`, `target` what it was done to. Never put secrets in `detail`.
   */
  record(actor: string, action: string, target: string, detail: Record<string, unknown> = {}): Promise<void> {
    return this.repository.insert(actor, action, target, detail);
  }

  /** Many entries at once (an alert wave), as one statement. */
  recordMany(
    entries: ReadonlyArray<{
      actor: string;
      action: string;
      target: string;
      detail: Record<string, unknown>;
    }>,
  ): Promise<void> {
    return this.repository.insertMany(entries);
  }

  async page(query: AuditPageQuery): Promise<AuditPageView> {
    // One extra row tells whether an older page exists without a count query.
    const rows = await this.repository.page({ ...query, limit: query.limit + 1 });
    const items: AuditEntryView[] = rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      target: row.target,
      detail: row.detail,
    }));
    const last = items[items.length - 1];
    return { items, nextBefore: rows.length > query.limit && last ? last.id : null };
  }
}
