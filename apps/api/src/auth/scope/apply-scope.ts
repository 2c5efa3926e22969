import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from './scope';

/** Column names to filter on, for queries that alias the terminals table. */
export interface ScopeColumns {
  region: string;
  merchantId: string;
}

const TERMINAL_COLUMNS: ScopeColumns = { region: 'terminals.region', merchantId: 'terminals.merchant_id' };

/**
 * The SQL condition for "visible within scope". An empty region or merchant list sees
 * nothing (a scoped user with no assignment must not fall through to everything).
 */
export function scopeCondition(scope: Scope, columns: ScopeColumns = TERMINAL_COLUMNS): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'regions':
      return inList(columns.region, scope.regions);
    case 'merchants':
      return inList(columns.merchantId, scope.merchantIds);
  }
}

function inList(column: string, values: readonly string[]): Expression<SqlBool> {
  if (values.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
}

/** Restricts a select over `terminals` (or an alias via `columns`) to what `scope` may see. */
export function applyScope<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  scope: Scope,
  columns: ScopeColumns = TERMINAL_COLUMNS,
): SelectQueryBuilder<DB, TB, O> {
  return scope.kind === 'all' ? qb : qb.where(scopeCondition(scope, columns));
}
