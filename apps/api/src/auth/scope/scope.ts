import type { AuthUser } from '../users/role';

/** What part of the fleet a caller may see. Repositories filter by it; see apply-scope.ts. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'regions'; regions: readonly string[] }
  | { kind: 'merchants'; merchantIds: readonly string[] };

export function scopeFor(user: Pick<AuthUser, 'role' | 'regions' | 'merchantIds'>): Scope {
  switch (user.role) {
    case 'admin':
    case 'support':
      return { kind: 'all' };
    case 'technician':
      return { kind: 'regions', regions: user.regions };
    case 'account_manager':
      return { kind: 'merchants', merchantIds: user.merchantIds };
  }
}

/** Where a terminal sits; unregistered terminals have neither and are visible only to `all`. */
export interface ScopedPlace {
  region?: string | null;
  merchantId?: string | null;
}

export function scopeAllows(scope: Scope, place: ScopedPlace): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'regions':
      return place.region != null && scope.regions.includes(place.region);
    case 'merchants':
      return place.merchantId != null && scope.merchantIds.includes(place.merchantId);
  }
}
