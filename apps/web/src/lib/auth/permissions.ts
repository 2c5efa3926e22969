import type { Role } from './session-schema';

/**
 * What each role may use in the dashboard; mirrors the API's guards so nobody meets a
 * button that answers 403. Admin-only: device credentials, users and platform internals.
 */
const PERMISSIONS = {
  viewPlatformHealth: ['admin', 'support'],
  markContacted: ['admin', 'support', 'account_manager'],
  viewIncidents: ['admin', 'support', 'technician'],
  issueCredentials: ['admin'],
  manageUsers: ['admin'],
  // The dispatch board: reassigning work orders (POST /work-orders/{id}/assign).
  dispatch: ['admin', 'support'],
  // Silences and maintenance windows (GET too): admin and support.
  manageMuting: ['admin', 'support'],
  // GET /users is admin-only: others assign an alert to themselves.
  listUsers: ['admin'],
  // Support reads the alert routing rules; admins change them.
  viewAlertRules: ['admin', 'support'],
  manageAlertRules: ['admin'],
  // Device-health reports: the account managers' page; support and admins see any merchant.
  viewReports: ['admin', 'support', 'account_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
