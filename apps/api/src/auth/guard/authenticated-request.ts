import type { Scope } from '../scope/scope';
import type { AuthUser } from '../users/role';

/** What AuthGuard attaches to each request it lets through. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  ip?: string;
  user?: AuthUser;
  scope?: Scope;
}
