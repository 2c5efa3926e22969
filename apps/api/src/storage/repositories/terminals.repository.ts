import { Inject, Injectable } from '@nestjs/common';
import { sql, type Nullable, type SelectQueryBuilder } from 'kysely';
import { scopeCondition, type ScopeColumns } from '../../auth/scope/apply-scope';
import type { Scope } from '../../auth/scope/scope';
import { DATABASE, type Database } from '../database';
import type { DB } from '../schema/db-schema';
import { dedupeImportRows, type TerminalImportRow } from './terminal-import';
import { toTerminalState, type TerminalState, type TerminalStateRow } from './terminal-state';

export interface TerminalListQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
  region?: string;
  registered?: boolean;
  online?: boolean;
  /** Case-insensitive substring of terminal id, merchant id or merchant name. */
  search?: string;
  /** What the caller may see; everything when absent. */
  scope?: Scope;
}

export interface FleetSummary {
  total: number;
  online: number;
  offline: number;
  unregistered: number;
}

export const MAX_PAGE_SIZE = 500;
const IMPORT_CHUNK = 1000;
const ALL: Scope = { kind: 'all' };
const SCOPE_COLUMNS: ScopeColumns = { region: 't.region', merchantId: 't.merchant_id' };

type Joined = DB & { t: DB['terminals'] } & { l: Nullable<DB['terminal_latest']> };

export type ImportListener = (terminalIds: readonly string[]) => void;

@Injectable()
export class TerminalsRepository {
  private readonly importListeners = new Set<ImportListener>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Called with the ids of every committed import (places and merchants may have moved). */
  onImported(listener: ImportListener): () => void {
    this.importListeners.add(listener);
    return () => this.importListeners.delete(listener);
  }

  /** Upserts by terminal id and marks each registered; telemetry already stored stays. */
  async importTerminals(rows: readonly TerminalImportRow[]): Promise<number> {
    const unique = dedupeImportRows(rows);
    await this.database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < unique.length; i += IMPORT_CHUNK) {
        const values = unique.slice(i, i + IMPORT_CHUNK).map((r) => ({
          terminal_id: r.terminalId,
          merchant_id: r.merchantId,
          merchant_name: r.merchantName,
          region: r.region,
          lat: r.lat,
          lon: r.lon,
          model: r.model ?? null,
          comm: r.comm ?? null,
          account_manager: r.accountManager ?? null,
          merchant_phone: r.merchantPhone ?? null,
          address: r.address ?? null,
          shop_hours: r.shopHours === undefined ? null : JSON.stringify(r.shopHours),
          registered: true,
        }));
        await trx
          .insertInto('terminals')
          .values(values)
          .onConflict((oc) =>
            oc.column('terminal_id').doUpdateSet((eb) => ({
              merchant_id: eb.ref('excluded.merchant_id'),
              merchant_name: eb.ref('excluded.merchant_name'),
              region: eb.ref('excluded.region'),
              lat: eb.ref('excluded.lat'),
              lon: eb.ref('excluded.lon'),
              // Optional fields left out of an import keep what was known.
              model: eb.fn.coalesce('excluded.model', 'terminals.model'),
              comm: eb.fn.coalesce('excluded.comm', 'terminals.comm'),
              account_manager: eb.fn.coalesce('excluded.account_manager', 'terminals.account_manager'),
              merchant_phone: eb.fn.coalesce('excluded.merchant_phone', 'terminals.merchant_phone'),
              address: eb.fn.coalesce('excluded.address', 'terminals.address'),
              shop_hours: eb.fn.coalesce('excluded.shop_hours', 'terminals.shop_hours'),
              registered: true,
              updated_at: sql<Date>`now()`,
            })),
          )
          .execute();
      }
    });
    const ids = unique.map((r) => r.terminalId);
    for (const listener of this.importListeners) listener(ids);
    return unique.length;
  }

  /** Undefined when the terminal is unknown or outside the caller's scope. */
  async findState(terminalId: string, scope: Scope = ALL): Promise<TerminalState | undefined> {
    const row = await this.stateQuery()
      .where('t.terminal_id', '=', terminalId)
      .where(scopeCondition(scope, SCOPE_COLUMNS))
      .executeTakeFirst();
    return row ? toTerminalState(row as TerminalStateRow) : undefined;
  }

  async list(query: TerminalListQuery): Promise<{ items: TerminalState[]; total: number }> {
    const { page, pageSize } = query;
    if (!Number.isInteger(page) || page < 1)
      throw new RangeError(`page must be a whole number ≥ 1, got ${page}`);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${pageSize}`);
    }
    const filtered = this.applyFilters(this.joined(), query);
    const [countRow, rows] = await Promise.all([
      filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      this.applyFilters(this.stateQuery(), query)
        .orderBy('t.terminal_id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute(),
    ]);
    return { items: rows.map((r) => toTerminalState(r as TerminalStateRow)), total: Number(countRow.total) };
  }

  async summary(scope: Scope = ALL): Promise<FleetSummary> {
    const row = await this.joined()
      .where(scopeCondition(scope, SCOPE_COLUMNS))
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where l.online)`.as('online'),
        sql<number>`count(*) filter (where not t.registered)`.as('unregistered'),
      ])
      .executeTakeFirstOrThrow();
    const total = Number(row.total);
    const online = Number(row.online);
    return { total, online, offline: total - online, unregistered: Number(row.unregistered) };
  }

  private joined() {
    return this.database.db
      .selectFrom('terminals as t')
      .leftJoin('terminal_latest as l', 'l.terminal_id', 't.terminal_id');
  }

  private stateQuery() {
    return this.joined().select([
      't.terminal_id',
      't.registered',
      't.merchant_id',
      't.merchant_name',
      't.region',
      't.lat',
      't.lon',
      't.model',
      't.comm',
      't.account_manager',
      't.merchant_phone',
      't.address',
      'l.online',
      'l.online_reason',
      'l.last_seen_at',
      'l.last_received_at',
      'l.signal',
      'l.sim',
      'l.paper',
      'l.heartbeat',
      'l.txn',
      'l.risk_score',
      'l.causes',
      'l.risk_updated_at',
    ]);
  }

  private applyFilters<O>(q: SelectQueryBuilder<Joined, 't' | 'l', O>, f: TerminalListQuery) {
    return q.where((eb) => {
      const conditions = [scopeCondition(f.scope ?? ALL, SCOPE_COLUMNS)];
      if (f.region !== undefined) conditions.push(eb('t.region', '=', f.region));
      if (f.registered !== undefined) conditions.push(eb('t.registered', '=', f.registered));
      if (f.online !== undefined)
        conditions.push(eb(eb.fn.coalesce('l.online', sql<boolean>`false`), '=', f.online));
      if (f.search) {
        const pattern = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(
          eb.or([
            eb('t.terminal_id', 'ilike', pattern),
            eb('t.merchant_id', 'ilike', pattern),
            eb('t.merchant_name', 'ilike', pattern),
          ]),
        );
      }
      return eb.and(conditions);
    });
  }
}
