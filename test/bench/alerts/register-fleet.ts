import { authDb } from '../../../apps/api/src/auth/auth-tables';
import type { Database } from '../../../apps/api/src/storage/database';
import { TerminalsRepository } from '../../../apps/api/src/storage/repositories/terminals.repository';
import type { FleetPlan } from './fleet-plan';

/**
 * The registry as an operator builds it: the terminals through the import that
 * POST /terminals/import runs, and the users (support, technicians with their regions,
 * account managers with their merchants) with e-mail addresses and locales.
 */
export async function registerFleet(database: Database, plan: FleetPlan): Promise<void> {
  await new TerminalsRepository(database).importTerminals(
    plan.terminals.map((t) => ({
      terminalId: t.terminalId,
      merchantId: t.merchantId,
      merchantName: `${t.region} shop ${t.merchantId}`,
      region: t.region,
      lat: t.lat,
      lon: t.lon,
      model: 'PAX A920',
      comm: '4g',
    })),
  );
  await authDb(database)
    .insertInto('users')
    .values(
      plan.users.map((u) => ({
        username: u.username,
        // Nobody signs in during the bench; the notifications need only the contact details.
        password_hash: 'bench-no-login',
        role: u.role,
        regions: u.regions,
        merchant_ids: u.merchantIds,
        email: u.email,
        locale: u.locale,
      })),
    )
    .execute();
}
