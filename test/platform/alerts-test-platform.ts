import { randomUUID } from 'node:crypto';
import type { AlertView } from '@fleet/telemetry/api/alerts';
import type { ImportTerminal } from '@fleet/telemetry/api/terminals';
import { AlertLifecycle } from '../../apps/api/src/alerts/alert-lifecycle';
import type { AlertSignal } from '../../apps/api/src/alerts/alert-signals';
import { createRoleTokens } from '../../apps/api/src/auth/testing/access-matrix';
import type { Role } from '../../apps/api/src/auth/users/role';
import { bootPlatform, type TestPlatform } from './boot-platform';

export interface AlertsTestPlatform {
  p: TestPlatform;
  /** One user per role; the technician sees Shanghai, the account manager M-A. */
  tokens: Record<Role, string>;
  /** Opens an alert as the engine does (row, timeline, audit, event). */
  openAlert(signal: AlertSignal): Promise<AlertView>;
}

/** The whole platform with `terminals` imported and a signed-in user per role, for the alert APIs. */
export async function bootAlertsPlatform(terminals: readonly ImportTerminal[]): Promise<AlertsTestPlatform> {
  const p = await bootPlatform();
  const imported = await p.call('POST', '/terminals/import', { body: terminals });
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const tokens = await createRoleTokens(p.api, p.adminToken, { regions: ['Shanghai'], merchantIds: ['M-A'] });
  const lifecycle = p.platform.app.get(AlertLifecycle);
  return {
    p,
    tokens,
    openAlert: async (signal) => (await lifecycle.openMany([{ id: randomUUID(), signal }]))[0]!,
  };
}
