import { USER_ROLES, type UserRole } from '@fleet/telemetry/api/users';

/** The four roles of PROTOCOL.md §2; what each may see is decided in scope/scope.ts. */
export const ROLES = USER_ROLES;
export type Role = UserRole;

/** Who is calling, as carried in the access token (no database lookup per request). */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  regions: string[];
  merchantIds: string[];
}
