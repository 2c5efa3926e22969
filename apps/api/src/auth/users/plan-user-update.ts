import { ConflictError } from '../../common/errors/domain-error';
import { parseOrThrow } from '../../common/errors/zod-fields';
import type { Role } from './role';
import type { UserField } from './user-changes';
import { roleAssignmentSchema, type UpdateUserInput } from './user.schemas';
import type { UserChanges, UserRow } from './users.repository';

export interface UpdatePlan {
  /** The columns to write; empty when the patch changes nothing. */
  changes: UserChanges;
  fields: UserField[];
  /** The changed fields as they were and as they will be (API names; never a password). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface UpdateContext {
  /** Who asks: an admin may not disable themselves. */
  actorId: string;
  /** Enabled admins other than the user being changed: one must remain. */
  otherEnabledAdminIds: string[];
  /** Set for a password reset, hashed beforehand (hashing is slow; the rows are locked here). */
  passwordHash?: string;
}

/**
 * What a PATCH does to a stored user, or why it may not. A role change clears the scope
 * the new role does not carry (a technician made support loses its regions) unless the
 * patch sends that scope, which is then refused by name; the result must pass the same
 * rules as a new user. Throws ValidationError (400) or ConflictError (409).
 */
export function planUserUpdate(current: UserRow, input: UpdateUserInput, context: UpdateContext): UpdatePlan {
  const role = input.role ?? (current.role as Role);
  const assignment = parseOrThrow(roleAssignmentSchema, {
    role,
    regions: input.regions ?? (role === 'technician' ? current.regions : []),
    merchantIds: input.merchantIds ?? (role === 'account_manager' ? current.merchant_ids : []),
  });
  const wanted = {
    role: assignment.role,
    regions: assignment.regions,
    merchantIds: assignment.merchantIds,
    email: input.email === undefined ? current.email : input.email,
    phone: input.phone === undefined ? current.phone : input.phone,
    locale: input.locale ?? current.locale,
    quietHours: input.quietHours === undefined ? current.quiet_hours : input.quietHours,
    skills: input.skills === undefined ? current.skills : input.skills,
    homeBase: input.homeBase === undefined ? current.home_base : input.homeBase,
    timeZone: input.timeZone ?? current.time_zone,
    disabled: input.disabled ?? current.disabled,
  };
  const stored = {
    role: current.role,
    regions: current.regions,
    merchantIds: current.merchant_ids,
    email: current.email,
    phone: current.phone,
    locale: current.locale,
    quietHours: current.quiet_hours,
    skills: current.skills,
    homeBase: current.home_base,
    timeZone: current.time_zone,
    disabled: current.disabled,
  };
  assertKeepsAnAdmin(current, wanted, context);

  const fields = (Object.keys(wanted) as Array<keyof typeof wanted>).filter(
    (field) => JSON.stringify(wanted[field]) !== JSON.stringify(stored[field]),
  );
  const before = Object.fromEntries(fields.map((field) => [field, stored[field]]));
  const after = Object.fromEntries(fields.map((field) => [field, wanted[field]]));
  const changes: UserChanges = {};
  if (fields.includes('role')) changes.role = wanted.role;
  if (fields.includes('regions')) changes.regions = wanted.regions;
  if (fields.includes('merchantIds')) changes.merchant_ids = wanted.merchantIds;
  if (fields.includes('email')) changes.email = wanted.email;
  if (fields.includes('phone')) changes.phone = wanted.phone;
  if (fields.includes('locale')) changes.locale = wanted.locale;
  if (fields.includes('quietHours'))
    changes.quiet_hours = wanted.quietHours === null ? null : JSON.stringify(wanted.quietHours);
  if (fields.includes('skills'))
    changes.skills = wanted.skills === null ? null : JSON.stringify(wanted.skills);
  if (fields.includes('homeBase'))
    changes.home_base = wanted.homeBase === null ? null : JSON.stringify(wanted.homeBase);
  if (fields.includes('timeZone')) changes.time_zone = wanted.timeZone;
  if (fields.includes('disabled')) changes.disabled = wanted.disabled;
  if (context.passwordHash !== undefined) changes.password_hash = context.passwordHash;
  return {
    changes,
    fields: context.passwordHash === undefined ? fields : [...fields, 'password'],
    before,
    after,
  };
}

function assertKeepsAnAdmin(
  current: UserRow,
  wanted: { role: Role; disabled: boolean },
  context: UpdateContext,
): void {
  if (wanted.disabled && !current.disabled && current.id === context.actorId) {
    throw new ConflictError('you cannot disable your own account; ask another administrator');
  }
  const wasEnabledAdmin = current.role === 'admin' && !current.disabled;
  const staysEnabledAdmin = wanted.role === 'admin' && !wanted.disabled;
  if (wasEnabledAdmin && !staysEnabledAdmin && context.otherEnabledAdminIds.length === 0) {
    throw new ConflictError(
      `${current.username} is the last enabled administrator; make another user an administrator first`,
    );
  }
}
