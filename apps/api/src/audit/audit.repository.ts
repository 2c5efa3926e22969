import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, type Selectable, sql } from 'kysely';
import { authDb, type AuditLogTable, type AuthTables } from '../auth/auth-tables';
import { DATABASE, type Database } from '../storage/database';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditPageQuery {
  limit: number;
  /** Only entries older than this id (keyset paging: stable while new entries arrive). */
  before?: number;
  actor?: string;
  action?: string;
}

@Injectable()
export class AuditRepository {
  private readonly db: Kysely<AuthTables>;

  constructor(@Inject(DATABASE) database: Database) {
    this.db = authDb(database);
  }

  async insert(
    actor: string,
    action: string,
    target: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({ actor, action, target, detail: sql<string>`${JSON.stringify(detail)}::jsonb` })
      .execute();
  }

  /** Many entries in one statement. */
  async insertMany(
    entries: ReadonlyArray<{
      actor: string;
      action: string;
      target: string;
      detail: Record<string, unknown>;
    }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('audit_log')
      .values(
        entries.map((e) => ({
          actor: e.actor,
          action: e.action,
          target: e.target,
          detail: sql<string>`${JSON.stringify(e.detail)}::jsonb`,
        })),
      )
      .execute();
  }

  page(query: AuditPageQuery): Promise<AuditRow[]> {
    let qb = this.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit);
    if (query.before !== undefined) qb = qb.where('id', '<', query.before);
    if (query.actor !== undefined) qb = qb.where('actor', '=', query.actor);
    if (query.action !== undefined) qb = qb.where('action', '=', query.action);
    return qb.execute();
  }
}
