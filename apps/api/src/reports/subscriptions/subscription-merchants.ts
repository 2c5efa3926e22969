import { Inject, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { scopeCondition } from '../../auth/scope/apply-scope';
import { scopeFor } from '../../auth/scope/scope';
import type { AuthUser } from '../../auth/users/role';
import { ForbiddenError, ValidationError } from '../../common/errors/domain-error';
import { DATABASE, type Database } from '../../storage/database';

/**
 * Whether a subscriber may narrow a report to these merchants: an account manager to its own,
 * a technician to merchants with terminals in its regions (403 otherwise); support and admins
 * to any merchant the fleet has (an unknown one is a 400 naming it).
 */
@Injectable()
export class SubscriptionMerchants {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async check(user: AuthUser, merchantIds: readonly string[]): Promise<void> {
    if (user.role === 'account_manager') {
      const outside = merchantIds.filter((id) => !user.merchantIds.includes(id));
      if (outside.length > 0) throw new ForbiddenError(`merchants outside your scope: ${outside.join(', ')}`);
      return;
    }
    const visible = await this.visible(user, merchantIds);
    const missing = merchantIds.map((id, index) => ({ id, index })).filter(({ id }) => !visible.has(id));
    if (missing.length === 0) return;
    if (user.role === 'technician') {
      throw new ForbiddenError(`merchants outside your regions: ${missing.map((m) => m.id).join(', ')}`);
    }
    throw new ValidationError(
      missing.map(({ id, index }) => ({ field: `merchantIds.${index}`, message: `unknown merchant ${id}` })),
    );
  }

  /** Of `merchantIds`, those with a terminal in the user's scope. */
  private async visible(user: AuthUser, merchantIds: readonly string[]): Promise<Set<string>> {
    const { rows } = await sql<{ merchant_id: string }>`
      select distinct t.merchant_id from terminals t
      where t.merchant_id = any(${[...merchantIds]}::text[])
        and ${scopeCondition(scopeFor(user), { region: 't.region', merchantId: 't.merchant_id' })}`.execute(
      this.database.db,
    );
    return new Set(rows.map((r) => r.merchant_id));
  }
}
